package org.groundwatergateway.core.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.alert.AlertRepository;
import org.groundwatergateway.core.demo.DemoParkLoader;
import org.groundwatergateway.core.emergency.DisposalPlans;
import org.groundwatergateway.core.emergency.EmergencyRepository;
import org.groundwatergateway.core.emergency.EmergencyResource;
import org.groundwatergateway.core.emergency.Incident;
import org.groundwatergateway.core.emergency.IncidentAnalysis;
import org.groundwatergateway.core.emergency.IncidentRepository;
import org.groundwatergateway.core.emergency.IncidentService;
import org.groundwatergateway.core.escalation.EscalationPolicy;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.site.Site;
import org.groundwatergateway.core.site.SiteReadings;
import org.groundwatergateway.core.site.SiteRepository;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A drill on three days of the demo park, replayed on the caller's thread: the release at the wastewater plant's
 * emergency pond (PS-E10-LG, benzene 20 mg/L) is detected at the well 20 m down the flow when Domenico's solution says,
 * opens the drill's incident on drill time, and leaves no trace in the real readings, alerts, incidents or resources.
 * The incident's forecast is not run here (DrillApiTest runs the whole chain).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DrillContract {

    private static final Instant WALL = Instant.parse("2026-11-22T08:00:00Z");
    private TestDatabase db;
    private Database database;
    private final EventBus events = new EventBus();
    private AlertRepository alerts;
    private IncidentRepository incidents;
    private DrillService drills;

    protected abstract TestDatabase newDatabase();

    @BeforeAll
    void loadThreeDemoDays() {
        db = newDatabase();
        database = Database.migrate(db.dataSource());
        new DemoParkLoader(database).loadIfAbsent(3, p -> { });
        alerts = new AlertRepository(database, events);
        incidents = new IncidentRepository(database);
        Clock wall = Clock.fixed(WALL, ZoneOffset.UTC);
        IncidentService.Background inline = (kind, work) -> work.accept(Progress.NONE);
        IncidentService.Background none = (kind, work) -> { };
        IncidentService service = new IncidentService(database, DisposalPlans.load(),
                new IncidentAnalysis(database, IncidentAnalysis.Settings.DEFAULTS), none, wall, IncidentService.Settings.DEFAULTS);
        service.listenTo(events);
        drills = new DrillService(database, alerts, service, EscalationPolicy.defaults(), inline, wall, DrillService.Targets.DEFAULTS);
    }

    @AfterAll
    void close() throws Exception {
        events.close();
        db.close();
    }

    @Test
    void aReleaseIsDetectedWhenTheModelSaysAndOpensTheDrillsIncidentApartFromRealData() {
        int realReadings = count("readings");
        Drill drill = drills.drill(drills.start(plan(20, null)).id());
        assertThat(drill.status()).as(drill.problem()).isEqualTo(Drill.Status.RESPONDING);

        // By hand (Domenico's centre line at 20 m, v/R = 0.156/1.2 m/d, αL = 5 m, αT = 0.5 m, αV = 0.05 m, 20 × 3 m source,
        // sampled 0.5 m below the water table): 8 µg/L (0.8 × class III, 一般) is passed after about 21 days and 120 µg/L
        // (the class IV bound, 严重) after about 31.5 (DrillDuringARealLeakTest gives the formula); the replay steps 6 hours.
        double detected = days(drill.releaseStart(), drill.firstAlertAt());
        double severe = days(drill.releaseStart(), drill.severeAlertAt());
        assertThat(detected).isBetween(19.0, 23.0);
        assertThat(severe).isBetween(30.0, 35.0);
        assertThat(drill.readings()).isPositive();
        assertThat(drill.clockOffset()).isEqualTo(Duration.between(WALL, drill.severeAlertAt()));

        // The incident runs on drill time and is the drill's.
        Incident incident = incidents.find(drill.incidentId()).orElseThrow();
        assertThat(incident.drill().id()).isEqualTo(drill.id());
        assertThat(incident.openedAt()).isEqualTo(drill.severeAlertAt());
        assertThat(incident.planCode()).isEqualTo("VOC-U-1");

        // Apart from real data: no reading, alert, incident or resource of the real park changed.
        assertThat(count("readings")).isEqualTo(realReadings);
        assertThat(alerts.findOpen()).isEmpty();
        List<Alert> drillAlerts = alerts.forDrill(drill.id()).findOpen();
        assertThat(drillAlerts).isNotEmpty().allSatisfy(a -> {
            assertThat(a.message()).startsWith(AlertRepository.DRILL_MARK);
            assertThat(a.drillId()).isEqualTo(drill.id());
        });
        assertThat(alerts.find(drill.severeAlertId())).isEmpty();
        assertThat(alerts.forDrill(drill.id()).find(drill.severeAlertId()).orElseThrow().level()).isEqualTo(Alert.Level.SEVERE);
        assertThat(incidents.findAll()).extracting(Incident::id).doesNotContain(incident.id());
        assertThat(new EmergencyRepository(database).findDepots(incident.parkId()).stream()
                .flatMap(d -> new EmergencyRepository(database).findResources(d.id()).stream()))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(EmergencyResource.Status.AVAILABLE));

        // The drill's view of the readings has its simulated benzene; the real view has none after the release.
        Site site = new SiteRepository(database).load("HBDP");
        var aquifer = site.aquifer(drill.aquiferCode());
        Instant from = drill.releaseStart();
        assertThat(new SiteReadings(database).dailyMeans(site, aquifer, "benzene", from.plus(Duration.ofDays(1)), drill.severeAlertAt())).isEmpty();
        var seen = SiteReadings.forDrill(database, drill.id()).dailyMeans(site, aquifer, "benzene", from.minus(Duration.ofDays(2)),
                drill.severeAlertAt());
        // The last day's mean, of readings rising towards the 120 µg/L that raised the severe alert at its end.
        assertThat(seen.values()).anySatisfy(days -> assertThat(days.get(days.size() - 1).value()).isBetween(60.0, 120.0));
        assertThat(seen.values()).allSatisfy(days -> assertThat(days.get(0).day()).isBefore(
                from.atOffset(org.groundwatergateway.core.time.ChinaStandardTime.OFFSET).toLocalDate().plusDays(1)));

        // Finishing closes the incident and clears the drill's alerts; the score has its six steps.
        assertThatThrownBy(() -> drills.finish(drill.id(), " ", null)).hasMessageContaining("by");
        DrillService.Report report = drills.finish(drill.id(), "园区应急办", null);
        assertThat(report.drill().status()).isEqualTo(Drill.Status.FINISHED);
        assertThat(report.incident().incident().status()).isEqualTo(Incident.Status.CLOSED);
        assertThat(alerts.forDrill(drill.id()).findOpen()).isEmpty();
        assertThat(report.score().items()).extracting(DrillScore.Item::code)
                .containsExactly("detection", "notification", "acknowledgement", "analysis", "first-arrival", "tasks");
        // Detected within the 30-day target: full marks; nobody acknowledged, arrived or analysed here: none.
        assertThat(report.score().items().get(0).score()).isEqualTo(100);
        assertThat(report.score().items().get(2).score()).isZero();
        assertThatThrownBy(() -> drills.finish(drill.id(), "x", null)).isInstanceOf(DrillService.NotNow.class);
    }

    @Test
    void aReleaseTooWeakToReachSevereIsReportedUndetected() {
        Drill drill = drills.drill(drills.start(plan(0.001, 20.0)).id());
        assertThat(drill.status()).isEqualTo(Drill.Status.UNDETECTED);
        assertThat(drill.problem()).contains("20 天").contains("未产生任何预警");
        assertThat(drill.incidentId()).isNull();
        assertThat(drills.report(drill.id()).score().items().get(0).score()).isZero();
    }

    @Test
    void aDrillEndingBeforeSevereClearsTheAlertsItRaised() {
        // 一般 after about 21 days, 严重 only after about 31.5: a 25-day drill ends with an alert, and no incident.
        Drill drill = drills.drill(drills.start(plan(20, 25.0)).id());
        assertThat(drill.status()).isEqualTo(Drill.Status.UNDETECTED);
        assertThat(drill.firstAlertAt()).isNotNull();
        assertThat(alerts.forDrill(drill.id()).findOpen()).isEmpty();
        assertThat(alerts.forDrill(drill.id()).find(drill.firstAlertId()).orElseThrow().clearedAt()).isNotNull();
    }

    @Test
    void aBadPlanIsRejectedNamingTheField() {
        assertThatThrownBy(() -> drills.start(new DrillService.Plan("HBDP", "benzene", null, null, null, null, 20.0, null, null, null, "x")))
                .hasMessageStartingWith("source:");
        assertThatThrownBy(() -> drills.start(new DrillService.Plan("HBDP", "benzene", "PS-E10-LG", null, null, null, 20.0, null, 0.5, null, "x")))
                .hasMessageStartingWith("stepHours:");
        assertThatThrownBy(() -> drills.start(new DrillService.Plan("HBDP", "benzene", "PS-E10-LG", null, null, null, 20.0, null, 1.0, 3650.0, "x")))
                .hasMessageStartingWith("stepHours:").hasMessageContaining("20,000 steps");
        assertThatThrownBy(() -> drills.start(new DrillService.Plan("HBDP", "benzene", null, 125.0, 32.5, null, 20.0, null, null, null, "x")))
                .hasMessageContaining("5 km");
        assertThatThrownBy(() -> drills.start(new DrillService.Plan("HBDP", "benzene", "PS-E10-LG", null, null, null, 20.0, null, null, null, null)))
                .hasMessageStartingWith("by:");
    }

    @Test
    void aDrillLeftReplayingByAStopFailsAtTheNextStart() {
        Drill interrupted = new DrillRepository(database).insert(new Drill(null, new ParkRepository(database).findByCode("HBDP").orElseThrow().id(), "HBDP",
                "benzene", null, 121.03, 32.545, "Q1", 20, WALL, 6, 30, Drill.Status.SIMULATING, 0, null, WALL, "test", 0, null, null, null,
                null, null, null, null, null));
        assertThat(drills.failInterrupted()).isEqualTo(1);
        Drill failed = drills.drill(interrupted.id());
        assertThat(failed.status()).isEqualTo(Drill.Status.FAILED);
        assertThat(failed.problem()).contains("演练中断");
        assertThat(drills.failInterrupted()).isZero();
    }

    private static DrillService.Plan plan(double mgPerL, Double maxDays) {
        return new DrillService.Plan("HBDP", "benzene", "PS-E10-LG", null, null, null, mgPerL, null, null, maxDays, "园区应急办");
    }

    private int count(String table) {
        return database.jdbc().sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }

    private static double days(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds() / 86400.0;
    }
}
