package org.groundwatergateway.gateway.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.groundwatergateway.policies.OrganisationKind;
import org.groundwatergateway.policies.Role;
import org.groundwatergateway.policies.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The one resolver from an authenticated principal to the {@link Viewer} every door passes on: a bearer token's
 * claims, a signed-in person's account, or nobody (the public). Anything it does not recognise is the public, so an
 * unexpected principal never widens what is disclosed.
 */
public final class Viewers {

    /** The claims of access tokens that carry who is asking. */
    public static final String ORGANISATION = "org";
    public static final String ORGANISATION_KIND = "org_kind";
    public static final String ROLES = "roles";

    private Viewers() {}

    public static Viewer current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Viewer of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) return Viewer.anonymous();
        if (authentication.getPrincipal() instanceof AccountPrincipal account) return account.viewer();
        if (authentication instanceof JwtAuthenticationToken token) return of(token.getToken());
        return Viewer.anonymous();
    }

    /** The viewer a verified access token speaks for; the public if it names no organisation. */
    public static Viewer of(Jwt jwt) {
        String organisation = jwt.getClaimAsString(ORGANISATION);
        String kind = jwt.getClaimAsString(ORGANISATION_KIND);
        if (organisation == null || kind == null) return Viewer.anonymous();
        try {
            return new Viewer(jwt.getSubject(), roles(jwt.getClaimAsStringList(ROLES)), organisation, OrganisationKind.valueOf(kind));
        } catch (IllegalArgumentException e) {
            return Viewer.anonymous();
        }
    }

    static Set<Role> roles(Collection<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                // A role this platform does not know grants nothing.
            }
        }
        roles.remove(Role.PUBLIC);
        return roles;
    }
}
