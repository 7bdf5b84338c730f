package org.groundwatergateway.ogc.sta.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.groundwatergateway.core.demo.DemoParkLoader;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.testing.InTurn;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.groundwatergateway.ogc.sta.query.StaQuery;
import org.groundwatergateway.policies.Disclosure;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Expanded SensorThings pages on embedded H2GIS holding the demo park with some history ({@code bench.days}, 60 by
 * default: 324,000 readings over 225 datastreams), read through {@link EntityStore} as the service reads them. Each
 * expanded page is measured in turn with the plain page it expands, request by request after a warm-up, and its p95 is
 * given as a multiple of the plain page's: H2 runs in this JVM, so until the JIT has compiled its code a page costs
 * several times what it costs later (40 rounds after 3 of warm-up measured the JIT, not the pages), and measured one
 * after the other the plain page's time moves with whatever else the machine does.
 */
@Tag("bench")
class EmbeddedExpandBench {

    private static final int DAYS = Integer.getInteger("bench.days", 60);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 200);
    private static final int WARM_UP = Integer.getInteger("bench.warmUp", 300);

    @Test
    void expandedPagesOnTheDemoParksHistory() {
        try (TestDatabase db = TestDatabases.h2gis()) {
            Database database = Database.migrate(db.dataSource());
            long start = System.nanoTime();
            new DemoParkLoader(database, new ReadingRepository(database)::append).loadIfAbsent(DAYS, progress -> {});
            long readings = database.jdbc().sql("SELECT COUNT(*) FROM readings").query(Long.class).single();
            System.out.printf(Locale.ROOT, "BENCH sta-expand-h2 load: %d readings over %d days in %.0f s%n", readings, DAYS,
                    (System.nanoTime() - start) / 1e9);
            // With the query timeout the gateway reads SensorThings with (gw.query-timeout), which on H2 once cost a parse per statement.
            EntityStore store = new EntityStore(database.withQueryTimeout(Duration.ofSeconds(30)), new EntityStore.Limits(100, 10_000, 3, 10_000));
            Instant now = Instant.now();

            // A random $skip for each request: H2 answers a statement run again with the same values and unchanged tables
            // from its last result, which a bench repeating one request would measure instead of the query.
            compare(store, now, "/Datastreams", "$top=100", 126, "$top=100&$expand=Observations($top=1;$orderby=phenomenonTime%20desc)");
            // The second is the request issue #14 measured on the demo at 270 ms p50 (a query per row), against 1.7 ms plain.
            compare(store, now, "/Observations", "$top=100&$orderby=phenomenonTime%20desc", 1_000,
                    "$top=100&$orderby=phenomenonTime%20desc&$expand=Datastream,FeatureOfInterest",
                    "$top=100&$orderby=phenomenonTime%20desc&$expand=Datastream($expand=Thing)");
        }
    }

    /**
     * The plain page and each expanded one in turn, each with a $skip of its own (with the plain page's, the expanded
     * page's own statement would be answered from the plain page's result).
     */
    private static void compare(EntityStore store, Instant now, String path, String plain, int skips, String... expanded) {
        Random random = new Random(14);
        List<InTurn.Request> requests = Stream.concat(Stream.of(plain), Stream.of(expanded))
                .map(query -> new InTurn.Request(path + "?" + query, () -> query + "&$skip=" + random.nextInt(skips))).toList();
        InTurn.compare("sta-expand-h2", WARM_UP, ROUNDS, requests, query -> {
            read(store, now, path, query);
            return -1;
        });
    }

    private static void read(EntityStore store, Instant now, String path, String query) {
        StaQuery parsed = StaQuery.parse(path, query, Integer.MAX_VALUE);
        EntityPage page = store.reader(type -> Disclosure.full(), now).page(parsed.path(), parsed.options());
        assertThat(page.entities()).hasSize(100);
    }
}
