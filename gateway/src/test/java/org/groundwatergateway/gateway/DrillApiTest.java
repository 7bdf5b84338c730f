package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.groundwatergateway.core.emergency.IncidentAnalysis;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A drill on the demo park, end to end over HTTP: a benzene release at the wastewater plant's emergency pond (PS-E10-LG,
 * 20 mg/L) is replayed through the park's warning rules until a severe alert opens the drill's incident; the alert
 * reaches the duty officer marked 【演练】; the incident gets its plume forecast, the receptors with their arrival, the
 * traced source, the VOC plan and routed resources; people acknowledge, arrive and finish tasks; finishing scores every
 * step; the drill's PDF report reads back. Nothing of it shows among the real alerts, incidents or observations. The
 * release starts when the two demo days end (other tests post readings of today, which would otherwise be the start).
 *
 * <p>Expected detection, by hand from Domenico's solution for the well 20 m down the flow (v/R = 0.156/1.2 m/d,
 * αL = 5 m): the class III general threshold (8 µg/L) is passed after about 21 days, the severe one (120 µg/L, the class
 * IV bound) after about 31.5 days (core's DrillDuringARealLeakTest checks both to a day); the test allows 10 to 45 days.
 */
class DrillApiTest extends RunningGateway {

    private static final String ADMIN = "admin";
    private static final String PASSWORD = "demo-admin";
    private static final String PLAN = "{\"park\": \"HBDP\", \"parameter\": \"benzene\", \"source\": \"PS-E10-LG\", \"sourceMgPerL\": 20, "
            + "\"releaseStart\": \"2025-11-03T00:00:00+08:00\", \"by\": \"园区应急办\"}";
    private static final Duration BUDGET = Duration.ofMinutes(3);

    @Test
    void aDrillRunsTheWholeChainAndIsScored() throws Exception {
        assertThat(http.post("/api/v1/drills", PLAN, null, null).status()).isEqualTo(401);
        assertThat(problem(http.post("/api/v1/drills", PLAN.replace("PS-E10-LG", "PS-X"), ADMIN, PASSWORD), 400)).contains("source");
        assertThat(problem(http.post("/api/v1/drills", PLAN.replace("\"benzene\"", "\"no-such\""), ADMIN, PASSWORD), 400)).contains("parameter");
        assertThat(problem(http.post("/api/v1/drills", PLAN.replace("\"sourceMgPerL\": 20", "\"sourceMgPerL\": -1"), ADMIN, PASSWORD), 400)).contains("sourceMgPerL");
        assertThat(problem(http.get("/api/v1/drills/987654"), 404)).contains("987654");

        long observations = observationCount();
        BlockingQueue<String> duty = http.follow("/api/v1/alerts/stream");
        Http.Response started = http.post("/api/v1/drills", PLAN, ADMIN, PASSWORD);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long id = started.json().get("drill").get("id").asLong();
        assertThat(started.raw().headers().firstValue("Location")).contains("/api/v1/drills/" + id);

        JsonNode drill = awaitResponse(id);
        assertThat(drill.get("status").asString()).as(drill.toString()).isEqualTo("RESPONDING");
        Instant release = Instant.parse(drill.get("releaseStart").asString());
        double detectionDays = Duration.between(release, Instant.parse(drill.get("firstAlertAt").asString())).toSeconds() / 86400.0;
        double severeDays = Duration.between(release, Instant.parse(drill.get("severeAlertAt").asString())).toSeconds() / 86400.0;
        assertThat(detectionDays).isBetween(10.0, 45.0);
        assertThat(severeDays).isBetween(detectionDays, 45.0);
        long severeAlert = drill.get("severeAlertId").asLong();
        long incidentId = drill.get("incidentId").asLong();

        // The duty officer hears of it, marked as a drill.
        assertThat(EscalationApiTest.nextData(duty, severeAlert)).contains("【演练】");

        // The drill stays out of everything real.
        for (JsonNode alert : ok(http.get("/api/v1/alerts"))) assertThat(alert.get("message").asString()).doesNotStartWith("【演练】");
        assertThat(ids(ok(http.get("/api/v1/incidents")))).doesNotContain(incidentId);
        assertThat(observationCount()).isEqualTo(observations);

        // The incident: plume forecast with bands, receptors with their arrival, the traced source, the plan, routed resources.
        JsonNode incident = awaitAnalysis(incidentId, BUDGET);
        JsonNode summary = incident.get("incident");
        assertThat(summary.get("drillId").asLong()).isEqualTo(id);
        assertThat(summary.get("analysis").get("state").asString()).as(summary.toString()).isEqualTo("DONE");
        // Its provenance (issue #18): the model and its version, the windows of readings and the datastreams it used.
        String provenance = ok2(http.get("/catalog/incidents/" + incidentId + "/provenance?f=nt"));
        String incidentUri = http.base() + "/catalog/incidents/" + incidentId;
        assertThat(provenance).contains("<" + incidentUri + "/forecast> <http://www.w3.org/ns/prov#wasGeneratedBy> <" + incidentUri + "/analysis>")
                .contains("<" + incidentUri + "/analysis> <http://www.w3.org/ns/prov#used> <" + incidentUri + "/analysis#heads>")
                .contains("<" + http.base() + "/catalog/models/incident-analysis/" + IncidentAnalysis.MODEL_VERSION
                        + "> <http://www.w3.org/2002/07/owl#versionInfo> \"" + IncidentAnalysis.MODEL_VERSION + "\"")
                .contains("<" + incidentUri + "/analysis#concentrations> <http://www.w3.org/ns/prov#hadMember> <" + http.base() + "/catalog/id/datastreams/")
                .contains("drill's simulated readings");
        assertThat(Instant.parse(summary.get("openedAt").asString())).isEqualTo(Instant.parse(drill.get("severeAlertAt").asString()));
        assertThat(summary.path("topSource").path("nameZh").asString()).as(incident.path("timeline").toString()).isEqualTo("园区污水处理厂");
        assertThat(incident.get("plan").get("code").asString()).isEqualTo("VOC-U-1");
        JsonNode bands = incident.get("forecast").get("bands");
        assertThat(bands.size()).isPositive();
        for (JsonNode b : bands) {
            assertThat(b.get("p05").asDouble()).isLessThanOrEqualTo(b.get("p50").asDouble());
            assertThat(b.get("p50").asDouble()).isLessThanOrEqualTo(b.get("p95").asDouble());
        }
        JsonNode receptors = incident.get("forecast").get("receptors");
        assertThat(receptors.size()).isPositive();
        JsonNode nearest = receptors.get(0);
        assertThat(nearest.get("advectiveDays").asDouble()).isPositive();
        assertThat(nearest.get("arrivalP50").isNumber()).as(nearest.toString()).isTrue();
        JsonNode dispatches = incident.get("dispatches");
        assertThat(dispatches.size()).isPositive();
        for (JsonNode d : dispatches) {
            assertThat(d.get("route").get("type").asString()).isEqualTo("LineString");
            assertThat(d.get("etaMinutes").asDouble()).isPositive();
        }
        // A drill's dispatch leaves the resources available for real incidents.
        assertThat(incident.get("timeline").valueStream().map(e -> e.get("text").asString()).toList()).anyMatch(t -> t.startsWith("演练："));

        // People respond: the duty officer acknowledges, the first resource arrives, a task is done.
        assertThat(http.post("/api/v1/alerts/" + severeAlert + "/acknowledge", "{\"who\":\"值班员王五\"}", ADMIN, PASSWORD).status()).isEqualTo(200);
        String base = "/api/v1/incidents/" + incidentId;
        ok(http.patch(base + "/dispatches/" + dispatches.get(0).get("id").asLong(), "{\"status\": \"ON_SITE\"}", ADMIN, PASSWORD));
        ok(http.patch(base + "/tasks/" + incident.get("tasks").get(0).get("id").asLong(), "{\"status\": \"DONE\"}", ADMIN, PASSWORD));

        assertThat(problem(http.post("/api/v1/drills/" + id + "/finish", "{}", ADMIN, PASSWORD), 400)).contains("by");
        JsonNode finished = ok(http.post("/api/v1/drills/" + id + "/finish", "{\"by\": \"园区应急办\", \"note\": \"演练结束\"}", ADMIN, PASSWORD));
        assertThat(finished.get("drill").get("status").asString()).isEqualTo("FINISHED");
        assertThat(problem(http.post("/api/v1/drills/" + id + "/finish", "{\"by\": \"x\"}", ADMIN, PASSWORD), 409)).contains("已结束");
        assertThat(ok(http.get(base)).get("incident").get("status").asString()).isEqualTo("CLOSED");

        JsonNode score = finished.get("score");
        List<String> steps = new ArrayList<>();
        for (JsonNode item : score.get("items")) {
            steps.add(item.get("code").asString());
            assertThat(item.get("measured").isNumber()).as(item.toString()).isTrue();
            assertThat(item.get("score").asDouble()).isBetween(0.0, 100.0);
            // Each language on its own (names of people aside): the Chinese report quotes noteZh, the English reader nameEn and noteEn.
            assertThat(item.get("noteZh").asString()).as(item.toString()).doesNotContainPattern("[A-Za-z]{3,}").containsPattern("\\p{IsHan}");
            assertThat(item.get("noteEn").asString().replace("值班员王五", "")).as(item.toString()).doesNotContainPattern("\\p{IsHan}");
            assertThat(item.get("nameEn").asString()).as(item.toString()).matches("[A-Z][A-Za-z ]+");
        }
        assertThat(steps).containsExactly("detection", "notification", "acknowledgement", "analysis", "first-arrival", "tasks");
        assertThat(score.get("items").get(0).get("measured").asDouble()).isCloseTo(detectionDays, within(1e-6));
        // Pushed in well under the minute, acknowledged within the severe timeout, the first resource on site at once.
        assertThat(score.get("items").get(1).get("score").asDouble()).isEqualTo(100.0);
        assertThat(score.get("items").get(2).get("score").asDouble()).isEqualTo(100.0);
        assertThat(score.get("items").get(4).get("score").asDouble()).isEqualTo(100.0);
        assertThat(score.get("total").asDouble()).isBetween(0.0, 100.0);

        byte[] pdf = http.getBytes("/api/v1/reports/drills/" + id);
        ReportApiTest.save("drill.pdf", pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("应急演练评估报告").contains("PS-E10-LG").contains("演练评分").contains("监测发现").contains("值班确认")
                    .contains("园区污水处理厂").contains("VOC-U-1").contains(nearest.get("code").asString())
                    .contains(dispatches.get(0).get("resourceName").asString()).contains("事件概况").contains("处置过程")
                    .contains("释放开始至首次预警").doesNotContain("release to first alert").doesNotContain("on site")
                    // Sections keep their numbers whether or not the forecast is done; values are written out, not as 1.046e+04.
                    .contains("三、受影响敏感目标").doesNotContainPattern("\\d\\.\\d+e[+-]\\d");
        }
        // The drill incident's own emergency report never passes for a real one.
        try (PDDocument document = Loader.loadPDF(http.getBytes("/api/v1/reports/incidents/" + incidentId))) {
            assertThat(new PDFTextStripper().getText(document)).contains("【演练 " + id + "】突发地下水污染事件报告");
        }
        assertThat(ok(http.get("/api/v1/reports/drills/" + id + "?format=json")).get("incident").get("incident").get("id").asLong())
                .isEqualTo(incidentId);
        assertThat(ids(ok(http.get("/api/v1/drills")))).contains((long) id);
    }

    private JsonNode awaitResponse(long id) throws InterruptedException {
        long deadline = System.nanoTime() + BUDGET.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode drill = ok(http.get("/api/v1/drills/" + id)).get("drill");
            if (!drill.get("status").asString().equals("SIMULATING")) return drill;
            Thread.sleep(200);
        }
        throw new AssertionError("drill " + id + " still replaying after " + BUDGET);
    }

    private long observationCount() {
        return ok(http.get("/sta/v1.1/Observations?$count=true&$top=1")).get("@iot.count").asLong();
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        for (JsonNode element : array) ids.add(element.has("drill") ? element.get("drill").get("id").asLong() : element.get("id").asLong());
        return ids;
    }

    /** The body of a 200 answer. */
    private static String ok2(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
