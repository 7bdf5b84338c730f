package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The emergency endpoints over HTTP on the two-day demo park: a declared Cr(VI) incident at GW-U09 with its plan and dose,
 * resources routed to it, cameras, tasks, the timeline and closing; writes need ADMIN, bad input names its field. The
 * declaration is dated before the demo's data, so its background analysis has no heads and must record why it failed (the
 * full analysis on the demo is core's DemoParkIncidentTest).
 */
class IncidentApiTest extends RunningGateway {

    private static final String ADMIN = "admin";
    private static final String PASSWORD = "demo-admin";
    private static final String DECLARATION = "{\"park\": \"HBDP\", \"parameter\": \"chromium-vi\", \"well\": \"GW-U09\", \"level\": \"LEVEL_2\", "
            + "\"concentration\": 0.2, \"at\": \"2025-10-01T00:00:00+08:00\", \"department\": \"园区应急办\", \"author\": \"值班员\"}";

    @Test
    void theLibraryAndTheCamerasAreOpenToRead() {
        JsonNode plans = ok(http.get("/api/v1/plans"));
        assertThat(strings(plans, "code")).contains("VOC-U-1", "HM-U-1", "ANY-1");

        JsonNode cameras = ok(http.get("/api/v1/cameras?near=121.006920,32.551723&radius=300"));
        assertThat(cameras.get(0).get("nameZh").asString()).isEqualTo("江海石化芳烃罐区");
        assertThat(cameras.get(0).get("deviceId").asString()).matches("\\d{10}13[12]\\d{7}");
        assertThat(cameras.size()).isLessThanOrEqualTo(3);

        assertThat(problem(http.get("/api/v1/cameras?near=121.0&radius=300"), 400)).contains("near");
        assertThat(problem(http.get("/api/v1/cameras?near=121.0,32.5&radius=0"), 400)).contains("radius");
    }

    @Test
    void aDeclaredIncidentIsWorkedThroughAndClosed() throws Exception {
        assertThat(http.post("/api/v1/incidents", DECLARATION, null, null).status()).isEqualTo(401);
        assertThat(problem(http.post("/api/v1/incidents", DECLARATION.replace("\"park\": \"HBDP\", ", ""), ADMIN, PASSWORD), 400)).contains("park");
        // A place without a well and no concentration: nothing to open the incident with (it was a 500).
        String noConcentration = DECLARATION.replace("\"well\": \"GW-U09\", ", "\"location\": [121.0, 32.55], ").replace("\"concentration\": 0.2, ", "");
        assertThat(problem(http.post("/api/v1/incidents", noConcentration, ADMIN, PASSWORD), 400)).contains("concentration");
        assertThat(problem(http.post("/api/v1/incidents", DECLARATION.replace("LEVEL_2", "LEVEL_9"), ADMIN, PASSWORD), 400)).contains("level");
        assertThat(problem(http.post("/api/v1/incidents", DECLARATION.replace("GW-U09", "GW-X99"), ADMIN, PASSWORD), 400)).contains("well");

        // Severe alerts of other tests sharing this gateway open incidents that take the demo's one monitoring team:
        // close them, as the park would, so that this incident's dispatch sees the park's resources free.
        for (JsonNode other : ok(http.get("/api/v1/incidents"))) {
            if (!other.get("status").asString().equals("CLOSED")) {
                http.post("/api/v1/incidents/" + other.get("id").asLong() + "/close",
                        "{\"department\": \"园区应急办\", \"author\": \"测试\", \"note\": \"清场\"}", ADMIN, PASSWORD);
            }
        }
        Http.Response created = http.post("/api/v1/incidents", DECLARATION, ADMIN, PASSWORD);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode details = created.json();
        long id = details.get("incident").get("id").asLong();
        assertThat(details.get("incident").get("levelZh").asString()).isEqualTo("二级");
        assertThat(details.get("plan").get("code").asString()).isEqualTo("HM-U-1");
        // 48.1 mg FeSO4·7H2O per mg × 0.2 mg/L × 7,775.44 m³ of pore water in the 30 m circle of Q1 = 74.80 kg.
        assertThat(details.get("dose").get("reagentKg").asDouble()).isCloseTo(74.80, within(0.01));
        assertThat(details.get("tasks").size()).isEqualTo(5);
        JsonNode dispatches = details.get("dispatches");
        assertThat(strings(dispatches, "resourceName")).anyMatch(n -> n.contains("硫酸亚铁")).anyMatch(n -> n.contains("应急监测队"));
        for (JsonNode d : dispatches) {
            assertThat(d.get("route").get("type").asString()).isEqualTo("LineString");
            assertThat(d.get("etaMinutes").asDouble()).isCloseTo(d.get("lengthM").asDouble() / 1000 / 30 * 60, within(1e-9));
        }
        assertThat(details.get("cameras").get(0).get("nameZh").asString()).isEqualTo("华源金属含铬废水调节池");
        assertThat(strings(ok(http.get("/api/v1/incidents")), "parameter")).contains("chromium-vi");
        assertThat(problem(http.get("/api/v1/incidents/987654"), 404)).contains("987654");

        // No heads before the demo starts: the analysis fails in the background and says why; the incident stays open.
        JsonNode analysed = awaitAnalysis(id, Duration.ofSeconds(60));
        assertThat(analysed.get("incident").get("analysis").get("state").asString()).isEqualTo("FAILED");
        assertThat(analysed.get("incident").get("analysis").get("error").asString()).contains("water levels");
        // The same reason kept in Chinese, for readers of either language.
        assertThat(analysed.get("incident").get("analysis").get("errorZh").asString())
                .isEqualTo("园区 HBDP 的含水层 Q1 在 2025-09-30T16:00:00Z 之前没有可用于构建流场的水位");
        assertThat(analysed.get("incident").get("status").asString()).isEqualTo("OPEN");

        String base = "/api/v1/incidents/" + id;
        // The entry names the account that wrote it; a name in the body stands beside it, never in its place.
        Http.Response comment = http.post(base + "/timeline", "{\"department\": \"生态环境局\", \"author\": \"李四\", \"text\": \"已派员\"}", ADMIN, PASSWORD);
        assertThat(comment.status()).isEqualTo(201);
        assertThat(comment.json().get("author").asString()).isEqualTo("李四（" + ADMIN + "）");
        assertThat(http.post(base + "/timeline", "{\"department\": \"生态环境局\", \"text\": \"复测中\"}", ADMIN, PASSWORD).json().get("author").asString())
                .isEqualTo(ADMIN);
        assertThat(problem(http.post(base + "/timeline", "{\"department\": \"生态环境局\", \"author\": \"李四\"}", ADMIN, PASSWORD), 400)).contains("text");

        long task = details.get("tasks").get(0).get("id").asLong();
        assertThat(ok(http.patch(base + "/tasks/" + task, "{\"status\": \"DONE\"}", ADMIN, PASSWORD)).get("status").asString()).isEqualTo("DONE");
        assertThat(problem(http.patch(base + "/tasks/" + task, "{\"status\": \"FINISHED\"}", ADMIN, PASSWORD), 400)).contains("status");
        assertThat(http.patch(base + "/tasks/" + task, "{\"status\": \"DONE\"}", null, null).status()).isEqualTo(401);

        long dispatch = dispatches.get(0).get("id").asLong();
        assertThat(ok(http.patch(base + "/dispatches/" + dispatch, "{\"status\": \"ON_SITE\"}", ADMIN, PASSWORD)).get("status").asString())
                .isEqualTo("ON_SITE");
        assertThat(problem(http.patch(base + "/dispatches/" + dispatch, "{\"status\": \"EN_ROUTE\"}", ADMIN, PASSWORD), 400)).contains("status");
        assertThat(ok(http.get(base)).get("incident").get("status").asString()).isEqualTo("RESPONDING");

        JsonNode closed = ok(http.post(base + "/close", "{\"department\": \"园区应急办\", \"author\": \"值班员\", \"note\": \"演练结束\"}", ADMIN, PASSWORD));
        assertThat(closed.get("incident").get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("evaluation").get("tasks").asInt()).isEqualTo(5);
        assertThat(strings(closed.get("dispatches"), "status")).containsOnly("RETURNED");
        assertThat(problem(http.post(base + "/timeline", "{\"department\": \"a\", \"author\": \"b\", \"text\": \"c\"}", ADMIN, PASSWORD), 400))
                .contains("已关闭");

        // The emergency report: the PDF's text reads back with the plan, the resources, the timeline and the evaluation.
        byte[] pdf = http.getBytes("/api/v1/reports/incidents/" + id);
        ReportApiTest.save("incident.pdf", pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("突发地下水污染事件报告").contains("铬(六价)").doesNotContain("chromium-vi").contains("HM-U-1").contains("硫酸亚铁")
                    .contains("生态环境局").contains("已派员").contains("效果评估").contains("羽流预测尚未完成").contains("事件位置");
        }
        assertThat(ok(http.get("/api/v1/reports/incidents/" + id + "?format=json")).get("plan").get("code").asString()).isEqualTo("HM-U-1");
        assertThat(http.get("/api/v1/reports/incidents/987654").status()).isEqualTo(404);
    }

    private static List<String> strings(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        for (JsonNode element : array) values.add(element.get(field).asString());
        return values;
    }
}
