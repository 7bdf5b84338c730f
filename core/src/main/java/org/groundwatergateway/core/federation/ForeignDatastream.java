package org.groundwatergateway.core.federation;

/**
 * A partner's datastream as mirrored here, read-only, with its origin: the partner gateway, its id there, the
 * agreement's licence and what the partner says it masked before sharing it.
 *
 * @param agreementId the agreement it was last mirrored under
 * @param disclosure the source's own statement of what it masked (its {@code GW-Disclosure}); null if it said none
 */
public record ForeignDatastream(long id, long peerId, long remoteId, long agreementId, String name, String description, String unit, String thing, String licence,
                                String disclosure) {

    /**
     * Whether the source masks as it did when this was mirrored under the same agreement: what a source masks is part
     * of what was agreed, so a change (the agreement ended there, and the partner now sees only what its kind does)
     * must not mix into the mirror unnoticed. The policy version alone may change.
     */
    public boolean masksAs(long agreement, String statement) {
        return agreement != agreementId || masking(disclosure).equals(masking(statement));
    }

    private static String masking(String statement) {
        return statement == null ? "" : statement.replaceFirst("^policy v\\d+(; )?", "");
    }
}
