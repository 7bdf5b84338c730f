package org.groundwatergateway.core.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.alert.AlertRepository;
import org.groundwatergateway.core.emergency.DisposalPlans;
import org.groundwatergateway.core.emergency.Incident;
import org.groundwatergateway.core.emergency.IncidentAnalysis;
import org.groundwatergateway.core.emergency.IncidentService;
import org.groundwatergateway.core.emergency.TimelineEntry;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.groundwatergateway.core.warning.WarningEvaluator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a fresh demo start does: the loggers' first live readings, late in the demo year when both leaks have spread,
 * are judged by the park's rules, whose severe alerts reach the emergency workflow through the bus. Each leak is one
 * incident (several wells of each plume turn severe in the same second, issue #16), carrying the highest severe reading
 * of its plume; and a severe water-level alert opens none, without an exception (issue #15).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoParkLeakIncidentsTest {

    /** Both leaks well established: 233 days after the benzene release, 166 after the chromium one. */
    private static final Instant LIVE = Instant.parse("2026-10-01T02:00:00Z");
    private TestDatabase db;
    private Database database;
    private final EventBus events = new EventBus();
    private IncidentService service;
    private WarningEvaluator evaluator;

    @BeforeAll
    void loadThreeDemoDays() {
        db = TestDatabases.h2gis();
        database = Database.migrate(db.dataSource());
        new DemoParkLoader(database).loadIfAbsent(3, p -> { });
        Clock clock = Clock.fixed(LIVE, ZoneOffset.UTC);
        IncidentService.Background none = (kind, work) -> { };
        service = new IncidentService(database, DisposalPlans.load(), new IncidentAnalysis(database, IncidentAnalysis.Settings.DEFAULTS),
                none, clock, IncidentService.Settings.DEFAULTS);
        service.listenTo(events);
        evaluator = new WarningEvaluator(database, new AlertRepository(database, events), clock, Duration.ofDays(1));
    }

    @AfterAll
    void close() throws Exception {
        evaluator.close();
        events.close();
        db.close();
    }

    @Test
    void eachLeakOpensOneIncidentWithItsSevereReading() throws Exception {
        MonitoringRepository monitoring = new MonitoringRepository(database);
        ParameterRepository parameters = new ParameterRepository(database);
        List<Reading> live = new ArrayList<>();
        // The severe readings per pollutant, by the GB/T 14848 class IV bound the demo's CLASS_LIMIT rules call 严重
        // (benzene 120 µg/L, Cr(VI) 0.1 mg/L): what the incidents must carry, in mg/L.
        Map<String, Double> highest = new TreeMap<>();
        Map<String, Integer> severeWells = new TreeMap<>();
        Map<String, Double> classIV = Map.of("benzene", 120e-3, "chromium-vi", 0.1);
        Map<String, Double> toMgPerL = Map.of("benzene", 1e-3, "chromium-vi", 1.0);
        for (Datastream d : monitoring.findDatastreams()) {
            if (d.wellId() == null) continue;
            double value = DemoPark.liveValue(d.code(), LIVE);
            live.add(Reading.arrived(d.id(), LIVE, value, 0, "simulator", LIVE));
            String parameter = parameters.findById(d.parameterId()).orElseThrow().code();
            if (classIV.containsKey(parameter) && value * toMgPerL.get(parameter) >= classIV.get(parameter)) {
                highest.merge(parameter, value * toMgPerL.get(parameter), Math::max);
                severeWells.merge(parameter, 1, Integer::sum);
            }
        }
        System.out.println("severe datastreams per pollutant: " + severeWells + ", highest (mg/L): " + highest);
        // The situation: each plume has several severe wells at once.
        assertThat(severeWells.get("benzene")).isGreaterThanOrEqualTo(3);
        assertThat(severeWells.get("chromium-vi")).isGreaterThanOrEqualTo(3);

        evaluator.evaluate(live);
        drainTheBus();

        List<Incident> opened = service.all();
        assertThat(opened).extracting(Incident::parameterCode).containsExactlyInAnyOrder("benzene", "chromium-vi");
        for (Incident incident : opened) {
            assertThat(incident.level().nameZh()).isEqualTo("二级");
            // The reading that made it severe, raised by the plume's higher ones: not a background daily mean.
            assertThat(incident.concentrationMgPerL()).as(incident.parameterCode())
                    .isCloseTo(highest.get(incident.parameterCode()), within(1e-9));
            List<String> joined = service.details(incident.id()).timeline().stream().map(TimelineEntry::text)
                    .filter(t -> t.startsWith("同一羽流")).toList();
            assertThat(joined).as(incident.parameterCode()).hasSize(severeWells.get(incident.parameterCode()) - 1);
        }
    }

    @Test
    void aSevereWaterLevelAlertOpensNoIncidentAndThrowsNothing() {
        MonitoringRepository monitoring = new MonitoringRepository(database);
        long level = new ParameterRepository(database).findByCode("water-level").orElseThrow().id();
        Datastream u04 = monitoring.findDatastreams().stream().filter(d -> d.parameterId() == level && d.code().startsWith("GW-U04/"))
                .findFirst().orElseThrow();
        int before = service.all().size();
        Alert severe = new Alert(99L, "LEVEL_CHANGE", Alert.Level.SEVERE, u04.code(), "GW-U04 水位 6 h 内变化 3.4 m", LIVE, null,
                new Alert.RuleOrigin(1, 1, u04.id(), 7.2, LIVE), null);
        assertThat(service.onAlert(severe)).isEmpty();
        assertThat(service.all()).hasSize(before);
    }

    /** The bus delivers in order on one thread: once a later event arrives, the alerts before it have been handled. */
    private void drainTheBus() throws InterruptedException {
        CountDownLatch drained = new CountDownLatch(1);
        events.subscribe(Drained.class, e -> drained.countDown());
        events.publish(new Drained());
        assertThat(drained.await(60, TimeUnit.SECONDS)).isTrue();
    }

    private record Drained() {}
}
