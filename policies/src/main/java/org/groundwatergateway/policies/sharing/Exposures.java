package org.groundwatergateway.policies.sharing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.groundwatergateway.policies.Disclosure;

/** What one disclosure shows that another did not: the what-if report's comparison, effect by effect. */
public final class Exposures {

    /**
     * What an audience would newly see of a dataset.
     *
     * @param audience who, as explain names audiences ({@code kind:ENTERPRISE,role:ENTERPRISE_USER})
     * @param rules the ids of the candidate's rules that decide it
     */
    public record Exposure(String audience, String dataset, List<String> changes, List<String> rules) {}

    /** What a version would newly expose compared with another, audience by audience and dataset by dataset. */
    public record Report(int version, int comparedWith, List<Exposure> newlyExposed) {}

    private Exposures() {}

    /** The ways {@code after} shows more than {@code before}, each as one sentence; empty if it shows nothing more. */
    public static List<String> newlyExposed(Disclosure before, Disclosure after) {
        List<String> changes = new ArrayList<>();
        if (!after.visible()) return changes;
        if (!before.visible()) {
            changes.add("the dataset becomes visible");
            return withEffects(changes, after);
        }
        for (String attribute : before.withheldProperties()) {
            if (!after.withheldProperties().contains(attribute)) changes.add("attribute " + attribute + " is shown");
        }
        for (Map.Entry<String, Disclosure.BucketScheme> bucket : before.bucketed().entrySet()) {
            if (!after.bucketed().containsKey(bucket.getKey())) {
                changes.add("attribute " + bucket.getKey() + " is shown as its value instead of its " + bucket.getValue());
            }
        }
        for (Map.Entry<String, Set<String>> restriction : before.restrictedTo().entrySet()) {
            Set<String> now = after.restrictedTo().get(restriction.getKey());
            if (now == null) {
                changes.add("rows are no longer limited by " + restriction.getKey());
            } else {
                List<String> added = now.stream().filter(v -> !restriction.getValue().contains(v)).sorted().toList();
                if (!added.isEmpty()) changes.add("rows with " + restriction.getKey() + " in " + added + " are shown");
            }
        }
        if (after.locationPrecisionMetres() < before.locationPrecisionMetres()) {
            changes.add(after.locationPrecisionMetres() == 0 ? "locations are shown exactly instead of to " + before.locationPrecisionMetres() + " m"
                    : "locations are shown to " + after.locationPrecisionMetres() + " m instead of " + before.locationPrecisionMetres() + " m");
        }
        if (after.delay().compareTo(before.delay()) < 0) {
            changes.add("data newer than now - " + before.delay().toHours() + " h is shown (delay now " + after.delay().toHours() + " h)");
        }
        if (after.timeAggregation().compareTo(before.timeAggregation()) < 0) {
            changes.add("values are aggregated " + after.timeAggregation() + " instead of " + before.timeAggregation());
        }
        if (after.minimumCount() < before.minimumCount()) {
            changes.add("aggregates over fewer than " + before.minimumCount() + " enterprises are shown (minimum now " + after.minimumCount() + ")");
        }
        Disclosure.Ownership owned = before.ownership();
        Disclosure.Ownership owns = after.ownership();
        if (owned != null && owned.onlyOwn() && (owns == null || !owns.onlyOwn())) {
            changes.add("rows of other organisations than the viewer's are shown");
        }
        // Own rows in full lift what the earlier disclosure held back of them, if it held back anything.
        if (owned == null && owns != null && !owns.onlyOwn() && !before.equals(Disclosure.full())) {
            changes.add("the viewer's own rows (by " + owns.property() + ") are shown in full");
        }
        if (before.area() != null && (after.area() == null || !contains(before.area(), after.area()))) {
            changes.add(after.area() == null ? "rows outside " + before.area() + " are shown" : "rows within " + after.area() + " are shown");
        }
        return changes;
    }

    /** For a dataset that becomes visible: what the new disclosure still holds back, so the line says how much shows. */
    private static List<String> withEffects(List<String> changes, Disclosure after) {
        if (!after.withheldProperties().isEmpty()) changes.add("withholding " + after.withheldProperties().stream().sorted().toList());
        if (!after.restrictedTo().isEmpty()) changes.add("rows limited to " + after.restrictedTo());
        if (after.locationPrecisionMetres() > 0) changes.add("locations to " + after.locationPrecisionMetres() + " m");
        if (!after.bucketed().isEmpty()) changes.add("bucketed " + after.bucketed());
        if (!after.delay().isZero()) changes.add("delayed " + after.delay().toHours() + " h");
        if (after.timeAggregation() != Disclosure.TimeAggregation.NONE) changes.add("aggregated " + after.timeAggregation());
        if (after.minimumCount() > 0) changes.add("minimum count " + after.minimumCount());
        if (after.ownership() != null) changes.add((after.ownership().onlyOwn() ? "only own rows by " : "own rows in full by ") + after.ownership().property());
        if (after.area() != null) changes.add("within " + after.area());
        return changes;
    }

    private static boolean contains(Disclosure.Area outer, Disclosure.Area inner) {
        return outer.west() <= inner.west() && outer.east() >= inner.east() && outer.south() <= inner.south() && outer.north() >= inner.north();
    }
}
