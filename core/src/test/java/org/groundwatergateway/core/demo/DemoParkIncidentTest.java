package org.groundwatergateway.core.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.emergency.Dispatch;
import org.groundwatergateway.core.emergency.DisposalPlans;
import org.groundwatergateway.core.emergency.Incident;
import org.groundwatergateway.core.emergency.IncidentAnalysis;
import org.groundwatergateway.core.emergency.IncidentGrouping;
import org.groundwatergateway.core.emergency.IncidentEvaluation;
import org.groundwatergateway.core.emergency.IncidentService;
import org.groundwatergateway.core.emergency.IncidentTask;
import org.groundwatergateway.core.emergency.PlumeForecast;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.site.SiteRepository;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;

/**
 * A severe benzene alert at GW-U04, published on the bus 30 days after the demo's release, opens an incident with
 * everything docs/demo-park.md says it must carry: the forecast with bands, RC-01's time of arrival, E01 as the source,
 * the VOC plan and resources routed along the park's roads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoParkIncidentTest {

    private static final Instant THIRTY_DAYS_AFTER = DemoParkUntil.THIRTY_DAYS_AFTER_THE_BENZENE_RELEASE;
    /** Tracing and the Monte Carlo on two shared cores; they take about a minute alone. */
    private static final Duration BUDGET = Duration.ofMinutes(5);
    private static final double SPEED_KMH = 30;
    private TestDatabase db;
    private Database database;
    private final EventBus events = new EventBus();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private IncidentService service;

    @BeforeAll
    void loadTheParkToThirtyDaysAfterTheRelease() {
        db = TestDatabases.h2gis();
        database = Database.migrate(db.dataSource());
        DemoParkUntil.load(database, THIRTY_DAYS_AFTER);
        service = new IncidentService(database, DisposalPlans.load(), new IncidentAnalysis(database, IncidentAnalysis.Settings.DEFAULTS),
                (kind, work) -> background.execute(() -> work.accept(Progress.NONE)),
                Clock.fixed(THIRTY_DAYS_AFTER.plus(Duration.ofHours(1)), ZoneOffset.UTC),
                new IncidentService.Settings(SPEED_KMH, 500, 5, 300, IncidentGrouping.DEFAULTS));
        service.listenTo(events);
    }

    @AfterAll
    void close() throws Exception {
        events.close();
        background.shutdownNow();
        db.close();
    }

    @Test
    void aSevereAlertOpensAnIncidentThatGetsItsForecastSourcePlanAndResources() throws Exception {
        events.publish(new Alert(1L, "gbt14848", Alert.Level.SEVERE, "GW-U04/benzene", "GW-U04 苯超过 IV 类限值", THIRTY_DAYS_AFTER, null, null, null));
        events.publish(new Alert(2L, "device", Alert.Level.SEVERE, "32062324000004", "设备离线", THIRTY_DAYS_AFTER, null, null, null));
        Incident incident = awaitAnalysis();
        assertThat(service.all()).hasSize(1);
        assertThat(incident.analysis().error()).isNull();
        assertThat(incident.analysis().state()).isEqualTo(Incident.AnalysisState.DONE);
        var details = service.details(incident.id());
        assertThat(incident.level().nameZh()).isEqualTo("二级");
        assertThat(details.plan().code()).isEqualTo("VOC-U-1");
        assertThat(details.dose().reagentKg()).isPositive();
        assertThat(details.tasks()).hasSize(details.plan().tasks().size());

        // The flow from the stored heads: azimuth 105°, 0.156 m/d.
        assertThat(incident.flow().azimuthDegrees()).isCloseTo(105, within(3.0));
        // E01 traced as the source.
        String e01 = new SiteRepository(database).load(DemoPark.PARK_CODE).enterprises().stream()
                .filter(e -> e.nameZh().equals("江海石化有限公司")).findFirst().orElseThrow().creditCode();
        assertThat(incident.topSource().enterprise()).isEqualTo(e01);
        assertThat(incident.topSource().probability()).isGreaterThanOrEqualTo(0.5);

        // Bands along the flow line and the front: 5 % ≤ 50 % ≤ 95 %, growing with time.
        List<PlumeForecast.Band> bands = details.forecast().bands();
        assertThat(bands).allSatisfy(b -> assertThat(b.p05()).isLessThanOrEqualTo(b.p50()).isLessThanOrEqualTo(b.p95()));
        List<PlumeForecast.Band> front = bands.stream().filter(b -> b.kind() == PlumeForecast.Kind.FRONT).toList();
        assertThat(front).extracting(PlumeForecast.Band::day).containsExactly(30.0, 90.0, 365.0);
        assertThat(front.get(2).p50()).isGreaterThan(front.get(0).p50());
        assertThat(bands.stream().filter(b -> b.label().equals("flow line 100 m") && b.day() == 365.0).findFirst().orElseThrow().p95())
                .isGreaterThan(0);

        // RC-01, 3.05 km down the flow line: the front's centre (x·R/v) needs about 64 years (docs/demo-park.md); the
        // concentration passes the class III limit (10 µg/L) earlier, because dispersion carries a strong source's
        // leading edge ahead of the centre.
        details.forecast().receptors().forEach(r -> System.out.println("at risk: " + r));
        PlumeForecast.ReceptorRisk rc01 = details.forecast().receptors().stream().filter(r -> r.code().equals("RC-01")).findFirst().orElseThrow();
        System.out.printf(Locale.ROOT, "RC-01: %.0f m along, advective %.1f y, arrival %.1f / %.1f / %.1f y, not arriving %.2f%n", rc01.alongM(),
                rc01.advectiveDays() / 365.25, years(rc01.arrivalP2_5()), years(rc01.arrivalP50()), years(rc01.arrivalP97_5()), rc01.fractionNotArriving());
        assertThat(rc01.alongM()).isCloseTo(3050, within(60.0));
        assertThat(rc01.advectiveDays() / 365.25).isCloseTo(64, within(4.0));
        assertThat(rc01.arrivalP50()).isNotNull();
        assertThat(rc01.arrivalP50() / 365.25).isBetween(35.0, 70.0);
        assertThat(rc01.arrivalP2_5()).isLessThan(rc01.arrivalP50());

        // Resources routed from their depots along the roads; ETA = length / speed.
        assertThat(details.dispatches()).isNotEmpty();
        assertThat(details.dispatches()).extracting(d -> d.resource().nameZh()).anyMatch(n -> n.contains("应急监测队")).anyMatch(n -> n.contains("活性炭"));
        for (Dispatch d : details.dispatches()) {
            Coordinate[] path = d.route().getCoordinates();
            assertThat(path[0].distance(d.depot().location().getCoordinate())).isLessThan(1e-9);
            assertThat(path[path.length - 1].distance(incident.location().getCoordinate())).isLessThan(1e-9);
            assertThat(d.etaMinutes()).isCloseTo(d.lengthM() / 1000 / SPEED_KMH * 60, within(1e-9));
            assertThat(d.resource().status().name()).isEqualTo("DISPATCHED");
        }
        // The cameras at the tank farm come first.
        assertThat(details.cameras()).isNotEmpty();
        assertThat(details.cameras().get(0).nameZh()).isEqualTo("江海石化芳烃罐区");

        // The response goes on: a resource arrives, the incident is responding; tasks are done; it closes with an evaluation.
        Dispatch first = details.dispatches().get(0);
        assertThatThrownBy(() -> service.updateDispatch(incident.id(), first.id(), Dispatch.Status.DISPATCHED)).hasMessageContaining("status");
        service.updateDispatch(incident.id(), first.id(), Dispatch.Status.ON_SITE);
        assertThat(service.incident(incident.id()).status()).isEqualTo(Incident.Status.RESPONDING);
        IncidentTask task = details.tasks().get(0);
        assertThat(service.updateTask(incident.id(), task.id(), IncidentTask.Status.DONE, null, null).doneOnTime()).isTrue();
        service.update(incident.id(), Incident.Status.CONTAINED, null, "园区应急办", "值班员");
        service.comment(incident.id(), "生态环境局", "张三", "已收到报告");
        var closed = service.close(incident.id(), "园区应急办", "值班员", "水力截获运行");
        assertThat(closed.incident().status()).isEqualTo(Incident.Status.CLOSED);
        assertThat(closed.evaluation().tasksDoneOnTime()).isEqualTo(1);
        assertThat(closed.evaluation().hoursToContainment()).isCloseTo(1.0, within(1e-9));
        assertThat(closed.evaluation().keyWells()).extracting(IncidentEvaluation.WellChange::wellCode).startsWith("GW-U04");
        assertThat(closed.dispatches()).allSatisfy(d -> assertThat(d.status()).isEqualTo(Dispatch.Status.RETURNED));
        assertThat(closed.timeline()).extracting(e -> e.department()).contains("生态环境局", IncidentService.PLATFORM);
    }

    private Incident awaitAnalysis() throws InterruptedException {
        long deadline = System.nanoTime() + BUDGET.toNanos();
        while (System.nanoTime() < deadline) {
            List<Incident> all = service.all();
            if (!all.isEmpty() && all.get(0).analysis().state() != Incident.AnalysisState.PENDING) return all.get(0);
            Thread.sleep(200);
        }
        throw new AssertionError("no incident analysed within " + BUDGET);
    }

    private static double years(Double days) {
        return days == null ? Double.NaN : days / 365.25;
    }
}
