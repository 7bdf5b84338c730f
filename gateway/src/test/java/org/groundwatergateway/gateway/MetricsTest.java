package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.groundwatergateway.core.demo.DemoPark;
import org.groundwatergateway.ingest.hj212.Hj212Frame;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * After a device's out-of-limit packet and a flagged import, Prometheus finds the park's own series: readings
 * committed by channel, QA/QC flags, the intake queue, alerts by level, the latency from arrival to alert, and the
 * notification attempts the alert caused.
 */
@TestPropertySource(properties = "gw.test.fixture=metrics") // its own gateway: its rule and alert would show in others' lists
class MetricsTest extends RunningGateway {

    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)(\\{[^}]*\\})? ([0-9.eE+-]+|NaN)$", Pattern.MULTILINE);

    private Map<String, Double> scrape() {
        Http.Response answer = http.getAs("/actuator/prometheus", "sysadmin", "demo-sysadmin");
        assertThat(answer.status()).isEqualTo(200);
        Map<String, Double> samples = new HashMap<>();
        Matcher m = SAMPLE.matcher(answer.body());
        while (m.find()) samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
        return samples;
    }

    private static double sum(Map<String, Double> samples, String name, String... labels) {
        return samples.entrySet().stream().filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
                .filter(e -> java.util.Arrays.stream(labels).allMatch(e.getKey()::contains)).mapToDouble(Map.Entry::getValue).sum();
    }

    @Test
    void theParksSeriesAreScrapedAfterIngestAndAnAlert() throws Exception {
        assertThat(http.post("/api/v1/warning-rules", "{\"name\": \"pH above class III\", \"kind\": \"CLASS_LIMIT\", \"parameterCode\": \"ph\", "
                + "\"limitClass\": 3, \"thresholds\": {\"general\": 1.0, \"serious\": 1.05, \"severe\": 1.2}}", "admin", "demo-admin").status()).isEqualTo(201);
        Map<String, Double> before = scrape();
        assertThat(before).containsKey("gw_intake_queue_depth").containsKey("gw_analysis_jobs_active");

        // pH 9.0 at GW-U12 is 1.059 × the class III limit 8.5: a serious alert, raised on a reading that just arrived.
        String mn = DemoPark.deviceNumber(12, false);
        byte[] packet = Hj212Frame.encode("QN=20251103050000000;ST=24;CN=2061;PW=" + DemoPark.devicePassword(mn) + ";MN=" + mn
                + ";Flag=4;CP=&&DataTime=20251103050000;w01001-Avg=9.0,w01001-Flag=N&&");
        int port = http.get("/actuator/health").json().path("components").path("hj212").path("details").path("port").asInt();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(packet);
            out.flush();
        }
        // pH 15 is no groundwater: stored, flagged RANGE by QA/QC.
        assertThat(http.post("/api/v1/readings", "[{\"well\": \"GW-U20\", \"parameter\": \"ph\", \"time\": \"2025-11-03T06:00:00+08:00\", \"value\": 15}]",
                "admin", "demo-admin").status()).isEqualTo(200);

        // The alert is raised on the evaluator's thread and metered on the event bus's: waited for, generously, since a
        // loaded CI node once took longer than ten seconds (the wait ends as soon as all three series are there).
        Map<String, Double> after = scrape();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while ((sum(after, "gw_alerts_raised_total", "level=\"SERIOUS\"") == 0 || sum(after, "gw_alert_latency_seconds_count") == 0
                || sum(after, "gw_notification_send_seconds_count", "channel=\"PUSH\"") == 0) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            after = scrape();
        }
        String alerts = http.getAs("/api/v1/alerts", "admin", "demo-admin").body();
        assertThat(sum(after, "gw_alerts_raised_total", "level=\"SERIOUS\"")).as("serious alerts metered; the alerts listed: %s", alerts)
                .isGreaterThanOrEqualTo(1);
        assertThat(sum(after, "gw_readings_committed_total", "source=\"hj212\"", "live=\"true\"")
                - sum(before, "gw_readings_committed_total", "source=\"hj212\"", "live=\"true\"")).isEqualTo(1);
        assertThat(sum(after, "gw_readings_committed_total", "source=\"http\"")).isGreaterThanOrEqualTo(1);
        assertThat(sum(after, "gw_readings_flagged_total", "flag=\"RANGE\"")).isGreaterThanOrEqualTo(1);
        assertThat(sum(after, "gw_alert_latency_seconds_count")).isEqualTo(1);
        assertThat(sum(after, "gw_alert_latency_seconds_max")).as("arrival to alert, seconds").isBetween(0.0, 5.0);
        assertThat(sum(after, "gw_notification_send_seconds_count", "channel=\"PUSH\"")).isGreaterThanOrEqualTo(1);
        assertThat(after).containsKey("gw_intake_queue_depth");

        // Every park series the Grafana dashboard draws is one the gateway exports (analysis times once a job has
        // ended: AnalysisJobsTest).
        String dashboard = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/grafana-dashboard.json"));
        Matcher series = Pattern.compile("gw_[a-z_]+").matcher(dashboard);
        int drawn = 0;
        while (series.find()) {
            String name = series.group();
            if (name.startsWith("gw_analysis_job_seconds")) continue;
            assertThat(after.keySet()).as("the dashboard's %s", name).anyMatch(k -> k.startsWith(name));
            drawn++;
        }
        assertThat(drawn).isGreaterThanOrEqualTo(10);
    }
}
