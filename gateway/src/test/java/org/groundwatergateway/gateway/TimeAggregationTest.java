package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A policy that shows the public daily means of readings: the REST readings and their export give one mean per whole
 * day of China Standard Time, over the valid readings only, computed here independently from the regulator's readings;
 * SensorThings, which cannot aggregate, hides Observations instead of showing them one by one.
 */
@TestPropertySource(properties = "gw.test.fixture=time-aggregation") // its own gateway: it adds a reading others would count
class TimeAggregationTest extends RunningGateway {

    private static final String SECADMIN = "secadmin";
    private static final String SECADMIN_PASSWORD = "demo-secadmin";
    private static final ZoneOffset CST = ZoneOffset.ofHours(8);
    /** Not valid data for a mean: the instrument's states other than normal (HJ 212-2017 Table 8), checks, rejections. */
    private static final Set<String> NOT_VALID = Set.of("STOPPED", "MAINTENANCE", "FAULT", "CALIBRATION", "COMMUNICATION_FAULT",
            "DURING_CALIBRATION", "REJECTED");
    private static final String DAILY_MEANS = """
            {"name": "daily means for the public",
             "rules": [
               {"id": "everyone", "audiences": ["everyone"], "datasets": ["*"], "effects": [{"type": "allow"}]},
               {"id": "public-means", "audiences": [{"kind": "PUBLIC"}], "datasets": ["readings", "Observations"],
                "effects": [{"type": "aggregateTime", "step": "DAILY"}]}
             ]}
            """;

    private long datastream;

    @BeforeEach
    void activateDailyMeansForThePublic() {
        Http.Response created = http.post("/api/v1/policies", DAILY_MEANS, SECADMIN, SECADMIN_PASSWORD);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ok(http.post("/api/v1/policies/" + created.json().get("version").asInt() + "/activate", "", SECADMIN, SECADMIN_PASSWORD));
        for (JsonNode d : ok(http.getAs("/api/v1/datastreams?well=GW-U04", "regulator", "demo-regulator"))) {
            // The well's first benzene datastream, which an import writes to (GW-U04 has two sensors).
            if (d.get("parameter").asString().equals("benzene") && datastream == 0) datastream = d.get("id").asLong();
        }
        assertThat(datastream).isPositive();
        // A reading the logger marked as taken during an instrument fault (HJ 212 flag D): in the series, not in a mean.
        Http.Response fault = http.post("/api/v1/readings?live=false", "[{\"well\": \"GW-U04\", \"parameter\": \"benzene\", "
                + "\"time\": \"2025-11-02T12:30:00+08:00\", \"value\": 99999, \"flag\": \"D\"}]", "om", "demo-om");
        assertThat(fault.status()).as(fault.body()).isEqualTo(200);
    }

    /** Other tests share this gateway: leave the open policy active, as the first start does. */
    @AfterEach
    void reactivateTheOpenPolicy() {
        ok(http.post("/api/v1/policies/1/activate", "", SECADMIN, SECADMIN_PASSWORD));
    }

    /** Day start (CST) to {sum, count} of the valid readings the regulator reads in the window. */
    private TreeMap<Instant, double[]> expectedDailyMeans(String from, String to) {
        TreeMap<Instant, double[]> days = new TreeMap<>();
        JsonNode items = ok(http.getAs("/api/v1/datastreams/" + datastream + "/readings?limit=10000&from=" + from + "&to=" + to,
                "regulator", "demo-regulator")).get("items");
        assertThat(items.size()).as("the demo's hourly readings").isGreaterThan(40);
        int invalid = 0;
        for (JsonNode r : items) {
            List<String> flags = new ArrayList<>();
            r.get("flags").forEach(f -> flags.add(f.asString()));
            if (flags.stream().anyMatch(NOT_VALID::contains)) {
                invalid++;
                continue;
            }
            Instant day = Instant.parse(r.get("time").asString()).atOffset(CST).toLocalDate().atStartOfDay().toInstant(CST);
            double[] sum = days.computeIfAbsent(day, d -> new double[2]);
            sum[0] += r.get("value").asDouble();
            sum[1]++;
        }
        assertThat(invalid).as("the fault reading is in the regulator's series").isEqualTo(1);
        return days;
    }

    @Test
    void thePublicReadsDailyMeansOfWholeDaysOverValidReadings() {
        String from = "2025-11-01T00:00:00%2B08:00";
        String to = "2025-11-03T00:00:00%2B08:00";
        TreeMap<Instant, double[]> expected = expectedDailyMeans(from, to);
        assertThat(expected).hasSize(2);

        JsonNode page = ok(http.anonymous().get("/api/v1/datastreams/" + datastream + "/readings?from=" + from + "&to=" + to));
        JsonNode items = page.get("items");
        assertThat(items).hasSize(2);
        int i = 0;
        for (var day : expected.entrySet()) {
            JsonNode mean = items.get(i++);
            assertThat(Instant.parse(mean.get("time").asString())).isEqualTo(day.getKey());
            assertThat(mean.get("value").asDouble()).isCloseTo(day.getValue()[0] / day.getValue()[1], Offset.offset(1e-9));
            assertThat(mean.get("source").asString()).isEqualTo("mean/" + (int) day.getValue()[1]);
            assertThat(mean.get("rawValue").isNull()).isTrue();
        }

        // One mean per page: the next link continues with the following day.
        JsonNode first = ok(http.anonymous().get("/api/v1/datastreams/" + datastream + "/readings?limit=1&from=" + from + "&to=" + to));
        assertThat(first.get("items")).hasSize(1);
        JsonNode second = ok(http.anonymous().get(first.get("next").asString()));
        assertThat(Instant.parse(second.get("items").get(0).get("time").asString())).isEqualTo(expected.lastKey());

        // A window starting mid-day shows whole days only; the export holds the same means.
        JsonNode midDay = ok(http.anonymous().get("/api/v1/datastreams/" + datastream + "/readings?from=2025-11-01T06:00:00%2B08:00&to=" + to));
        assertThat(midDay.get("items")).hasSize(1);
        assertThat(OffsetDateTime.parse(midDay.get("items").get(0).get("time").asString()).toInstant()).isEqualTo(expected.lastKey());
        Http.Response csv = http.anonymous().get("/api/v1/datastreams/" + datastream + "/readings?format=csv&from=" + from + "&to=" + to);
        assertThat(csv.status()).isEqualTo(200);
        List<String> rows = csv.body().lines().skip(1).toList();
        assertThat(rows).hasSize(2);
        double[] lastDay = expected.lastEntry().getValue();
        assertThat(Double.parseDouble(rows.get(1).split(",")[1])).isCloseTo(lastDay[0] / lastDay[1], Offset.offset(1e-9));
        assertThat(csv.raw().headers().firstValue("GW-Disclosure").orElseThrow()).contains("readings: daily means instead of single values");

        // The regulator still reads every reading.
        assertThat(ok(http.getAs("/api/v1/datastreams/" + datastream + "/readings?from=" + from + "&to=" + to, "regulator", "demo-regulator"))
                .get("items").size()).isGreaterThan(40);
    }

    /**
     * The portal's aggregates: the regulator's hourly and daily mean, min, max and count are the ones computed here from
     * its own readings (the fault reading counted as flagged, not in the statistics); the public, shown daily means,
     * gets one point per day, that day's mean, whatever interval it asks for: no hourly detail leaks through them.
     */
    @Test
    void aggregatesAreComputedOverWhatTheCallerIsShown() {
        String from = "2025-11-01T00:00:00%2B08:00";
        String to = "2025-11-03T00:00:00%2B08:00";
        JsonNode items = ok(http.getAs("/api/v1/datastreams/" + datastream + "/readings?limit=10000&from=" + from + "&to=" + to,
                "regulator", "demo-regulator")).get("items");
        for (String interval : List.of("hour", "day")) {
            // Step start (CST) to {sum, min, max, count, flagged}.
            TreeMap<Instant, double[]> expected = new TreeMap<>();
            for (JsonNode r : items) {
                OffsetDateTime local = Instant.parse(r.get("time").asString()).atOffset(CST);
                Instant step = (interval.equals("hour") ? local.withMinute(0).withSecond(0).withNano(0) : local.toLocalDate().atStartOfDay().atOffset(CST)).toInstant();
                double[] s = expected.computeIfAbsent(step, k -> new double[] {0, Double.MAX_VALUE, -Double.MAX_VALUE, 0, 0});
                List<String> flags = new ArrayList<>();
                r.get("flags").forEach(f -> flags.add(f.asString()));
                if (!flags.isEmpty()) s[4]++;
                if (flags.stream().anyMatch(NOT_VALID::contains)) continue;
                double v = r.get("value").asDouble();
                s[0] += v;
                s[1] = Math.min(s[1], v);
                s[2] = Math.max(s[2], v);
                s[3]++;
            }
            expected.values().removeIf(s -> s[3] == 0);
            JsonNode answer = ok(http.getAs("/api/v1/datastreams/" + datastream + "/aggregates?interval=" + interval + "&from=" + from + "&to=" + to,
                    "regulator", "demo-regulator"));
            assertThat(answer.get("unit").asString()).isEqualTo("µg/L");
            JsonNode buckets = answer.get("buckets");
            assertThat(buckets).as(interval).hasSize(expected.size());
            if (interval.equals("day")) assertThat(expected).hasSize(2);
            else assertThat(expected.size()).as("the demo's hours").isGreaterThan(40);
            int i = 0;
            int flagged = 0;
            for (var step : expected.entrySet()) {
                JsonNode b = buckets.get(i++);
                double[] s = step.getValue();
                assertThat(Instant.parse(b.get("start").asString())).isEqualTo(step.getKey());
                assertThat(b.get("mean").asDouble()).isCloseTo(s[0] / s[3], Offset.offset(1e-9));
                assertThat(b.get("min").asDouble()).isEqualTo(s[1]);
                assertThat(b.get("max").asDouble()).isEqualTo(s[2]);
                assertThat(b.get("count").asInt()).isEqualTo((int) s[3]);
                assertThat(b.get("flagged").asInt()).isEqualTo((int) s[4]);
                flagged += b.get("flagged").asInt();
            }
            assertThat(flagged).as("the fault reading, at least, is flagged").isPositive();
        }

        TreeMap<Instant, double[]> daily = expectedDailyMeans(from, to);
        for (String interval : List.of("hour", "day")) {
            JsonNode buckets = ok(http.anonymous().get("/api/v1/datastreams/" + datastream + "/aggregates?interval=" + interval + "&from=" + from + "&to=" + to))
                    .get("buckets");
            assertThat(buckets).as("the public's " + interval + " aggregates").hasSize(2);
            int i = 0;
            for (var day : daily.entrySet()) {
                JsonNode b = buckets.get(i++);
                assertThat(Instant.parse(b.get("start").asString())).isEqualTo(day.getKey());
                double mean = day.getValue()[0] / day.getValue()[1];
                assertThat(b.get("mean").asDouble()).isCloseTo(mean, Offset.offset(1e-9));
                assertThat(b.get("min").asDouble()).isCloseTo(mean, Offset.offset(1e-9));
                assertThat(b.get("max").asDouble()).isCloseTo(mean, Offset.offset(1e-9));
                assertThat(b.get("count").asInt()).isEqualTo(1);
            }
        }

        Http.Response wrong = http.getAs("/api/v1/datastreams/" + datastream + "/aggregates?interval=week", "regulator", "demo-regulator");
        assertThat(problem(wrong, 400)).contains("interval");
        assertThat(wrong.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(problem(http.getAs("/api/v1/datastreams/999999/aggregates?interval=day", "regulator", "demo-regulator"), 404)).isNotBlank();
    }

    /**
     * The well page's one request for its year: the days up to the latest reading, found by the server, answer as the
     * same window asked with from and to, and say which window they read.
     */
    @Test
    void aWindowOfDaysEndsJustAfterTheLatestReading() {
        String aggregates = "/api/v1/datastreams/" + datastream + "/aggregates?interval=hour&";
        JsonNode items = ok(http.getAs("/api/v1/datastreams/" + datastream + "/readings?limit=10000", "regulator", "demo-regulator")).get("items");
        Instant end = Instant.parse(items.get(items.size() - 1).get("time").asString()).plusMillis(1);
        JsonNode byDays = ok(http.getAs(aggregates + "days=2", "regulator", "demo-regulator"));
        assertThat(Instant.parse(byDays.get("to").asString())).isEqualTo(end);
        assertThat(Instant.parse(byDays.get("from").asString())).isEqualTo(end.minus(Duration.ofDays(2)));
        JsonNode byWindow = ok(http.getAs(aggregates + "from=" + end.minus(Duration.ofDays(2)) + "&to=" + end, "regulator", "demo-regulator"));
        assertThat(byDays.get("buckets").size()).as("the demo's hours").isGreaterThan(24);
        assertThat(byDays.get("buckets")).isEqualTo(byWindow.get("buckets"));

        // The public, shown daily means, learns the latest reading's day from the window, not its time.
        JsonNode publicDays = ok(http.anonymous().get(aggregates + "days=2"));
        Instant nextDay = end.minusMillis(1).atOffset(CST).toLocalDate().plusDays(1).atStartOfDay().toInstant(CST);
        assertThat(Instant.parse(publicDays.get("to").asString())).as("the start of the day after the latest reading (CST)").isEqualTo(nextDay);
        assertThat(Instant.parse(publicDays.get("from").asString())).isEqualTo(nextDay.minus(Duration.ofDays(2)));

        assertThat(problem(http.getAs(aggregates + "days=2&from=" + end.minus(Duration.ofDays(2)), "regulator", "demo-regulator"), 400)).contains("days");
        assertThat(problem(http.getAs(aggregates + "days=0", "regulator", "demo-regulator"), 400)).contains("days");
    }

    @Test
    void sensorThingsHidesWhatItCannotAggregate() {
        assertThat(http.anonymous().get("/sta/v1.1/Observations?$top=1").status()).isEqualTo(404);
        assertThat(http.anonymous().get("/sta/v1.1/Datastreams(" + datastream + ")/Observations?$top=1").status()).isEqualTo(404);
        assertThat(http.anonymous().get("/sta/v1.1/Things?$top=1").status()).isEqualTo(200);
        assertThat(http.getAs("/sta/v1.1/Observations?$top=1", "regulator", "demo-regulator").status()).isEqualTo(200);
    }
}
