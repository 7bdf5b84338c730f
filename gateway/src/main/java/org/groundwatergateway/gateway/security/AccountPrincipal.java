package org.groundwatergateway.gateway.security;

import java.util.Collection;
import java.util.List;
import org.groundwatergateway.policies.Role;
import org.groundwatergateway.policies.Viewer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A person signed in with a password (login page or HTTP Basic), as the security chain and the doors see them. */
public record AccountPrincipal(Viewer viewer) implements java.security.Principal, java.io.Serializable {

    @Override
    public String getName() {
        return viewer.name();
    }

    public Collection<GrantedAuthority> authorities() {
        return authorities(viewer);
    }

    /** {@code ROLE_<role>} for each role the viewer holds: what the permission matrix checks. */
    public static List<GrantedAuthority> authorities(Viewer viewer) {
        return viewer.roles().stream().filter(r -> r != Role.PUBLIC).map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }
}
