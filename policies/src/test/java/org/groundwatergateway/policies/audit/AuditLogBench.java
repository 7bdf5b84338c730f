package org.groundwatergateway.policies.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Appends per second through {@link AuditLog} (four threads of disclosures, each with a name and an address to hash
 * and keep apart, until all are stored) and the time to verify the chain, on H2GIS and PostGIS. Run with
 * {@code mvn -o -pl policies -am test -Pbench -Dtest=AuditLogBench -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.entries=100000}).
 */
@Tag("bench")
class AuditLogBench {

    private static final int ENTRIES = Integer.getInteger("bench.entries", 100_000);
    private static final int THREADS = 4;

    @Test
    void h2gis() throws Exception {
        run("H2GIS", TestDatabases::h2gis);
    }

    @Test
    void postgis() throws Exception {
        run("PostGIS", TestDatabases::postgis);
    }

    private static void run(String name, Supplier<TestDatabase> databases) throws Exception {
        try (TestDatabase db = databases.get()) {
            Database database = Database.migrate(db.dataSource());
            try (AuditLog audit = new AuditLog(new AuditRepository(database), Clock.systemUTC(), 50_000, 1_000)) {
                for (int round = 1; round <= 2; round++) {
                    long start = System.nanoTime();
                    long refused = append(audit, ENTRIES);
                    audit.flush(Duration.ofMinutes(5));
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf(Locale.ROOT, "BENCH audit %s append: %,d entries stored in %.2f s = %,.0f entries/s (round %d; %,d appends "
                            + "refused by a full queue and retried)%n", name, ENTRIES, seconds, ENTRIES / seconds, round, refused);
                }
                for (int run = 1; run <= 2; run++) {
                    long start = System.nanoTime();
                    AuditLog.Verification result = audit.verify();
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf(Locale.ROOT, "BENCH audit %s verify: %,d entries in %.2f s = %,.0f entries/s (ok=%s, run %d)%n",
                            name, result.entries(), seconds, result.entries() / seconds, result.ok(), run);
                }
            }
        }
    }

    /** Appends from {@link #THREADS} threads; returns how many appends were refused (and retried). */
    private static long append(AuditLog audit, int entries) throws Exception {
        AtomicLong refused = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int i = thread; i < entries; i += THREADS) {
                        String body = "{\"type\":\"FeatureCollection\",\"n\":" + i + "}";
                        appendRetrying(audit, refused, AuditEvent.disclosure(AuditLogContract.ALICE, "WFS", "GetFeature", "wells", "public@3", 40, 240,
                                AuditEvent.sha256(body.getBytes(StandardCharsets.UTF_8)), "10.1." + (i % 200) + "." + (i % 250)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
            return refused.get();
        } finally {
            threads.shutdown();
        }
    }

    /** A full queue is the log refusing, not the benchmark's end: count what is stored, as a door would retry later. */
    private static void appendRetrying(AuditLog audit, AtomicLong refused, AuditEvent event) {
        while (true) {
            try {
                audit.append(event);
                return;
            } catch (AuditLog.Unavailable e) {
                refused.incrementAndGet();
            }
        }
    }
}
