package org.groundwatergateway.gateway.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.groundwatergateway.policies.OrganisationKind;
import org.groundwatergateway.policies.Role;
import org.groundwatergateway.policies.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The one resolver from an authenticated principal to the {@link Viewer} every door passes on: a bearer token's
 * claims, or a person signed in with a password (login page session or HTTP Basic), whose authorities carry their
 * roles and organisation. Anything it does not recognise is the public, so an unexpected principal never widens
 * what is disclosed.
 */
public final class Viewers {

    /** The claims of access tokens that carry who is asking. */
    public static final String ORGANISATION = "org";
    public static final String ORGANISATION_KIND = "org_kind";
    public static final String ROLES = "roles";
    /** Authorities of a password sign-in besides its {@code ROLE_}s. */
    private static final String ORGANISATION_AUTHORITY = "ORG:";
    private static final String KIND_AUTHORITY = "ORG_KIND:";
    private static final String ROLE_AUTHORITY = "ROLE_";

    private Viewers() {}

    public static Viewer current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Viewer of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) return Viewer.anonymous();
        if (authentication instanceof JwtAuthenticationToken token) return of(token.getToken());
        String organisation = null;
        String kind = null;
        List<String> roles = new ArrayList<>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name == null) continue;
            if (name.startsWith(ORGANISATION_AUTHORITY)) organisation = name.substring(ORGANISATION_AUTHORITY.length());
            else if (name.startsWith(KIND_AUTHORITY)) kind = name.substring(KIND_AUTHORITY.length());
            else if (name.startsWith(ROLE_AUTHORITY)) roles.add(name.substring(ROLE_AUTHORITY.length()));
        }
        return viewer(authentication.getName(), organisation, kind, roles);
    }

    /** The viewer a verified access token speaks for; the public if it names no organisation. */
    public static Viewer of(Jwt jwt) {
        return viewer(jwt.getSubject(), jwt.getClaimAsString(ORGANISATION), jwt.getClaimAsString(ORGANISATION_KIND), jwt.getClaimAsStringList(ROLES));
    }

    /** What a password sign-in carries: its roles, its organisation and that organisation's kind. */
    public static List<GrantedAuthority> authorities(Viewer viewer) {
        List<GrantedAuthority> authorities = new ArrayList<>(roleAuthorities(viewer.roles()));
        authorities.add(new SimpleGrantedAuthority(ORGANISATION_AUTHORITY + viewer.organisation()));
        authorities.add(new SimpleGrantedAuthority(KIND_AUTHORITY + viewer.organisationKind().name()));
        return authorities;
    }

    static List<GrantedAuthority> roleAuthorities(Collection<Role> roles) {
        return roles.stream().filter(r -> r != Role.PUBLIC).map(r -> (GrantedAuthority) new SimpleGrantedAuthority(ROLE_AUTHORITY + r.name())).toList();
    }

    private static Viewer viewer(String name, String organisation, String kind, Collection<String> roleNames) {
        if (name == null || name.isBlank() || organisation == null || kind == null) return Viewer.anonymous();
        try {
            return new Viewer(name, roles(roleNames), organisation, OrganisationKind.valueOf(kind));
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
