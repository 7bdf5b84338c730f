package org.groundwatergateway.gateway.federation;

import org.groundwatergateway.policies.federation.Peer;

/**
 * A partner gateway did not answer as agreed: unreachable, refused our credentials, or withholds a datastream. Its
 * message is ours alone (it is kept as the mirror's last error, which {@code GET /peers} shows): never a parser's
 * words, which may quote what the partner sent.
 */
public final class PartnerFailure extends RuntimeException {

    /** The last error of a pull that failed for a reason of no kind here (an answer not as SensorThings says, say). */
    public static final String UNREADABLE = "the partner's answer could not be read";

    public PartnerFailure(String message) {
        super(message);
    }

    public PartnerFailure(String message, Throwable cause) {
        super(message, cause);
    }

    static PartnerFailure unreadable(Peer peer, int status) {
        return new PartnerFailure("partner " + peer.gatewayId() + ": " + UNREADABLE + " (HTTP " + status + ")");
    }
}
