package org.groundwatergateway.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.analytics.transport.DomenicoSource;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.emergency.DisposalPlans;
import org.groundwatergateway.core.emergency.Incident;
import org.groundwatergateway.core.emergency.IncidentAnalysis;
import org.groundwatergateway.core.emergency.IncidentService;
import org.groundwatergateway.core.emergency.TimelineEntry;
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
 * Issue #21: a new benzene release beside the demo's E01 plume. The tank farm's plume (documented: its outlines are
 * stored from 2026-03-12 on) is in the ground, as the demo's real readings of every benzene well over the 60 days
 * before the incident; a new release at E02's chlorination unit PS-E02-PA, the next plot down the flow, 654 m from the
 * tank farm, 20 mg/L from 45 days before the incident (Domenico with the park's own parameters), is added to them. The
 * severe alert at GW-U14, 20 m below it, opens an incident, whose tracing must name the new source — before issue #21
 * a single-source trace put every benzene incident on E01 while its plume existed — and still see E01's plume as known.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoParkNewReleaseBesideE01Test {

    private static final Instant OPENED = Instant.parse("2026-09-30T16:00:00Z");
    private static final Instant NEW_RELEASE = OPENED.minus(Duration.ofDays(45));
    private static final DomenicoSource NEW_PLUME = new DomenicoSource(20, 20, 3, DemoPark.SEEPAGE_VELOCITY, 1.2, 0.0015,
            DemoPark.LONGITUDINAL_DISPERSIVITY, DemoPark.TRANSVERSE_DISPERSIVITY, DemoPark.VERTICAL_DISPERSIVITY);
    private TestDatabase db;
    private Database database;
    private IncidentService service;

    @BeforeAll
    void theParkTheE01PlumeAndTheNewRelease() {
        db = TestDatabases.h2gis();
        database = Database.migrate(db.dataSource());
        new DemoParkLoader(database).loadIfAbsent(3, p -> { });
        ParameterRepository parameters = new ParameterRepository(database);
        long benzene = parameters.findByCode("benzene").orElseThrow().id();
        Set<Long> written = Set.of(benzene, parameters.findByCode("water-level").orElseThrow().id());
        List<Reading> readings = new ArrayList<>();
        for (Datastream d : new MonitoringRepository(database).findDatastreams()) {
            if (d.wellId() == null || !written.contains(d.parameterId())) continue;
            DemoPark.WellPlan well = DemoPark.wells().stream().filter(w -> d.code().startsWith(w.code() + "/")).findFirst().orElseThrow();
            for (Instant t = OPENED.minus(Duration.ofDays(60)); t.isBefore(OPENED); t = t.plus(Duration.ofHours(6))) {
                double value = DemoPark.liveValue(d.code(), t);
                if (d.parameterId() == benzene && !well.confined()) {
                    double days = Duration.between(NEW_RELEASE, t).toSeconds() / 86400.0;
                    value += 1000 * DemoPark.FLOW.concentration(NEW_PLUME, 1300, 1400, well.east(), well.north(), DemoPark.WATER_TABLE_DEPTH, days);
                }
                readings.add(Reading.arrived(d.id(), t, value, 0, "simulator", t));
            }
        }
        new ReadingRepository(database).append(readings);
        IncidentService.Background inline = (kind, work) -> work.accept(Progress.NONE);
        service = new IncidentService(database, DisposalPlans.load(),
                new IncidentAnalysis(database, IncidentAnalysis.Settings.DEFAULTS.withRealizations(100)), inline,
                Clock.fixed(OPENED.plus(Duration.ofHours(1)), ZoneOffset.UTC), IncidentService.Settings.DEFAULTS);
    }

    @AfterAll
    void close() {
        db.close();
    }

    Database database() {
        return database;
    }

    @Test
    void theIncidentsTracingNamesTheNewSourceNotTheKnownPlume() {
        MonitoringRepository monitoring = new MonitoringRepository(database);
        Datastream u14 = monitoring.findDatastreams().stream().filter(d -> d.code().equals("GW-U14/benzene")).findFirst().orElseThrow();
        Datastream u04 = monitoring.findDatastreams().stream().filter(d -> d.code().equals("GW-U04/benzene")).findFirst().orElseThrow();
        Instant seenAt = OPENED.minus(Duration.ofHours(6));
        double seen = 1000 * DemoPark.FLOW.concentration(NEW_PLUME, 1300, 1400, 1319, 1395, DemoPark.WATER_TABLE_DEPTH,
                Duration.between(NEW_RELEASE, seenAt).toSeconds() / 86400.0);
        // The situation: both plumes severe (GB/T 14848 class IV ends at 120 µg/L).
        assertThat(seen).as("the new release at GW-U14, µg/L").isGreaterThan(120);
        assertThat(DemoPark.liveValue(u04.code(), seenAt)).as("E01's plume at GW-U04, µg/L").isGreaterThan(5000);

        long started = System.nanoTime();
        Incident incident = service.onAlert(new Alert(1L, "CLASS_LIMIT", Alert.Level.SEVERE, u14.code(), "GW-U14 苯超过 IV 类限值", seenAt, null,
                new Alert.RuleOrigin(1, 1, u14.id(), seen, seenAt), null)).orElseThrow();
        IncidentService.Details details = service.details(incident.id());
        System.out.printf("incident analysis %.1f s: %s%n", (System.nanoTime() - started) / 1e9, details.incident().topSource());
        details.timeline().stream().map(TimelineEntry::text).filter(t -> t.startsWith("溯源")).forEach(System.out::println);

        assertThat(details.incident().analysis().state()).as(details.incident().analysis().error()).isEqualTo(Incident.AnalysisState.DONE);
        assertThat(details.incident().topSource().nameZh()).isEqualTo("海润精细化工有限公司");
        List<String> traced = details.timeline().stream().map(TimelineEntry::text).filter(t -> t.startsWith("溯源模型")).toList();
        assertThat(traced).hasSize(1);
        assertThat(traced.get(0)).contains("已知羽流 PS-E01-TF").contains("新释放 ");
        // The incident's heat map is published: at the incident's opening its most probable candidate is on E02's site.
        String mostProbable = database.jdbc().sql("SELECT c.enterprise FROM source_probabilities c JOIN source_traces t ON t.id = c.trace_id "
                        + "WHERE t.incident_id = ? AND t.window_to = ? ORDER BY c.probability DESC LIMIT 1")
                .params(incident.id(), org.groundwatergateway.core.storage.Rows.timestamp(incident.openedAt())).query(String.class).single();
        assertThat(mostProbable).isEqualTo(DemoPark.enterprises().stream().filter(e -> e.number().equals("E02")).findFirst().orElseThrow().creditCode());
    }
}
