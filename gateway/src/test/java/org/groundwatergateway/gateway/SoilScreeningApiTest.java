package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Soil results uploaded over HTTP are judged against a GB 36600 screening rule: benzene's second-class (industrial)
 * screening value is 4 mg/kg and its intervention value 40 mg/kg, so the rule's default thresholds are 0.8, 1 and 10 ×
 * 4 mg/kg. A boring at 2 and 9 mg/kg (its worst 2.25 ×) is 较重, one at 45 mg/kg (11.25 ×) is 严重, one at 3 mg/kg
 * (0.75 ×) raises nothing.
 */
class SoilScreeningApiTest extends RunningGateway {

    @Test
    void soilResultsAboveTheScreeningValueRaiseAlertsByBoring() throws Exception {
        JsonNode rule = http.post("/api/v1/warning-rules", "{\"name\": \"苯 土壤筛选值\", \"kind\": \"SOIL_SCREENING\", "
                + "\"parameterCode\": \"benzene\", \"parkCode\": \"HBDP\"}", "admin", "demo-admin").json();
        assertThat(rule.path("thresholds").path("severe").asDouble()).isEqualTo(10.0);
        String body = """
                [{"boring": "SB-S1", "lon": 121.0301, "lat": 32.5452, "depthTop": 0.5, "depthBottom": 1.0, "parameter": "benzene", "value": 2, "sampledOn": "2026-08-02"},
                 {"boring": "SB-S1", "depthTop": 2.0, "depthBottom": 2.5, "parameter": "benzene", "value": 9, "sampledOn": "2026-08-02"},
                 {"boring": "SB-S2", "lon": 121.0303, "lat": 32.5453, "depthTop": 1.0, "depthBottom": 1.5, "parameter": "benzene", "value": 45, "sampledOn": "2026-08-02"},
                 {"boring": "SB-S3", "lon": 121.0305, "lat": 32.5455, "depthTop": 1.0, "depthBottom": 1.5, "parameter": "benzene", "value": 3, "sampledOn": "2026-08-02"}]""";
        assertThat(http.post("/api/v1/soil-results?park=HBDP", body, "admin", "demo-admin").json().path("stored").asInt()).isEqualTo(4);

        awaitSoilAlerts(2);
        // All of an upload is judged in one go on the bus: a moment later nothing more has come.
        Thread.sleep(300);
        Map<String, JsonNode> soil = awaitSoilAlerts(2);
        assertThat(soil.keySet()).containsExactly("soil:SB-S1/benzene", "soil:SB-S2/benzene");
        assertThat(soil.get("soil:SB-S1/benzene").path("level").asString()).isEqualTo("SERIOUS");
        assertThat(soil.get("soil:SB-S1/benzene").path("message").asString()).contains("2.0–2.5 m").contains("2.250 ×").contains("较重预警");
        assertThat(soil.get("soil:SB-S2/benzene").path("level").asString()).isEqualTo("SEVERE");
        assertThat(soil.get("soil:SB-S1/benzene").path("kind").asString()).isEqualTo("WARNING_SOIL_SCREENING");
    }

    private Map<String, JsonNode> awaitSoilAlerts(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Map<String, JsonNode> soil = new TreeMap<>();
        while (System.nanoTime() < deadline) {
            soil.clear();
            for (JsonNode alert : ok(http.get("/api/v1/alerts"))) {
                String subject = alert.path("subject").asString();
                if (subject.startsWith("soil:SB-S")) soil.put(subject, alert);
            }
            if (soil.size() >= count) return soil;
            Thread.sleep(100);
        }
        return soil;
    }
}
