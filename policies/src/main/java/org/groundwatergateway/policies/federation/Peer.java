package org.groundwatergateway.policies.federation;

import java.time.Instant;

/**
 * A partner gateway: where it is, the client credentials we use there, the client it uses here (whose organisation
 * the agreements we share under are granted to), its park and boundary, and whom to call.
 *
 * @param outboundClientSecret the partner's secret for our client there; the API never shows it
 * @param boundary the partner park's boundary as WKT in EPSG:4326; null if not given
 */
public record Peer(long id, String gatewayId, String name, String parkCode, String baseUrl, String outboundClientId, String outboundClientSecret,
                   String inboundClientId, String boundary, String contact, String createdBy, Instant createdAt) {}
