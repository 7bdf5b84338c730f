package org.groundwatergateway.policies.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
            throw new IllegalArgumentException("clientId: 3 to 100 letters, digits, '_', '.', '-'");
        }
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name is required");
        grantTypes = Set.copyOf(grantTypes);
        if (grantTypes.isEmpty() || !GRANT_TYPES.containsAll(grantTypes)) {
            throw new IllegalArgumentException("grantTypes: one or more of " + GRANT_TYPES);
        }
        if (grantTypes.contains("client_credentials") && secretHash == null) {
            throw new IllegalArgumentException("grantTypes: client_credentials needs a confidential client (with a secret)");
        }
        if (grantTypes.contains("authorization_code") && redirectUris.isEmpty()) {
            throw new IllegalArgumentException("redirectUris: authorization_code needs at least one");
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
