package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import org.groundwatergateway.core.demo.DemoPark;
import org.groundwatergateway.ingest.hj212.Hj212Frame;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WarningApiTest extends RunningGateway {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN = "admin";
    private static final String PASSWORD = "demo-admin";

    @Test
    void theDemoParkComesWithRules() {
        JsonNode rules = http.get("/api/v1/warning-rules").json();
        assertThat(rules.findValuesAsString("kind")).contains("CLASS_LIMIT", "LEVEL_CHANGE");
        assertThat(rules.findValuesAsString("parameterCode")).contains("benzene", "chromium-vi", "water-level");
    }

    @Test
    void badRulesAreRejectedNamingTheField() {
        String[][] cases = {
                {"{\"name\": \"x\", \"kind\": \"CLASS_LIMIT\", \"parameterCode\": \"unobtainium\"}", "parameterCode：没有代码为 'unobtainium' 的参数"},
                {"{\"name\": \"x\", \"kind\": \"CLASS_LIMIT\", \"parameterCode\": \"benzene\", \"thresholds\": {\"general\": 1.2, \"serious\": 1.0}}",
                        "thresholds：应随等级递增"},
                {"{\"name\": \"x\", \"kind\": \"LEVEL_CHANGE\", \"parameterCode\": \"water-level\", \"hysteresis\": 1.5}", "hysteresis："},
                {"{\"name\": \"x\", \"kind\": \"COMBINED\", \"level\": \"SEVERE\", \"conditions\": []}", "conditions：COMBINED 规则至少需要"},
                {"{\"name\": \"x\", \"kind\": \"WHATEVER\"}", "kind：'WHATEVER' 不是"},
                {"{\"name\": \"x\", \"kind\": \"CLASS_LIMIT\", \"parameterCode\": \"benzene\", \"roles\": [\"UPSTREAM\"]}", "roles：'UPSTREAM'"},
        };
        for (String[] c : cases) {
            Http.Response response = http.post("/api/v1/warning-rules", c[0], ADMIN, PASSWORD);
            assertThat(response.status()).as(c[0]).isEqualTo(400);
            assertThat(response.json().path("detail").asString()).as(c[0]).startsWith(c[1]);
        }
        assertThat(http.post("/api/v1/warning-rules", cases[0][0], null, null).status()).isEqualTo(401);
    }

    @Test
    void editingAddsVersionsAndDeletingRetires() {
        JsonNode created = http.post("/api/v1/warning-rules", "{\"name\": \"nitrate III\", \"kind\": \"CLASS_LIMIT\", "
                + "\"parameterCode\": \"nitrate-as-n\", \"parkCode\": \"" + DemoPark.PARK_CODE + "\", \"aquiferCode\": \"Q1\"}", ADMIN, PASSWORD).json();
        long id = created.path("id").asLong();
        assertThat(created.path("version").asInt()).isEqualTo(1);
        assertThat(created.path("thresholds").path("general").asDouble()).isEqualTo(0.8);
        Http.Response edited = http.put("/api/v1/warning-rules/" + id, "{\"name\": \"nitrate III, tighter\", \"kind\": \"CLASS_LIMIT\", "
                + "\"parameterCode\": \"nitrate-as-n\", \"thresholds\": {\"general\": 0.7, \"serious\": 0.9, \"severe\": 1.5}}", ADMIN, PASSWORD);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().path("version").asInt()).isEqualTo(2);
        JsonNode versions = http.get("/api/v1/warning-rules/" + id + "/versions").json();
        assertThat(versions.findValuesAsString("name")).containsExactly("nitrate III", "nitrate III, tighter");
        assertThat(http.delete("/api/v1/warning-rules/" + id, ADMIN, PASSWORD).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/warning-rules/" + id).json().path("retiredAt").isNull()).isFalse();
        assertThat(http.get("/api/v1/warning-rules").json().findValuesAsString("name")).doesNotContain("nitrate III, tighter");
        assertThat(http.get("/api/v1/warning-rules/999999").status()).isEqualTo(404);
    }

    @Test
    void anOutOfLimitReadingOverHj212RaisesTheRightLevelWithinFiveSeconds() throws Exception {
        JsonNode rule = http.post("/api/v1/warning-rules", "{\"name\": \"pH above class III\", \"kind\": \"CLASS_LIMIT\", \"parameterCode\": \"ph\", "
                + "\"limitClass\": 3, "
                + "\"thresholds\": {\"general\": 1.0, \"serious\": 1.05, \"severe\": 1.2}}", ADMIN, PASSWORD).json();
        long ruleId = rule.path("id").asLong();
        int well = 12;
        String mn = DemoPark.deviceNumber(well, false);
        // pH 9.0 is 1.059 × the class III limit 8.5: serious. The demo's two days end 2025-11-03 00:00 CST.
        byte[] packet = Hj212Frame.encode("QN=20251103050000000;ST=24;CN=2061;PW=" + DemoPark.devicePassword(mn) + ";MN=" + mn
                + ";Flag=4;CP=&&DataTime=20251103050000;w01001-Avg=9.0,w01001-Flag=N&&");
        int port = http.get("/actuator/health").json().path("components").path("hj212").path("details").path("port").asInt();
        BlockingQueue<String> pushed = http.follow("/api/v1/alerts/stream");
        long sent;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            sent = System.nanoTime();
            out.write(packet);
            out.flush();
            JsonNode alert = null;
            while (alert == null && System.nanoTime() - sent < 5_000_000_000L) {
                for (JsonNode a : http.get("/api/v1/alerts").json()) {
                    if (a.path("origin").path("ruleId").asLong() == ruleId) alert = a;
                }
                if (alert == null) Thread.sleep(10);
            }
            long millis = (System.nanoTime() - sent) / 1_000_000;
            System.out.println("HJ 212 packet to rule alert visible over the API: " + millis + " ms");
            assertThat(alert).as("no alert of rule " + ruleId + " within 5 s").isNotNull();
            assertThat(millis).isLessThan(5000);
            assertThat(alert.path("level").asString()).isEqualTo("SERIOUS");
            assertThat(alert.path("subject").asString()).isEqualTo("GW-U%02d/ph".formatted(well));
            assertThat(alert.path("origin").path("value").asDouble()).isEqualTo(9.0);
            assertThat(alert.path("origin").path("ruleVersion").asInt()).isEqualTo(1);

            // The whole chain: the duty officer's in-app push for this alert, within the same 5 s of the packet.
            JsonNode push = JSON.readTree(EscalationApiTest.nextData(pushed, alert.path("id").asLong()));
            long pushedMillis = (System.nanoTime() - sent) / 1_000_000;
            System.out.println("HJ 212 packet to the duty officer's push: " + pushedMillis + " ms");
            assertThat(push.path("tier").asString()).isEqualTo("DUTY_OFFICER");
            assertThat(pushedMillis).isLessThan(5000);
        }
    }

    @Test
    void anImportOfThePastRaisesNoAlertWhereLiveDataDoes() throws Exception {
        JsonNode rule = http.post("/api/v1/warning-rules", "{\"name\": \"pH above class III (imports)\", \"kind\": \"CLASS_LIMIT\", "
                + "\"parameterCode\": \"ph\", \"limitClass\": 3}", ADMIN, PASSWORD).json();
        long ruleId = rule.path("id").asLong();
        String reading = "[{\"well\": \"GW-U20\", \"parameter\": \"ph\", \"time\": \"%s\", \"value\": 9.4}]";
        Http.Response historical = http.post("/api/v1/readings?live=false", reading.formatted("2025-11-04T08:00:00+08:00"), ADMIN, PASSWORD);
        assertThat(historical.status()).as(historical.body()).isEqualTo(200);
        Http.Response live = http.post("/api/v1/readings", reading.formatted("2025-11-04T09:00:00+08:00"), ADMIN, PASSWORD);
        assertThat(live.status()).as(live.body()).isEqualTo(200);
        JsonNode alert = null;
        long start = System.nanoTime();
        while (alert == null && System.nanoTime() - start < 5_000_000_000L) {
            for (JsonNode a : http.get("/api/v1/alerts").json()) {
                if (a.path("origin").path("ruleId").asLong() == ruleId) alert = a;
            }
            if (alert == null) Thread.sleep(10);
        }
        // After the demo's two days (their hours are stored already). Evaluation is in arrival order: had the
        // historical reading been judged, the alert would name its time.
        assertThat(alert).as("no alert from the live reading").isNotNull();
        assertThat(alert.path("origin").path("observedAt").asString()).startsWith("2025-11-04T01:00");
    }
}
