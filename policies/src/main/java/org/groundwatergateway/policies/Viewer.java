package org.groundwatergateway.policies;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is asking, as every output path sees it: a name for the audit log, the roles held and, for an
 * enterprise or a peer park, the organisation it speaks for.
 */
public record Viewer(String name, Set<Role> roles, String organisation) {

    private static final Viewer ANONYMOUS = new Viewer("anonymous", Set.of(Role.PUBLIC), null);

    public Viewer {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a viewer needs a name");
        roles = roles.isEmpty() ? Set.of(Role.PUBLIC) : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Viewer anonymous() {
        return ANONYMOUS;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
