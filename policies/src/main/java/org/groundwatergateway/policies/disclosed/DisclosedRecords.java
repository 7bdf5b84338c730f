package org.groundwatergateway.policies.disclosed;

import org.groundwatergateway.core.problem.CataloguedRefusal;
import org.groundwatergateway.core.problem.InvalidInput;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.parameter.GroundwaterClassLimits;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.policies.AccessPolicy;
import org.groundwatergateway.policies.CoarseGrid;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.Disclosure.BucketScheme;
import org.groundwatergateway.policies.Viewer;
import org.locationtech.jts.geom.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sharing policy applied to the records the REST API and reports read (wells, readings, alerts), as the feature
 * services' disclosed view applies it in SQL: the same disclosure, the same grid ({@link CoarseGrid}), the same
 * classes. Time windows are cut at the delay before the repository is asked, so a later {@code to} or {@code after}
 * cannot reach past it. Attributes are named as the published feature types name them ({@code screen_top_depth_m});
 * a REST field is the same name in camel case ({@code screenTopDepthM}).
 */
public final class DisclosedRecords {

    private static final Logger log = LoggerFactory.getLogger(DisclosedRecords.class);

    /** The dataset is not disclosed to this viewer: answered as if it did not exist. */
    public static final class NotDisclosed extends CataloguedRefusal {
        public NotDisclosed(String dataset) {
            super(new InvalidInput("policies.disclosed.none", null, dataset));
        }
    }

    /** A reading as shown: a bucketed value comes as its class alone, with no value and no raw value. */
    public record ShownReading(Instant time, Double value, Double rawValue, Integer gbt14848Class, int qualityFlags, int version,
                               String source, Instant receivedTime) {}

    private final AccessPolicy policy;
    private final Clock clock;

    public DisclosedRecords(AccessPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * What the viewer may see of the dataset; {@link NotDisclosed} when nothing, and when the disclosure asks for what
     * these records cannot do (rows limited by value or owner, means over time, minimum counts): such a policy releases
     * nothing here rather than more than it allows.
     */
    public Disclosure require(Viewer viewer, String dataset) {
        return required(viewer, dataset, false);
    }

    /** Like {@link #require}, for a time series, which {@link #series} can show as means over time. */
    public Disclosure requireSeries(Viewer viewer, String dataset) {
        return required(viewer, dataset, true);
    }

    private Disclosure required(Viewer viewer, String dataset, boolean series) {
        Disclosure disclosure = policy.disclose(viewer, dataset);
        if (!disclosure.visible()) throw new NotDisclosed(dataset);
        if (!disclosure.restrictedTo().isEmpty() || disclosure.ownership() != null || disclosure.minimumCount() > 0
                || (!series && disclosure.timeAggregation() != Disclosure.TimeAggregation.NONE)) {
            log.warn("{} is not disclosed to {} through the REST API: its disclosure limits rows or aggregates, which these records cannot apply",
                    dataset, viewer.name());
            throw new NotDisclosed(dataset);
        }
        return disclosure;
    }

    /** Like {@link #require}, for a door that shows exact values only (a forecast from concentrations): nothing masked. */
    public void requireUnmasked(Viewer viewer, String dataset) {
        if (!showsUnmasked(viewer, dataset)) throw new NotDisclosed(dataset);
    }

    /** Whether the viewer sees the dataset with nothing masked, for doors that cannot answer 404 (a broker's subscription). */
    public boolean showsUnmasked(Viewer viewer, String dataset) {
        Disclosure disclosure = policy.disclose(viewer, dataset);
        return disclosure.visible() && !disclosure.masks();
    }

    /** The wells the viewer may see, each at its shown (coarsened) place. */
    public List<Well> wells(Disclosure disclosure, List<Well> wells) {
        double precision = disclosure.locationPrecisionMetres();
        return wells.stream().filter(w -> inArea(disclosure, shownPlace(w.location(), precision)))
                .map(w -> precision <= 0 ? w : w.withLocation(shownPlace(w.location(), precision)))
                .toList();
    }

    /** Whether a REST field (camel case) is shown: the published attribute of the same name is not withheld. */
    public static boolean shows(Disclosure disclosure, String restField) {
        return disclosure.shows(snakeCase(restField));
    }

    /** The end of a time window the viewer may read to: {@code end}, or the delay's cutoff if earlier. */
    public Instant readableUntil(Disclosure disclosure, Instant end) {
        if (disclosure.delay().isZero()) return end;
        Instant cutoff = clock.instant().minus(disclosure.delay());
        return end.isAfter(cutoff) ? cutoff : end;
    }

    /** The exclusive end of a window ending at {@code end} (exclusive) that the viewer may read: it, or just past the delay's cutoff. */
    public Instant readableBefore(Disclosure disclosure, Instant end) {
        Instant readable = readableUntil(disclosure, end);
        return readable.equals(end) ? end : readable.plusNanos(1);
    }

    /** Every reading of {@code [start, until)} as {@link #series} shows it, in time order, asked for a page at a time. */
    public void forEachShown(Disclosure disclosure, Parameter parameter, Instant start, Instant until, int pageSize, ReadingSource source,
                             Consumer<ShownReading> action) {
        Instant after = null;
        while (true) {
            List<ShownReading> page = series(disclosure, parameter, start, until, after, pageSize, source);
            page.forEach(action);
            if (page.size() < pageSize) return;
            after = page.get(page.size() - 1).time();
        }
    }

    /** Readings as shown: a bucketed value (the published {@code result_value}) as its GB/T 14848 class, nothing else of it. */
    public ShownReading reading(Disclosure disclosure, Parameter parameter, Reading r) {
        boolean bucketed = disclosure.bucketed().get("result_value") == BucketScheme.GBT14848_CLASS;
        GroundwaterClassLimits limits = parameter.classLimits();
        Integer quality = limits == null ? null : limits.classOf(r.value());
        if (bucketed) return new ShownReading(r.phenomenonTime(), null, null, quality, r.qualityFlags(), r.version(), r.source(), r.receivedTime());
        return new ShownReading(r.phenomenonTime(), r.value(), disclosure.shows("raw_value") ? r.rawValue() : null, quality, r.qualityFlags(),
                r.version(), r.source(), r.receivedTime());
    }

    /** Where a series' readings come from: in time order, from {@code from} (inclusive) or after {@code after}, before {@code until}. */
    @FunctionalInterface
    public interface ReadingSource {
        List<Reading> page(Instant from, Instant until, Instant after, int limit);
    }

    /** How many readings are fetched at a time to make means. */
    private static final int MEANS_BATCH = 2_000;

    /**
     * The end (exclusive) of a window that holds the reading at {@code latest} and tells no more of its time than the
     * disclosure shows: a millisecond after it, or where the disclosure shows means over a step, the next step's start.
     */
    public Instant windowEndAfter(Disclosure disclosure, Instant latest) {
        Disclosure.TimeAggregation step = disclosure.timeAggregation();
        if (step == Disclosure.TimeAggregation.NONE) return latest.plusMillis(1);
        return TimeMeans.nextStep(step, TimeMeans.stepStart(step, latest));
    }

    /**
     * One page of a series between {@code start} (inclusive) and {@code until} (exclusive, already cut at the delay) as
     * shown: its readings one by one, or, where the disclosure aggregates in time, the means of its whole steps (a step
     * still open at {@code until} is left out, as is one without valid readings: {@link org.groundwatergateway.core.reading.QualityFlag#NOT_VALID_FOR_MEANS}). A mean is
     * shown at its step's start, from source {@code mean/<number of readings>}, as a bucketed value where values are.
     *
     * @param after the last time of the previous page (a step's start for means), or null for the first page
     */
    public List<ShownReading> series(Disclosure disclosure, Parameter parameter, Instant start, Instant until, Instant after, int limit,
                                     ReadingSource source) {
        Disclosure.TimeAggregation step = disclosure.timeAggregation();
        if (step == Disclosure.TimeAggregation.NONE) {
            if (!until.isAfter(start)) return List.of();
            return source.page(start, until, after, limit).stream().map(r -> reading(disclosure, parameter, r)).toList();
        }
        Instant from = after == null ? TimeMeans.boundaryFrom(step, start) : TimeMeans.nextStep(step, TimeMeans.stepStart(step, after));
        Instant end = TimeMeans.stepStart(step, until);
        List<ShownReading> means = new ArrayList<>();
        Instant stepStart = null;
        double sum = 0;
        int count = 0;
        Instant last = null;
        while (from.isBefore(end)) {
            List<Reading> batch = source.page(from, end, last, MEANS_BATCH);
            for (Reading r : batch) {
                Instant s = TimeMeans.stepStart(step, r.phenomenonTime());
                if (!s.equals(stepStart)) {
                    if (count > 0) means.add(mean(disclosure, parameter, stepStart, sum, count));
                    if (means.size() == limit) return means;
                    stepStart = s;
                    sum = 0;
                    count = 0;
                }
                if (TimeMeans.valid(r)) {
                    sum += r.value();
                    count++;
                }
            }
            if (batch.size() < MEANS_BATCH) break;
            last = batch.get(batch.size() - 1).phenomenonTime();
        }
        if (count > 0) means.add(mean(disclosure, parameter, stepStart, sum, count));
        return means;
    }

    private static ShownReading mean(Disclosure disclosure, Parameter parameter, Instant step, double sum, int count) {
        double mean = sum / count;
        GroundwaterClassLimits limits = parameter.classLimits();
        Integer quality = limits == null ? null : limits.classOf(mean);
        boolean bucketed = disclosure.bucketed().get("result_value") == BucketScheme.GBT14848_CLASS;
        return new ShownReading(step, bucketed ? null : mean, null, quality, 0, 1, "mean/" + count, null);
    }

    /** The alerts the viewer may see: none raised after the delay's cutoff; a withheld message or origin left out. */
    public List<Alert> alerts(Disclosure disclosure, List<Alert> alerts) {
        Instant cutoff = readableUntil(disclosure, Instant.MAX);
        return alerts.stream().filter(a -> !a.raisedAt().isAfter(cutoff))
                .map(a -> new Alert(a.id(), a.kind(), a.level(), a.subject(), disclosure.shows("message") ? a.message() : null, a.raisedAt(),
                        a.clearedAt() == null || a.clearedAt().isAfter(cutoff) ? null : a.clearedAt(),
                        disclosure.shows("origin") ? a.origin() : null, a.drillId()))
                .toList();
    }

    private static Point shownPlace(Point exact, double precision) {
        return (Point) CoarseGrid.snap(exact, precision);
    }

    private static boolean inArea(Disclosure disclosure, Point shown) {
        Disclosure.Area area = disclosure.area();
        return area == null || (shown.getX() >= area.west() && shown.getX() <= area.east() && shown.getY() >= area.south() && shown.getY() <= area.north());
    }

    static String snakeCase(String camel) {
        StringBuilder snake = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) snake.append('_').append(Character.toLowerCase(c));
            else snake.append(c);
        }
        return snake.toString().toLowerCase(Locale.ROOT);
    }
}
