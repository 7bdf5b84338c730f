package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A custom report (issue #20): the sections asked for, in order, each with its heading, read back from the PDF; its
 * statistics are the aggregates API's own numbers; a bad section is refused by its field in the reader's language.
 */
class CustomReportApiTest extends RunningGateway {

    /** The demo's first two days (RunningGateway.DEMO_DAYS), inside one month of China Standard Time. */
    private static final String FROM = "2025-11-01T00:00:00+08:00";
    private static final String TO = "2025-11-03T00:00:00+08:00";

    private static String request(String sections) {
        return "{\"title\":\"十一月上旬地下水专报\",\"from\":\"" + FROM + "\",\"to\":\"" + TO + "\",\"sections\":" + sections + "}";
    }

    @Test
    void theSectionsAskedForAreInThePdfWithTheApisOwnStatistics() throws IOException {
        Http analyst = http.signedInAs("analyst", "demo-analyst");
        HttpResponse<byte[]> answer = analyst.postForBytes("/api/v1/reports/custom", request("[{\"type\":\"series\",\"parameter\":\"benzene\","
                + "\"wells\":[\"GW-U04\",\"GW-U05\"]},{\"type\":\"statistics\",\"parameter\":\"benzene\",\"wells\":[\"GW-U05\"]},{\"type\":\"alerts\"},"
                + "{\"type\":\"map\"}]"));
        assertThat(answer.statusCode()).as(new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/pdf");
        ReportApiTest.save("custom.pdf", answer.body());

        // The statistic: GW-U05's benzene over the two days, as the aggregates API gives it (one month bucket holds them all).
        JsonNode bucket = analyst.get("/api/v1/datastreams/" + datastreamId("GW-U05/benzene") + "/aggregates?interval=month&from="
                + FROM.replace("+", "%2B") + "&to=" + TO.replace("+", "%2B")).json().path("buckets").get(0);
        int count = bucket.path("count").asInt();
        String mean = String.format(Locale.ROOT, "%.4g", bucket.path("mean").asDouble());
        assertThat(count).as("hourly readings over two days, less any QA/QC found invalid").isBetween(40, 48);
        int alerts = analyst.get("/api/v1/reports/alert-summary?format=json&from=" + FROM.replace("+", "%2B") + "&to=" + TO.replace("+", "%2B"))
                .json().path("total").asInt();

        try (PDDocument document = Loader.loadPDF(answer.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("十一月上旬地下水专报").contains("报告时段：2025-11-01 00:00+08:00 — 2025-11-03 00:00+08:00")
                    .contains("一、监测序列 — 苯").contains("二、统计 — 苯").contains("三、预警").contains("四、园区地图")
                    .contains("图 1 苯各井日均值").contains("图 3 园区监测井").doesNotContain("benzene");
            assertThat(text.indexOf("一、监测序列")).isLessThan(text.indexOf("二、统计")).isLessThan(text.indexOf("三、预警"));
            // The statistics row of GW-U05: its count and mean as the API states them (4 significant digits).
            assertThat(text).containsPattern("GW-U05\\s+" + count + "\\s+" + java.util.regex.Pattern.quote(mean) + "\\s");
            assertThat(text).contains("共 " + alerts + " 条预警");
            System.out.printf("custom report: GW-U05 benzene n=%d mean=%s, alerts=%d, %d pages, %d bytes%n", count, mean, alerts,
                    document.getNumberOfPages(), answer.body().length);
        }
    }

    @Test
    void aBadSectionIsRefusedByItsFieldInTheReadersLanguage() {
        String sections = "[{\"type\":\"map\"},{\"type\":\"alerts\"},{\"type\":\"weather\"}]";
        Http.Response zh = http.signedInAs("analyst", "demo-analyst").post("/api/v1/reports/custom", request(sections), Map.of("Accept-Language", "zh-CN"));
        assertThat(zh.status()).isEqualTo(400);
        assertThat(zh.json().path("field").asString()).isEqualTo("sections[2].type");
        assertThat(zh.json().path("detail").asString()).isEqualTo("sections[2].type：章节类型应为 [series, map, statistics, alerts] 之一，而不是 weather");
        Http.Response en = http.signedInAs("analyst", "demo-analyst").post("/api/v1/reports/custom",
                request("[{\"type\":\"statistics\",\"parameter\":\"benzene\",\"wells\":[\"GW-U05\",\"GW-X99\"]}]"), Map.of("Accept-Language", "en"));
        assertThat(en.json().path("field").asString()).isEqualTo("sections[0].wells[1]");
        assertThat(en.json().path("detail").asString()).isEqualTo("sections[0].wells[1]: the well GW-X99 has no datastream of benzene");
        Http.Response noTitle = http.signedInAs("analyst", "demo-analyst").post("/api/v1/reports/custom",
                request("[{\"type\":\"map\"}]").replace("十一月上旬地下水专报", ""), Map.of("Accept-Language", "en"));
        assertThat(noTitle.json().path("field").asString()).isEqualTo("title");
        // Not a report for an enterprise, nor for the public.
        assertThat(http.signedInAs("enterprise", "demo-enterprise").post("/api/v1/reports/custom", request("[{\"type\":\"map\"}]"), Map.of()).status())
                .isEqualTo(403);
        assertThat(http.anonymous().post("/api/v1/reports/custom", request("[{\"type\":\"map\"}]"), Map.of()).status()).isEqualTo(401);
    }

    private long datastreamId(String code) {
        return http.get("/sta/v1.1/Datastreams?$filter=name%20eq%20'" + code + "'&$select=id").json().path("value").get(0).path("@iot.id").asLong();
    }
}
