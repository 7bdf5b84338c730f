package org.groundwatergateway.policies.sharing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.groundwatergateway.analytics.InvalidArgument;
import org.groundwatergateway.core.problem.Phrase;
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

    /** The ways {@code after} shows more than {@code before}, each as one sentence in English; empty if it shows nothing more. */
    public static List<String> newlyExposed(Disclosure before, Disclosure after) {
        return newlyExposed(before, after, Locale.ENGLISH);
    }

    /**
     * The ways {@code after} shows more than {@code before}, each as one sentence in {@code language} (Chinese for a
     * Chinese locale, otherwise English); empty if it shows nothing more.
     */
    public static List<String> newlyExposed(Disclosure before, Disclosure after, Locale language) {
        List<String> changes = new ArrayList<>();
        if (!after.visible()) return changes;
        if (!before.visible()) {
            changes.add(Phrase.of("policies.exposure.visible").text(language));
            return withEffects(changes, after, language);
        }
        for (String attribute : before.withheldProperties()) {
            if (!after.withheldProperties().contains(attribute)) changes.add(Phrase.of("policies.exposure.attributeShown", attribute).text(language));
        }
        for (Map.Entry<String, Disclosure.BucketScheme> bucket : before.bucketed().entrySet()) {
            if (!after.bucketed().containsKey(bucket.getKey())) {
                changes.add(Phrase.of("policies.exposure.unbucketed", bucket.getKey(), scheme(bucket.getValue(), language)).text(language));
            }
        }
        for (Map.Entry<String, Set<String>> restriction : before.restrictedTo().entrySet()) {
            Set<String> now = after.restrictedTo().get(restriction.getKey());
            if (now == null) {
                changes.add(Phrase.of("policies.exposure.rowsUnlimited", restriction.getKey()).text(language));
            } else {
                List<String> added = now.stream().filter(v -> !restriction.getValue().contains(v)).sorted().toList();
                if (!added.isEmpty()) changes.add(Phrase.of("policies.exposure.rowsAdded", restriction.getKey(), added).text(language));
            }
        }
        if (after.locationPrecisionMetres() < before.locationPrecisionMetres()) {
            changes.add(after.locationPrecisionMetres() == 0 ? Phrase.of("policies.exposure.exactLocations", before.locationPrecisionMetres()).text(language)
                    : Phrase.of("policies.exposure.finerLocations", after.locationPrecisionMetres(), before.locationPrecisionMetres()).text(language));
        }
        if (after.delay().compareTo(before.delay()) < 0) {
            changes.add(Phrase.of("policies.exposure.shorterDelay", before.delay().toHours(), after.delay().toHours()).text(language));
        }
        if (after.timeAggregation().compareTo(before.timeAggregation()) < 0) {
            changes.add(Phrase.of("policies.exposure.finerAggregation", aggregation(after.timeAggregation(), language),
                    aggregation(before.timeAggregation(), language)).text(language));
        }
        if (after.minimumCount() < before.minimumCount()) {
            changes.add(Phrase.of("policies.exposure.smallerMinimum", before.minimumCount(), after.minimumCount()).text(language));
        }
        Disclosure.Ownership owned = before.ownership();
        Disclosure.Ownership owns = after.ownership();
        if (owned != null && owned.onlyOwn() && (owns == null || !owns.onlyOwn())) {
            changes.add(Phrase.of("policies.exposure.otherOrganisations").text(language));
        }
        // Own rows in full lift what the earlier disclosure held back of them, if it held back anything.
        if (owned == null && owns != null && !owns.onlyOwn() && !before.equals(Disclosure.full())) {
            changes.add(Phrase.of("policies.exposure.ownRowsInFull", owns.property()).text(language));
        }
        if (before.area() != null && (after.area() == null || !contains(before.area(), after.area()))) {
            changes.add(after.area() == null ? Phrase.of("policies.exposure.outsideArea", before.area()).text(language)
                    : Phrase.of("policies.exposure.withinArea", after.area()).text(language));
        }
        return changes;
    }

    /** For a dataset that becomes visible: what the new disclosure still holds back, so the line says how much shows. */
    private static List<String> withEffects(List<String> changes, Disclosure after, Locale language) {
        if (!after.withheldProperties().isEmpty()) changes.add(Phrase.of("policies.exposure.withholding", after.withheldProperties().stream().sorted().toList()).text(language));
        if (!after.restrictedTo().isEmpty()) changes.add(Phrase.of("policies.exposure.rowsLimited", after.restrictedTo()).text(language));
        if (after.locationPrecisionMetres() > 0) changes.add(Phrase.of("policies.exposure.locationsTo", after.locationPrecisionMetres()).text(language));
        if (!after.bucketed().isEmpty()) {
            Map<String, String> bucketed = new TreeMap<>();
            after.bucketed().forEach((attribute, scheme) -> bucketed.put(attribute, scheme(scheme, language)));
            changes.add(Phrase.of("policies.exposure.bucketed", bucketed).text(language));
        }
        if (!after.delay().isZero()) changes.add(Phrase.of("policies.exposure.delayed", after.delay().toHours()).text(language));
        if (after.timeAggregation() != Disclosure.TimeAggregation.NONE) {
            changes.add(Phrase.of("policies.exposure.aggregated", aggregation(after.timeAggregation(), language)).text(language));
        }
        if (after.minimumCount() > 0) changes.add(Phrase.of("policies.exposure.minimumCount", after.minimumCount()).text(language));
        if (after.ownership() != null) {
            changes.add(after.ownership().onlyOwn() ? Phrase.of("policies.exposure.onlyOwnRows", after.ownership().property()).text(language)
                    : Phrase.of("policies.exposure.ownRowsInFullBy", after.ownership().property()).text(language));
        }
        if (after.area() != null) changes.add(Phrase.of("policies.exposure.within", after.area()).text(language));
        return changes;
    }

    /** A bucket scheme as people call it. */
    private static String scheme(Disclosure.BucketScheme scheme, Locale language) {
        return switch (scheme) {
            case GBT14848_CLASS -> InvalidArgument.catalogued("policies.exposure.scheme.gbt14848", language);
        };
    }

    /** A time aggregation as people call it. */
    private static String aggregation(Disclosure.TimeAggregation aggregation, Locale language) {
        return switch (aggregation) {
            case NONE -> InvalidArgument.catalogued("policies.exposure.aggregation.none", language);
            case HOURLY -> InvalidArgument.catalogued("policies.exposure.aggregation.hourly", language);
            case DAILY -> InvalidArgument.catalogued("policies.exposure.aggregation.daily", language);
            case MONTHLY -> InvalidArgument.catalogued("policies.exposure.aggregation.monthly", language);
        };
    }

    private static boolean contains(Disclosure.Area outer, Disclosure.Area inner) {
        return outer.west() <= inner.west() && outer.east() >= inner.east() && outer.south() <= inner.south() && outer.north() >= inner.north();
    }
}
