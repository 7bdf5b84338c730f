package org.groundwatergateway.core.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.groundwatergateway.core.demo.DemoParkLoader.Progress;
import org.groundwatergateway.core.emergency.EmergencyRepository;
import org.groundwatergateway.core.monitoring.DeviceRepository;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.soil.SoilRepository;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
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
