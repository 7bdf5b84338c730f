package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.alert.AlertRepository;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.Device;
import org.groundwatergateway.core.monitoring.DeviceRepository;
import org.groundwatergateway.core.monitoring.MaintenanceRecord;
import org.groundwatergateway.core.monitoring.MaintenanceRepository;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.monitoring.Sensor;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.park.Park;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.groundwatergateway.gateway.report.OperationsReportJob;
import org.groundwatergateway.gateway.report.OperationsReports;
import org.groundwatergateway.ingest.device.DeviceRegistry;
import org.locationtech.jts.geom.Point;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The reports as JSON and as PDFs whose Chinese text reads back, their figures checked against the data put in. */
class ReportApiTest extends RunningGateway {

    static final String LONG_MN = "MN32062324000001WELLGW0042LOGGER";

    /** 1 March 2024, 00:00 China Standard Time. */
    static final Instant MARCH = Instant.parse("2024-03-01T00:00:00+08:00");

    @Autowired
    AlertRepository alerts;
    @Autowired
    Database database;
    @Autowired
    ParkRepository parks;
    @Autowired
    ParameterRepository parameters;
    @Autowired
    MonitoringRepository monitoring;
    @Autowired
    ReadingRepository readings;
    @Autowired
    OperationsReports operations;

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

    /**
     * March 2024 (no demo data) in park HBDP: three test wells measuring benzene, two loggers, maintenance, alerts with
     * verdicts and a recorded missed alarm. Every figure below is counted here from what is inserted.
     */
    private void insertMarch2024() {
        if (!monitoring.findWell("RPT-A").isEmpty()) return;
        Park park = parks.findByCode("HBDP").orElseThrow();
        long aquifer = parks.findAquifers(park.id()).get(0).id();
        long benzene = parameters.findByCode("benzene").orElseThrow().id();
        Point place = park.boundary().getCentroid();
        DeviceRepository devices = new DeviceRepository(database);
        devices.insert(Device.register("RPT-OM-1", park.id(), "pw", "报告测试 1", Instant.parse("2024-02-15T00:00:00Z")));
        devices.insert(Device.register("RPT-OM-2", park.id(), "pw", "报告测试 2", MARCH.plus(Duration.ofDays(15))));
        Sensor s1 = monitoring.insert(new Sensor(null, "RPT-S1", "RPT-OM-1", "BZ-1", "1", 30, LocalDate.parse("2024-01-01")));
        Sensor s2 = monitoring.insert(new Sensor(null, "RPT-S2", "RPT-OM-2", "BZ-1", "2", 90, LocalDate.parse("2023-12-01")));
        long[] ds = new long[3];
        String[] wells = {"RPT-A", "RPT-B", "RPT-C"};
        for (int k = 0; k < 3; k++) {
            Well well = monitoring.insert(new Well(null, park.id(), wells[k], "报告测试井 " + k, place, 5, 5.5, 3, 8, aquifer,
                    Well.Role.DOWNGRADIENT, Well.Status.ACTIVE));
            ds[k] = monitoring.insert(new Datastream(null, wells[k] + "/benzene", well.id(), null, benzene, k == 1 ? s2.id() : s1.id(), null,
                    k == 2 ? 1440 : 60)).id();
        }
        List<Reading> readings = new ArrayList<>();
        // RPT-A: hourly for the first 10 days at 5 µg/L (class III); hours 10-14 flagged FAULT, 50-52 SPIKE at 300, 100-103 at 200.
        for (int h = 0; h < 240; h++) {
            int flags = h >= 10 && h <= 14 ? QualityFlag.FAULT.bit() : h >= 50 && h <= 52 ? QualityFlag.SPIKE.bit() : 0;
            double value = h >= 50 && h <= 52 ? 300 : h >= 100 && h <= 103 ? 200 : 5;
            readings.add(Reading.arrived(ds[0], MARCH.plus(Duration.ofHours(h)), value, flags, "test", MARCH));
        }
        // RPT-B: hourly for two days from the 20th, the last at 150 µg/L (class V).
        for (int h = 0; h < 48; h++) {
            readings.add(Reading.arrived(ds[1], MARCH.plus(Duration.ofDays(19)).plus(Duration.ofHours(h)), h == 47 ? 150 : 5, 0, "test", MARCH));
        }
        // RPT-C: daily at noon for 10 days, rising from 50 to 95 µg/L (class IV).
        for (int d = 0; d < 10; d++) {
            readings.add(Reading.arrived(ds[2], MARCH.plus(Duration.ofDays(d)).plus(Duration.ofHours(12)), 50 + 5 * d, 0, "test", MARCH));
        }
        this.readings.append(readings);
        MaintenanceRepository maintenance = new MaintenanceRepository(database);
        Instant day5 = MARCH.plus(Duration.ofDays(5));
        for (MaintenanceRecord.Kind kind : List.of(MaintenanceRecord.Kind.CALIBRATION, MaintenanceRecord.Kind.ZERO_CHECK, MaintenanceRecord.Kind.REPAIR)) {
            maintenance.insert(new MaintenanceRecord(null, s1.id(), kind, day5, day5.plusSeconds(3600), "王工", "ok", null));
        }
        maintenance.insert(new MaintenanceRecord(null, s1.id(), MaintenanceRecord.Kind.CALIBRATION, MARCH.minus(Duration.ofDays(3)),
                MARCH.minus(Duration.ofDays(3)).plusSeconds(3600), "王工", "ok", null));
        alerts.raise(DeviceRegistry.SILENT_ALERT, Alert.Level.GENERAL, "RPT-OM-2", "设备 2 小时未上报数据", MARCH.plus(Duration.ofDays(25)));
        String[] verdicts = {"FALSE_ALARM", "FALSE_ALARM", "CONFIRMED"};
        for (int k = 0; k < 3; k++) {
            Instant at = MARCH.plus(Duration.ofDays(20)).plus(Duration.ofHours(k));
            Alert a = alerts.raise("WARNING_CLASS_LIMIT", Alert.Level.GENERAL, "RPT-B/benzene", "苯超过Ⅲ类限值", at).orElseThrow();
            alerts.clear(a.id(), at.plusSeconds(600));
            database.jdbc().sql("INSERT INTO alert_verdicts (alert_id, verdict, note, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)")
                    .params(a.id(), verdicts[k], "test", Rows.timestamp(at), "李工").update();
        }
        long rule = Rows.insert(database.jdbc().sql("INSERT INTO warning_rules (created_at) VALUES (?)").param(Rows.timestamp(MARCH)));
        database.jdbc().sql("INSERT INTO missed_alarms (datastream_id, observed_at, note, recorded_at, recorded_by, rule_id) VALUES (?, ?, ?, ?, ?, ?)")
                .params(ds[0], Rows.timestamp(MARCH.plus(Duration.ofHours(100))), "化验确认", Rows.timestamp(MARCH.plus(Duration.ofDays(3))), "李工", rule)
                .update();
    }

    @Test
    void theMonthlyJobStoresTheOperationsReportOfTheMonthBefore() throws IOException {
        insertMarch2024();
        // The job as the scheduler runs it at 01:00 CST on 1 April 2024; a second run finds the month stored.
        Clock first = Clock.fixed(Instant.parse("2024-04-01T01:00:00+08:00"), ZoneOffset.UTC);
        new OperationsReportJob(operations, first).run();
        new OperationsReportJob(operations, first).run();
        JsonNode archive = http.get("/api/v1/reports/operations/archive").json();
        List<JsonNode> march = new ArrayList<>();
        archive.forEach(r -> {
            if (r.get("month").asString().equals("2024-03")) march.add(r);
        });
        assertThat(march).hasSize(1);
        assertThat(march.get(0).get("generatedBy").asString()).isEqualTo("月报任务");
        assertThat(Instant.parse(march.get(0).get("generatedAt").asString())).isEqualTo(first.instant());

        Http.Response answer = http.get("/api/v1/reports/operations?month=2024-03", Map.of("Accept", "application/json"));
        assertThat(answer.raw().headers().firstValue("Audit-Entry")).as(answer.body()).isPresent();
        JsonNode report = answer.json();
        assertThat(report.get("generatedBy").asString()).isEqualTo("月报任务");
        JsonNode one = find(report.get("devices"), "mn", "RPT-OM-1");
        // 31 days of 24 hours; data in the first 240 (RPT-C's noon readings fall in hours RPT-A covers).
        assertThat(one.get("hours").asLong()).isEqualTo(744);
        assertThat(one.get("hoursWithData").asLong()).isEqualTo(240);
        assertThat(one.get("onlineRate").asDouble()).isCloseTo(240.0 / 744, within(1e-9));
        assertThat(one.get("faultReadings").asLong()).isEqualTo(5);
        assertThat(one.get("calibrations").asInt()).isEqualTo(1); // February's is outside the month
        assertThat(one.get("checks").asInt()).isEqualTo(1);
        assertThat(one.get("maintenance").asInt()).isEqualTo(1);
        assertThat(one.get("calibrationOverdue").asInt()).isZero(); // March's calibration renewed it
        JsonNode two = find(report.get("devices"), "mn", "RPT-OM-2");
        assertThat(two.get("hours").asLong()).isEqualTo(16 * 24); // registered on the 16th
        assertThat(two.get("hoursWithData").asLong()).isEqualTo(48);
        assertThat(two.get("silentAlerts").asInt()).isEqualTo(1);
        assertThat(two.get("calibrationOverdue").asInt()).isEqualTo(1); // 2023-12-01 + 90 days < 2024-03-31
        JsonNode a = find(report.get("datastreams"), "datastream", "RPT-A/benzene");
        assertThat(a.get("expected").asLong()).isEqualTo(744);
        assertThat(a.get("received").asLong()).isEqualTo(240);
        assertThat(a.get("parameterName").asString()).isEqualTo("苯");
        JsonNode b = find(report.get("datastreams"), "datastream", "RPT-B/benzene");
        assertThat(b.get("expected").asLong()).isEqualTo(384);
        assertThat(b.get("rate").asDouble()).isCloseTo(48.0 / 384, within(1e-9));
        JsonNode c = find(report.get("datastreams"), "datastream", "RPT-C/benzene");
        assertThat(c.get("expected").asLong()).isEqualTo(31);
        assertThat(c.get("received").asLong()).isEqualTo(10);
        assertThat(report.get("readings").asLong()).isEqualTo(240 + 48 + 10);
        assertThat(find(report.get("flags"), "flag", "FAULT").get("readings").asLong()).isEqualTo(5);
        assertThat(find(report.get("flags"), "flag", "SPIKE").get("rate").asDouble()).isCloseTo(3.0 / 298, within(1e-9));
        JsonNode alarms = report.get("alarms");
        assertThat(alarms.get("raised").asInt()).isEqualTo(3);
        assertThat(alarms.get("falseAlarms").asInt()).isEqualTo(2);
        assertThat(alarms.get("confirmed").asInt()).isEqualTo(1);
        assertThat(alarms.get("falseAlarmRate").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(alarms.get("missedRecorded").asInt()).isEqualTo(1);
        // RPT-A's four valid readings at 200 µg/L are class V and no warning named it; its spikes at 300 do not count, and
        // RPT-B's 150 µg/L had warnings about it.
        assertThat(alarms.get("unalarmed")).hasSize(1);
        assertThat(alarms.get("unalarmed").get(0).get("datastream").asString()).isEqualTo("RPT-A/benzene");
        assertThat(alarms.get("unalarmed").get(0).get("classVReadings").asLong()).isEqualTo(4);
        assertThat(alarms.get("unalarmed").get(0).get("highest").asDouble()).isEqualTo(200);

        byte[] pdf = http.getBytes("/api/v1/reports/operations?month=2024-03");
        save("operations.pdf", pdf);
        assertThat(text(pdf)).contains("地下水监测网运维月报 — 2024-03").contains("RPT-OM-1").contains("32.3%").contains("66.7%")
                .contains("统计方法").contains("北京时间").contains("2024-03-01 00:00+08:00").contains("苯");
        assertThat(http.get("/api/v1/reports/operations?month=2999-01").status()).isEqualTo(400);
    }

    @Test
    void theRiskReportRanksWellsByClassExceedancesAndTrend() throws IOException {
        insertMarch2024();
        String window = "park=HBDP&from=2024-03-01T00:00:00%2B08:00&to=2024-04-01T00:00:00%2B08:00";
        Http.Response answer = http.get("/api/v1/reports/risk?" + window + "&format=json");
        // Behind the sharing door of every report: the disclosure is recorded and its receipt named on the answer.
        assertThat(answer.raw().headers().firstValue("Audit-Entry")).as(answer.body()).isPresent();
        JsonNode risk = answer.json();
        List<String> ranked = new ArrayList<>();
        risk.get("wells").forEach(w -> {
            if (!w.get("rank").isNull()) ranked.add(w.get("well").asString());
        });
        // RPT-B ends in class V; RPT-C in class IV, every reading over class III and rising; RPT-A ends in class III.
        assertThat(ranked).containsExactly("RPT-B", "RPT-C", "RPT-A");
        JsonNode b = find(risk.get("wells"), "well", "RPT-B");
        assertThat(b.get("rank").asInt()).isEqualTo(1);
        assertThat(b.get("worstClass").asInt()).isEqualTo(5);
        assertThat(b.get("level").asString()).isEqualTo("高");
        assertThat(b.get("exceedanceRate").asDouble()).isCloseTo(1.0 / 48, within(1e-9));
        JsonNode c = find(risk.get("wells"), "well", "RPT-C");
        assertThat(c.get("parameters").get(0).get("trend").asString()).isEqualTo("INCREASING");
        assertThat(c.get("level").asString()).isEqualTo("高");
        JsonNode a = find(risk.get("wells"), "well", "RPT-A");
        // 240 readings less 5 faults and 3 spikes are valid; 4 of them exceed class III.
        assertThat(a.get("parameters").get(0).get("readings").asLong()).isEqualTo(232);
        assertThat(a.get("parameters").get(0).get("exceedances").asLong()).isEqualTo(4);
        assertThat(a.get("worstClass").asInt()).isEqualTo(3);
        assertThat(a.get("level").asString()).isEqualTo("中");

        byte[] pdf = http.getBytes("/api/v1/reports/risk?" + window);
        save("risk.pdf", pdf);
        assertThat(text(pdf)).contains("地下水污染风险评估报告").contains("评价方法").contains("Mann–Kendall").contains("风险排序").contains("RPT-B")
                .contains("苯").contains("V类").contains("上升");
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) if (n.get(field).asString().equals(value)) return n;
        throw new AssertionError("no " + field + " = " + value + " in " + array);
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
