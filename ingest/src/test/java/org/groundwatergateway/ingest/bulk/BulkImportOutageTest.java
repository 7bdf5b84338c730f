package org.groundwatergateway.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.groundwatergateway.core.storage.DatabaseUnavailable;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.ingest.hj212.PollutantCodes;
import org.groundwatergateway.ingest.testing.IngestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * An upload under way when the database goes away ends with the intake's own refusal, {@link DatabaseUnavailable} —
 * which the gateway answers 503 with Retry-After, as it answers reads — not a {@link java.util.concurrent.CompletionException}
 * around it, which it answered 500 (issue #15).
 */
class BulkImportOutageTest {

    private final AtomicBoolean away = new AtomicBoolean();
    private final IngestFixture fixture = new IngestFixture(TestDatabases.h2gis(), 1, Clock.systemUTC(), source -> new DelegatingDataSource(source) {
        @Override
        public Connection getConnection() throws SQLException {
            if (away.get()) throw new SQLTransientConnectionException("connection refused (the test stopped the database)", "08001");
            return super.getConnection();
        }
    });

    @AfterEach
    void close() throws Exception {
        away.set(false);
        fixture.close();
    }

    /** Rows of GW-U27's pH; with {@code cut}, the database goes away once the first row has been read and its well and datastream looked up. */
    private Iterable<ImportRows.Row> rows(boolean cut) {
        List<ImportRows.Row> rows = List.of(
                new ImportRows.Row(2, Map.of("well", "GW-U27", "parameter", "ph", "time", "2020-03-01T08:00:00+08:00", "value", "7.1")),
                new ImportRows.Row(3, Map.of("well", "GW-U27", "parameter", "ph", "time", "2020-03-01T09:00:00+08:00", "value", "7.2")));
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                if (cut && next == 1) away.set(true);
                return next < rows.size();
            }

            @Override
            public ImportRows.Row next() {
                return rows.get(next++);
            }
        };
    }

    @Test
    void anUploadMetByAnOutageEndsWithTheIntakesRefusal() {
        BulkImport imports = new BulkImport(fixture.database, fixture.intake, fixture.devices, PollutantCodes.load(), fixture.events, Clock.systemUTC());
        for (BulkImport.Mode mode : BulkImport.Mode.values()) {
            assertThatThrownBy(() -> imports.readings(rows(true), mode, null, false, "test"))
                    .as(mode.name()).isInstanceOf(DatabaseUnavailable.class);
            away.set(false);
            awaitReachable();
        }
        // Once it is back, the same upload is stored: the client's "try again" works.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                assertThat(imports.readings(rows(false), BulkImport.Mode.ACCEPT_VALID, null, false, "test").stored()).isEqualTo(2);
                return;
            } catch (DatabaseUnavailable stillRecovering) {
                // The intake probes the database every few hundred milliseconds before it takes readings again.
                assertThat(System.nanoTime()).as("stored within 10 s of the database's return").isLessThan(deadline);
                sleep(100);
            }
        }
    }

    private void awaitReachable() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!fixture.database.isReachable()) {
            assertThat(System.nanoTime()).as("database reachable again").isLessThan(deadline);
            sleep(100);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
