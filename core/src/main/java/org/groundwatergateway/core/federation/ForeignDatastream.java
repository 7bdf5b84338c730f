package org.groundwatergateway.core.federation;

/**
 * A partner's datastream as mirrored here, read-only, with its origin: the partner gateway, its id there, the
 * agreement's licence and what the partner says it masked before sharing it.
 *
 * @param disclosure the source's own statement of what it masked (its {@code GW-Disclosure}); null if it said none
 */
public record ForeignDatastream(long id, long peerId, long remoteId, String name, String description, String unit, String thing, String licence,
                                String disclosure) {}
