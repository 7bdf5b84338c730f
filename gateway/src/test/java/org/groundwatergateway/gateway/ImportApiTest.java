package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.soil.SoilRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Uploads over HTTP: JSON and CSV, column templates, laboratory and soil results, and the row-level error report. */
class ImportApiTest extends RunningGateway {

    @Autowired
    private SoilRepository soil;
    @Autowired
    private ParkRepository parks;
    private JsonNode readings(String datastreamCode, String from) {
        String well = datastreamCode.substring(0, datastreamCode.indexOf('/'));
        for (JsonNode d : http.get("/api/v1/datastreams?well=" + well).json()) {
            if (d.path("code").asString().equals(datastreamCode)) {
                return http.get("/api/v1/datastreams/" + d.path("id").asLong() + "/readings?from=" + from.replace("+", "%2B") + "&limit=10").json()
                        .path("items");
            }
        }
        throw new AssertionError("no datastream " + datastreamCode);
    }

    @Test
    void oneBadRowRefusesAnAllOrNothingUploadAndOnlyItselfOtherwise() {
        String body = """
                [{"well": "GW-U30", "parameter": "ph", "time": "2025-11-10T08:00:00+08:00", "value": 7.3},
                 {"well": "GW-U30", "parameter": "71-43-2", "time": "2025-11-10T08:00:00+08:00", "value": 0.4},
                 {"well": "GW-U30", "parameter": "w01014", "time": "2025-11-10T08:00:00+08:00", "value": "high"},
                 {"well": "GW-X99", "parameter": "ph", "time": "2025-11-10T09:00:00+08:00", "value": 7.1},
                 {"well": "GW-U30", "parameter": "ph", "time": "2025-11-10 09:00", "value": 7.1}]""";
        assertThat(http.post("/api/v1/readings", body, null, null).status()).isEqualTo(401);
        var refused = http.post("/api/v1/readings", body, "admin", "demo-admin");
        assertThat(refused.status()).isEqualTo(422);
        JsonNode report = refused.json();
        assertThat(report.path("stored").asInt()).isZero();
        assertThat(report.path("errors").size()).isEqualTo(3);
        // Each row's reason in the caller's language (Chinese unless English is preferred), its row and column as they are.
        assertThat(report.path("errors").get(0).toString()).contains("\"row\":3", "\"column\":\"value\"", "\"reason\":\"'high' 不是数值\"");
        assertThat(report.path("errors").get(1).toString()).contains("\"row\":4", "\"column\":\"well\"", "\"reason\":\"没有代码为 GW-X99 的监测井\"");
        assertThat(report.path("errors").get(2).path("reason").asString())
                .isEqualTo("'2025-11-10 09:00' 不是带时区偏移的 ISO-8601 时间，例如 2026-05-01T08:00:00+08:00");
        JsonNode english = http.signedInAs("admin", "demo-admin").post("/api/v1/readings", body, Map.of("Accept-Language", "en")).json();
        assertThat(english.path("errors").get(0).toString()).contains("\"row\":3", "\"column\":\"value\"", "\"reason\":\"'high' is not a number\"");
        assertThat(english.path("errors").get(1).path("reason").asString()).isEqualTo("no well with code GW-X99");
        assertThat(english.path("errors").get(2).path("reason").asString())
                .isEqualTo("'2025-11-10 09:00' is not an ISO-8601 date-time with offset, e.g. 2026-05-01T08:00:00+08:00");
        assertThat(readings("GW-U30/ph", "2025-11-10T08:00:00+08:00")).isEmpty();

        var accepted = http.post("/api/v1/readings?mode=ACCEPT_VALID", body, "admin", "demo-admin");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().path("stored").asInt()).isEqualTo(2);
        assertThat(accepted.json().path("rejectedRows").asInt()).isEqualTo(3);
        assertThat(readings("GW-U30/ph", "2025-11-10T08:00:00+08:00").get(0).path("value").asDouble()).isEqualTo(7.3);
        assertThat(readings("GW-U30/benzene", "2025-11-10T08:00:00+08:00").get(0).path("source").asString()).isEqualTo("http");
        // Uploading the same again stores nothing twice.
        var again = http.post("/api/v1/readings?mode=ACCEPT_VALID", body, "admin", "demo-admin");
        assertThat(again.json().path("alreadyStored").asInt()).isEqualTo(2);
        assertThat(http.get("/api/v1/devices/rejections").json().toString()).contains("no well with code GW-X99");
    }

    @Test
    void csvInThePlatformsLayoutAndThroughAColumnTemplate() {
        String csv = "well,parameter,time,value\nGW-U29,conductivity,2025-11-11T08:00:00+08:00,1310\nGW-U29,conductivity,2025-11-11T09:00:00+08:00,1312\n";
        var stored = http.post("/api/v1/readings?live=false", "text/csv", csv, "admin", "demo-admin");
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.json().path("stored").asInt()).isEqualTo(2);

        String template = """
                {"name": "field-sheet", "columns": {"well": "井号", "parameter": "指标", "time": "采样时间", "value": "测值"},
                 "timeFormat": "yyyy/M/d H:mm", "zone": "+08:00"}""";
        assertThat(http.post("/api/v1/import-templates", template, "admin", "demo-admin").status()).isEqualTo(201);
        String sheet = "\uFEFF井号,指标,采样时间,测值\nGW-U28,ph,2025/11/12 8:00,7.62\nGW-U28,ph,2025/11/12 9:30,\n";
        var report = http.post("/api/v1/readings?template=field-sheet&mode=ACCEPT_VALID", "text/csv", sheet, "admin", "demo-admin").json();
        assertThat(report.path("stored").asInt()).isEqualTo(1);
        assertThat(report.path("errors").get(0).toString()).contains("\"row\":3", "\"column\":\"value\"", "\"reason\":\"缺失\"");
        assertThat(readings("GW-U28/ph", "2025-11-12T08:00:00+08:00").get(0).path("time").asString()).isEqualTo("2025-11-12T00:00:00Z");
        assertThat(http.post("/api/v1/readings?template=nope", "text/csv", sheet, "admin", "demo-admin").status()).isEqualTo(400);
        assertThat(http.post("/api/v1/import-templates", template.replace("yyyy/M/d H:mm", "yyyy/M/d H:mm:ZZZZZZZZ"), "admin", "demo-admin")
                .json().path("detail").asString()).startsWith("timeFormat：");
    }

    @Test
    void aLargeAcceptValidUploadIsStoredInChunksAndReportsItsBadRows() {
        StringBuilder csv = new StringBuilder("well,parameter,time,value\n");
        java.time.Instant start = java.time.Instant.parse("2024-01-01T00:00:00Z");
        for (int m = 0; m < 45_000; m++) {
            csv.append("GW-U26,conductivity,").append(start.plusSeconds(60L * m)).append(',').append(m % 1000 == 999 ? "n/a" : 1400 + m % 7).append('\n');
        }
        var report = http.post("/api/v1/readings?mode=ACCEPT_VALID&live=false", "text/csv", csv.toString(), "admin", "demo-admin").json();
        assertThat(report.path("rows").asInt()).isEqualTo(45_000);
        assertThat(report.path("stored").asInt()).isEqualTo(45_000 - 45);
        assertThat(report.path("rejectedRows").asInt()).isEqualTo(45);
        assertThat(report.path("errors").get(0).toString()).contains("\"row\":1001", "'n/a' 不是数值");
    }

    @Test
    void laboratoryResultsKeepNonDetectsAsDetectionLimits() {
        String csv = """
                well,parameter,time,value,sampleId,labReportId,detectionLimit
                GW-U02,benzene,2025-11-20T10:00:00+08:00,ND<0.5,S-2025-118,LR-2025-0456,
                GW-U02,chromium-vi,2025-11-20T10:00:00+08:00,0.012,S-2025-118,LR-2025-0456,0.004
                GW-U02,ammonia-nitrogen-as-n,2025-11-20T10:00:00+08:00,ND,S-2025-118,LR-2025-0456,
                """;
        var all = http.post("/api/v1/lab-results", "text/csv", csv, "admin", "demo-admin");
        assertThat(all.status()).isEqualTo(422);
        assertThat(all.json().path("errors").get(0).toString()).contains("\"row\":4", "detectionLimit", "\"reason\":\"未检出值需要给出检出限\"");
        var allInEnglish = http.signedInAs("admin", "demo-admin").postAs("/api/v1/lab-results", "text/csv", csv, Map.of("Accept-Language", "en"));
        assertThat(allInEnglish.status()).isEqualTo(422);
        assertThat(allInEnglish.json().path("errors").get(0).path("reason").asString()).isEqualTo("a non-detect needs its detection limit");
        var report = http.post("/api/v1/lab-results?mode=ACCEPT_VALID", "text/csv", csv, "admin", "demo-admin").json();
        assertThat(report.path("stored").asInt()).isEqualTo(2);
        JsonNode benzene = readings("GW-U02/benzene/lab", "2025-11-20T10:00:00+08:00").get(0);
        assertThat(benzene.path("value").asDouble()).isEqualTo(0.5);
        assertThat(benzene.path("flags").toString()).contains("NON_DETECT");
        assertThat(benzene.path("source").asString()).isEqualTo("lab");
        assertThat(readings("GW-U02/chromium-vi/lab", "2025-11-20T10:00:00+08:00").get(0).path("value").asDouble()).isEqualTo(0.012);
    }

    @Test
    void soilResultsByDepthCreateBoringsAsNeeded() {
        String body = """
                [{"boring": "SB-N1", "lon": 121.0071, "lat": 32.5516, "depthTop": 0.5, "depthBottom": 1.0, "parameter": "benzene", "value": 6.1, "sampledOn": "2026-08-02"},
                 {"boring": "SB-N1", "depthTop": 2.0, "depthBottom": 2.5, "parameter": "benzene", "value": 9.4, "sampledOn": "2026-08-02"},
                 {"boring": "SB-N2", "depthTop": 2.0, "depthBottom": 1.5, "parameter": "benzene", "value": 1, "sampledOn": "2026-08-02"}]""";
        var report = http.post("/api/v1/soil-results?park=HBDP&mode=ACCEPT_VALID", body, "admin", "demo-admin").json();
        assertThat(report.path("stored").asInt()).isEqualTo(2);
        assertThat(report.path("errors").get(0).toString()).contains("\"row\":3", "必须深于 depthTop");
        long park = parks.findByCode("HBDP").orElseThrow().id();
        var boring = soil.findBorings(park).stream().filter(b -> b.code().equals("SB-N1")).findFirst().orElseThrow();
        assertThat(boring.drilledOn()).isEqualTo(LocalDate.of(2026, 8, 2));
        assertThat(soil.findSamples(boring.id())).extracting(s -> s.valueMgPerKg()).containsExactly(6.1, 9.4);
    }

    /** Issue #15: both answered 500. */
    @Test
    void aMultipartBodyWithoutBoundaryAndAnUnclosedQuoteAreTheSendersProblem() {
        var noBoundary = http.post("/api/v1/readings", "multipart/form-data", "--x\r\n\r\nwell,parameter\r\n--x--\r\n", "reviewer", "demo-reviewer");
        assertThat(noBoundary.status()).as(noBoundary.body()).isEqualTo(400);
        assertThat(noBoundary.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(noBoundary.json().path("detail").asString()).contains("boundary");

        String csv = "well,parameter,time,value\n"
                + "GW-U30,ph,2025-11-12T08:00:00+08:00,7.2\n"
                + "GW-U30,ph,\"2025-11-12T09:00:00+08:00,7.3\n"
                + "GW-U30,ph,2025-11-12T10:00:00+08:00,7.4\n";
        var unclosed = http.post("/api/v1/readings", "text/csv", csv, "reviewer", "demo-reviewer");
        assertThat(unclosed.status()).as(unclosed.body()).isEqualTo(400);
        assertThat(unclosed.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(unclosed.json().path("detail").asString()).contains("CSV 第 3 行", "带引号字段", "没有结束");
    }
}
