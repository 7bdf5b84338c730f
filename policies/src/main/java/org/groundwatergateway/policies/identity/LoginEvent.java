package org.groundwatergateway.policies.identity;

import java.time.Instant;

/** One entry of the audit of logins: who (as given, even when unknown), what happened, from where. */
public record LoginEvent(Long id, Instant at, String principal, Kind kind, String detail, String address) {

    public enum Kind {
        LOGIN_SUCCEEDED,
        LOGIN_FAILED,
        LOCKED_OUT,
        PASSWORD_CHANGED,
        TOKEN_ISSUED,
        TOKEN_REFUSED,
        TOKEN_REVOKED,
        BEARER_REFUSED,
        SETUP
    }
}
