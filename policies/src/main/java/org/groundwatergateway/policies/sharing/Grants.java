package org.groundwatergateway.policies.sharing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.groundwatergateway.policies.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The grants the sharing policy evaluates together with its active version. They are held in memory and read again
 * from the database on the node that changes one at once, and on every node when they are older than
 * {@link #REFRESH}, so an approval or revocation on another node of the platform holds here within that time (within
 * the 60 s issue #13 asks). Whether a grant has begun or expired is checked against the clock at every evaluation,
 * not at the refresh. A refresh that fails leaves no grant in force until the next one (fail closed: grants only add).
 */
public final class Grants {

    static final Duration REFRESH = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(Grants.class);

    private record Loaded(Instant at, Map<String, List<Grant>> byOrganisation) {}

    private final ShareRepository repository;
    private final Clock clock;
    private volatile Loaded loaded;

    public Grants(ShareRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The rules of the grants in force now for the viewer's organisation, named {@code grant-<id>.<rule>}. */
    public List<Rule> rulesFor(Viewer viewer) {
        if (viewer.organisation() == null) return List.of();
        Instant now = clock.instant();
        List<Grant> grants = current(now).byOrganisation().getOrDefault(viewer.organisation(), List.of());
        List<Rule> rules = new ArrayList<>();
        for (Grant grant : grants) if (grant.state(now) == Grant.State.ACTIVE) rules.addAll(grant.evaluatedRules());
        return rules;
    }

    /** The organisations holding a grant that is in force now or later. */
    public Set<String> organisations() {
        return current(clock.instant()).byOrganisation().keySet();
    }

    /** Reads the grants again now: after this node approved or revoked one. */
    public synchronized void reload() {
        Instant now = clock.instant();
        try {
            loaded = new Loaded(now, repository.unexpired(now).stream().collect(Collectors.groupingBy(Grant::organisation)));
        } catch (RuntimeException e) {
            loaded = new Loaded(now, Map.of());
            log.error("Grants cannot be read; none is in force until they can", e);
        }
    }

    private Loaded current(Instant now) {
        Loaded current = loaded;
        if (current != null && !now.isBefore(current.at()) && now.isBefore(current.at().plus(REFRESH))) return current;
        synchronized (this) {
            if (loaded == current) reload();
            return loaded;
        }
    }
}
