package org.groundwatergateway.gateway.federation;

/** A partner gateway did not answer as agreed: unreachable, refused our credentials, or withholds a datastream. */
public final class PartnerFailure extends RuntimeException {
    public PartnerFailure(String message) {
        super(message);
    }

    public PartnerFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
