package org.groundwatergateway.policies.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.policies.Role;

/** A person who signs in: the organisation they speak for, their roles, and their login state. */
public record UserAccount(Long id, String username, String displayName, long organisationId, String passwordHash,
                          Instant passwordChangedAt, boolean enabled, int failedLogins, Instant lockedUntil, Set<Role> roles,
                          Instant createdAt) {

    public UserAccount {
        if (username == null || !username.matches("[A-Za-z0-9_.@-]{2,64}")) {
            throw new InvalidInput("policies.account.username", "username");
        }
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        if (roles.contains(Role.PUBLIC)) throw new InvalidInput("policies.roles.public", "roles");
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public UserAccount withId(long newId) {
        return new UserAccount(newId, username, displayName, organisationId, passwordHash, passwordChangedAt, enabled, failedLogins,
                lockedUntil, roles, createdAt);
    }
}
