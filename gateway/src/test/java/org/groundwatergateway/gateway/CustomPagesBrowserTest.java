package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * My dashboards and the report builder in a real browser (issue #20): portal/e2e/dashboards-reports.mjs builds a
 * dashboard in the page as the duty officer, has a panel refused by its field, saves it, reloads and finds its panels
 * drawn again with the chosen colour in the chart's pixels; then makes a report of the demo's first days in the report
 * builder and reads the downloaded PDF's text back with pdftotext. Here: the dashboard the page saved is the server's.
 */
class CustomPagesBrowserTest extends RunningGateway {

    private static final Path PORTAL = Path.of("../portal");

    @Test
    void aDashboardSurvivesAReloadAndTheReportBuilderDownloadsItsSections() throws IOException {
        Command.requireInstalled("/usr/bin/chromium");
        Command.requireInstalled("/usr/bin/pdftotext");
        Path screenshots = Path.of("target/portal-screenshots");
        Command.Result run = Command.run(List.of("node", PORTAL.resolve("e2e/dashboards-reports.mjs").toString()), Map.of(
                "GW_BASE", http.base(),
                "GW_SCREENSHOTS", screenshots.toAbsolutePath().toString(),
                // The demo's days in this context (RunningGateway.DEMO_DAYS from 1 November 2025, China Standard Time).
                "GW_REPORT_DAYS", "2025-11-01,2025-11-02"), Duration.ofMinutes(4));
        System.out.println(run.output());
        assertThat(run.exitCode()).as(run.output()).isZero();

        JsonNode saved = http.signedInAs("duty", "demo-duty").get("/api/v1/dashboards").json().valueStream()
                .filter(d -> d.path("name").asString().startsWith("值班看板 ")).findFirst().orElseThrow();
        assertThat(saved.path("panels").get(0).path("colour").asString()).isEqualTo("#d62828");
        assertThat(saved.path("panels").get(1).path("days").asInt()).isEqualTo(7);
        assertThat(Files.size(screenshots.resolve("custom-report.pdf"))).isPositive();
        assertThat(screenshots.resolve("dashboards.png")).exists();
        assertThat(screenshots.resolve("report-builder.png")).exists();
    }
}
