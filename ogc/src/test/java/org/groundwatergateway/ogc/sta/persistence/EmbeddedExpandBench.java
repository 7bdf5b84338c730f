package org.groundwatergateway.ogc.sta.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.groundwatergateway.core.demo.DemoParkLoader;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.groundwatergateway.ogc.sta.query.StaQuery;
import org.groundwatergateway.policies.Disclosure;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Expanded SensorThings pages on embedded H2GIS holding the demo park with some history ({@code bench.days}, 60 by
 * default: 324,000 readings over 225 datastreams; on a year H2's Datastreams pages take seconds each, see
 * docs/benchmarks.md), read through {@link EntityStore} as the service reads them. Reports p50, p95 and the slowest
 * of few rounds per request (a Datastreams page takes half a second here), plain and expanded, so that what an
 * expansion adds, and how it grows with the history, can be read off.
 */
@Tag("bench")
class EmbeddedExpandBench {

    private static final int DAYS = Integer.getInteger("bench.days", 60);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 15);

    @Test
    void expandedPagesOnTheDemoParksHistory() {
        try (TestDatabase db = TestDatabases.h2gis()) {
            Database database = Database.migrate(db.dataSource());
            long start = System.nanoTime();
            new DemoParkLoader(database, new ReadingRepository(database)::append).loadIfAbsent(DAYS, progress -> {});
            long readings = database.jdbc().sql("SELECT COUNT(*) FROM readings").query(Long.class).single();
            System.out.printf(Locale.ROOT, "BENCH sta-expand-h2 load: %d readings over %d days in %.0f s%n", readings, DAYS,
                    (System.nanoTime() - start) / 1e9);
            EntityStore store = new EntityStore(database, new EntityStore.Limits(100, 10_000, 3, 10_000));
            Instant now = Instant.now();

            // A random $skip for each request: H2 answers a statement run again with the same values and unchanged tables
            // from its last result, which a bench repeating one request would measure instead of the query.
            measure(store, now, "/Datastreams", "$top=100", 126);
            measure(store, now, "/Datastreams", "$top=100&$expand=Observations($top=1;$orderby=phenomenonTime%20desc)", 126);
            measure(store, now, "/Observations", "$top=100&$orderby=phenomenonTime%20desc", 1_000);
            measure(store, now, "/Observations", "$top=100&$orderby=phenomenonTime%20desc&$expand=Datastream,FeatureOfInterest", 1_000);
            // The request issue #14 measured on the demo at 270 ms p50 (a query per row), against 1.7 ms plain.
            measure(store, now, "/Observations", "$top=100&$orderby=phenomenonTime%20desc&$expand=Datastream($expand=Thing)", 1_000);
        }
    }

    private static void measure(EntityStore store, Instant now, String path, String query, int skips) {
        Random random = new Random(14);
        for (int i = 0; i < 3; i++) read(store, now, path, query + "&$skip=" + random.nextInt(skips));
        long[] nanos = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            String skipped = query + "&$skip=" + random.nextInt(skips);
            long begin = System.nanoTime();
            read(store, now, path, skipped);
            nanos[i] = System.nanoTime() - begin;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "BENCH sta-expand-h2 %s?%s: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", path, query,
                nanos[ROUNDS / 2] / 1e6, nanos[(int) (ROUNDS * 0.95)] / 1e6, nanos[ROUNDS - 1] / 1e6);
    }

    private static void read(EntityStore store, Instant now, String path, String query) {
        StaQuery parsed = StaQuery.parse(path, query, Integer.MAX_VALUE);
        EntityPage page = store.reader(type -> Disclosure.full(), now).page(parsed.path(), parsed.options());
        assertThat(page.entities()).hasSize(100);
    }
}
