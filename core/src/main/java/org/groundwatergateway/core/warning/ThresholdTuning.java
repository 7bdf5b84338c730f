package org.groundwatergateway.core.warning;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.IntStream;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.storage.Database;

/**
 * Threshold tuning from recorded false and missed alarms: replays a rule's current version over the stored
 * readings of every datastream it watches, for its own thresholds and for candidates scaled from them, and
 * counts what each would have raised against what people recorded ({@link AlarmFeedback}).
 *
 * <p>The replay is live evaluation's: the readings {@link WarningEvaluator} judges, each measured by
 * {@link BoundRule#measure} on the datastream's history before it and fed to a {@link LevelTracker} with the rule's
 * hysteresis and clearing. The measure does not depend on the thresholds, so a reading is measured once for all
 * candidates; readings are read one datastream and one page at a time, so the work is proportional to the readings
 * (times the candidates) and the memory to a page and the alarms. A BACKGROUND rule judges with the prediction limit
 * of the background wells in its window before the period's end. COMBINED rules are not tuned: their one threshold
 * of 1 only says that all conditions hold, and the conditions' own thresholds are not a scale.
 *
 * <p>A recorded alarm counts as raised by a candidate when an alarm of the candidate on the same datastream is open
 * at some time within the tolerance before or after the recorded time (for an alert, the observation that raised it
 * or last upgraded it).
 *
 * <p>The proposal is the candidate that keeps the most confirmed alarms (every one, unless no candidate does), then
 * catches the most missed alarms, then still raises the fewest false alarms, then changes the thresholds least, then
 * raises the fewest alarms. Without recorded verdicts or missed alarms the current thresholds therefore stay.
 */
public final class ThresholdTuning {

    /** The candidates: the current thresholds × 0.5, 0.6, … 2.0, every level alike so that the ratios between them stay. */
    static final double[] SCALES = IntStream.rangeClosed(5, 20).mapToDouble(i -> i / 10.0).toArray();

    private static final String RANKING = "Candidates are ranked by the confirmed alarms they keep (every one, unless none keeps "
            + "them all), then the missed alarms they catch, then the fewest false alarms they still raise, then the smallest change "
            + "from the current thresholds.";

    /** Readings per query: a long history is read in pages of this many. */
    private static final int PAGE = 10_000;
    /** The longest history replayed on one request: three years of hourly readings per datastream. */
    private static final Duration MAX_PERIOD = Duration.ofDays(3 * 366);

    /** Candidate thresholds are proposals that people type in: 4 significant digits. */
    private static final MathContext DIGITS = new MathContext(4);

    private final Database database;
    private final AlarmFeedback feedback;
    private final ParameterRepository parameters;
    private final ParkRepository parks;
    private final MonitoringRepository monitoring;
    private final ReadingRepository readings;

    public ThresholdTuning(Database database, AlarmFeedback feedback) {
        this.database = database;
        this.feedback = feedback;
        this.parameters = new ParameterRepository(database);
        this.parks = new ParkRepository(database);
        this.monitoring = new MonitoringRepository(database);
        this.readings = new ReadingRepository(database);
    }

    /** One alarm of one candidate: open from the reading that raised it until the one that cleared it. */
    private static final class Alarm {
        final long start;
        long end = Long.MAX_VALUE;
        Alert.Level level;

        Alarm(long start, Alert.Level level) {
            this.start = start;
            this.level = level;
        }
    }

    /** One datastream replayed for every candidate. */
    private static final class Replay {
        final LevelTracker[] trackers;
        final List<List<Alarm>> alarms = new ArrayList<>();
        long judged;
        long leftOut;

        Replay(WarningRule rule, List<WarningRule.Thresholds> candidates) {
            trackers = new LevelTracker[candidates.size()];
            for (int i = 0; i < trackers.length; i++) {
                trackers[i] = new LevelTracker(candidates.get(i), rule.hysteresis(), rule.clearAfter(), null);
                alarms.add(new ArrayList<>());
            }
        }

        void judge(long epochSecond, double measure) {
            judged++;
            for (int i = 0; i < trackers.length; i++) {
                List<Alarm> raised = alarms.get(i);
                switch (trackers[i].next(measure)) {
                    case RAISED -> raised.add(new Alarm(epochSecond, trackers[i].level()));
                    case UPGRADED -> raised.get(raised.size() - 1).level = trackers[i].level();
                    case CLEARED -> raised.get(raised.size() - 1).end = epochSecond;
                    case NONE -> { }
                }
            }
        }

        /** Whether candidate {@code i} has an alarm open at some time in {@code [from, to]}. */
        boolean alarmed(int i, long from, long to) {
            for (Alarm a : alarms.get(i)) {
                if (a.start <= to && a.end > from) return true;
            }
            return false;
        }
    }

    /**
     * Replays the rule over {@code from <= time < to} and proposes thresholds.
     *
     * @param toleranceHours how far from a recorded alarm's time a candidate's alarm may be open and still count
     */
    public TuningReport report(WarningRule rule, Instant from, Instant to, double toleranceHours) {
        if (rule.kind() == WarningRule.Kind.COMBINED || rule.kind() == WarningRule.Kind.SOIL_SCREENING) {
            List<WarningRule.Kind> tunable = Arrays.stream(WarningRule.Kind.values())
                    .filter(k -> k != WarningRule.Kind.COMBINED && k != WarningRule.Kind.SOIL_SCREENING).toList();
            throw new InvalidInput("core.tuning.kind", "kind", tunable);
        }
        if (!from.isBefore(to)) throw new InvalidInput("core.tuning.order", "from", from, to);
        if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw new InvalidInput("core.tuning.period", "from", MAX_PERIOD.toDays(), Duration.between(from, to).toDays());
        }
        if (toleranceHours > MAX_PERIOD.toHours()) throw new InvalidInput("core.tuning.toleranceMax", "toleranceHours", MAX_PERIOD.toHours());
        if (!(toleranceHours >= 0) || !Double.isFinite(toleranceHours)) {
            throw new InvalidInput("core.tuning.tolerance", "toleranceHours", toleranceHours);
        }
        BoundRule bound = BoundRule.bind(rule, parameters, parks);
        if (bound == null) throw new InvalidInput("core.tuning.ruleScopeGone", "parkCode", rule.id());
        Map<Long, WatchedStream> streams = WatchedStream.load(monitoring, parameters);
        List<WatchedStream> watched = streams.values().stream().filter(bound::watches).sorted(Comparator.comparing(WatchedStream::code)).toList();
        if (rule.kind() == WarningRule.Kind.BACKGROUND) bound.refreshBackground(database.jdbc(), streams.values(), to);

        List<WarningRule.Thresholds> thresholds = Arrays.stream(SCALES).mapToObj(s -> scaled(rule.thresholds(), s)).toList();
        Map<Long, Replay> replays = new LinkedHashMap<>();
        for (WatchedStream stream : watched) replays.put(stream.id(), replay(bound, stream.id(), thresholds, from, to));

        List<AlarmFeedback.AlertVerdict> verdicts = feedback.verdicts(rule.id(), from, to).stream()
                .filter(v -> replays.containsKey(v.datastreamId())).toList();
        List<AlarmFeedback.MissedAlarm> missed = feedback.missed(rule.id(), from, to).stream()
                .filter(m -> replays.containsKey(m.datastreamId())).toList();
        long tolerance = (long) (toleranceHours * 3600);
        List<TuningReport.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < SCALES.length; i++) {
            int candidate = i;
            Map<Alert.Level, Integer> byLevel = new EnumMap<>(Alert.Level.class);
            for (Alert.Level level : Alert.Level.values()) byLevel.put(level, 0);
            replays.values().forEach(r -> r.alarms.get(candidate).forEach(a -> byLevel.merge(a.level, 1, Integer::sum)));
            int falseRaised = (int) verdicts.stream().filter(v -> v.verdict() == AlarmFeedback.Verdict.FALSE_ALARM)
                    .filter(v -> alarmed(replays, candidate, v.datastreamId(), v.observedAt(), tolerance)).count();
            int confirmedKept = (int) verdicts.stream().filter(v -> v.verdict() == AlarmFeedback.Verdict.CONFIRMED)
                    .filter(v -> alarmed(replays, candidate, v.datastreamId(), v.observedAt(), tolerance)).count();
            int caught = (int) missed.stream().filter(m -> alarmed(replays, candidate, m.datastreamId(), m.at(), tolerance)).count();
            candidates.add(new TuningReport.Candidate(SCALES[i], thresholds.get(i), byLevel.values().stream().mapToInt(n -> n).sum(),
                    byLevel, falseRaised, confirmedKept, caught));
        }

        int falseAlarms = (int) verdicts.stream().filter(v -> v.verdict() == AlarmFeedback.Verdict.FALSE_ALARM).count();
        int confirmed = verdicts.size() - falseAlarms;
        TuningReport.Candidate proposed = candidates.stream().min(Comparator
                .comparingInt((TuningReport.Candidate c) -> -c.confirmedKept())
                .thenComparingInt(c -> -c.missedCaught())
                .thenComparingInt(TuningReport.Candidate::falseAlarmsRaised)
                .thenComparingLong(c -> Math.round(Math.abs(c.scale() - 1) * 10))
                .thenComparingInt(TuningReport.Candidate::alarms)).orElseThrow();
        String reason = verdicts.isEmpty() && missed.isEmpty()
                ? "No verdicts or missed alarms are recorded for this rule in the period: nothing to tune against, so the current thresholds stay. " + RANKING
                : String.format(Locale.ROOT, "%s × the current thresholds (%s) keeps %d of %d confirmed alarms, catches %d of %d missed alarms "
                        + "and still raises %d of %d false alarms. %s", proposed.scale(), describe(proposed.thresholds()), proposed.confirmedKept(),
                        confirmed, proposed.missedCaught(), missed.size(), proposed.falseAlarmsRaised(), falseAlarms, RANKING);

        List<TuningReport.StreamReplayed> replayed = new ArrayList<>();
        for (WatchedStream stream : watched) {
            Replay r = replays.get(stream.id());
            if (r.judged + r.leftOut > 0) replayed.add(new TuningReport.StreamReplayed(stream.code(), r.judged, r.leftOut));
        }
        return new TuningReport(rule.id(), rule.version(), rule.kind(), from, to, toleranceHours, watched.size(), replayed,
                replayed.stream().mapToLong(TuningReport.StreamReplayed::readings).sum(),
                replayed.stream().mapToLong(TuningReport.StreamReplayed::readingsLeftOut).sum(),
                falseAlarms, confirmed, missed.size(), candidates.stream().filter(c -> c.scale() == 1.0).findFirst().orElseThrow(), candidates,
                proposed, reason);
    }

    /**
     * Feeds one datastream's readings in the period to every candidate, after the history the measure needs from
     * before the period, page by page.
     */
    private Replay replay(BoundRule bound, long datastreamId, List<WarningRule.Thresholds> candidates, Instant from, Instant to) {
        Replay replay = new Replay(bound.rule, candidates);
        double hours = bound.historyHours();
        StreamHistory history = hours > 0 ? new StreamHistory(hours) : null;
        long[] lastTrend = {Long.MIN_VALUE / 2};
        Instant start = from.minusSeconds((long) Math.ceil(hours * 3600));
        Instant after = null;
        List<Reading> page;
        do {
            page = readings.page(datastreamId, start, to, after, PAGE);
            for (Reading reading : page) {
                boolean inPeriod = !reading.phenomenonTime().isBefore(from);
                if (!WarningEvaluator.judged(reading)) {
                    if (inPeriod) replay.leftOut++;
                    continue;
                }
                long t = reading.phenomenonTime().getEpochSecond();
                if (inPeriod) replay.judge(t, bound.measure(history, t, reading.value(), lastTrend));
                if (history != null) history.add(t, reading.value());
            }
            if (!page.isEmpty()) after = page.get(page.size() - 1).phenomenonTime();
        } while (page.size() == PAGE);
        return replay;
    }

    private static boolean alarmed(Map<Long, Replay> replays, int candidate, long datastreamId, Instant at, long toleranceSeconds) {
        long t = at.getEpochSecond();
        return replays.get(datastreamId).alarmed(candidate, t - toleranceSeconds, t + toleranceSeconds);
    }

    /** The thresholds × scale; the current ones exactly as they are at scale 1. */
    static WarningRule.Thresholds scaled(WarningRule.Thresholds t, double scale) {
        if (scale == 1.0) return t;
        return new WarningRule.Thresholds(scaled(t.general(), scale), scaled(t.serious(), scale), scaled(t.severe(), scale));
    }

    private static Double scaled(Double threshold, double scale) {
        return threshold == null ? null : new BigDecimal(threshold * scale).round(DIGITS).doubleValue();
    }

    private static String describe(WarningRule.Thresholds t) {
        StringJoiner levels = new StringJoiner(", ");
        if (t.general() != null) levels.add("general " + t.general());
        if (t.serious() != null) levels.add("serious " + t.serious());
        if (t.severe() != null) levels.add("severe " + t.severe());
        return levels.toString();
    }
}
