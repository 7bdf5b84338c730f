package org.groundwatergateway.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.testing.InTurn;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.groundwatergateway.ogc.sta.persistence.EntityStore;
import org.groundwatergateway.ogc.sta.service.EntityWrites;
import org.groundwatergateway.ogc.sta.service.SensorThingsService;
import org.groundwatergateway.ogc.sta.service.StaRequest;
import org.groundwatergateway.ogc.sta.service.StaResponse;
import org.groundwatergateway.policies.OpenAccessPolicy;
import org.groundwatergateway.policies.Viewer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A filtered Observations page from a fresh PostGIS database holding at least ten million readings (100 wells × 6
 * datastreams × hourly readings over 23 months), through the SensorThings service as the HTTP controller calls it:
 * URL parsing, SQL generation, the query, JSON. Reports p50 and p95 per query shape.
 */
@Tag("bench")
class SensorThingsQueryBench {

    private static final int WELLS = Integer.getInteger("bench.wells", 100);
    private static final int HOURS = Integer.getInteger("bench.hours", 16_800);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 500);
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final String BASE = "http://localhost:8080/sta/v1.1";

    @Test
    void filteredObservationPagesOnTenMillionReadings() throws Exception {
        try (TestDatabase db = TestDatabases.postgis(); EventBus events = new EventBus()) {
            Database database = Database.migrate(db.dataSource());
            BenchPark.create(database, WELLS);
            long loadStart = System.nanoTime();
            long readings = load(database);
            System.out.printf(Locale.ROOT, "BENCH sta-query load: %d readings in %.0f s%n", readings, (System.nanoTime() - loadStart) / 1e9);
            assertThat(readings).isGreaterThanOrEqualTo(10_000_000L);

            EntityStore store = new EntityStore(database, new EntityStore.Limits(100, 10_000, 3, 10_000));
            SensorThingsService service = new SensorThingsService(store, new OpenAccessPolicy(),
                    new EntityWrites(database, null, Clock.systemUTC(), events, () -> {}), Clock.systemUTC(), base -> null, 131_072,
                    (viewer, method, path) -> Optional.empty());
            long[] datastreams = database.jdbc().sql("SELECT id FROM datastreams ORDER BY id").query(Long.class).list()
                    .stream().mapToLong(Long::longValue).toArray();
            Random random = new Random(18_088);

            measure(service, "filtered page (time, result), newest first", () -> {
                long ds = datastreams[random.nextInt(datastreams.length)];
                Instant from = START.plus(random.nextInt(HOURS - 2_000), ChronoUnit.HOURS);
                return "/Datastreams(" + ds + ")/Observations?$filter=" + encode("phenomenonTime ge " + from + " and result gt "
                        + (random.nextBoolean() ? "0" : "3")) + "&$top=100&$orderby=" + encode("phenomenonTime desc");
            });
            measure(service, "latest page of a datastream", () -> "/Datastreams(" + datastreams[random.nextInt(datastreams.length)]
                    + ")/Observations?$top=100&$orderby=" + encode("phenomenonTime desc"));
            measure(service, "time window with $count=true", () -> {
                Instant from = START.plus(random.nextInt(HOURS - 200), ChronoUnit.HOURS);
                return "/Datastreams(" + datastreams[random.nextInt(datastreams.length)] + ")/Observations?$count=true&$top=100&$filter="
                        + encode("phenomenonTime ge " + from + " and phenomenonTime lt " + from.plus(7, ChronoUnit.DAYS));
            });
            measure(service, "latest Observations of every datastream, newest first", () -> "/Observations?$top=100&$orderby="
                    + encode("phenomenonTime desc"));
            measure(service, "the same page with $expand=Datastream,FeatureOfInterest", () -> "/Observations?$top=100&$orderby="
                    + encode("phenomenonTime desc") + "&$expand=Datastream,FeatureOfInterest");
            // Where the expanded page's time goes: each navigation property on its own.
            measure(service, "the same page with $expand=Datastream", () -> "/Observations?$top=100&$orderby=" + encode("phenomenonTime desc")
                    + "&$expand=Datastream");
            measure(service, "the same page with $expand=FeatureOfInterest", () -> "/Observations?$top=100&$orderby=" + encode("phenomenonTime desc")
                    + "&$expand=FeatureOfInterest");
            // The request issue #14 measured at 270 ms p50 (a query per row): a nested to-one expansion.
            measure(service, "the same page with $expand=Datastream($expand=Thing)", () -> "/Observations?$top=100&$orderby="
                    + encode("phenomenonTime desc") + "&$expand=" + encode("Datastream($expand=Thing)"));
            measure(service, "Datastreams with their latest Observation ($expand=Observations($top=1))", () -> "/Datastreams?$top=100&$expand="
                    + encode("Observations($top=1;$orderby=phenomenonTime desc)"));
            measure(service, "Datastreams page, plain", () -> "/Datastreams?$top=100");
            measure(service, "Observations by navigation path (Datastream/name)", () -> "/Observations?$top=100&$orderby="
                    + encode("phenomenonTime desc") + "&$filter=" + encode("Datastream/name eq 'B-" + String.format("%04d", random.nextInt(WELLS))
                    + "/ph' and phenomenonTime ge " + START.plus(random.nextInt(HOURS - 2_000), ChronoUnit.HOURS)));

            // The expanded pages against the plain ones they expand, measured in turn (InTurn says why).
            String newest = "/Observations?$top=100&$orderby=" + encode("phenomenonTime desc");
            compare(service, newest, newest + "&$expand=Datastream,FeatureOfInterest", newest + "&$expand=Datastream",
                    newest + "&$expand=FeatureOfInterest", newest + "&$expand=" + encode("Datastream($expand=Thing)"));
            compare(service, "/Datastreams?$top=100", "/Datastreams?$top=100&$expand=" + encode("Observations($top=1;$orderby=phenomenonTime desc)"));
        }
    }

    /** Hourly readings for every datastream, generated inside PostgreSQL; monthly partitions first, as the dialect makes them. */
    private static long load(Database database) throws Exception {
        long firstDatastream = database.jdbc().sql("SELECT MIN(id) FROM datastreams").query(Long.class).single();
        List<Reading> partitionSeeds = new ArrayList<>();
        Instant end = START.plus(HOURS, ChronoUnit.HOURS);
        for (Instant t = START; t.isBefore(end.plus(31, ChronoUnit.DAYS)); t = t.plus(27, ChronoUnit.DAYS)) {
            // At half past: the generated readings are on the hour, so the seeds never collide with them.
            partitionSeeds.add(Reading.arrived(firstDatastream, t.plus(30, ChronoUnit.MINUTES), 1, 0, "bench", t));
        }
        database.inTransaction(connection -> {
            database.dialect().appendReadings(connection, partitionSeeds);
            return null;
        });
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO readings (datastream_id, phenomenon_time, result_value, raw_value, quality_flags, version, "
                    + "current_version, source, received_time) SELECT d.id, t, v, v, 0, 1, TRUE, 'bench', t + INTERVAL '2 minutes' "
                    + "FROM datastreams d, generate_series(0, " + (HOURS - 1) + ") h, "
                    + "LATERAL (SELECT TIMESTAMPTZ '" + START + "' + h * INTERVAL '1 hour' AS t, "
                    + "5 + 3 * sin(h / 24.0 * 2 * pi() + d.id) + (d.id % 7) AS v) g");
            // What every write of readings keeps (V3_2, V6_29), which an INSERT past the dialect does not.
            statement.execute("DELETE FROM latest_readings");
            statement.execute("INSERT INTO latest_readings (datastream_id, phenomenon_time, result_value, quality_flags, first_phenomenon_time) "
                    + "SELECT DISTINCT ON (datastream_id) datastream_id, phenomenon_time, result_value, quality_flags, MIN(phenomenon_time) "
                    + "OVER (PARTITION BY datastream_id) FROM readings WHERE current_version ORDER BY datastream_id, phenomenon_time DESC");
            // Statistics of every table, as autovacuum gathers them on a running server: without them PostgreSQL took the
            // 600 datastreams for one row and joined them to the wells by a nested loop of scans (5 of a page's 6 ms).
            statement.execute("ANALYZE");
        }
        return database.jdbc().sql("SELECT COUNT(*) FROM readings").query(Long.class).single();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void measure(SensorThingsService service, String name, java.util.function.Supplier<String> urls) {
        for (int i = 0; i < 50; i++) request(service, urls.get());
        long[] nanos = new long[ROUNDS];
        int returned = 0;
        for (int i = 0; i < ROUNDS; i++) {
            String url = urls.get();
            long start = System.nanoTime();
            StaResponse response = request(service, url);
            nanos[i] = System.nanoTime() - start;
            returned += response.json().path("value").size();
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "BENCH sta-query %s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms over %d requests (%.0f observations per page)%n",
                name, nanos[ROUNDS / 2] / 1e6, nanos[(int) (ROUNDS * 0.95)] / 1e6, nanos[(int) (ROUNDS * 0.99)] / 1e6, ROUNDS,
                returned / (double) ROUNDS);
    }

    /** {@code plain} and each of {@code expanded} in turn, ROUNDS times after 50 of warm-up. */
    private static void compare(SensorThingsService service, String plain, String... expanded) {
        List<InTurn.Request> requests = Stream.concat(Stream.of(plain), Stream.of(expanded))
                .map(url -> new InTurn.Request(URLDecoder.decode(url, StandardCharsets.UTF_8), () -> url)).toList();
        InTurn.compare("sta-query", 50, ROUNDS, requests, url -> {
            request(service, url);
            return -1;
        });
    }

    private static StaResponse request(SensorThingsService service, String url) {
        int q = url.indexOf('?');
        StaResponse response = service.handle(new StaRequest("GET", url.substring(0, q), url.substring(q + 1), null, Viewer.anonymous(), BASE));
        assertThat(response.status()).as(url + " " + response.json()).isEqualTo(200);
        return response;
    }
}
