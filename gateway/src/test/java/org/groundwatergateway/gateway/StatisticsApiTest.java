package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.groundwatergateway.analytics.statistics.CensoredSummary;
import org.groundwatergateway.analytics.statistics.CensoredValue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The statistics endpoints: the numbers are checked in analytics against published examples; here, the wiring and the errors. */
class StatisticsApiTest extends RunningGateway {

    @Test
    void summaryOfResultsWithNonDetectsChoosesItsEstimator() {
        String values = "[\"<2\", \"<2\", 3.3, 7.5, \"<5\", 12.0, 8.1, 21.6, 4.4, 16.9]";
        JsonNode summary = ok(http.post("/api/v1/analytics/statistics", "{\"values\": " + values + "}", "analyst", "demo-analyst"));
        CensoredSummary expected = CensoredSummary.of(List.of(CensoredValue.nonDetect(2), CensoredValue.nonDetect(2), CensoredValue.detected(3.3),
                CensoredValue.detected(7.5), CensoredValue.nonDetect(5), CensoredValue.detected(12.0), CensoredValue.detected(8.1),
                CensoredValue.detected(21.6), CensoredValue.detected(4.4), CensoredValue.detected(16.9)));
        assertThat(summary.get("estimator").asString()).isEqualTo("ROBUST_ROS").isEqualTo(expected.estimator().name());
        assertThat(summary.get("detects").asInt()).isEqualTo(7);
        assertThat(summary.get("mean").asDouble()).isCloseTo(expected.mean(), within(1e-12));
        assertThat(summary.at("/min/censored").asBoolean()).isTrue();

        JsonNode km = ok(http.post("/api/v1/analytics/statistics", "{\"values\": " + values + ", \"estimator\": \"kaplan-meier\"}", "analyst", "demo-analyst"));
        assertThat(km.get("estimator").asString()).isEqualTo("KAPLAN_MEIER");

        Http.Response bad = http.post("/api/v1/analytics/statistics", "{\"values\": [1.0, \"<x\"]}", "analyst", "demo-analyst");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asString()).contains("values[1]").contains("<x");
        Http.Response badEstimator = http.post("/api/v1/analytics/statistics", "{\"values\": [1.0], \"estimator\": \"MLE\"}", "analyst", "demo-analyst");
        assertThat(badEstimator.json().get("detail").asString()).contains("estimator").contains("KAPLAN_MEIER");
    }

    @Test
    void correlationAndSeasonalTrend() {
        JsonNode correlation = ok(http.post("/api/v1/analytics/correlation", "{\"x\": [1, 2, 3, 4, 5], \"y\": [2, 4, 5, 4, 5]}", "analyst", "demo-analyst"));
        // r = 6 / sqrt(10 * 6) by hand: Sxy = 6, Sxx = 10, Syy = 6.
        assertThat(correlation.at("/pearson/coefficient").asDouble()).isCloseTo(6 / Math.sqrt(60), within(1e-12));
        assertThat(correlation.at("/spearman/method").asString()).isEqualTo("SPEARMAN");
        assertThat(http.post("/api/v1/analytics/correlation", "{\"x\": [1, 2], \"y\": [1]}", "analyst", "demo-analyst").body()).contains("二者应一样多");

        JsonNode seasonal = ok(http.post("/api/v1/analytics/seasonal-trend", "{\"times\": [2021.1, 2021.6, 2022.1, 2022.6, 2023.1, 2023.6, 2024.1, 2024.6], "
                + "\"values\": [1.2, 2.9, 1.4, 3.1, 1.5, 3.3, 1.7, 3.6], \"seasons\": [1, 2, 1, 2, 1, 2, 1, 2]}", "analyst", "demo-analyst"));
        // Each season rises monotonically over its four values: S = 6 per season.
        assertThat(seasonal.at("/combined/s").asLong()).isEqualTo(12);
        assertThat(seasonal.get("seasons").asInt()).isEqualTo(2);
    }

    @Test
    void predictionLimitNamesTheCompliantValuesThatExceedIt() {
        JsonNode normal = ok(http.post("/api/v1/analytics/prediction-limit", "{\"background\": [28.0, 31.2, 22.4, 35.1, 26.7, 30.3, 24.9, 29.5], "
                + "\"compliance\": [33.0, 71.4], \"futureValues\": 2}", "analyst", "demo-analyst"));
        assertThat(normal.get("method").asString()).isEqualTo("NORMAL");
        assertThat(normal.get("limit").asDouble()).isBetween(35.1, 71.4);
        assertThat(normal.get("exceedances")).hasSize(1);
        assertThat(normal.get("exceedances").get(0).asInt()).isEqualTo(1);

        JsonNode nonparametric = ok(http.post("/api/v1/analytics/prediction-limit", "{\"background\": [\"<1\", 4.2, 3.1, \"<1\", 5.0, 2.2], "
                + "\"compliance\": [4.9, 5.6], \"method\": \"NONPARAMETRIC\"}", "analyst", "demo-analyst"));
        assertThat(nonparametric.get("limit").asDouble()).isEqualTo(5.0);
        assertThat(nonparametric.get("exceedances").get(0).asInt()).isEqualTo(1);

        Http.Response censoredNormal = http.post("/api/v1/analytics/prediction-limit", "{\"background\": [\"<1\", 4.2, 3.1], \"compliance\": [2]}", "analyst", "demo-analyst");
        assertThat(censoredNormal.status()).isEqualTo(400);
        assertThat(censoredNormal.body()).contains("background[0]").contains("NONPARAMETRIC");
    }

    @Test
    void controlChartFlagsTheRiseOfACompliantWell() {
        JsonNode chart = ok(http.post("/api/v1/analytics/control-chart", "{\"baseline\": [21.2, 28.7, 19.4, 33.0, 25.1, 22.8, 30.6, 24.3], "
                + "\"compliance\": [26.0, 29.4, 41.5, 52.3, 80.2]}", "analyst", "demo-analyst"));
        JsonNode points = chart.get("points");
        assertThat(points).hasSize(5);
        assertThat(points.get(0).get("shewhartExceeded").asBoolean()).isFalse();
        assertThat(points.get(4).get("shewhartExceeded").asBoolean()).isTrue();
        Http.Response shortBaseline = http.post("/api/v1/analytics/control-chart", "{\"baseline\": [1, 2, 3], \"compliance\": [4]}", "analyst", "demo-analyst");
        assertThat(shortBaseline.status()).isEqualTo(400);
    }
}
