package org.groundwatergateway.gateway.security;

import java.time.Duration;
import org.groundwatergateway.policies.identity.Accounts;
import org.groundwatergateway.policies.identity.ApiClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The authorization server's view of the API clients administrators register: a disabled or unknown client does not
 * exist for it. Every authorization code flow needs PKCE; refresh tokens are not reused.
 */
public final class RegisteredClients implements RegisteredClientRepository {

    private final Accounts accounts;
    private final Duration accessTokenTtl;
    private final Duration refreshTokenTtl;

    public RegisteredClients(Accounts accounts, Duration accessTokenTtl, Duration refreshTokenTtl) {
        this.accounts = accounts;
        this.accessTokenTtl = accessTokenTtl;
        this.refreshTokenTtl = refreshTokenTtl;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("clients are registered through /api/v1/clients");
    }

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return accounts.client(clientId).filter(ApiClient::enabled).map(this::registered).orElse(null);
    }

    private RegisteredClient registered(ApiClient client) {
        RegisteredClient.Builder builder = RegisteredClient.withId(client.clientId()).clientId(client.clientId()).clientName(client.name())
                .clientIdIssuedAt(client.createdAt());
        if (client.confidential()) {
            builder.clientSecret(client.secretHash())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        } else {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        client.grantTypes().forEach(grant -> builder.authorizationGrantType(new AuthorizationGrantType(grant)));
        client.redirectUris().forEach(builder::redirectUri);
        client.scopes().forEach(builder::scope);
        if (client.grantTypes().contains("authorization_code")) builder.scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE);
        return builder.clientSettings(ClientSettings.builder().requireProofKey(client.grantTypes().contains("authorization_code"))
                        .requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(accessTokenTtl).refreshTokenTimeToLive(refreshTokenTtl)
                        .reuseRefreshTokens(false).build())
                .build();
    }
}
