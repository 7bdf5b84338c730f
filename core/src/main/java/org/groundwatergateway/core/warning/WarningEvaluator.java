package org.groundwatergateway.core.warning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.alert.AlertRepository;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.reading.ReadingsCommitted;
import org.groundwatergateway.core.storage.Database;

/**
 * Judges committed readings against the warning rules and raises, upgrades and clears their alerts. Work
 * is proportional to the readings: rules, datastreams, class limits and background limits are cached (rules
 * are reloaded when their revision changes, checked once per batch; background limits every
 * {@code baselineRefresh}), and the history that change, rate and trend rules need is kept in memory, read
 * from storage only the first time a datastream is seen. The database is written only when an alert changes.
 * Evaluation runs on a thread of its own, so the event bus's other subscribers never wait for it.
 */
public final class WarningEvaluator implements AutoCloseable {

    /**
     * Readings not judged: instrument states, faults and rejections. A spike is judged all the same: the first
     * reading of a real release looks like one, and a warning must not wait for the review.
     */
    private static final Set<QualityFlag> NOT_JUDGED;

    static {
        Set<QualityFlag> flags = java.util.EnumSet.copyOf(QualityFlag.NOT_REPRESENTATIVE);
        flags.remove(QualityFlag.SPIKE);
        NOT_JUDGED = java.util.Collections.unmodifiableSet(flags);
    }

    /** Whether a reading is judged at all; threshold tuning replays the same readings. */
    static boolean judged(Reading reading) {
        return reading.current() && !QualityFlag.any(reading.qualityFlags(), NOT_JUDGED);
    }

    private record WatchKey(long ruleId, long datastreamId) {}

    /** One rule's state at one datastream. */
    private static final class Watch {
        final LevelTracker tracker;
        final long[] lastTrend = {Long.MIN_VALUE / 2};
        Long alertId;

        Watch(LevelTracker tracker, Long alertId) {
            this.tracker = tracker;
            this.alertId = alertId;
        }
    }

    private final Database database;
    private final WarningRuleRepository rules;
    private final ParameterRepository parameters;
    private final ParkRepository parks;
    private final MonitoringRepository monitoring;
    private final ReadingRepository readings;
    private final AlertRepository alerts;
    private final Clock clock;
    private final Duration baselineRefresh;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "warning-evaluator");
        thread.setDaemon(true);
        return thread;
    });

    private long revision = -1;
    private List<BoundRule> bound = List.of();
    private Map<Long, WatchedStream> streams = Map.of();
    private final Map<Long, List<BoundRule>> rulesByStream = new HashMap<>();
    private final Map<Long, Map<String, Long>> streamsByWell = new HashMap<>();
    private final Set<Long> unwatched = new HashSet<>();
    private final Map<Long, StreamHistory> histories = new HashMap<>();
    private final Map<Long, StreamHistory.Point> latest = new HashMap<>();
    private final Map<WatchKey, Watch> watches = new HashMap<>();
    private Map<WatchKey, Alert> openAlerts = Map.of();
    private Instant baselinesAt;

    public WarningEvaluator(Database database, AlertRepository alerts, Clock clock, Duration baselineRefresh) {
        this.database = database;
        this.rules = new WarningRuleRepository(database);
        this.parameters = new ParameterRepository(database);
        this.parks = new ParkRepository(database);
        this.monitoring = new MonitoringRepository(database);
        this.readings = new ReadingRepository(database);
        this.alerts = alerts;
        this.clock = clock;
        this.baselineRefresh = baselineRefresh;
    }

    /** Evaluates every batch of committed readings published on the bus, in order, on the evaluator's thread. */
    public void subscribeTo(EventBus events) {
        events.subscribe(ReadingsCommitted.class, committed -> {
            if (committed.live()) worker.execute(() -> evaluate(committed.readings()));
        });
    }

    /** Evaluates readings now, on the caller's thread. */
    public synchronized void evaluate(List<Reading> batch) {
        refreshRules();
        if (bound.isEmpty()) return;
        refreshBaselines();
        boolean reloaded = false;
        for (Reading reading : batch) {
            if (!judged(reading)) continue;
            WatchedStream stream = streams.get(reading.datastreamId());
            if (stream == null && !reloaded && !unwatched.contains(reading.datastreamId())) {
                reloadStreams();
                reloaded = true;
                stream = streams.get(reading.datastreamId());
            }
            if (stream == null) {
                // A weather station's: remembered, so that it does not reload the datastreams batch after batch.
                unwatched.add(reading.datastreamId());
                continue;
            }
            List<BoundRule> applicable = rulesByStream.computeIfAbsent(stream.id(), id -> rulesFor(streams.get(id)));
            if (applicable.isEmpty()) continue;
            evaluate(reading, stream, applicable);
        }
    }

    private void evaluate(Reading reading, WatchedStream stream, List<BoundRule> applicable) {
        long t = reading.phenomenonTime().getEpochSecond();
        double value = reading.value();
        latest.put(stream.id(), new StreamHistory.Point(t, value));
        StreamHistory history = history(stream, applicable, reading.phenomenonTime());
        for (BoundRule rule : applicable) {
            boolean combined = rule.rule.kind() == WarningRule.Kind.COMBINED;
            Long subject = combined ? combinedSubject(rule, stream) : Long.valueOf(stream.id());
            if (subject == null) continue;
            Watch watch = watches.computeIfAbsent(new WatchKey(rule.rule.id(), subject), key -> {
                Alert open = openAlerts.get(key);
                return new Watch(new LevelTracker(rule.rule.thresholds(), rule.rule.hysteresis(), rule.rule.clearAfter(),
                        open == null ? null : open.level()), open == null ? null : open.id());
            });
            double measure = combined ? combinedMeasure(rule, stream, t) : rule.measure(history, t, value, watch.lastTrend);
            act(watch, rule, streams.get(subject), reading, measure);
        }
        if (history != null) history.add(t, value);
    }

    private void act(Watch watch, BoundRule rule, WatchedStream stream, Reading reading, double measure) {
        LevelTracker.Change change = watch.tracker.next(measure);
        if (change == LevelTracker.Change.NONE) return;
        Instant now = clock.instant();
        WarningRule r = rule.rule;
        Alert.RuleOrigin origin = new Alert.RuleOrigin(r.id(), r.version(), stream.id(), reading.value(), reading.phenomenonTime());
        switch (change) {
            case RAISED -> alerts.raise(r.alertKind(), watch.tracker.level(), stream.code(), message(rule, stream, reading, measure, watch), now, origin)
                    .or(() -> alerts.findOpen(r.id(), stream.id()))
                    .ifPresent(alert -> watch.alertId = alert.id());
            case UPGRADED -> {
                if (watch.alertId != null) alerts.upgrade(watch.alertId, watch.tracker.level(), message(rule, stream, reading, measure, watch), now, origin);
            }
            case CLEARED -> {
                if (watch.alertId != null) alerts.clear(watch.alertId, now);
                watch.alertId = null;
            }
            default -> throw new IllegalStateException(change.name());
        }
    }

    private static String message(BoundRule rule, WatchedStream stream, Reading reading, double measure, Watch watch) {
        WarningRule r = rule.rule;
        String what = switch (r.kind()) {
            case CLASS_LIMIT -> String.format(Locale.ROOT, "%.4g × the class %d limit %.4g", measure, r.limitClass(), rule.reference);
            case SOIL_SCREENING -> String.format(Locale.ROOT, "%.4g × the GB 36600 screening value %.4g", measure, rule.reference);
            case BACKGROUND -> String.format(Locale.ROOT, "%.4g × the background prediction limit %.4g", measure, rule.reference);
            case TREND -> String.format(Locale.ROOT, "increasing (Mann–Kendall), projected to %.4g × the class %d limit in %.0f days",
                    measure, r.limitClass(), r.horizonDays());
            case LEVEL_CHANGE -> String.format(Locale.ROOT, "changed by %.3f within %.0f h", measure, r.windowHours());
            case RATE_OF_CHANGE -> String.format(Locale.ROOT, "changing by %.3f per hour", measure);
            case COMBINED -> "all of " + r.conditions() + " hold";
        };
        String flags = reading.qualityFlags() == 0 ? "" : ", flagged " + QualityFlag.of(reading.qualityFlags());
        return String.format(Locale.ROOT, "%s %s: %s = %.4g at %s, %s (rule %d v%d)%s", watch.tracker.level().nameZh() + "预警", r.name(),
                stream.code(), reading.value(), reading.phenomenonTime(), what, r.id(), r.version(), flags);
    }


    /** A COMBINED rule's alert is about the well's datastream of its first condition. */
    private Long combinedSubject(BoundRule rule, WatchedStream stream) {
        return streamsByWell.getOrDefault(stream.wellId(), Map.of()).get(rule.rule.conditions().get(0).parameterCode());
    }

    /** 1 when every condition holds on the well's latest values no older than the window, 0 when one fails or is missing. */
    private double combinedMeasure(BoundRule rule, WatchedStream stream, long t) {
        Map<String, Long> atWell = streamsByWell.getOrDefault(stream.wellId(), Map.of());
        long maxAge = (long) (rule.rule.windowHours() * 3600);
        for (WarningRule.Condition condition : rule.rule.conditions()) {
            Long id = atWell.get(condition.parameterCode());
            if (id == null) return Double.NaN;
            StreamHistory.Point value = latest.get(id);
            if (value == null || Math.abs(t - value.epochSecond()) > maxAge || !condition.holds(value.value())) return 0;
        }
        return 1;
    }

    /** The datastream's history, seeded from storage the first time a rule needs it; null if no rule does. */
    private StreamHistory history(WatchedStream stream, List<BoundRule> applicable, Instant before) {
        StreamHistory history = histories.get(stream.id());
        if (history != null) return history;
        double hours = applicable.stream().mapToDouble(BoundRule::historyHours).max().orElse(0);
        if (hours <= 0) return null;
        history = new StreamHistory(hours);
        for (Reading r : readings.page(stream.id(), before.minusSeconds((long) (hours * 3600)), before, null, 100_000)) {
            if (!QualityFlag.any(r.qualityFlags(), QualityFlag.NOT_REPRESENTATIVE)) history.add(r.phenomenonTime().getEpochSecond(), r.value());
        }
        histories.put(stream.id(), history);
        return history;
    }

    private List<BoundRule> rulesFor(WatchedStream stream) {
        List<BoundRule> applicable = new ArrayList<>();
        for (BoundRule rule : bound) {
            if (rule.watches(stream)) applicable.add(rule);
        }
        return applicable;
    }

    private void refreshRules() {
        long current = rules.revision();
        if (current == revision) return;
        List<BoundRule> fresh = new ArrayList<>();
        for (WarningRule rule : rules.findAll(false)) {
            BoundRule b = BoundRule.bind(rule, parameters, parks);
            if (b != null) fresh.add(b);
        }
        Map<WatchKey, Alert> open = new HashMap<>();
        for (Alert alert : alerts.findOpen()) {
            if (alert.origin() != null) open.put(new WatchKey(alert.origin().ruleId(), alert.origin().datastreamId()), alert);
        }
        bound = fresh;
        openAlerts = open;
        watches.clear();
        rulesByStream.clear();
        histories.clear();
        baselinesAt = null;
        revision = current;
        if (streams.isEmpty()) reloadStreams();
    }

    private void reloadStreams() {
        streams = WatchedStream.load(monitoring, parameters);
        rulesByStream.clear();
        streamsByWell.clear();
        for (WatchedStream s : streams.values()) {
            // The first sensor's datastream stands for the parameter at a dual-sensor well.
            streamsByWell.computeIfAbsent(s.wellId(), id -> new HashMap<>()).merge(s.parameterCode(), s.id(), Math::min);
        }
    }

    private void refreshBaselines() {
        Instant now = clock.instant();
        if (baselinesAt != null && baselinesAt.plus(baselineRefresh).isAfter(now)) return;
        for (BoundRule rule : bound) {
            if (rule.rule.kind() == WarningRule.Kind.BACKGROUND) rule.refreshBackground(database.jdbc(), streams.values(), now);
        }
        baselinesAt = now;
    }

    @Override
    public void close() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }
}
