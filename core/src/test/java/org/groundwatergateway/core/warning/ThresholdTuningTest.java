package org.groundwatergateway.core.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.alert.AlertRepository;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.storage.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Threshold tuning replays a rule over a hand-built history on H2GIS; every expected count is worked out by hand below. */
class ThresholdTuningTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant TO = T0.plus(Duration.ofHours(10));

    private TestPark site;
    private ReadingRepository readings;
    private WarningRuleRepository rules;
    private RuleValidation validation;
    private AlertRepository alerts;
    private EventBus events;
    private WarningEvaluator evaluator;
    private AlarmFeedback feedback;
    private ThresholdTuning tuning;

    @BeforeEach
    void open() {
        site = new TestPark();
        Database database = site.database;
        readings = new ReadingRepository(database);
        rules = new WarningRuleRepository(database);
        validation = new RuleValidation(site.parameters, site.parks);
        events = new EventBus();
        alerts = new AlertRepository(database, events);
        evaluator = new WarningEvaluator(database, alerts, Clock.fixed(T0, ZoneOffset.UTC), Duration.ofHours(1));
        feedback = new AlarmFeedback(database, alerts);
        tuning = new ThresholdTuning(database, feedback);
    }

    @AfterEach
    void close() throws Exception {
        evaluator.close();
        events.close();
        site.close();
    }

    private Datastream stream(String parameter) {
        return site.stream(Well.Role.SOURCE_AREA, parameter);
    }

    private WarningRule create(WarningRule.Kind kind, String parameter, Integer limitClass, WarningRule.Thresholds thresholds, Double windowHours) {
        return rules.create(validation.check(new WarningRule(null, 0, "test " + kind, kind, parameter, Set.of(), null, null, limitClass,
                thresholds, 0.05, 1, windowHours, null, null, null, null, null)), "test", T0);
    }

    /** Hourly readings from T0 + {@code firstHour}, stored and judged live as they would have been. */
    private void history(Datastream d, int firstHour, int flaggedHour, double... values) {
        List<Reading> batch = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Instant t = T0.plus(Duration.ofHours(firstHour + i));
            int flags = firstHour + i == flaggedHour ? QualityFlag.FAULT.bit() : 0;
            batch.add(Reading.arrived(d.id(), t, values[i], flags, "test", t));
        }
        readings.append(batch);
        evaluator.evaluate(batch);
    }

    /** Per candidate scale 0.5 … 2.0: alarms, by level general/serious/severe, false alarms raised, confirmed kept, missed caught. */
    private static List<List<Integer>> counts(TuningReport report) {
        return report.candidates().stream().map(c -> List.of(c.alarms(), c.alarmsByLevel().get(Alert.Level.GENERAL),
                c.alarmsByLevel().get(Alert.Level.SERIOUS), c.alarmsByLevel().get(Alert.Level.SEVERE), c.falseAlarmsRaised(),
                c.confirmedKept(), c.missedCaught())).toList();
    }

    @Test
    void replaysEveryCandidateAndProposesTheOneThatKeepsConfirmedAndCatchesMissedAlarms() {
        double limit = site.classIII("benzene");
        Datastream a = stream("benzene");
        Datastream b = stream("benzene");
        stream("toluene"); // another parameter: not watched
        WarningRule rule = create(WarningRule.Kind.CLASS_LIMIT, "benzene", 3, new WarningRule.Thresholds(1.0, 1.5, null), null);

        // Measures (× the class III limit) at hours -1 … 9; hour -1 is before the period and hour 8 is a FAULT, left out.
        double[] measures = {3.0, 0.4, 1.25, 0.4, 0.95, 0.4, 1.75, 1.85, 0.4, 5.0, 0.4};
        double[] values = new double[measures.length];
        for (int i = 0; i < measures.length; i++) values[i] = measures[i] * limit;
        history(a, -1, 8, values);
        history(b, 0, -99, 0.2 * limit, 0.2 * limit, 0.2 * limit);

        // Live evaluation raised two alerts in the period: at hour 1 (1.25: general) and hour 5 (1.75: serious).
        List<Alert> raised = alerts.findRaisedByRule(rule.id(), T0, TO);
        assertThat(raised).extracting(alert -> alert.origin().observedAt()).containsExactly(T0.plusSeconds(3600), T0.plusSeconds(5 * 3600));
        assertThat(raised).extracting(Alert::level).containsExactly(Alert.Level.GENERAL, Alert.Level.SERIOUS);

        // Nothing recorded yet: the current thresholds stay.
        TuningReport untuned = tuning.report(rule, T0, TO, 0);
        assertThat(untuned.proposed().scale()).isEqualTo(1.0);
        assertThat(untuned.reason()).startsWith("No verdicts or missed alarms");

        feedback.judge(raised.get(0).id(), AlarmFeedback.Verdict.FALSE_ALARM, "王工", "pump test", T0);
        feedback.judge(raised.get(1).id(), AlarmFeedback.Verdict.CONFIRMED, "王工", null, T0);
        // Only false and confirmed: 1.3 × is the smallest change that drops the false alarm (1.25 < 1.3) and keeps the confirmed one.
        TuningReport withVerdicts = tuning.report(rule, T0, TO, 0);
        assertThat(withVerdicts.proposed().scale()).isEqualTo(1.3);
        assertThat(withVerdicts.proposed().thresholds()).isEqualTo(new WarningRule.Thresholds(1.3, 1.95, null));

        feedback.recordMissed(rule, a.code(), T0.plusSeconds(3 * 3600), "李工", "lab confirmed 0.95 × the limit", T0.plusSeconds(20 * 3600));
        TuningReport report = tuning.report(rule, T0, TO, 0);

        assertThat(report.datastreamsWatched()).isEqualTo(2);
        assertThat(report.datastreams()).containsExactly(new TuningReport.StreamReplayed(a.code(), 9, 1),
                new TuningReport.StreamReplayed(b.code(), 3, 0));
        assertThat(report.readings()).isEqualTo(12);
        assertThat(report.readingsLeftOut()).isEqualTo(1);
        assertThat(List.of(report.falseAlarms(), report.confirmedAlarms(), report.missedAlarms())).containsExactly(1, 1, 1);
        assertThat(report.candidates()).extracting(TuningReport.Candidate::scale)
                .containsExactly(0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2.0);
        // By hand, with thresholds s × (1, 1.5), clearing below 0.95 s (every 0.4 clears), tolerance 0 (open at the very hour):
        //  s ≤ 0.9: alarms at hours 1, 3 and 5-6 (3); serious where 1.25 ≥ 1.5 s (s ≤ 0.8), 0.95 ≥ 1.5 s (s ≤ 0.6), 1.85 ≥ 1.5 s (always);
        //           the false alarm (hour 1), the confirmed one (hour 5) and the missed one (hour 3) all raised.
        //  1.0-1.2: hours 1 and 5-6 (2): general at 1, serious at 5-6; missed not caught (0.95 < s).
        //  1.3-1.7: hours 5-6 only (1.75 ≥ s), general (1.85 < 1.5 s); the false alarm is gone, the confirmed one kept.
        //  1.8:     hour 6 only (1.85 ≥ 1.8), not open at hour 5: the confirmed alarm is lost.  1.9, 2.0: nothing.
        assertThat(counts(report)).containsExactly(
                List.of(3, 0, 3, 0, 1, 1, 1), List.of(3, 0, 3, 0, 1, 1, 1), List.of(3, 1, 2, 0, 1, 1, 1), List.of(3, 1, 2, 0, 1, 1, 1),
                List.of(3, 2, 1, 0, 1, 1, 1),
                List.of(2, 1, 1, 0, 1, 1, 0), List.of(2, 1, 1, 0, 1, 1, 0), List.of(2, 1, 1, 0, 1, 1, 0),
                List.of(1, 1, 0, 0, 0, 1, 0), List.of(1, 1, 0, 0, 0, 1, 0), List.of(1, 1, 0, 0, 0, 1, 0), List.of(1, 1, 0, 0, 0, 1, 0),
                List.of(1, 1, 0, 0, 0, 1, 0),
                List.of(1, 1, 0, 0, 0, 0, 0), List.of(0, 0, 0, 0, 0, 0, 0), List.of(0, 0, 0, 0, 0, 0, 0));
        // Replayed at its own thresholds, the rule raises what live evaluation raised in the period.
        assertThat(report.current().scale()).isEqualTo(1.0);
        assertThat(report.current().alarms()).isEqualTo(raised.size());
        assertThat(report.current().thresholds()).isEqualTo(rule.thresholds());
        // Catching the missed alarm outranks dropping the false one: 0.9 ×, the smallest change that catches it.
        assertThat(report.proposed().scale()).isEqualTo(0.9);
        assertThat(report.proposed().thresholds()).isEqualTo(new WarningRule.Thresholds(0.9, 1.35, null));
        assertThat(report.reason()).startsWith("0.9 × the current thresholds (general 0.9, serious 1.35) keeps 1 of 1 confirmed alarms, "
                + "catches 1 of 1 missed alarms and still raises 1 of 1 false alarms.");

        // A wider tolerance finds the 1.8 × alarm at hour 6 near the confirmed one at hour 5.
        assertThat(tuning.report(rule, T0, TO, 1).candidates().get(13).confirmedKept()).isEqualTo(1);
    }

    @Test
    void changeRulesReadTheHistoryBeforeThePeriod() {
        Datastream d = stream("water-level");
        WarningRule rule = create(WarningRule.Kind.LEVEL_CHANGE, "water-level", null, new WarningRule.Thresholds(0.5, 1.0, 2.0), 6.0);
        // 3.0 m two hours before the period; 3.9 m at its start is a 0.9 m change within 6 h: general at scale 1, serious at 0.8 (≥ 0.8 m).
        history(d, -2, -99, 3.0);
        history(d, 0, -99, 3.9);
        TuningReport report = tuning.report(rule, T0, TO, 0);
        assertThat(report.readings()).isEqualTo(1);
        assertThat(report.current().alarmsByLevel()).isEqualTo(Map.of(Alert.Level.GENERAL, 1, Alert.Level.SERIOUS, 0, Alert.Level.SEVERE, 0));
        assertThat(report.candidates().get(3).alarmsByLevel().get(Alert.Level.SERIOUS)).isEqualTo(1);
        assertThat(report.candidates().get(15).alarms()).isZero();
    }

    @Test
    void badRequestsAreRejectedNamingTheField() {
        Datastream ph = stream("ph");
        Datastream benzene = stream("benzene");
        WarningRule combined = rules.create(validation.check(new WarningRule(null, 0, "acid", WarningRule.Kind.COMBINED, null, Set.of(), null,
                null, null, WarningRule.Thresholds.at(Alert.Level.SEVERE, 1.0), 0.05, 1, null, null,
                List.of(new WarningRule.Condition("ph", WarningRule.Comparison.BELOW, 5.5)), null, null, null)), "test", T0);
        assertThatThrownBy(() -> tuning.report(combined, T0, TO, 0)).hasMessageStartingWith("kind: tuning replays readings")
                .hasMessageContaining("CLASS_LIMIT").hasMessageNotContaining("SOIL_SCREENING,");
        WarningRule rule = create(WarningRule.Kind.CLASS_LIMIT, "benzene", 3, null, null);
        assertThatThrownBy(() -> tuning.report(rule, T0.minus(Duration.ofDays(2000)), TO, 0)).hasMessageStartingWith("from: a tuning period is at most");
        assertThatThrownBy(() -> tuning.report(rule, TO, T0, 0)).hasMessageStartingWith("from:");
        assertThatThrownBy(() -> tuning.report(rule, T0, TO, -1)).hasMessageStartingWith("toleranceHours:");
        assertThatThrownBy(() -> feedback.recordMissed(rule, ph.code(), T0, "x", null, TO))
                .hasMessageStartingWith("datastream: warning rule " + rule.id() + " does not watch " + ph.code());
        assertThatThrownBy(() -> feedback.recordMissed(rule, "NO-SUCH/benzene", T0, "x", null, TO)).hasMessageStartingWith("datastream: no well's");
        assertThatThrownBy(() -> feedback.recordMissed(rule, benzene.code(), TO.plusSeconds(1), "x", null, TO)).hasMessageStartingWith("at:");
        assertThatThrownBy(() -> feedback.recordMissed(rule, benzene.code(), T0, " ", null, TO)).hasMessageStartingWith("by:");
        Alert device = alerts.raise("DEVICE_SILENT", Alert.Level.GENERAL, "MN-1", "silent", T0).orElseThrow();
        assertThatThrownBy(() -> feedback.judge(device.id(), AlarmFeedback.Verdict.CONFIRMED, "x", null, T0)).hasMessageStartingWith("id:");
        assertThat(feedback.judge(999_999, AlarmFeedback.Verdict.CONFIRMED, "x", null, T0)).isEmpty();
    }
}
