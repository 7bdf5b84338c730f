package org.groundwatergateway.policies.federation;

import java.time.Instant;

/**
 * A partner gateway: where it is, the client credentials we use there, the client it uses here (whose organisation
 * the agreements we share under are granted to), its park and boundary, and whom to call.
 *
 * @param outboundClientSecret the partner's secret for our client there; the API never shows it
 * @param boundary the partner park's boundary as WKT in EPSG:4326; null if not given
 * @param role a neighbouring park, or the province (docs/federation.md "The province")
 */
public record Peer(long id, String gatewayId, String name, String parkCode, String baseUrl, String outboundClientId, String outboundClientSecret,
                   String inboundClientId, String boundary, String contact, Role role, String createdBy, Instant createdAt) {

    /**
     * What a partner is to us: a neighbouring {@code PARK}, whose boundary our plume forecasts are tested against, or the
     * {@code PROVINCE}, which aggregates parks and is told of every joint warning without being a side of it.
     */
    public enum Role { PARK, PROVINCE }
}
