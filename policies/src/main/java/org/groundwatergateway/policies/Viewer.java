package org.groundwatergateway.policies;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is asking, as every output path sees it: a name for the audit log, the roles held and the organisation it
 * speaks for, with that organisation's kind. Every door gets its viewer from one resolver, so a person or client
 * is the same viewer whichever door it uses.
 *
 * @param organisation the organisation's code, null only for the anonymous public
 */
public record Viewer(String name, Set<Role> roles, String organisation, OrganisationKind organisationKind) {

    private static final Viewer ANONYMOUS = new Viewer("anonymous", Set.of(Role.PUBLIC), null, OrganisationKind.PUBLIC);

    public Viewer {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a viewer needs a name");
        if (organisationKind == null) throw new IllegalArgumentException("a viewer needs an organisation kind");
        roles = roles.isEmpty() ? Set.of(Role.PUBLIC) : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Viewer anonymous() {
        return ANONYMOUS;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAnonymous() {
        return organisation == null;
    }
}
