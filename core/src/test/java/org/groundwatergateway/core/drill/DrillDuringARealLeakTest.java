package org.groundwatergateway.core.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.alert.AlertRepository;
import org.groundwatergateway.core.demo.DemoPark;
import org.groundwatergateway.core.demo.DemoParkLoader;
import org.groundwatergateway.core.emergency.Dispatch;
import org.groundwatergateway.core.emergency.DisposalPlans;
import org.groundwatergateway.core.emergency.EmergencyRepository;
import org.groundwatergateway.core.emergency.EmergencyResource;
import org.groundwatergateway.core.emergency.Incident;
import org.groundwatergateway.core.emergency.IncidentAnalysis;
import org.groundwatergateway.core.emergency.IncidentService;
import org.groundwatergateway.core.escalation.EscalationPolicy;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The README's drill (benzene, 20 mg/L, at the wastewater plant's emergency pond PS-E10-LG) while the demo's real benzene
 * leak is in the ground and a real incident about it holds the park's resources (issue #16). The real plume is written as
 * the demo's real readings of every benzene well over the 60 days before the release (GW-U04 reads about 10 mg/L), with
 * the water levels the flow field is drawn from.
 *
 * <p>The drill must rehearse its own release, not the real one: first detected at GW-U21, 20 m down the flow from the pond,
 * when Domenico's (1987) solution says — computed independently of the platform's code (Python, math.erf, the textbook
 * form C = C₀/8 · erfc((x − vt)/(2√(αₓvt))) · [erf((y + Y/2)/(2√(α_y x))) − erf((y − Y/2)/(2√(α_y x)))] ·
 * [erf((z + Z)/(2√(α_z x))) − erf((z − Z)/(2√(α_z x)))], x = 20 m, y = 0, z = 0.5 m, v = 0.156/1.2 m/d, αₓ = 5, α_y = 0.5,
 * α_z = 0.05 m, Y = 20 m, Z = 3 m): 8 µg/L (一般) after 20.7 days, 120 µg/L (严重) after 31.5 days; the replay steps 6 h,
 * and the park's flow comes from its stored heads, so ±1 day. It must be traced to 园区污水处理厂 with 通海河 (RC-02) and
 * 东凌村 (RC-03) in the plume's path, and its incident must dispatch although the real one holds every resource.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrillDuringARealLeakTest {

    /** The release, 233 days after the real benzene leak began. */
    private static final Instant RELEASE = Instant.parse("2026-09-30T16:00:00Z");
    private static final Instant WALL = Instant.parse("2026-12-04T08:00:00Z");
    static final double DETECTION_DAYS = 20.7;
    static final double SEVERE_DAYS = 31.5;
    private TestDatabase db;
    private Database database;
    private final EventBus events = new EventBus();
    private final AtomicBoolean analyse = new AtomicBoolean();
    private IncidentService service;
    private DrillService drills;

    @BeforeAll
    void threeDemoDaysAndTheRealLeak() {
        db = TestDatabases.h2gis();
        database = Database.migrate(db.dataSource());
        new DemoParkLoader(database).loadIfAbsent(3, p -> { });
        ParameterRepository parameters = new ParameterRepository(database);
        Set<Long> written = Set.of(parameters.findByCode("benzene").orElseThrow().id(), parameters.findByCode("water-level").orElseThrow().id());
        List<Reading> real = new ArrayList<>();
        for (Datastream d : new MonitoringRepository(database).findDatastreams()) {
            if (d.wellId() == null || !written.contains(d.parameterId())) continue;
            for (Instant t = RELEASE.minus(Duration.ofDays(60)); t.isBefore(RELEASE); t = t.plus(Duration.ofHours(6))) {
                real.add(Reading.arrived(d.id(), t, DemoPark.liveValue(d.code(), t), 0, "simulator", t));
            }
        }
        new ReadingRepository(database).append(real);
        Clock wall = Clock.fixed(WALL, ZoneOffset.UTC);
        // The drill's incident is analysed on the replay's thread; the real one is left unanalysed (DemoParkIncidentTest does that).
        IncidentService.Background inline = (kind, work) -> work.accept(Progress.NONE);
        service = new IncidentService(database, DisposalPlans.load(),
                new IncidentAnalysis(database, IncidentAnalysis.Settings.DEFAULTS.withRealizations(100)),
                (kind, work) -> {
                    if (analyse.get()) work.accept(Progress.NONE);
                }, wall, IncidentService.Settings.DEFAULTS);
        drills = new DrillService(database, new AlertRepository(database, events), service, EscalationPolicy.defaults(), inline, wall,
                DrillService.Targets.DEFAULTS);
    }

    @AfterAll
    void close() throws Exception {
        events.close();
        db.close();
    }

    @Test
    void theDrillIsDetectedWhereAndWhenTheReadmeSaysTracedToItsSourceAndDispatchesDuringARealIncident() {
        MonitoringRepository monitoring = new MonitoringRepository(database);
        Datastream u04 = monitoring.findDatastreams().stream().filter(d -> d.code().equals("GW-U04/benzene")).findFirst().orElseThrow();
        double seen = DemoPark.liveValue(u04.code(), RELEASE.minus(Duration.ofHours(6)));
        assertThat(seen).as("the real leak at GW-U04, µg/L").isGreaterThan(5000);
        Incident real = service.onAlert(new Alert(1L, "CLASS_LIMIT", Alert.Level.SEVERE, u04.code(), "GW-U04 苯超过 IV 类限值",
                RELEASE.minus(Duration.ofHours(6)), null, new Alert.RuleOrigin(1, 1, u04.id(), seen, RELEASE.minus(Duration.ofHours(6))), null))
                .orElseThrow();
        EmergencyRepository emergency = new EmergencyRepository(database);
        Set<Long> heldByTheRealIncident = service.details(real.id()).dispatches().stream().map(d -> d.resource().id()).collect(Collectors.toSet());
        assertThat(heldByTheRealIncident).isNotEmpty();

        analyse.set(true);
        Drill drill = drills.drill(drills.start(new DrillService.Plan("HBDP", "benzene", "PS-E10-LG", null, null, null, 20.0, RELEASE, null,
                null, "园区应急办")).id());
        assertThat(drill.status()).as(drill.problem()).isEqualTo(Drill.Status.RESPONDING);

        AlertRepository drillAlerts = new AlertRepository(database, events).forDrill(drill.id());
        Alert first = drillAlerts.find(drill.firstAlertId()).orElseThrow();
        Alert severe = drillAlerts.find(drill.severeAlertId()).orElseThrow();
        double detected = days(drill.releaseStart(), drill.firstAlertAt());
        double severeDays = days(drill.releaseStart(), drill.severeAlertAt());
        System.out.printf(Locale.ROOT, "drill during the real leak: first alert %s after %.2f d, severe %s after %.2f d%n", first.subject(),
                detected, severe.subject(), severeDays);
        assertThat(first.subject()).startsWith("GW-U21/");
        assertThat(severe.subject()).startsWith("GW-U21/");
        assertThat(detected).isBetween(DETECTION_DAYS - 1, DETECTION_DAYS + 1);
        assertThat(severeDays).isBetween(SEVERE_DAYS - 1, SEVERE_DAYS + 1);

        IncidentService.Details incident = service.details(drill.incidentId());
        System.out.println("drill incident: " + incident.incident().topSource() + ", " + incident.incident().analysis());
        assertThat(incident.incident().analysis().state()).as(incident.incident().analysis().error()).isEqualTo(Incident.AnalysisState.DONE);
        assertThat(incident.incident().topSource().nameZh()).isEqualTo("园区污水处理厂");
        // Traced on the drill's readings, its heat map is never published (the real incident is not analysed here).
        assertThat(database.jdbc().sql("SELECT COUNT(*) FROM source_traces").query(Long.class).single()).isZero();
        assertThat(incident.forecast().receptors()).extracting(r -> r.code()).contains("RC-02", "RC-03");
        // Its concentration is the severe reading, about 120 µg/L.
        assertThat(incident.incident().concentrationMgPerL()).isBetween(0.12, 0.2);

        // The drill rehearses its dispatch with the resources the real incident holds; they stay with the real incident.
        List<Dispatch> rehearsed = incident.dispatches();
        assertThat(rehearsed).isNotEmpty();
        assertThat(rehearsed).extracting(d -> d.resource().id()).containsAnyElementsOf(heldByTheRealIncident);
        assertThat(incident.timeline()).noneMatch(e -> e.text().startsWith("预案所需资源无可用"));
        for (long id : heldByTheRealIncident) {
            assertThat(emergency.findDepots(real.parkId()).stream().flatMap(d -> emergency.findResources(d.id()).stream())
                    .filter(r -> r.id() == id).findFirst().orElseThrow().status()).isEqualTo(EmergencyResource.Status.DISPATCHED);
        }
    }

    private static double days(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds() / 86400.0;
    }
}
