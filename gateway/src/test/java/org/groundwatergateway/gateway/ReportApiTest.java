package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.alert.AlertRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The alert summary as JSON and as a PDF whose Chinese text reads back. */
class ReportApiTest extends RunningGateway {

    static final String LONG_MN = "MN32062324000001WELLGW0042LOGGER";

    @Autowired
    AlertRepository alerts;

    @Test
    void alertSummaryCountsAndPrintsThePeriodsAlerts() throws IOException {
        // A period of its own (2030) so that other tests' alerts do not count, and subjects that are no datastream, so
        // that the severe one opens no incident (IncidentApiTest counts on the demo's resources being free).
        Instant day1 = Instant.parse("2030-01-01T02:00:00Z");
        alerts.raise("WARNING_CLASS_LIMIT", Alert.Level.SEVERE, "REPORT-W1/benzene", "苯浓度 1520 µg/L，超过地下水Ⅲ类限值 10 µg/L", day1);
        alerts.raise("TEST_REPORT", Alert.Level.GENERAL, "REPORT-W2/chromium-vi", "六价铬 0.041 mg/L，接近Ⅲ类限值", day1.plusSeconds(86_400));
        alerts.raise("TEST_REPORT_2", Alert.Level.SERIOUS, "REPORT-W2/chromium-vi", "六价铬 0.06 mg/L", day1.plusSeconds(90_000));
        // A device number of 32 characters, which a table column must never cut in two.
        alerts.raise("DEVICE_SILENT", Alert.Level.GENERAL, LONG_MN, "设备 2 小时未上报数据", day1.plusSeconds(7_200));
        String period = "from=2030-01-01T00:00:00%2B08:00&to=2030-01-04T00:00:00%2B08:00";

        Http.Response json = http.get("/api/v1/reports/alert-summary?" + period + "&format=json");
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        JsonNode summary = json.json();
        assertThat(summary.get("total").asInt()).isEqualTo(4);
        assertThat(summary.at("/byLevel/SEVERE").asInt()).isEqualTo(1);
        assertThat(summary.at("/bySubject/REPORT-W2~1chromium-vi").asInt()).isEqualTo(2);
        assertThat(summary.get("byDay").size()).isEqualTo(3);

        Http.Response pdf = http.get("/api/v1/reports/alert-summary?" + period);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        byte[] bytes = http.getBytes("/api/v1/reports/alert-summary?" + period);
        String text = text(bytes);
        // Chinese names for codes (苯 for benzene, 超过水质类别限值 for WARNING_CLASS_LIMIT), times in China Standard Time
        // with their offset or under a column marked 北京时间: the first alert was raised at 02:00 UTC.
        assertThat(text).contains("预警汇总报告").contains("严重").contains("REPORT-W1 苯").doesNotContain("REPORT-W1/benzene")
                .contains("苯浓度 1520 µg/L").contains("六价铬").contains("每日预警").contains("北京时间").contains("统计时段：2030-01-01 00:00+08:00 — 2030-01-04 00:00+08:00").contains("发生时间（北京时间）").contains("2030-01-01 10:00 ")
                .contains("超过水质类别限值").contains("设备离线").doesNotContain("WARNING_").doesNotContain("DEVICE_SILENT");
        assertThat(text.replace("\r", "").split("\n")).as("every code on one line").anyMatch(line -> line.contains(LONG_MN));
        save("alert-summary.pdf", bytes);
        assertThat(http.get("/api/v1/reports/alert-summary?" + period + "&format=doc").status()).isEqualTo(400);
    }

    /** The text of a PDF as PDFBox reads it back, with every page's words in reading order. */
    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** Keeps a report under target/report-samples, to be looked at (pdftoppm) when the layout changes. */
    static void save(String name, byte[] pdf) throws IOException {
        Path dir = Path.of("target", "report-samples");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), pdf);
    }
}
