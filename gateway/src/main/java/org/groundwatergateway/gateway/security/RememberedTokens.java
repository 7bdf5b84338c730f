package org.groundwatergateway.gateway.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Verifies each access token once and remembers the result until the token expires, as a busy client sends the same
 * token with every request: the signature, audience and lifetime do not change. Whether the token was revoked does, so
 * that is asked of the authorization store on every use (an answer it remembers itself until the store changes).
 */
public final class RememberedTokens implements JwtDecoder {

    private static final int REMEMBERED = 10_000;
    private final JwtDecoder verifier;
    private final Authorizations authorizations;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    public RememberedTokens(JwtDecoder verifier, Authorizations authorizations, Clock clock) {
        this.verifier = verifier;
        this.authorizations = authorizations;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = verified.get(token);
        if (jwt == null) {
            jwt = verifier.decode(token);
            if (verified.size() >= REMEMBERED) verified.clear();
            verified.put(token, jwt);
        }
        Instant now = clock.instant();
        if (jwt.getExpiresAt() == null || !jwt.getExpiresAt().isAfter(now)) {
            verified.remove(token);
            throw new BadJwtException("An error occurred while attempting to decode the Jwt: Jwt expired at " + jwt.getExpiresAt());
        }
        if (!authorizations.active(token)) {
            verified.remove(token);
            throw new BadJwtException("An error occurred while attempting to decode the Jwt: The token was revoked or not issued here");
        }
        return jwt;
    }
}
