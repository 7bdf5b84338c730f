package org.groundwatergateway.gateway.security;

import java.util.ArrayList;
import java.util.List;
import org.groundwatergateway.policies.Role;
import org.groundwatergateway.policies.identity.Accounts;
import org.groundwatergateway.policies.identity.ApiClient;
import org.groundwatergateway.policies.identity.Organisation;
import org.groundwatergateway.policies.identity.UserAccount;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts who is asking into every token: the organisation, its kind and the roles, read afresh from the accounts at
 * issue (and at every refresh, so a person whose roles changed or who was disabled gets no stale token). A client
 * speaks for its own organisation; a person for theirs. Every access token is for this platform's audience.
 */
public final class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final Accounts accounts;
    private final String audience;

    public TokenClaims(Accounts accounts, String audience) {
        this.accounts = accounts;
        this.audience = audience;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean access = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        if (!access && !"id_token".equals(context.getTokenType().getValue())) return;
        Organisation organisation;
        List<String> roles;
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            ApiClient client = accounts.client(context.getRegisteredClient().getClientId()).orElseThrow(() -> refused("unknown client"));
            organisation = accounts.organisation(client.organisationId()).orElseThrow(() -> refused("client without organisation"));
            roles = client.roles().stream().map(Role::name).toList();
        } else {
            String username = context.getPrincipal().getName();
            UserAccount account = accounts.user(username).filter(UserAccount::enabled).orElseThrow(() -> refused("account disabled or removed"));
            organisation = accounts.organisation(account.organisationId()).orElseThrow(() -> refused("account without organisation"));
            roles = account.roles().stream().map(Role::name).toList();
        }
        context.getClaims().claim(Viewers.ORGANISATION, organisation.code()).claim(Viewers.ORGANISATION_KIND, organisation.kind().name())
                // Plain ArrayLists: the claims are stored with the authorization, and its JSON reader admits only those.
                .claim(Viewers.ROLES, new ArrayList<>(roles));
        if (access) context.getClaims().audience(new ArrayList<>(List.of(audience)));
    }

    private static OAuth2AuthenticationException refused(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, why, null));
    }
}
