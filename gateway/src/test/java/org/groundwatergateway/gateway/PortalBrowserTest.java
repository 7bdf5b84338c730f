package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.core.demo.DemoPark;
import org.groundwatergateway.ingest.hj212.Hj212Frame;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The web portal in a real browser: portal/e2e/portal.mjs drives Debian's Chromium (playwright-core) through sign-in
 * on the platform's own OIDC provider, the dashboard, the map (a well's class colour at its pixel, identify), the well
 * page's aggregated chart, a live alert from an HJ 212 packet acknowledged on the desk and on a 390x844 phone, the
 * banner of a lost connection and the live list resuming, the language switch, an incident's command view, a reviewer's
 * correction on the well page, the analyst's flow, kriging and network views, and a drill started, followed, scored and
 * finished by a supervisor (last: its alerts and incident would crowd the others). The map's base comes from a tile
 * service on loopback ({@link TileServer}). The gateway prepares what only it can: the warning rule the packets
 * break, the packets themselves (with the demo devices' passwords and CRC), and the incident.
 */
// Its own gateway: it raises alerts and acknowledges them. Twenty days, so that the well page's forecast has enough
// history: 100 complete samples 72 hours ahead to learn from, and a held-out fifth longer than 72 hours to calibrate on.
@TestPropertySource(properties = {"gw.test.fixture=portal", "gw.demo-days=" + PortalBrowserTest.DAYS})
class PortalBrowserTest extends RunningGateway {

    static final int DAYS = 20;
    static final String TILE_ATTRIBUTION = "测试底图 test tiles";
    /** A park's tile service (gw.portal.base-tiles), here on loopback: one plain tile for every address. */
    private static final TileServer TILES = TileServer.start();

    @DynamicPropertySource
    static void baseTiles(DynamicPropertyRegistry registry) {
        registry.add("gw.portal.base-tiles", () -> TILES.template());
        registry.add("gw.portal.base-tiles-attribution", () -> TILE_ATTRIBUTION);
    }

    private static final Path PORTAL = Path.of("../portal");
    private static final String CHROMIUM = "/usr/bin/chromium";

    @Test
    void thePortalWorksInABrowser() throws IOException, InterruptedException {
        Command.requireInstalled(CHROMIUM);
        assertThat(http.anonymous().get("/").body()).as("the portal's page at /").contains("<script type=\"module\"");

        JsonNode rule = answer(http.post("/api/v1/warning-rules", "{\"name\": \"pH above class III\", \"kind\": \"CLASS_LIMIT\", \"parameterCode\": \"ph\", "
                + "\"limitClass\": 3, \"thresholds\": {\"general\": 1.0, \"serious\": 1.05, \"severe\": 1.2}}", "admin", "demo-admin"), 201);
        assertThat(rule.path("id").asLong()).isPositive();
        // pH 9.0 at two wells, after the demo's last hour: serious, so each notifies the duty officer in the app; a jump
        // from about 7 that QA/QC flags for review.
        List<Integer> wells = List.of(12, 13);
        String dataTime = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.ofHours(8))
                .format(DemoPark.START.plus(Duration.ofDays(DAYS)).plus(Duration.ofHours(5)));
        List<String> packets = wells.stream().map(well -> {
            String mn = DemoPark.deviceNumber(well, false);
            byte[] frame = Hj212Frame.encode("QN=" + dataTime + "000;ST=24;CN=2061;PW=" + DemoPark.devicePassword(mn) + ";MN=" + mn
                    + ";Flag=4;CP=&&DataTime=" + dataTime + ";w01001-Avg=9.0,w01001-Flag=N&&");
            return Base64.getEncoder().encodeToString(frame);
        }).toList();
        int hj212 = http.get("/actuator/health").json().path("components").path("hj212").path("details").path("port").asInt();

        JsonNode incident = answer(http.post("/api/v1/incidents", "{\"park\": \"HBDP\", \"parameter\": \"chromium-vi\", \"well\": \"GW-U09\", "
                + "\"level\": \"LEVEL_2\", \"concentration\": 0.2, \"at\": \"2025-11-02T00:00:00+08:00\", \"department\": \"园区应急办\", "
                + "\"author\": \"值班员\"}", "admin", "demo-admin"), 201);
        long incidentId = incident.path("incident").path("id").asLong();
        awaitAnalysis(incidentId, Duration.ofSeconds(60));

        Path screenshots = Path.of("target/portal-screenshots");
        Command.Result run = Command.run(List.of("node", PORTAL.resolve("e2e/portal.mjs").toString()), Map.of(
                "GW_BASE", http.base(),
                "GW_HJ212_PORT", String.valueOf(hj212),
                "GW_HJ212_PACKETS", String.join(",", packets),
                "GW_ALERT_SUBJECTS", String.join(",", wells.stream().map("GW-U%02d/ph"::formatted).toList()),
                "GW_INCIDENT", String.valueOf(incidentId),
                "GW_SCREENSHOTS", screenshots.toAbsolutePath().toString(),
                "GW_TILE_ATTRIBUTION", TILE_ATTRIBUTION), Duration.ofMinutes(9));
        System.out.println(run.output());
        assertThat(run.exitCode()).as(run.output()).isZero();
        // The browser fetched the map's base from the park's tile service: its origin is in the pages' img-src.
        assertThat(TILES.requests()).as("tile requests").isPositive();
        assertThat(http.anonymous().get("/").raw().headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("img-src 'self' data: blob: " + TILES.origin() + ";"));
        try (var files = Files.list(screenshots)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).contains("map.png", "map-flow.png", "well.png", "alerts-phone.png");
        }
    }

    private static JsonNode answer(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json();
    }
}
