package org.groundwatergateway.policies.sharing;

import java.time.Instant;
import java.util.List;

/**
 * Access granted to an organisation on approval of its request: the template's rules for the datasets requested,
 * addressed to the organisation, in force from {@code validFrom} until {@code validUntil} unless revoked. Every change
 * is a new version; the last one holds.
 *
 * @param rules as stored, with the template's rule ids
 * @param versions oldest first; never empty
 */
public record Grant(long id, long request, String organisation, String template, List<Rule> rules, List<Version> versions) {

    /** What the last version says; expiry is not stored but follows from the clock. */
    public enum Status { ACTIVE, REVOKED }

    /** Where a grant stands at a moment. */
    public enum State { SCHEDULED, ACTIVE, EXPIRED, REVOKED }

    /** One version of a grant: its status and period, who changed it when and why. */
    public record Version(int version, Status status, Instant validFrom, Instant validUntil, String changedBy, Instant changedAt, String reason) {}

    public Grant {
        rules = List.copyOf(rules);
        versions = List.copyOf(versions);
        if (versions.isEmpty()) throw new IllegalArgumentException("a grant has at least one version");
    }

    public Version current() {
        return versions.get(versions.size() - 1);
    }

    public State state(Instant now) {
        Version current = current();
        if (current.status() == Status.REVOKED) return State.REVOKED;
        if (now.isBefore(current.validFrom())) return State.SCHEDULED;
        return now.isBefore(current.validUntil()) ? State.ACTIVE : State.EXPIRED;
    }

    /**
     * The rules as the sharing policy evaluates them, each named {@code grant-<id>.<template rule>} so that explain
     * says which grant decided.
     */
    public List<Rule> evaluatedRules() {
        return rules.stream().map(r -> new Rule("grant-" + id + "." + r.id(), r.audiences(), r.datasets(), r.effects())).toList();
    }
}
