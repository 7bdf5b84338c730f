package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.groundwatergateway.analytics.transport.DomenicoSource;
import org.groundwatergateway.core.demo.DemoPark;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.park.AquiferLayer;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.ingest.hj212.Hj212Frame;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web portal in a real browser: portal/e2e/portal.mjs drives Debian's Chromium (playwright-core) through sign-in
 * on the platform's own OIDC provider, the dashboard, the map (a well's class colour at its pixel, identify), the well
 * page's aggregated chart, a live alert from an HJ 212 packet acknowledged on the desk and on a 390x844 phone, the
 * banner of a lost connection and the live list resuming, the language switch, an incident's command view, a reviewer's
 * correction on the well page, the analyst's flow, kriging, network and source-tracing views, and a drill started,
 * followed, scored and finished by a supervisor (last: its alerts and incident would crowd the others). The map's base
 * comes from a tile service on loopback ({@link TileServer}). The gateway prepares what only it can: the warning rule
 * the packets break, the packets themselves (with the demo devices' passwords and CRC), the incident, and a benzene
 * release in the demo's days for the tracing view to find, with the server's own answer to compare the view with.
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

    /**
     * The source-tracing view's question: benzene in the shallow aquifer over the demo's days. Its answer ranks first
     * the enterprise of the release {@link #aNewBenzeneReleaseAtE02} puts in those days.
     */
    static final String TRACE_FROM = "2025-11-01";
    static final String TRACE_TO = "2025-11-20";
    /** 海润精细化工有限公司 (E02), whose chlorination unit PS-E02-PA leaks in the tracing view's days. */
    static final String E02 = DemoPark.enterprises().stream().filter(e -> e.number().equals("E02")).findFirst().orElseThrow().creditCode();

    @Autowired
    private Database database;

    /** The heat map's classes (probability at least, colour), as the source_probabilities layers' legend states them. */
    private static final double[][] HEAT_CLASSES = {{0.5, 128, 0, 38}, {0.2, 240, 59, 32}, {0.05, 254, 178, 76}, {0, 255, 237, 160}};

    /**
     * Issue #21 Build 3: an incident's analysis publishes its trace's heat map as a WMS layer with TIME. A benzene incident
     * at the well the release reaches most: at its opening the most probable candidate's footprint is drawn in its
     * probability's class colour (the nearest class colour to the pixel: the cells beneath show through), as the published
     * features give it; before, nothing of benzene's is drawn there. The browser's map then shows it too.
     */
    private void anIncidentsTracePublishesItsHeatMapAsAWmsLayerWithTime(Http analyst, String well, Instant at) throws InterruptedException {
        long id = answer(http.post("/api/v1/incidents", "{\"park\": \"HBDP\", \"parameter\": \"benzene\", \"well\": \"" + well + "\", "
                + "\"level\": \"LEVEL_3\", \"concentration\": 0.1, \"at\": \"" + at + "\", \"department\": \"园区应急办\", "
                + "\"author\": \"值班员\"}", "admin", "demo-admin"), 201).path("incident").path("id").asLong();
        awaitAnalysis(id, Duration.ofSeconds(120));
        JsonNode top = null;
        for (JsonNode cell : analyst.get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gw:source_probabilities"
                + "&OUTPUTFORMAT=application/json").json().get("features")) {
            if (cell.at("/properties/incident_id").asLong() != id) continue;
            if (top == null || cell.at("/properties/probability").asDouble() > top.at("/properties/probability").asDouble()) top = cell;
        }
        assertThat(top).as("the incident's heat map").isNotNull();
        double p = top.at("/properties/probability").asDouble();
        JsonNode ring = top.at("/geometry/coordinates/0");
        double lon = 0;
        double lat = 0;
        for (int k = 0; k < 4; k++) {
            lon += ring.get(k).get(0).asDouble() / 4;
            lat += ring.get(k).get(1).asDouble() / 4;
        }
        assertThat(analyst.get("/wms?SERVICE=WMS&REQUEST=GetCapabilities").body()).contains("<Name>source_probabilities.benzene.Q1</Name>");
        String map = String.format(java.util.Locale.ROOT, "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=source_probabilities.benzene.Q1"
                + "&STYLES=&CRS=CRS:84&BBOX=%.7f,%.7f,%.7f,%.7f&WIDTH=101&HEIGHT=101&FORMAT=image/png&TRANSPARENT=TRUE&TIME=",
                lon - 1e-4, lat - 1e-4, lon + 1e-4, lat + 1e-4);
        int drawn = analyst.image(map + at).getRGB(50, 50);
        assertThat(drawn >>> 24).as("drawn at the incident's opening").isPositive();
        double[] nearest = null;
        double best = Double.POSITIVE_INFINITY;
        for (double[] c : HEAT_CLASSES) {
            double d = Math.pow(((drawn >> 16) & 0xFF) - c[1], 2) + Math.pow(((drawn >> 8) & 0xFF) - c[2], 2) + Math.pow((drawn & 0xFF) - c[3], 2);
            if (d < best) {
                best = d;
                nearest = c;
            }
        }
        double[] expected = java.util.Arrays.stream(HEAT_CLASSES).filter(c -> p >= c[0]).findFirst().orElseThrow();
        assertThat(nearest).as("the class of p = %.3f at %s, pixel %06x", p, top.at("/properties/candidate").asString(), drawn & 0xFFFFFF)
                .isEqualTo(expected);
        assertThat(analyst.image(map + at.minus(Duration.ofDays(DAYS))).getRGB(50, 50) >>> 24).as("nothing before").isZero();
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
        // pH 9.0 at three wells, after the demo's last hour: serious, so each notifies the duty officer in the app; a jump
        // from about 7 that QA/QC flags for review.
        List<Integer> wells = List.of(12, 13, 14);
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

        String impacted = aNewBenzeneReleaseAtE02();
        // The tracing view is compared with the server's own answer to its question, asked here directly (a run longer
        // than a plain request waits, so followed to its end).
        long traced = System.nanoTime();
        Http analyst = http.signedInAs("analyst", "demo-analyst");
        Http.Response accepted = analyst.post("/api/v1/analytics/trace", "{\"park\": \"HBDP\", \"parameter\": \"benzene\", \"from\": \""
                + TRACE_FROM + "T00:00:00+08:00\", \"to\": \"" + DemoPark.START.plus(Duration.ofDays(DAYS)) + "\"}", Map.of("Prefer", "respond-async"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String job = URI.create(accepted.raw().headers().firstValue("Location").orElseThrow()).getPath();
        String last = analyst.eventStream(job + "/events", Duration.ofMinutes(4)).stream().filter(l -> l.startsWith("data:")).reduce((a, b) -> b).orElseThrow();
        JsonNode trace = JsonMapper.builder().build().readTree(last.substring(5));
        assertThat(trace.get("state").asString()).as(last).isEqualTo("SUCCEEDED");
        String topEnterprise = trace.at("/result/enterprises/0/creditCode").asString();
        System.out.printf("trace over the demo's %d days: %.1f s, enterprises ranked %s%n", DAYS, (System.nanoTime() - traced) / 1e9,
                trace.at("/result/enterprises").valueStream().map(e -> e.get("name").asString() + " " + e.get("probability").asDouble()).toList());
        assertThat(topEnterprise).as("the enterprise ranked first").isEqualTo(E02);
        anIncidentsTracePublishesItsHeatMapAsAWmsLayerWithTime(analyst, impacted, DemoPark.START.plus(Duration.ofDays(DAYS)));

        Path screenshots = Path.of("target/portal-screenshots");
        Command.Result run = Command.run(List.of("node", PORTAL.resolve("e2e/portal.mjs").toString()), Map.of(
                "GW_BASE", http.base(),
                "GW_HJ212_PORT", String.valueOf(hj212),
                "GW_HJ212_PACKETS", String.join(",", packets),
                "GW_ALERT_SUBJECTS", String.join(",", wells.stream().map("GW-U%02d/ph"::formatted).toList()),
                "GW_INCIDENT", String.valueOf(incidentId),
                "GW_SCREENSHOTS", screenshots.toAbsolutePath().toString(),
                "GW_TILE_ATTRIBUTION", TILE_ATTRIBUTION,
                "GW_TRACE_PERIOD", TRACE_FROM + "," + TRACE_TO,
                "GW_TRACE_TOP", topEnterprise), Duration.ofMinutes(10));
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

    /**
     * A new benzene release at E02's chlorination unit (PS-E02-PA, 20 mg/L over a 20 m by 3 m source, the demo's own
     * transport parameters, as DemoParkNewReleaseBesideE01Test puts one) that began 25 days before the demo's first day:
     * over the test's 20 days its front reaches GW-U14, 20 m down the flow, and rises there. The shallow aquifer's
     * benzene readings it reaches are given again with it added, as corrected versions (the first ones retracted).
     */
    /** @return the code of the well the release reaches most by the demo's end */
    private String aNewBenzeneReleaseAtE02() {
        DomenicoSource plume = new DomenicoSource(20, 20, 3, DemoPark.FLOW.seepageVelocity(), 1.2, 0.0015, 5, 0.5, 0.05);
        Instant released = DemoPark.START.minus(Duration.ofDays(25));
        Instant end = DemoPark.START.plus(Duration.ofDays(DAYS));
        MonitoringRepository monitoring = new MonitoringRepository(database);
        ReadingRepository readings = new ReadingRepository(database);
        ParkRepository parks = new ParkRepository(database);
        long parkId = parks.findByCode(DemoPark.PARK_CODE).orElseThrow().id();
        long shallow = parks.findAquifers(parkId).stream().min(Comparator.comparingDouble(AquiferLayer::topDepthM)).orElseThrow().id();
        List<Well> wells = monitoring.findWells(parkId).stream().filter(w -> w.aquiferId() == shallow).toList();
        List<Long> changed = new ArrayList<>();
        List<Reading> corrected = new ArrayList<>();
        String most = null;
        double largest = 0;
        for (Well well : wells) {
            double[] local = DemoPark.GRID.toLocal(well.location().getX(), well.location().getY());
            // µg/L: the source is in mg/L; wells sample 0.5 m below the water table.
            ToDoubleFunction<Instant> added = t -> 1000 * DemoPark.FLOW.concentration(plume, 1300, 1400, local[0], local[1], 0.5,
                    Duration.between(released, t).toSeconds() / 86400.0);
            if (added.applyAsDouble(end) < 1) continue;
            if (added.applyAsDouble(end) > largest) {
                largest = added.applyAsDouble(end);
                most = well.code();
            }
            for (Datastream d : monitoring.findDatastreamsOfWell(well.id())) {
                if (!d.code().startsWith(well.code() + "/benzene")) continue;
                changed.add(d.id());
                for (Reading r : readings.page(d.id(), DemoPark.START, end, null, 100_000)) {
                    double plus = added.applyAsDouble(r.phenomenonTime());
                    // After the retraction's own version.
                    corrected.add(new Reading(null, d.id(), r.phenomenonTime(), r.value() + plus, r.rawValue() + plus, r.qualityFlags(),
                            r.version() + 2, true, r.source(), r.receivedTime()));
                }
            }
        }
        assertThat(changed).as("benzene datastreams the release reaches").isNotEmpty();
        readings.retractAll(changed, "portal-test", Instant.now());
        readings.append(corrected);
        return most;
    }

    private static JsonNode answer(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json();
    }
}
