package org.groundwatergateway.gateway.ogc;

import java.util.EnumSet;
import java.util.Set;
import org.groundwatergateway.policies.Role;
import org.groundwatergateway.policies.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The viewer behind the current request, as the access policy knows it: roles from the granted authorities. */
public final class Viewers {

    private Viewers() {}

    public static Viewer current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || "anonymousUser".equals(authentication.getPrincipal())) {
            return Viewer.anonymous();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                try {
                    roles.add(Role.valueOf(name.substring(5)));
                } catch (IllegalArgumentException e) {
                    // Authorities that are not sharing roles (scopes, say) do not widen what is disclosed.
                }
            }
        }
        return new Viewer(authentication.getName(), roles, null);
    }
}
