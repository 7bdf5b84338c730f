package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TrendApiTest extends RunningGateway {

    @Test
    void trendOfASeriesWithTheFieldsTheIssueNames() {
        Http.Response response = http.post("/api/v1/analytics/trend",
                "{\"values\": [12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9, 11.0, 17.3, 15.9, 19.0, 18.3, 20.1, 21.7]}", "analyst", "demo-analyst");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode trend = response.json();
        assertThat(trend.get("n").asInt()).isEqualTo(14);
        assertThat(trend.get("s").asLong()).isEqualTo(54);
        assertThat(trend.get("z").asDouble()).isCloseTo(2.9058, within(5e-5));
        assertThat(trend.get("trend").asString()).isEqualTo("INCREASING");
        assertThat(trend.get("senSlopeLower").asDouble()).isLessThan(trend.get("senSlope").asDouble());
        assertThat(trend.get("senSlopeUpper").asDouble()).isGreaterThan(trend.get("senSlope").asDouble());
        assertThat(trend.has("varS")).isTrue();
        assertThat(trend.has("pValue")).isTrue();

        Http.Response yearly = http.post("/api/v1/analytics/trend", "{\"values\": [1, 2, 3, 4], \"times\": [2020, 2021, 2022, 2023]}", "analyst", "demo-analyst");
        assertThat(yearly.json().get("senSlope").asDouble()).isEqualTo(1.0);
        Http.Response bad = http.post("/api/v1/analytics/trend", "{\"values\": [1, 2, 3], \"times\": [1, 2]}", "analyst", "demo-analyst");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("二者应一样多");
    }

    /** Issue #15: pair by pair, 20,000 values ran out of memory and 50,000 overflowed an int; now they take seconds. */
    @Test
    void fiftyThousandValuesAreAnsweredInSeconds() {
        int n = 50_000;
        StringBuilder values = new StringBuilder("{\"values\": [");
        // Rising one per step with every odd step 0.75 high: each later value is higher, so S counts every pair;
        // the slopes lie symmetrically about 1 (± 0.75 over odd gaps, exactly 1 over even ones), so their median is 1.
        for (int i = 0; i < n; i++) values.append(i > 0 ? "," : "").append(i + (i % 2 == 0 ? 0 : 0.75));
        values.append("]}");
        long start = System.nanoTime();
        Http.Response response = http.post("/api/v1/analytics/trend", values.toString(), "analyst", "demo-analyst");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        // About 4 s on the project machine with the code not yet compiled by the JIT (2 s once warm).
        assertThat(seconds).isLessThan(10);
        JsonNode trend = response.json();
        assertThat(trend.get("n").asInt()).isEqualTo(n);
        assertThat(trend.get("s").asLong()).isEqualTo((long) n * (n - 1) / 2);
        assertThat(trend.get("senSlope").asDouble()).isEqualTo(1.0);
        assertThat(trend.get("trend").asString()).isEqualTo("INCREASING");
    }
}
