package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.groundwatergateway.core.demo.DemoPark;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ThresholdTuningApiTest extends RunningGateway {

    private static final String ADMIN = "admin";
    private static final String PASSWORD = "demo-admin";
    private static final String STREAM = "GW-TUNE1/toluene/lab";

    /** Laboratory toluene results at the test's own well, at 10:00 on the given December 2025 days (µg/L). */
    private Http.Response labResults(int firstDay, double... values) {
        StringBuilder csv = new StringBuilder("well,parameter,time,value,sampleId,labReportId\n");
        for (int i = 0; i < values.length; i++) {
            csv.append("GW-TUNE1,toluene,2025-12-%02dT10:00:00+08:00,%s,S-T%d,LR-T\n".formatted(firstDay + i, values[i], firstDay + i));
        }
        return http.post("/api/v1/lab-results", "text/csv", csv.toString(), ADMIN, PASSWORD);
    }

    private JsonNode openAlertOf(long ruleId) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < 5_000_000_000L) {
            for (JsonNode a : http.get("/api/v1/alerts").json()) {
                if (a.path("origin").path("ruleId").asLong() == ruleId) return a;
            }
            Thread.sleep(10);
        }
        return null;
    }

    @Test
    void aFalseAndAMissedAlarmTuneTheThresholds() throws Exception {
        assertThat(http.post("/api/v1/wells", """
                {"park": "%s", "code": "GW-TUNE1", "nameZh": "调优测试井", "lon": 121.013, "lat": 32.552, "groundElevationM": 5.1,
                 "casingTopElevationM": 5.6, "screenTopDepthM": 3, "screenBottomDepthM": 9, "aquifer": "Q1", "role": "DOWNGRADIENT"}"""
                .formatted(DemoPark.PARK_CODE), ADMIN, PASSWORD).status()).isEqualTo(201);
        long ruleId = http.post("/api/v1/warning-rules", "{\"name\": \"toluene III (tuning)\", \"kind\": \"CLASS_LIMIT\", \"parameterCode\": "
                + "\"toluene\", \"limitClass\": 3, \"thresholds\": {\"general\": 1.0, \"serious\": 1.5}}", ADMIN, PASSWORD).json().path("id").asLong();

        // The class III limit is 700 µg/L: 0.4 ×, then 1.25 × raises a general alert, which people later call a false alarm.
        Http.Response first = labResults(1, 280, 875);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode alert = openAlertOf(ruleId);
        assertThat(alert).as("no alert of rule " + ruleId).isNotNull();
        // Then 0.4 × (clears), 0.95 × on the 4th, which the lab says should have warned, and 0.4 ×.
        assertThat(labResults(3, 280, 665, 280).status()).isEqualTo(200);

        String verdictPath = "/api/v1/alerts/" + alert.path("id").asLong() + "/verdict";
        Http.Response verdict = http.put(verdictPath, "{\"verdict\": \"FALSE_ALARM\", \"by\": \"王工\", \"note\": \"sampling error\"}", ADMIN, PASSWORD);
        assertThat(verdict.status()).as(verdict.body()).isEqualTo(200);
        assertThat(verdict.json().path("verdict").asString()).isEqualTo("FALSE_ALARM");
        assertThat(verdict.json().path("datastreamId").asLong()).isEqualTo(alert.path("origin").path("datastreamId").asLong());
        assertThat(http.put(verdictPath, "{\"verdict\": \"MAYBE\"}", ADMIN, PASSWORD).json().path("detail").asString()).startsWith("verdict：");
        assertThat(http.put("/api/v1/alerts/999999/verdict", "{\"verdict\": \"CONFIRMED\"}", ADMIN, PASSWORD).status()).isEqualTo(404);
        assertThat(http.put(verdictPath, "{\"verdict\": \"CONFIRMED\"}", null, null).status()).isEqualTo(401);

        String missedPath = "/api/v1/warning-rules/" + ruleId + "/missed-alarms";
        Http.Response missed = http.post(missedPath, "{\"datastream\": \"" + STREAM + "\", \"at\": \"2025-12-04T10:00:00+08:00\", "
                + "\"note\": \"0.95 × the limit and rising\"}", ADMIN, PASSWORD);
        assertThat(missed.status()).as(missed.body()).isEqualTo(201);
        assertThat(missed.json().path("recordedBy").asString()).isEqualTo(ADMIN);
        Http.Response badTime = http.post(missedPath, "{\"datastream\": \"" + STREAM + "\", \"at\": \"yesterday\"}", ADMIN, PASSWORD);
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.json().path("detail").asString()).startsWith("at：");
        assertThat(http.post(missedPath, "{\"datastream\": \"GW-U01/ph\", \"at\": \"2025-12-04T10:00:00+08:00\"}", ADMIN, PASSWORD)
                .json().path("detail").asString()).startsWith("datastream：预警规则 " + ruleId + " 不监视");
        assertThat(http.post("/api/v1/warning-rules/999999/missed-alarms", "{\"datastream\": \"" + STREAM + "\"}", ADMIN, PASSWORD).status())
                .isEqualTo(404);
        assertThat(http.get(missedPath).json().findValuesAsString("datastream")).containsExactly(STREAM);

        JsonNode report = http.get("/api/v1/warning-rules/" + ruleId + "/tuning?from=2025-11-30T16:00:00Z&to=2025-12-10T00:00:00Z"
                + "&toleranceHours=12").json();
        assertThat(report.path("datastreams").toString()).contains("{\"code\":\"" + STREAM + "\",\"readings\":5,\"readingsLeftOut\":0}");
        assertThat(report.path("falseAlarms").asInt()).isEqualTo(1);
        assertThat(report.path("missedAlarms").asInt()).isEqualTo(1);
        // By hand, with s × (1, 1.5): s ≤ 0.9 alarms on the 2nd and 4th (the false one and the missed one); 1.0-1.2 on the 2nd only;
        // from 1.3 none. Catching the missed alarm comes first, so 0.9 ×, the smallest change that does.
        assertThat(report.path("current").path("alarms").asInt()).isEqualTo(1);
        assertThat(report.path("current").path("falseAlarmsRaised").asInt()).isEqualTo(1);
        assertThat(report.path("current").path("missedCaught").asInt()).isEqualTo(0);
        assertThat(report.path("proposed").path("scale").asDouble()).isEqualTo(0.9);
        assertThat(report.path("proposed").path("thresholds").path("serious").asDouble()).isEqualTo(1.35);
        assertThat(report.path("proposed").path("alarms").asInt()).isEqualTo(2);
        assertThat(report.path("reason").asString()).startsWith("0.9 × the current thresholds").contains("catches 1 of 1 missed alarms");

        long combined = http.post("/api/v1/warning-rules", "{\"name\": \"acid (tuning)\", \"kind\": \"COMBINED\", \"level\": \"SEVERE\", "
                + "\"conditions\": [{\"parameterCode\": \"ph\", \"comparison\": \"BELOW\", \"threshold\": 2.5}]}", ADMIN, PASSWORD).json().path("id").asLong();
        Http.Response notTunable = http.get("/api/v1/warning-rules/" + combined + "/tuning");
        assertThat(notTunable.status()).isEqualTo(400);
        assertThat(notTunable.json().path("detail").asString()).startsWith("kind：阈值调优回放").contains("CLASS_LIMIT");
        assertThat(http.delete("/api/v1/warning-rules/" + combined, ADMIN, PASSWORD).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/warning-rules/999999/tuning").status()).isEqualTo(404);
    }
}
