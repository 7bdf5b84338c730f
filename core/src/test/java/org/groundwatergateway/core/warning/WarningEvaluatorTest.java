package org.groundwatergateway.core.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
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

class WarningEvaluatorTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    private TestPark site;
    private Database database;
    private WarningRuleRepository rules;
    private RuleValidation validation;
    private AlertRepository alerts;
    private EventBus events;
    private final List<Alert> published = new CopyOnWriteArrayList<>();
    private WarningEvaluator evaluator;

    @BeforeEach
    void open() {
        site = new TestPark();
        database = site.database;
        rules = new WarningRuleRepository(database);
        validation = new RuleValidation(site.parameters, site.parks);
        events = new EventBus();
        events.subscribe(Alert.class, published::add);
        alerts = new AlertRepository(database, events);
        evaluator = new WarningEvaluator(database, alerts, Clock.fixed(T0, ZoneOffset.UTC), Duration.ofHours(1));
    }

    @AfterEach
    void close() throws Exception {
        evaluator.close();
        events.close();
        site.close();
    }

    private WarningRule rule(WarningRule.Kind kind, String parameter, Integer limitClass, WarningRule.Thresholds thresholds, double hysteresis,
                             int clearAfter, Double windowHours, List<WarningRule.Condition> conditions) {
        return new WarningRule(null, 0, "test " + kind, kind, parameter, Set.of(), null, null, limitClass, thresholds, hysteresis,
                clearAfter, windowHours, null, conditions, null, null, null);
    }

    private WarningRule create(WarningRule rule) {
        return rules.create(validation.check(rule), "test", T0);
    }

    /** Feeds hourly readings from T0 and returns the levels of the rule's open alert on the datastream after each. */
    private List<Alert.Level> feed(WarningRule rule, Datastream d, double... values) {
        List<Alert.Level> levels = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            evaluator.evaluate(List.of(reading(d, i, values[i])));
            levels.add(alerts.findOpen(rule.id(), d.id()).map(Alert::level).orElse(null));
        }
        return levels;
    }

    private static Reading reading(Datastream d, int hour, double value) {
        Instant t = T0.plus(Duration.ofHours(hour));
        return Reading.arrived(d.id(), t, value, 0, "test", t);
    }

    @Test
    void badDefinitionsAreRejectedNamingTheField() {
        WarningRule.Thresholds fine = new WarningRule.Thresholds(0.8, 1.0, 2.0);
        assertThatThrownBy(() -> validation.check(rule(WarningRule.Kind.CLASS_LIMIT, "no-such-thing", 3, fine, 0.05, 1, null, null)))
                .hasMessageStartingWith("parameterCode: no parameter with code 'no-such-thing'");
        assertThatThrownBy(() -> validation.check(rule(WarningRule.Kind.CLASS_LIMIT, "benzene", 3,
                new WarningRule.Thresholds(0.8, 2.0, 1.5), 0.05, 1, null, null))).hasMessageStartingWith("thresholds: must increase with the level");
        assertThatThrownBy(() -> validation.check(rule(WarningRule.Kind.CLASS_LIMIT, "benzene", 3, fine, 1.0, 1, null, null)))
                .hasMessageStartingWith("hysteresis:");
        assertThatThrownBy(() -> validation.check(rule(WarningRule.Kind.CLASS_LIMIT, "benzene", 7, fine, 0.05, 1, null, null)))
                .hasMessageStartingWith("limitClass:");
        assertThatThrownBy(() -> validation.check(rule(WarningRule.Kind.COMBINED, null, null, null, 0.05, 1, null, List.of())))
                .hasMessageStartingWith("conditions: a COMBINED rule needs at least one condition");
        assertThatThrownBy(() -> validation.check(rule(WarningRule.Kind.SOIL_SCREENING, "water-level", null, null, 0.05, 1, null, null)))
                .hasMessageStartingWith("parameterCode: water-level has no GB 36600 screening value");
        assertThatThrownBy(() -> validation.check(rule(WarningRule.Kind.LEVEL_CHANGE, "water-level", null, fine, 0.05, 0, null, null)))
                .hasMessageStartingWith("clearAfter:");
        assertThatThrownBy(() -> validation.check(new WarningRule(null, 0, "x", WarningRule.Kind.CLASS_LIMIT, "benzene", Set.of(), "TP", "Q9",
                3, fine, 0.05, 1, null, null, null, null, null, null))).hasMessageStartingWith("aquiferCode: park TP has no aquifer 'Q9'");
    }

    @Test
    void classLimitRaisesTheRightLevelAndUpgradesOneAlert() throws Exception {
        Datastream d = site.stream(Well.Role.SOURCE_AREA, "benzene");
        WarningRule rule = create(rule(WarningRule.Kind.CLASS_LIMIT, "benzene", 3, null, 0.1, 1, null, null));
        double limit = site.classIII("benzene");
        double classV = site.parameters.findByCode("benzene").orElseThrow().classLimits().bounds(4).upper();
        assertThat(rule.thresholds()).isEqualTo(new WarningRule.Thresholds(0.8, 1.0, classV / limit));

        assertThat(feed(rule, d, 0.5 * limit, 0.85 * limit, 1.1 * limit, 0.9 * limit, 1.01 * classV, 0.5 * limit))
                .containsExactly(null, Alert.Level.GENERAL, Alert.Level.SERIOUS, Alert.Level.SERIOUS, Alert.Level.SEVERE, null);
        List<Alert> raised = alerts.findRaisedByRule(rule.id(), T0, T0.plus(Duration.ofDays(1)));
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).kind()).isEqualTo("WARNING_CLASS_LIMIT");
        assertThat(raised.get(0).origin().ruleVersion()).isEqualTo(1);
        assertThat(raised.get(0).origin().value()).isEqualTo(1.01 * classV);
        assertThat(raised.get(0).clearedAt()).isNotNull();
        Thread.sleep(300); // the bus delivers on its own thread
        assertThat(published).extracting(Alert::level).containsExactly(Alert.Level.GENERAL, Alert.Level.SERIOUS, Alert.Level.SEVERE);
        assertThat(published).extracting(Alert::id).containsOnly(raised.get(0).id());
    }

    @Test
    void soilScreeningRulesLeaveWellReadingsAlone() {
        // Benzene's screening value is 4 mg/kg of soil; 100 µg/L in a well would be 25 × it if the units were mixed up.
        WarningRule rule = create(rule(WarningRule.Kind.SOIL_SCREENING, "benzene", null, null, 0.05, 1, null, null));
        Datastream d = site.stream(Well.Role.SOURCE_AREA, "benzene");
        assertThat(feed(rule, d, 100, 1000)).containsExactly(null, null);
    }

    @Test
    void hysteresisHoldsAnAlertUntilTheValueStaysClearlyBelow() {
        Datastream d = site.stream(Well.Role.DOWNGRADIENT, "benzene");
        double limit = site.classIII("benzene");
        WarningRule rule = create(rule(WarningRule.Kind.CLASS_LIMIT, "benzene", 3, new WarningRule.Thresholds(null, 1.0, null), 0.1, 2, null, null));
        // Hovering at the limit: just below it (but within 10 %) keeps the one alert; it clears after 2 readings below 0.9 × limit.
        assertThat(feed(rule, d, 1.01 * limit, 0.95 * limit, 1.02 * limit, 0.92 * limit, 0.85 * limit, 1.0 * limit, 0.8 * limit, 0.8 * limit))
                .containsExactly(Alert.Level.SERIOUS, Alert.Level.SERIOUS, Alert.Level.SERIOUS, Alert.Level.SERIOUS, Alert.Level.SERIOUS,
                        Alert.Level.SERIOUS, Alert.Level.SERIOUS, null);
        assertThat(alerts.findRaisedByRule(rule.id(), T0, T0.plus(Duration.ofDays(1)))).hasSize(1);
    }

    @Test
    void flaggedReadingsAndOtherRolesAreNotJudged() {
        Datastream background = site.stream(Well.Role.BACKGROUND, "benzene");
        Datastream source = site.stream(Well.Role.SOURCE_AREA, "benzene");
        double limit = site.classIII("benzene");
        WarningRule rule = rules.create(validation.check(new WarningRule(null, 0, "source wells", WarningRule.Kind.CLASS_LIMIT, "benzene",
                Set.of(Well.Role.SOURCE_AREA), "TP", "Q1", 3, null, 0.05, 1, null, null, null, null, null, null)), "test", T0);
        evaluator.evaluate(List.of(reading(background, 0, 5 * limit)));
        Reading spike = reading(source, 0, 5 * limit);
        evaluator.evaluate(List.of(new Reading(null, source.id(), spike.phenomenonTime(), spike.value(), spike.value(),
                QualityFlag.FAULT.bit(), 1, true, "test", spike.receivedTime())));
        assertThat(alerts.findOpen()).isEmpty();
        evaluator.evaluate(List.of(reading(source, 1, 1.2 * limit)));
        assertThat(alerts.findOpen(rule.id(), source.id())).map(Alert::level).contains(Alert.Level.SERIOUS);
    }

    @Test
    void levelChangeAndRateOfChangeWatchTheWaterLevel() {
        Datastream d = site.stream(Well.Role.DOWNGRADIENT, "water-level");
        WarningRule change = create(rule(WarningRule.Kind.LEVEL_CHANGE, "water-level", null, new WarningRule.Thresholds(0.5, 1.0, 2.0), 0.05, 1,
                6.0, null));
        WarningRule rate = create(rule(WarningRule.Kind.RATE_OF_CHANGE, "water-level", null, new WarningRule.Thresholds(0.3, 0.6, 1.0), 0.05, 1,
                null, null));
        List<Alert.Level> byChange = feed(change, d, 3.0, 3.2, 3.4, 3.6, 3.8, 4.4, 5.5);
        assertThat(byChange).containsExactly(null, null, null, Alert.Level.GENERAL, Alert.Level.GENERAL, Alert.Level.SERIOUS, Alert.Level.SEVERE);
        // 0.6 m/h made it serious, then 1.1 m in the last hour severe.
        assertThat(alerts.findOpen(rate.id(), d.id())).map(Alert::level).contains(Alert.Level.SEVERE);
        assertThat(alerts.findOpen(rate.id(), d.id()).orElseThrow().message()).contains("changing by 1.100 per hour");
    }

    @Test
    void combinedRulesNeedEveryConditionAtTheSameWell() {
        Datastream ph = site.stream(Well.Role.SOURCE_AREA, "ph");
        Well well = site.monitoring.findWell(ph.code().substring(0, ph.code().indexOf('/'))).orElseThrow();
        Datastream conductivity = site.streamAt(well, "conductivity");
        Datastream elsewhere = site.stream(Well.Role.SOURCE_AREA, "conductivity");
        WarningRule rule = create(new WarningRule(null, 0, "acid leak", WarningRule.Kind.COMBINED, null, Set.of(), null, null, null,
                WarningRule.Thresholds.at(Alert.Level.SEVERE, 1.0), 0.05, 1, null, null,
                List.of(new WarningRule.Condition("ph", WarningRule.Comparison.BELOW, 5.5),
                        new WarningRule.Condition("conductivity", WarningRule.Comparison.ABOVE, 3000)), null, null, null));
        evaluator.evaluate(List.of(reading(ph, 0, 4.8), reading(elsewhere, 0, 5000)));
        assertThat(alerts.findOpen()).isEmpty();
        evaluator.evaluate(List.of(reading(conductivity, 0, 5000)));
        assertThat(alerts.findOpen(rule.id(), ph.id())).map(Alert::level).contains(Alert.Level.SEVERE);
        evaluator.evaluate(List.of(reading(ph, 1, 7.0)));
        assertThat(alerts.findOpen(rule.id(), ph.id())).isEmpty();
    }

    @Test
    void backgroundRulesCompareWithThePredictionLimitOfTheBackgroundWells() {
        Datastream background = site.stream(Well.Role.BACKGROUND, "chloride");
        Datastream downgradient = site.stream(Well.Role.DOWNGRADIENT, "chloride");
        List<Reading> baseline = new ArrayList<>();
        double[] values = {100, 104, 98, 101, 97, 103, 99, 102, 100, 96};
        for (int i = 0; i < values.length; i++) {
            Instant t = T0.minus(Duration.ofDays(values.length - i));
            baseline.add(Reading.arrived(background.id(), t, values[i], 0, "test", t));
        }
        new ReadingRepository(database).append(baseline);
        WarningRule rule = create(rule(WarningRule.Kind.BACKGROUND, "chloride", null, new WarningRule.Thresholds(1.0, 1.2, 1.5), 0.05, 1,
                30 * 24.0, null));
        // The 99 % prediction limit of these ten values is about 110.
        assertThat(feed(rule, downgradient, 105, 115, 140, 170))
                .containsExactly(null, Alert.Level.GENERAL, Alert.Level.SERIOUS, Alert.Level.SEVERE);
    }

    @Test
    void trendRulesProjectTheSenSlopeToTheHorizon() {
        Datastream d = site.stream(Well.Role.DOWNGRADIENT, "benzene");
        double limit = site.classIII("benzene");
        WarningRule rule = rules.create(validation.check(new WarningRule(null, 0, "benzene rising", WarningRule.Kind.TREND, "benzene", Set.of(),
                null, null, 3, null, 0.05, 1, 60 * 24.0, 30.0, null, null, null, null)), "test", T0);
        // Daily values rising by 2 % of the limit a day from 40 %: in 30 days the projection passes the limit.
        List<Alert.Level> levels = new ArrayList<>();
        for (int day = 0; day < 20; day++) {
            Instant t = T0.plus(Duration.ofDays(day));
            evaluator.evaluate(List.of(Reading.arrived(d.id(), t, limit * (0.4 + 0.02 * day), 0, "test", t)));
            levels.add(alerts.findOpen(rule.id(), d.id()).map(Alert::level).orElse(null));
        }
        assertThat(levels.subList(0, 7)).containsOnlyNulls();
        assertThat(levels.get(19)).isEqualTo(Alert.Level.GENERAL); // 0.78 + 0.6 = 1.38 × the limit in 30 days
    }

    @Test
    void editingAddsAVersionAndAlertsNameTheVersionThatRaisedThem() {
        Datastream d = site.stream(Well.Role.SOURCE_AREA, "benzene");
        double limit = site.classIII("benzene");
        WarningRule v1 = create(rule(WarningRule.Kind.CLASS_LIMIT, "benzene", 3, new WarningRule.Thresholds(null, 2.0, null), 0.05, 1, null, null));
        evaluator.evaluate(List.of(reading(d, 0, 1.5 * limit)));
        assertThat(alerts.findOpen()).isEmpty();
        WarningRule v2 = rules.update(v1.id(), validation.check(rule(WarningRule.Kind.CLASS_LIMIT, "benzene", 3,
                new WarningRule.Thresholds(null, 1.0, null), 0.05, 1, null, null)), "test", T0);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(rules.versions(v1.id())).extracting(WarningRule::version).containsExactly(1, 2);
        assertThat(rules.find(v1.id(), 1).orElseThrow().thresholds().serious()).isEqualTo(2.0);
        evaluator.evaluate(List.of(reading(d, 1, 1.5 * limit)));
        assertThat(alerts.findOpen(v1.id(), d.id()).orElseThrow().origin().ruleVersion()).isEqualTo(2);

        assertThat(rules.retire(v1.id(), T0)).isTrue();
        assertThatThrownBy(() -> rules.update(v1.id(), v2, "test", T0)).hasMessageStartingWith("id: warning rule " + v1.id() + " is retired");
        Datastream other = site.stream(Well.Role.SOURCE_AREA, "benzene");
        evaluator.evaluate(List.of(reading(other, 2, 10 * limit)));
        assertThat(alerts.findOpen(v1.id(), other.id())).isEmpty();
    }
}
