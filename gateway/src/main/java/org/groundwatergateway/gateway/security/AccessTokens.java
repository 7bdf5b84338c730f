package org.groundwatergateway.gateway.security;

import java.util.Optional;
import org.groundwatergateway.policies.Viewer;

/**
 * Verifies an access token issued by this platform's authorization server (signature, expiry, audience and that it
 * was not revoked) for doors that do not speak HTTP, such as MQTT clients that present it as their password.
 */
public interface AccessTokens {

    /** The viewer the token speaks for; empty for anything that is not a valid, unrevoked token of ours. */
    Optional<Viewer> verify(String token);
}
