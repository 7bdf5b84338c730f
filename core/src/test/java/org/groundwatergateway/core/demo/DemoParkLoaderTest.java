package org.groundwatergateway.core.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.groundwatergateway.core.demo.DemoParkLoader.Progress;
import org.groundwatergateway.core.emergency.EmergencyRepository;
import org.groundwatergateway.core.monitoring.DeviceRepository;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.park.Park;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.soil.SoilRepository;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.locationtech.jts.geom.Geometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoParkLoaderTest {

    private static final int DAYS = 10;
    private static final int DATASTREAMS = 40 * 4 + 30 * 2 + 3 + 2;

    @ParameterizedTest
    @ValueSource(strings = {"h2gis", "postgis"})
    void loadsTheWholeParkOnceWithProgress(String kind) {
        try (TestDatabase db = kind.equals("h2gis") ? TestDatabases.h2gis() : TestDatabases.postgis()) {
            Database database = Database.migrate(db.dataSource());
            DemoParkLoader loader = new DemoParkLoader(database);
            List<Progress> progress = new ArrayList<>();
            assertThat(loader.loadIfAbsent(DAYS, progress::add)).isTrue();

            long parkId = new ParkRepository(database).findByCode(DemoPark.PARK_CODE).orElseThrow().id();
            MonitoringRepository monitoring = new MonitoringRepository(database);
            assertThat(monitoring.findWells(parkId)).hasSize(40);
            assertThat(monitoring.findWeatherStations(parkId)).singleElement().satisfies(s -> assertThat(s.code()).isEqualTo("WS-01"));
            assertThat(monitoring.findDatastreams()).hasSize(DATASTREAMS);
            assertThat(monitoring.findDatastreams()).filteredOn(d -> d.pairedDatastreamId() != null).hasSize(6);
            assertThat(new ParkRepository(database).findEnterprises(parkId)).hasSize(10);
            assertThat(new ParkRepository(database).findAquifers(parkId)).hasSize(2);
            assertThat(new ParkRepository(database).findReceptors(parkId)).hasSize(3);
            assertThat(new SoilRepository(database).findBorings(parkId)).hasSize(12);
            assertThat(new EmergencyRepository(database).findDepots(parkId)).hasSize(3);
            assertThat(new EmergencyRepository(database).findRoads(parkId)).isNotEmpty();
            // No fault falls in the first ten days, so every hour of every datastream is there.
            assertThat(new ReadingRepository(database).countAll()).isEqualTo((long) DATASTREAMS * DAYS * 24);
            long levelId = monitoring.findDatastreams().stream().filter(d -> d.code().equals("GW-U01/water-level")).findFirst().orElseThrow().id();
            assertThat(new ReadingRepository(database).count(levelId, DemoPark.START, Instant.parse("2030-01-01T00:00:00Z"))).isEqualTo(DAYS * 24);
            assertThat(progress).isNotEmpty();
            assertThat(progress.get(progress.size() - 1).percent()).isEqualTo(100);
            assertThat(database.jdbc().sql("SELECT DISTINCT ST_SRID(location) FROM wells").query(Integer.class).list()).containsExactly(4490);
            // 40 well loggers, 3 second loggers at the dual-sensor wells, the weather station.
            assertThat(new DeviceRepository(database).findAll()).hasSize(44)
                    .allSatisfy(d -> assertThat(d.password()).isEqualTo(DemoPark.devicePassword(d.mn())));
            // Ten days from Saturday 2025-11-01 hold two Mondays (weekly calibration of 60 analysers and 3 second
            // units) and one first of the month (monthly calibration of 40 sondes).
            assertThat(database.jdbc().sql("SELECT COUNT(*) FROM maintenance_records").query(Integer.class).single()).isEqualTo(63 * 2 + 40);

            assertThat(loader.isLoaded()).isTrue();
            assertThat(loader.loadIfAbsent(DAYS, p -> {})).isFalse();
        }
    }

    /**
     * Park B of the federation tests (gw.demo-park=DLCP): its own park, sharing 1,000 m of the demo park's east edge; five
     * wells of the unconfined aquifer down the same flow field (heads lower than the demo park's boundary sentinels
     * beside them, by about the regional gradient over the distance along the flow); each its own loggers; readings as
     * deterministic as the demo park's (the same in a second database).
     */
    @Test
    void loadsTheGeneratedParkBesideTheDemoPark() {
        DemoParkDescription b = DemoParkDescription.named("DLCP");
        List<List<Double>> heads = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            try (TestDatabase db = TestDatabases.h2gis()) {
                Database database = Database.migrate(db.dataSource());
                assertThat(new DemoParkLoader(database, new ReadingRepository(database)::append, b).loadIfAbsent(2, p -> {})).isTrue();
                ParkRepository parks = new ParkRepository(database);
                Park park = parks.findByCode("DLCP").orElseThrow();
                assertThat(park.nameZh()).isEqualTo("东凌化工园区");
                Geometry edge = park.boundary().intersection(DemoParkDescription.DEMO.boundary());
                assertThat(edge.getLength() * 110_900).as("the shared edge, m").isCloseTo(1000, within(5.0));
                assertThat(parks.findEnterprises(park.id())).isEmpty();
                assertThat(parks.findAquifers(park.id())).singleElement().satisfies(a -> assertThat(a.code()).isEqualTo("Q1"));
                MonitoringRepository monitoring = new MonitoringRepository(database);
                assertThat(monitoring.findWells(park.id())).extracting(Well::code).containsExactly("B-MW01", "B-MW02", "B-MW03", "B-MW04", "B-MW05");
                assertThat(monitoring.findWells(park.id())).allSatisfy(w -> assertThat(park.boundary().contains(w.location())).isTrue());
                assertThat(monitoring.findDatastreams()).hasSize(5 * 6);
                assertThat(new DeviceRepository(database).findAll()).extracting(d -> d.mn())
                        .containsExactlyInAnyOrder("32062324000101", "32062324000102", "32062324000103", "32062324000104", "32062324000105");
                assertThat(new ReadingRepository(database).countAll()).isEqualTo(5 * 6 * 48L);
                long level = monitoring.findDatastreams().stream().filter(d -> d.code().equals("B-MW01/water-level")).findFirst().orElseThrow().id();
                heads.add(new ReadingRepository(database).page(level, DemoPark.START, DemoPark.START.plusSeconds(48 * 3600), null, 100).stream()
                        .map(r -> r.value()).toList());
            }
        }
        assertThat(heads.get(0)).hasSize(48).isEqualTo(heads.get(1));
        // B-MW01 lies 60 m inside B, 75 m east of the demo park's sentinel GW-U23 (2985, 550): its head is lower by the
        // regional gradient (0.0013) over the distance along the flow (about 73 m), give or take the noise and the undulation.
        double sentinel = DemoPark.liveValue("GW-U23/water-level", DemoPark.START);
        assertThat(b.liveValue("B-MW01/water-level", DemoPark.START)).isCloseTo(sentinel - 0.0013 * 73, within(0.03));
        assertThatThrownBy(() -> DemoParkDescription.named("NONE")).hasMessageContaining("gw.demo-park");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2gis"})
    void refusesToCompleteAHalfLoadedPark(String kind) {
        try (TestDatabase db = TestDatabases.h2gis()) {
            Database database = Database.migrate(db.dataSource());
            DemoParkLoader loader = new DemoParkLoader(database);
            loader.loadIfAbsent(1, p -> {});
            database.jdbc().sql("DELETE FROM platform_settings").update();
            assertThatThrownBy(() -> loader.loadIfAbsent(1, p -> {})).hasMessageContaining("only partly loaded");
        }
    }
}
