package org.groundwatergateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.groundwatergateway.catalog.CatalogFacts.Member;
import org.groundwatergateway.catalog.CatalogFacts.Period;
import org.groundwatergateway.core.geo.Cgcs2000;
import org.groundwatergateway.core.geo.LocalGrid;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.monitoring.Sensor;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.park.AquiferLayer;
import org.groundwatergateway.core.park.Park;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.site.SourceProbabilityRepository;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.groundwatergateway.policies.published.Grouping;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;

/**
 * A dataset's period read from the store, on each database: it starts at the first current reading, so a first
 * reading corrected still counts (its new version is current) and one retracted does not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoredCatalogFactsContract {

    private static final LocalGrid GRID = new LocalGrid(121.0, 32.54);
    private static final Instant T = Instant.parse("2026-06-01T00:00:00Z");

    private TestDatabase testDatabase;
    private Database database;
    private StoredCatalogFacts facts;
    private ReadingRepository readings;
    private Datastream corrected;
    private Datastream retracted;

    protected abstract TestDatabase newDatabase();

    @BeforeAll
    void open() {
        testDatabase = newDatabase();
        database = Database.migrate(testDatabase.dataSource());
        facts = new StoredCatalogFacts(database);
        readings = new ReadingRepository(database);
        ParameterRepository parameters = new ParameterRepository(database);
        parameters.loadCatalogIfEmpty();
        ParkRepository parks = new ParkRepository(database);
        Park park = parks.insert(new Park(null, "TP", "测试园区", "Test park", "320623", "石油化工",
                Cgcs2000.GEOMETRY_FACTORY.createPolygon(new Coordinate[] {GRID.toLonLat(0, 0), GRID.toLonLat(1000, 0), GRID.toLonLat(1000, 1000),
                        GRID.toLonLat(0, 1000), GRID.toLonLat(0, 0)})));
        AquiferLayer aquifer = parks.insert(new AquiferLayer(null, park.id(), "Q1", "潜水含水层", "Unconfined", AquiferLayer.Confinement.UNCONFINED,
                1, 12, 30, 0.25));
        MonitoringRepository monitoring = new MonitoringRepository(database);
        long level = parameters.findByCode("water-level").orElseThrow().id();
        corrected = datastream(monitoring, park, aquifer, level, "T-01");
        retracted = datastream(monitoring, park, aquifer, level, "T-02");
        for (Datastream d : List.of(corrected, retracted)) {
            readings.append(List.of(Reading.arrived(d.id(), T, 1.0, 0, "test", T), Reading.arrived(d.id(), T.plusSeconds(3600), 2.0, 0, "test", T),
                    Reading.arrived(d.id(), T.plusSeconds(7200), 3.0, 0, "test", T)));
        }
        int flag = QualityFlag.bits(java.util.Set.of(QualityFlag.CORRECTED));
        Reading raw = readings.latest(corrected.id(), 3).get(0);
        database.inTransaction(c -> readings.supersede(c, List.of(raw), r -> new Reading(null, corrected.id(), T, 1.1, 1.0, flag, 2, true, "review",
                T.plusSeconds(9000))));
        long first = readings.latest(retracted.id(), 3).stream().filter(r -> r.phenomenonTime().equals(T)).findFirst().orElseThrow().id();
        assertThat(readings.retract(first, "operator", T.plusSeconds(9000))).isTrue();
    }

    @AfterAll
    void close() {
        testDatabase.close();
    }

    private static Datastream datastream(MonitoringRepository monitoring, Park park, AquiferLayer aquifer, long parameter, String code) {
        Well well = monitoring.insert(new Well(null, park.id(), code, "测试井 " + code, GRID.point(500, 500), 5, 5.5, 3, 10, aquifer.id(),
                Well.Role.DOWNGRADIENT, Well.Status.ACTIVE));
        Sensor sensor = monitoring.insert(new Sensor(null, code + "-LVL", null, "Levelogger", "L-" + code, 180, null));
        return monitoring.insert(new Datastream(null, code + "/water-level", well.id(), null, parameter, sensor.id(), null, 60));
    }

    @Test
    void aCorrectedFirstReadingStillStartsThePeriodARetractedOneDoesNot() {
        assertThat(facts.period("latest_readings")).contains(new Period(T, T.plusSeconds(7200)));
        Member well = new Member(retracted.wellId(), "T-02", "测试井 T-02", "T-02");
        assertThat(facts.period(Grouping.WELL, well)).contains(new Period(T.plusSeconds(3600), T.plusSeconds(7200)));
    }

    /** The incidents' heat maps cover their traces' windows: the first's start to the last's end; none before a trace. */
    @Test
    void theHeatMapsCoverTheTracedWindows() {
        assertThat(facts.period("source_probabilities")).isEmpty();
        long park = database.jdbc().sql("SELECT id FROM parks").query(Long.class).single();
        long aquifer = database.jdbc().sql("SELECT id FROM aquifer_layers").query(Long.class).single();
        long level = new ParameterRepository(database).findByCode("water-level").orElseThrow().id();
        SourceProbabilityRepository heatMaps = new SourceProbabilityRepository(database);
        heatMaps.replace(new SourceProbabilityRepository.Trace(park, level, aquifer, T, T.plusSeconds(86400), null, "test"), T, List.of());
        heatMaps.replace(new SourceProbabilityRepository.Trace(park, level, aquifer, T.plusSeconds(3600), T.plusSeconds(2 * 86400), null, "test"),
                T, List.of());
        try {
            assertThat(facts.period("source_probabilities")).contains(new Period(T, T.plusSeconds(2 * 86400)));
        } finally {
            database.jdbc().sql("DELETE FROM source_traces").update();
        }
    }

    @Test
    void aWellWithoutReadingsHasNoPeriod() {
        assertThat(facts.period(Grouping.WELL, new Member(-1, "none", "无", "none"))).isEmpty();
    }
}
