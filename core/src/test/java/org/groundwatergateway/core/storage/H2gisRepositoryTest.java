package org.groundwatergateway.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;

class H2gisRepositoryTest extends RepositoryContract {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabases.h2gis();
    }

    /**
     * H2 answers a clash with another transaction's uncommitted current version (readings_one_current) with 90131, not
     * 23505, once that transaction commits: a PATCH to that time waiting on it is refused as TimeTaken, not failed.
     */
    @Test
    void aClashWithAnUncommittedCurrentVersionIsRefusedNotFailed() throws Exception {
        Datastream level = newLevelDatastream("T-90");
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        Instant taken = t.plusSeconds(7200);
        readings().append(List.of(Reading.arrived(level.id(), t, 1.0, 0, "test", t)));
        long id = readings().latest(level.id(), 1).get(0).id();
        try (Connection other = database.dataSource().getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("INSERT INTO readings (datastream_id, phenomenon_time, result_value, raw_value, "
                    + "source, received_time) VALUES (?, ?, 2, 2, 'test', ?)")) {
                insert.setLong(1, level.id());
                insert.setObject(2, Rows.timestamp(taken));
                insert.setObject(3, Rows.timestamp(t));
                insert.executeUpdate();
            }

            // The other transaction commits while the PATCH waits on its index entry.
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                var patch = pool.submit(() -> readings().revise(id, taken, null, "x", "race", t));
                Thread.sleep(300);
                other.commit();
                assertThat(patch.get()).isEqualTo(new ReadingRepository.Revision.TimeTaken(level.id(), taken));
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(readings().valueAt(level.id(), t)).as("the PATCH changed nothing").isEqualTo(1.0);
        assertThat(readings().valueAt(level.id(), taken)).isEqualTo(2.0);
    }
}
