package org.groundwatergateway.policies.sharing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.groundwatergateway.core.problem.Phrase;
import org.groundwatergateway.policies.AccessPolicy;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.Disclosure.Area;
import org.groundwatergateway.policies.Disclosure.Ownership;
import org.groundwatergateway.policies.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One version of the sharing policy, evaluated. Precedence, for a viewer and a dataset:
 * <ol>
 * <li>Only the rules that name the dataset (or {@code *}) and one of whose audiences matches the viewer count.</li>
 * <li>No such rule: nothing is shown (default deny).</li>
 * <li>Of those, only the rules whose matching audience is the most specific decide: a named organisation, then a
 * role, then an organisation kind, then everyone. A more specific rule replaces the less specific ones wholly.</li>
 * <li>Among the deciding rules, a deny wins; otherwise all their effects apply together, the most restrictive way:
 * withheld attributes and buckets add up, row restrictions intersect, the coarsest precision, the longest delay, the
 * coarsest aggregation and the highest minimum count apply, "only own rows" beats "own rows in full", and areas
 * intersect (areas that do not overlap leave nothing, so the dataset is not shown).</li>
 * </ol>
 * The outcome does not depend on the order of rules. Any error while evaluating shows nothing (fail closed) and is
 * logged. The rules of grants in force for the viewer's organisation ({@link Grant#rules()}, audience: that named
 * organisation) take part as if the document held them.
 */
public final class SharingPolicy implements AccessPolicy {

    private static final Logger log = LoggerFactory.getLogger(SharingPolicy.class);
    /** Who the rules of each specificity address, as the explanation names them. */
    private static final Phrase[] SPECIFICITY = {Phrase.of("policies.explain.tier.everyone"), Phrase.of("policies.explain.tier.kind"),
            Phrase.of("policies.explain.tier.role"), Phrase.of("policies.explain.tier.organisation")};

    private final int version;
    private final PolicyDocument document;

    public SharingPolicy(int version, PolicyDocument document) {
        this.version = version;
        this.document = document;
    }

    public int version() {
        return version;
    }

    public PolicyDocument document() {
        return document;
    }

    @Override
    public Disclosure disclose(Viewer viewer, String dataset) {
        return decide(viewer, dataset).disclosure();
    }

    public Decision decide(Viewer viewer, String dataset) {
        return decide(viewer, dataset, List.of());
    }

    /** The decision with these granted rules taking part beside the document's. */
    public Decision decide(Viewer viewer, String dataset, List<Rule> granted) {
        try {
            return evaluate(viewer, dataset, granted.isEmpty() ? document.rules() : concat(document.rules(), granted));
        } catch (RuntimeException e) {
            log.error("Sharing policy version {} failed for {} on dataset {}; nothing disclosed", version,
                    viewer == null ? null : viewer.name(), dataset, e);
            return new Decision(Disclosure.none(), version, List.of(), Phrase.of("policies.explain.failed"));
        }
    }

    private static List<Rule> concat(List<Rule> a, List<Rule> b) {
        List<Rule> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    private Decision evaluate(Viewer viewer, String dataset, List<Rule> rules) {
        if (viewer == null || dataset == null) throw new IllegalArgumentException("no viewer or no dataset");
        int best = -1;
        for (Rule rule : rules) {
            if (rule.names(dataset)) best = Math.max(best, rule.specificityFor(viewer));
        }
        if (best < 0) return new Decision(Disclosure.none(), version, List.of(), Phrase.of("policies.explain.noRule"));
        int tier = best;
        List<Rule> deciding = rules.stream().filter(r -> r.names(dataset) && r.specificityFor(viewer) == tier).toList();
        List<String> ids = deciding.stream().map(Rule::id).toList();
        Phrase by = SPECIFICITY[tier];
        List<Rule> denying = deciding.stream().filter(Rule::denies).toList();
        if (!denying.isEmpty()) {
            return new Decision(Disclosure.none(), version, denying.stream().map(Rule::id).toList(), Phrase.of("policies.explain.denied", by));
        }
        Disclosure disclosure = combine(viewer, deciding.stream().flatMap(r -> r.effects().stream()).toList());
        Phrase reason = disclosure.visible() ? Phrase.of("policies.explain.shown", by) : Phrase.of("policies.explain.areasApart", by);
        return new Decision(disclosure, version, ids, reason);
    }

    private static Disclosure combine(Viewer viewer, List<Effect> effects) {
        Disclosure.Builder builder = Disclosure.builder();
        Map<String, Set<String>> restricted = new HashMap<>();
        double precision = 0;
        Duration delay = Duration.ZERO;
        Disclosure.TimeAggregation aggregation = Disclosure.TimeAggregation.NONE;
        int minimum = 0;
        Effect.OwnRows own = null;
        Area area = null;
        boolean anyArea = false;
        for (Effect effect : effects) {
            // Java 17 has no pattern matching for switch; the effects are sealed, so a new one fails the last branch.
            if (effect instanceof Effect.Withhold w) {
                builder.withhold(Set.copyOf(w.attributes()));
            } else if (effect instanceof Effect.RestrictRows r) {
                restricted.merge(r.attribute(), new HashSet<>(r.values()), (x, y) -> {
                    x.retainAll(y);
                    return x;
                });
            } else if (effect instanceof Effect.OwnRows o) {
                own = own == null ? o : moreRestrictive(own, o);
            } else if (effect instanceof Effect.RestrictArea a) {
                area = anyArea ? intersect(area, a.area()) : a.area();
                anyArea = true;
            } else if (effect instanceof Effect.CoarsenLocation c) {
                precision = Math.max(precision, c.metres());
            } else if (effect instanceof Effect.Bucket b) {
                builder.bucket(b.attribute(), b.scheme());
            } else if (effect instanceof Effect.Delay d) {
                if (d.delay().compareTo(delay) > 0) delay = d.delay();
            } else if (effect instanceof Effect.AggregateTime t) {
                if (t.step().compareTo(aggregation) > 0) aggregation = t.step();
            } else if (effect instanceof Effect.MinimumCount m) {
                minimum = Math.max(minimum, m.enterprises());
            } else if (!(effect instanceof Effect.Allow)) {
                throw new IllegalStateException("effect " + effect.type() + " cannot be combined");
            }
        }
        if (anyArea && area == null) return Disclosure.none();
        restricted.forEach(builder::restrictTo);
        if (own != null) {
            // The anonymous public owns nothing: "only own rows" leaves it none, "own rows in full" exempts none.
            if (viewer.isAnonymous()) {
                if (own.onlyOwn()) builder.restrictTo(own.attribute(), Set.of());
            } else {
                builder.ownership(new Ownership(own.attribute(), viewer.organisation(), own.onlyOwn()));
            }
        }
        return builder.locationPrecisionMetres(precision).delay(delay).timeAggregation(aggregation).minimumCount(minimum).area(area).build();
    }

    /** "Only own" before "own in full"; between equals, the first attribute by name, so the order of rules does not matter. */
    private static Effect.OwnRows moreRestrictive(Effect.OwnRows a, Effect.OwnRows b) {
        return List.of(a, b).stream()
                .min(Comparator.comparing((Effect.OwnRows o) -> !o.onlyOwn()).thenComparing(Effect.OwnRows::attribute)).orElseThrow();
    }

    /** The overlap of two boxes; null when they do not overlap. */
    private static Area intersect(Area a, Area b) {
        if (a == null || b == null) return null;
        double west = Math.max(a.west(), b.west());
        double east = Math.min(a.east(), b.east());
        double south = Math.max(a.south(), b.south());
        double north = Math.min(a.north(), b.north());
        return west <= east && south <= north ? new Area(west, south, east, north) : null;
    }

    @Override
    public String toString() {
        return "sharing policy version " + version + " (" + document.name() + ", "
                + document.rules().stream().map(Rule::id).collect(Collectors.joining(", ")) + ")";
    }
}
