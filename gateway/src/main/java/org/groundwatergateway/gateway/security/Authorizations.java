package org.groundwatergateway.gateway.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The authorization server's store of issued codes and tokens (in the database), and the answer the resource server
 * needs on every request: is this access token still active, or was it revoked? That answer is remembered per token
 * until the store changes, so a busy client costs one lookup, not one per request; any change to the store (a
 * revocation among them) forgets every remembered answer at once.
 */
public final class Authorizations implements OAuth2AuthorizationService {

    private static final int REMEMBERED = 10_000;
    private final OAuth2AuthorizationService store;
    private final Clock clock;
    private final Map<String, Instant> activeUntil = new ConcurrentHashMap<>();
    /** Changes with every write to the store, so an answer read before a revocation is not remembered after it. */
    private final AtomicLong generation = new AtomicLong();

    public Authorizations(OAuth2AuthorizationService store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Whether the access token was issued here and is neither expired nor revoked. */
    public boolean active(String accessToken) {
        Instant until = activeUntil.get(accessToken);
        if (until != null) return until.isAfter(clock.instant());
        long readAt = generation.get();
        OAuth2Authorization authorization = store.findByToken(accessToken, OAuth2TokenType.ACCESS_TOKEN);
        OAuth2Authorization.Token<OAuth2AccessToken> token = authorization == null ? null : authorization.getAccessToken();
        if (token == null || !token.isActive() || token.getToken().getExpiresAt() == null) return false;
        if (activeUntil.size() >= REMEMBERED) activeUntil.clear();
        if (generation.get() == readAt) activeUntil.put(accessToken, token.getToken().getExpiresAt());
        return true;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        store.save(authorization);
        generation.incrementAndGet();
        activeUntil.clear();
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        store.remove(authorization);
        generation.incrementAndGet();
        activeUntil.clear();
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return store.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return store.findByToken(token, tokenType);
    }
}
