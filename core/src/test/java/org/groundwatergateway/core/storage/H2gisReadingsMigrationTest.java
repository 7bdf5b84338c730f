package org.groundwatergateway.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Upgrading an embedded database across V3_3, which re-keys the readings table by id. */
class H2gisReadingsMigrationTest {

    @Test
    void readingsKeepTheirIdsAndNewOnesAreNumberedAfterThem() {
        try (TestDatabase db = TestDatabases.h2gis()) {
            Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration/common", "classpath:db/migration/h2gis")
                    .target("3.2").load().migrate();
            JdbcClient jdbc = JdbcClient.create(db.dataSource());
            // Only the readings matter here: a datastream row without its well, sensor and parameter.
            jdbc.sql("SET REFERENTIAL_INTEGRITY FALSE").update();
            jdbc.sql("INSERT INTO datastreams (id, code, well_id, parameter_id, sensor_id, interval_minutes) VALUES (7, 'W/ph', 1, 1, 1, 60)")
                    .update();
            jdbc.sql("SET REFERENTIAL_INTEGRITY TRUE").update();
            for (long id : new long[] {5, 41}) {
                jdbc.sql("INSERT INTO readings (id, datastream_id, phenomenon_time, result_value, raw_value, source, received_time) "
                        + "VALUES (?, 7, ?, 7.1, 7.1, 'test', ?)")
                        .params(id, Rows.timestamp(Instant.EPOCH.plusSeconds(id * 3600)), Rows.timestamp(Instant.EPOCH)).update();
            }

            Database database = Database.migrate(db.dataSource());

            assertThat(database.jdbc().sql("SELECT id FROM readings ORDER BY id").query(Long.class).list()).containsExactly(5L, 41L);
            Instant next = Instant.EPOCH.plusSeconds(100 * 3600);
            List<Reading> stored = database.inTransaction(c -> database.dialect().appendNewReadings(c,
                    List.of(Reading.arrived(7, next, 7.2, 0, "test", next))));
            assertThat(stored).singleElement().satisfies(r -> assertThat(r.id()).isEqualTo(42L));
            assertThat(database.jdbc().sql("SELECT index_type_name FROM information_schema.indexes WHERE table_name = 'READINGS' "
                    + "ORDER BY index_type_name").query(String.class).list())
                    .as("row key, reading key, foreign key, (V6_6) time, (V6_27) Observation id and one current version per time")
                    .containsExactly("INDEX", "INDEX", "INDEX", "PRIMARY KEY", "UNIQUE INDEX", "UNIQUE INDEX");
            // Not current, so that the key (V6_28's named index) refuses it, not the one current version per time.
            assertThatThrownBy(() -> jdbc.sql("INSERT INTO readings (datastream_id, phenomenon_time, result_value, raw_value, source, "
                    + "received_time, current_version) VALUES (7, ?, 1, 1, 'test', ?, FALSE)")
                    .params(Rows.timestamp(Instant.EPOCH.plusSeconds(5 * 3600)), Rows.timestamp(Instant.EPOCH)).update())
                    .hasMessageContaining("READINGS_KEY");
        }
    }

    /**
     * Upgrading across V6_27: readings stored before it keep their ids as Observation ids; a review's or retraction's
     * version continues the Observation it replaced, one given again after a retraction is one of its own; and a
     * retraction or correction after the upgrade continues the lineage. Two current versions at one time, which would
     * abort the unique index, leave the highest one current.
     */
    @Test
    void readingsStoredBeforeTheLineageKeepTheirIdsAndContinueIt() {
        try (TestDatabase db = TestDatabases.h2gis()) {
            Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration/common", "classpath:db/migration/h2gis")
                    .target("6.25").load().migrate();
            JdbcClient jdbc = JdbcClient.create(db.dataSource());
            jdbc.sql("SET REFERENTIAL_INTEGRITY FALSE").update();
            jdbc.sql("INSERT INTO datastream_register (id, code, well_id, parameter_id, sensor_id, interval_minutes) VALUES (7, 'W/ph', 1, 1, 1, 60)")
                    .update();
            jdbc.sql("INSERT INTO datastream_register (id, code, well_id, parameter_id, sensor_id, interval_minutes) VALUES (8, 'W/ec', 1, 2, 1, 60)")
                    .update();
            jdbc.sql("SET REFERENTIAL_INTEGRITY TRUE").update();
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            // id, hour, version, current, source: a plain reading; one a reviewer corrected; one retracted and given again;
            // one a race left current beside its review's version (two current versions at one time).
            Object[][] rows = {{10L, 0, 1, true, "hj212"}, {11L, 1, 1, false, "hj212"}, {12L, 1, 2, true, "review"},
                    {13L, 2, 1, false, "hj212"}, {14L, 2, 2, false, "retraction"}, {15L, 2, 3, true, "sta"},
                    {16L, 3, 1, true, "hj212"}, {17L, 3, 2, true, "review"}};
            for (Object[] r : rows) {
                jdbc.sql("INSERT INTO readings (id, datastream_id, phenomenon_time, result_value, raw_value, version, current_version, source, received_time) "
                        + "VALUES (?, 7, ?, 7.1, 7.1, ?, ?, ?, ?)")
                        .params(r[0], Rows.timestamp(t.plusSeconds(3600L * (Integer) r[1])), r[2], r[3], r[4], Rows.timestamp(t)).update();
            }
            jdbc.sql("INSERT INTO latest_readings (datastream_id, phenomenon_time, result_value, quality_flags) VALUES (7, ?, 7.1, 0)")
                    .param(Rows.timestamp(t.plusSeconds(3 * 3600))).update();
            // A stale row: datastream 8 has no current reading.
            jdbc.sql("INSERT INTO latest_readings (datastream_id, phenomenon_time, result_value, quality_flags) VALUES (8, ?, 1.0, 0)")
                    .param(Rows.timestamp(t)).update();

            Database database = Database.migrate(db.dataSource());

            assertThat(database.jdbc().sql("SELECT id, sta_id FROM readings ORDER BY id").query((rs, n) -> rs.getLong(1) + "->" + rs.getLong(2)).list())
                    .containsExactly("10->10", "11->11", "12->11", "13->13", "14->13", "15->15", "16->16", "17->16");
            assertThat(database.jdbc().sql("SELECT id FROM readings WHERE phenomenon_time = ? AND current_version").param(Rows.timestamp(t.plusSeconds(3 * 3600)))
                    .query(Long.class).list()).as("of two current versions at one time, the highest stays current").containsExactly(17L);
            assertThat(firstReading(database)).as("V6_29: the first current reading beside the latest").isEqualTo(t);
            assertThat(database.jdbc().sql("SELECT datastream_id FROM latest_readings").query(Long.class).list())
                    .as("V6_29: a row of a datastream without a current reading is dropped, not left without a first time").containsExactly(7L);
            ReadingRepository readings = new ReadingRepository(database);
            assertThat(readings.retract(11, "test", t)).as("by its Observation id, through the review's version").isTrue();
            assertThat(readings.revise(15, null, 7.3, "test", "lab check", t)).isInstanceOf(ReadingRepository.Revision.Revised.class);
            assertThat(readings.revise(10, t.plusSeconds(1800), null, "test", "clock", t)).isInstanceOf(ReadingRepository.Revision.Revised.class);
            assertThat(database.jdbc().sql("SELECT sta_id, version, current_version, source FROM readings WHERE id NOT BETWEEN 10 AND 17 ORDER BY id")
                    .query((rs, n) -> rs.getLong(1) + " v" + rs.getInt(2) + " " + rs.getBoolean(3) + " " + rs.getString(4)).list())
                    .containsExactly("11 v3 false retraction", "15 v4 true correction", "10 v2 true correction");
            assertThat(firstReading(database)).isEqualTo(t.plusSeconds(1800));
        }
    }

    private static Instant firstReading(Database database) {
        return database.jdbc().sql("SELECT first_phenomenon_time FROM latest_readings WHERE datastream_id = 7")
                .query((rs, n) -> Rows.instant(rs, "first_phenomenon_time")).single();
    }
}
