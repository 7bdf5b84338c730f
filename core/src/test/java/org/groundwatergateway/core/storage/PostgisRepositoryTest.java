package org.groundwatergateway.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;

class PostgisRepositoryTest extends RepositoryContract {
    /** Without the extension, as most tests' template has it: here the migrations install PostGIS themselves. */
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabases.postgisWithoutExtension();
    }

    @Test
    void readingsArePartitionedByMonth() {
        long datastream = newLevelDatastream("T-P1").id();
        Instant march = Instant.parse("2027-03-31T23:00:00Z");
        readings().append(List.of(Reading.arrived(datastream, march, 1, 0, "test", march),
                Reading.arrived(datastream, march.plusSeconds(3600), 2, 0, "test", march)));
        assertThat(database.jdbc().sql("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                        + "JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'readings' ORDER BY 1")
                .query(String.class).list()).contains("readings_y2027m03", "readings_y2027m04");
        assertThat(database.jdbc().sql("SELECT COUNT(*) FROM readings_y2027m04").query(Integer.class).single()).isEqualTo(1);
        assertThat(database.jdbc().sql("SELECT relkind FROM pg_class WHERE relname = 'readings'").query(String.class).single())
                .isEqualTo("p");
    }
}
