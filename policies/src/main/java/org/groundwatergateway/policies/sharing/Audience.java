package org.groundwatergateway.policies.sharing;

import org.groundwatergateway.policies.OrganisationKind;
import org.groundwatergateway.policies.Role;
import org.groundwatergateway.policies.Viewer;

/**
 * Whom a rule speaks of. When rules of several audiences name the same dataset, the most specific audience that
 * matches the viewer decides ({@link #specificity()}): a named organisation before a role, a role before an
 * organisation kind, a kind before everyone.
 */
public sealed interface Audience {

    boolean matches(Viewer viewer);

    /** Higher is more specific. */
    int specificity();

    /** Anyone at all, signed in or not. */
    record Everyone() implements Audience {
        @Override
        public boolean matches(Viewer viewer) {
            return true;
        }

        @Override
        public int specificity() {
            return 0;
        }

        @Override
        public String toString() {
            return "everyone";
        }
    }

    /** Every person and client of organisations of one kind; the anonymous public is of kind {@code PUBLIC}. */
    record OfKind(OrganisationKind kind) implements Audience {
        @Override
        public boolean matches(Viewer viewer) {
            return viewer.organisationKind() == kind;
        }

        @Override
        public int specificity() {
            return 1;
        }

        @Override
        public String toString() {
            return "kind " + kind;
        }
    }

    /** Whoever holds a role. */
    record WithRole(Role role) implements Audience {
        @Override
        public boolean matches(Viewer viewer) {
            return viewer.has(role);
        }

        @Override
        public int specificity() {
            return 2;
        }

        @Override
        public String toString() {
            return "role " + role;
        }
    }

    /** The people and clients of one organisation, by its code. */
    record Organisation(String code) implements Audience {
        @Override
        public boolean matches(Viewer viewer) {
            return code.equals(viewer.organisation());
        }

        @Override
        public int specificity() {
            return 3;
        }

        @Override
        public String toString() {
            return "organisation " + code;
        }
    }
}
