package org.groundwatergateway.policies.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.policies.Role;

/**
 * An OAuth2 client registered for an organisation: an enterprise's system or a partner gateway (confidential, with
 * a secret kept only as a hash), or a public client such as the portal or QGIS (authorization code with PKCE).
 *
 * @param roles what a client_credentials token of this client may do
 */
public record ApiClient(Long id, String clientId, String name, long organisationId, String secretHash, Instant secretRotatedAt,
                        Set<String> grantTypes, Set<String> scopes, List<String> redirectUris, Set<Role> roles, boolean enabled,
                        Instant createdAt) {

    public static final Set<String> GRANT_TYPES = Set.of("client_credentials", "authorization_code", "refresh_token");

    public ApiClient {
        if (clientId == null || !clientId.matches("[A-Za-z0-9_.-]{3,100}")) {
            throw new InvalidInput("policies.client.id", "clientId");
        }
        if (name == null || name.isBlank()) throw new InvalidInput("policies.required", "name");
        grantTypes = Set.copyOf(grantTypes);
        if (grantTypes.isEmpty() || !GRANT_TYPES.containsAll(grantTypes)) {
            throw new InvalidInput("policies.client.grantTypes", "grantTypes", GRANT_TYPES);
        }
        if (grantTypes.contains("client_credentials") && secretHash == null) {
            throw new InvalidInput("policies.client.credentialsNeedSecret", "grantTypes");
        }
        if (grantTypes.contains("authorization_code") && redirectUris.isEmpty()) {
            throw new InvalidInput("policies.client.redirectUris", "redirectUris");
        }
        scopes = Set.copyOf(scopes);
        redirectUris = List.copyOf(redirectUris);
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean confidential() {
        return secretHash != null;
    }

    public ApiClient withId(long newId) {
        return new ApiClient(newId, clientId, name, organisationId, secretHash, secretRotatedAt, grantTypes, scopes, redirectUris, roles,
                enabled, createdAt);
    }

    public ApiClient withSecret(String newHash, Instant at) {
        return new ApiClient(id, clientId, name, organisationId, newHash, at, grantTypes, scopes, redirectUris, roles, enabled, createdAt);
    }
}
