package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's data completeness and QA/QC flag rate for a day, checked against counts made here through other doors:
 * the datastreams' intervals (expected), each datastream's readings of that day (received, flagged, wells reporting).
 */
class DataQualityApiTest extends RunningGateway {

    private static final String DAY = "2025-11-01";
    /** That day in China Standard Time, as UTC. */
    private static final String FROM = "2025-10-31T16:00:00Z";
    private static final String TO = "2025-11-01T16:00:00Z";
    private static final Set<String> FOR_REVIEW = Set.of("RANGE", "RATE_OF_CHANGE", "FLATLINE", "SPIKE", "DUPLICATE", "DUAL_SENSOR_MISMATCH",
            "INCONSISTENT");

    @Test
    void aDaysCompletenessAndFlagRateAreItsStoredReadingsOverThoseTheIntervalsAskFor() {
        long expected = 0;
        long received = 0;
        long flagged = 0;
        Set<String> wellsWithReadings = new HashSet<>();
        for (JsonNode stream : http.getAs("/api/v1/datastreams", "admin", "demo-admin").json()) {
            int interval = stream.path("intervalMinutes").asInt();
            // Every demo logger was registered at the demo's start, so each interval asks for the whole day.
            if (interval > 0) expected += 24 * 60 / interval;
            JsonNode items = http.getAs("/api/v1/datastreams/" + stream.path("id").asLong() + "/readings?limit=10000&from=" + FROM + "&to=" + TO,
                    "admin", "demo-admin").json().path("items");
            for (JsonNode r : items) {
                if (r.path("time").asString().equals(TO)) continue; // the readings API includes its end; the day does not
                received++;
                Set<String> flags = new HashSet<>();
                r.path("flags").forEach(f -> flags.add(f.asString()));
                if (flags.stream().anyMatch(FOR_REVIEW::contains)) flagged++;
                if (!stream.path("well").isNull() && !stream.path("well").isMissingNode()) wellsWithReadings.add(stream.path("well").asString());
            }
        }
        assertThat(received).as("readings of the day").isPositive();

        JsonNode day = ok(http.get("/api/v1/data-quality?date=" + DAY, Map.of("Authorization", "Bearer " + accessToken("duty"))));
        assertThat(day.path("from").asString()).isEqualTo(FROM);
        assertThat(day.path("to").asString()).isEqualTo(TO);
        assertThat(day.path("expected").asLong()).isEqualTo(expected);
        assertThat(day.path("received").asLong()).isEqualTo(received);
        assertThat(day.path("completeness").asDouble()).isCloseTo((double) Math.min(received, expected) / expected, within(1e-12));
        assertThat(day.path("flagged").asLong()).isEqualTo(flagged);
        assertThat(day.path("flagRate").asDouble()).isCloseTo((double) flagged / received, within(1e-12));
        // The wells reporting in the 24 hours up to the day's end are those with readings that day.
        assertThat(day.path("wellsReporting").asInt()).isEqualTo(wellsWithReadings.size());
    }

    @Test
    void onlyStaffSeeIt_andADayNotBegunIsRefusedInTheirLanguage() {
        assertThat(http.anonymous().get("/api/v1/data-quality").status()).isEqualTo(401);
        assertThat(http.get("/api/v1/data-quality", Map.of("Authorization", "Bearer " + accessToken("duty"))).status()).isEqualTo(200);
        Http.Response future = http.get("/api/v1/data-quality?date=2999-01-01",
                Map.of("Authorization", "Bearer " + accessToken("duty"), "Accept-Language", "zh-CN"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().path("detail").asString()).isEqualTo("date：2999-01-01 这一天还没有开始。");
        assertThat(future.json().path("field").asString()).isEqualTo("date");
        List<String> english = List.of(http.get("/api/v1/data-quality?date=2999-01-01",
                Map.of("Authorization", "Bearer " + accessToken("duty"), "Accept-Language", "en")).json().path("detail").asString());
        assertThat(english).containsExactly("date: The day 2999-01-01 has not begun yet.");
    }
}
