package org.groundwatergateway.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.groundwatergateway.core.reading.Reading;
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
                    .as("row key, reading key, foreign key, and (V6_6) time").containsExactly("INDEX", "INDEX", "PRIMARY KEY", "UNIQUE INDEX");
            assertThatThrownBy(() -> jdbc.sql("INSERT INTO readings (datastream_id, phenomenon_time, result_value, raw_value, source, "
                    + "received_time) VALUES (7, ?, 1, 1, 'test', ?)")
                    .params(Rows.timestamp(Instant.EPOCH.plusSeconds(5 * 3600)), Rows.timestamp(Instant.EPOCH)).update())
                    .hasMessageContaining("READINGS_KEY");
        }
    }
}
