package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analysis endpoints over HTTP: plume forecasts deterministic and with uncertainty (run as jobs followed by
 * server-sent events, and cancelled), remediation options, and the analyses of the demo park's stored readings (two
 * days of them in this context: flow, surface, network; the longer checks are in core's DemoParkSiteAnalysesTest).
 */
class AnalyticsApiTest extends RunningGateway {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> ASYNC = Map.of("Prefer", "respond-async");
    private static final String PARK_WINDOW = "\"park\": \"HBDP\", \"aquifer\": \"Q1\", \"from\": \"2025-11-01T00:00:00+08:00\", "
            + "\"to\": \"2025-11-03T00:00:00+08:00\"";

    /** The demo's benzene leak as a plume question: flow east at 0.156 m/d, a 20 m strip source of 12 mg/L. */
    private static String plume(String method, String uncertainty) {
        return "{\"grid\": {\"x0\": -40, \"y0\": -60, \"dx\": 2, \"dy\": 2, \"nx\": 120, \"ny\": 60}, \"velocity\": {\"vx\": 0.156, \"vy\": 0}, "
                + "\"porosity\": 0.25, \"retardation\": 1.2, \"decayPerDay\": 0.0015, \"dispersivity\": {\"longitudinal\": 5, \"transverse\": 0.5}, "
                + "\"sources\": [{\"x\": 0, \"y\": 0, \"widthM\": 20, \"concentration\": 12, \"startDay\": 0}], \"times\": [365, 730], "
                + "\"points\": [{\"x\": 25, \"y\": 0}, {\"x\": 90, \"y\": 5}], \"method\": \"" + method + "\"" + uncertainty + "}";
    }

    @Test
    void aPlumeForecastByFiniteVolumesAgreesWithWexler() {
        JsonNode numerical = ok(http.post("/api/v1/analytics/transport", plume("numerical", ""), "admin", "demo-admin"));
        JsonNode analytical = ok(http.post("/api/v1/analytics/transport", plume("analytical", ""), "admin", "demo-admin"));
        assertThat(numerical.get("points")).hasSize(4);
        assertThat(numerical.get("flowAzimuthDegrees").asDouble()).isCloseTo(90, within(1e-9));
        for (int k = 0; k < 4; k++) {
            JsonNode n = numerical.get("points").get(k);
            JsonNode a = analytical.get("points").get(k);
            assertThat(n.get("t").asDouble()).isEqualTo(a.get("t").asDouble());
            // 3 % of C0 (TransportScenarioTest says why not the solver's 2 %).
            assertThat(n.get("c").asDouble()).as("point %d", k).isCloseTo(a.get("c").asDouble(), within(0.03 * 12));
            assertThat(n.get("p50").isNull()).isTrue();
        }
        assertThat(numerical.get("points").get(0).get("c").asDouble()).isGreaterThan(1);

        Http.Response bad = http.post("/api/v1/analytics/transport", plume("numerical", "").replace("\"times\": [365, 730]", "\"times\": [730, 365]"), "admin", "demo-admin");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asString()).contains("times[1]");
    }

    @Test
    void aMonteCarloRunIsFollowedByServerSentEventsAndGivesOrderedBands() {
        String uncertainty = ", \"uncertainty\": {\"realizations\": 200, \"seed\": 7, \"hydraulicGradient\": 0.0013, "
                + "\"conductivity\": {\"distribution\": \"LOGNORMAL\", \"median\": 30, \"sigmaLn\": 0.5}, "
                + "\"porosity\": {\"distribution\": \"UNIFORM\", \"min\": 0.2, \"max\": 0.3}, "
                + "\"longitudinalDispersivity\": {\"distribution\": \"TRIANGULAR\", \"min\": 2, \"mode\": 5, \"max\": 10}, \"threshold\": 0.01}";
        Http.Response accepted = http.post("/api/v1/analytics/transport", plume("analytical", uncertainty), ASYNC);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String address = accepted.raw().headers().firstValue("Location").orElseThrow();
        // Absolute, so a client follows it as it is.
        assertThat(address).startsWith(http.base() + "/api/v1/analytics/jobs/");
        String location = URI.create(address).getPath();

        List<String> stream = http.eventStream(location + "/events", Duration.ofSeconds(60));
        List<String> names = stream.stream().filter(l -> l.startsWith("event:")).map(l -> l.substring(6).strip()).toList();
        assertThat(names).last().isEqualTo("succeeded");
        JsonNode status = JSON.readTree(stream.stream().filter(l -> l.startsWith("data:")).reduce((a, b) -> b).orElseThrow().substring(5));
        assertThat(status.get("state").asString()).isEqualTo("SUCCEEDED");
        JsonNode result = status.get("result");
        assertThat(result.get("realizations").asInt()).isEqualTo(200);
        for (JsonNode point : result.get("points")) {
            assertThat(point.get("p05").asDouble()).isLessThanOrEqualTo(point.get("p50").asDouble());
            assertThat(point.get("p50").asDouble()).isLessThanOrEqualTo(point.get("p95").asDouble());
        }
        assertThat(result.get("points").get(0).get("p95").asDouble()).isGreaterThan(result.get("points").get(0).get("p05").asDouble());
        JsonNode near = result.get("arrivals").get(0);
        assertThat(near.get("p2_5").asDouble()).isLessThan(near.get("p97_5").asDouble());
        assertThat(result.get("fronts")).hasSize(2);
        // The finished run stays available for collection.
        assertThat(ok(http.get(location)).get("state").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aRunningAnalysisCanBeCancelled() {
        String heavy = plume("numerical", ", \"uncertainty\": {\"realizations\": 5000, \"hydraulicGradient\": 0.0013, "
                + "\"conductivity\": {\"distribution\": \"LOGNORMAL\", \"median\": 30, \"sigmaLn\": 0.5}}")
                .replace("\"times\": [365, 730]", "\"times\": [3650]");
        Http.Response accepted = http.post("/api/v1/analytics/transport", heavy, ASYNC);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String location = URI.create(accepted.raw().headers().firstValue("Location").orElseThrow()).getPath();
        Http.Response cancelled = http.delete(location, "admin", "demo-admin");
        assertThat(cancelled.status()).isEqualTo(202);
        List<String> stream = http.eventStream(location + "/events", Duration.ofSeconds(60));
        assertThat(stream.stream().filter(l -> l.startsWith("event:")).reduce((a, b) -> b).orElseThrow()).contains("cancelled");
        JsonNode status = ok(http.get(location));
        assertThat(status.get("state").asString()).isEqualTo("CANCELLED");
        assertThat(status.get("result").isNull()).isTrue();
        // Where it stopped, in the reader's language (the stage it had reached varies with the machine's speed).
        assertThat(status.get("error").asString()).matches("在“[^A-Za-z]+”阶段取消");
        assertThat(status.get("stage").asString()).doesNotContainPattern("[A-Za-z]");
        JsonNode english = ok(http.get(location, Map.of("Accept-Language", "en")));
        assertThat(english.get("error").asString()).matches("cancelled during [a-z].*");
        assertThat(http.get("/api/v1/analytics/jobs/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
    }

    @Test
    void remediationOptionsAreRankedWithTheirCaptureZoneAndCosts() {
        JsonNode outcomes = ok(http.post("/api/v1/analytics/remediation", "{\"site\": {\"conductivity\": 30, \"gradient\": 0.0013, "
                + "\"porosity\": 0.25, \"thickness\": 11, \"retardation\": 1.2, \"decayPerDay\": 0.0015, \"longitudinalDispersivity\": 5, "
                + "\"transverseDispersivity\": 0.5, \"sourceWidth\": 20, \"sourceConcentration\": 12, \"sourceStartDay\": -265}, "
                + "\"grid\": {\"cellSize\": 5, \"upgradient\": 50, \"length\": 300, \"width\": 150}, "
                + "\"compliance\": {\"points\": [{\"x\": 90, \"y\": 0}], \"target\": 0.01, \"horizonDays\": 1825}, "
                + "\"alternatives\": [{\"kind\": \"MNA\"}, {\"kind\": \"PRB\", \"x\": 60, \"y\": 0, \"length\": 60, \"thickness\": 5, \"decayPerDay\": 5}, "
                + "{\"kind\": \"PUMP_AND_TREAT\", \"x\": 40, \"y\": 0, \"pumpingRate\": 50}]}", "admin", "demo-admin"));
        assertThat(outcomes).hasSize(3);
        JsonNode mna = outcomes.get(0);
        JsonNode barrier = outcomes.get(1);
        assertThat(mna.get("kind").asString()).isEqualTo("MNA");
        assertThat(barrier.get("rank").asInt()).isLessThan(mna.get("rank").asInt());
        assertThat(barrier.get("maxConcentrationAtHorizon").asDouble()).isLessThan(mna.get("maxConcentrationAtHorizon").asDouble());
        // Javandel and Tsang: the stagnation point lies Q / (2π B q) downgradient of the well.
        double q = 30 * 0.0013;
        assertThat(outcomes.get(2).at("/captureZone/stagnationDistance").asDouble()).isCloseTo(50 / (2 * Math.PI * 11 * q), within(1e-9));
        assertThat(barrier.get("costHigh").asDouble()).isGreaterThan(barrier.get("costLow").asDouble());
        Http.Response bad = http.post("/api/v1/analytics/remediation", "{\"site\": {\"conductivity\": 30, \"gradient\": 0.0013, \"porosity\": 0.25, "
                + "\"thickness\": 11, \"longitudinalDispersivity\": 5, \"transverseDispersivity\": 0.5, \"sourceWidth\": 20, \"sourceConcentration\": 12, "
                + "\"sourceStartDay\": 0}, \"grid\": {\"cellSize\": 5, \"upgradient\": 50, \"length\": 300, \"width\": 150}, "
                + "\"compliance\": {\"points\": [{\"x\": 90, \"y\": 0}], \"target\": 0.01, \"horizonDays\": 365}, \"alternatives\": [{\"kind\": \"DIG\"}]}",
                "admin", "demo-admin");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asString()).contains("alternatives[0]").contains("PRB");
    }

    @Test
    void theDemoParksFlowFromItsStoredHeads() {
        JsonNode flow = ok(http.post("/api/v1/analytics/flow", "{" + PARK_WINDOW + ", \"cellSize\": 50, "
                + "\"particles\": [{\"lon\": 121.00692, \"lat\": 32.551723, \"days\": 3650, \"direction\": \"FORWARD\"}]}", "admin", "demo-admin"));
        // docs/demo-park.md: azimuth 105°, v = 0.156 m/d; two days of hourly heads with their noise and undulation.
        assertThat(flow.get("azimuthDegrees").asDouble()).isCloseTo(105, within(5.0));
        assertThat(flow.get("seepageVelocity").asDouble()).isCloseTo(0.156, within(0.02));
        assertThat(flow.get("wells").asInt()).isGreaterThanOrEqualTo(20);
        assertThat(flow.at("/arrows/features").size()).isGreaterThan(20);
        JsonNode path = flow.at("/pathlines/features/0");
        JsonNode coordinates = path.at("/geometry/coordinates");
        // Ten years at 0.156 m/d is about 570 m to the east-south-east.
        double east = coordinates.get(coordinates.size() - 1).get(0).asDouble() - coordinates.get(0).get(0).asDouble();
        assertThat(east).isGreaterThan(0);
        assertThat(path.at("/properties/lengthM").asDouble()).isCloseTo(0.156 * 3650, within(0.15 * 0.156 * 3650));
    }

    @Test
    void theDemoParksConductivitySurfaceAndNetworkReview() {
        JsonNode surface = ok(http.post("/api/v1/analytics/interpolate", "{" + PARK_WINDOW + ", \"parameter\": \"conductivity\", \"cellSize\": 100, "
                + "\"levels\": [1500]}", "admin", "demo-admin"));
        assertThat(surface.get("method").asString()).isEqualTo("KRIGING");
        assertThat(surface.get("variogram").get("shape").asString()).isNotBlank();
        assertThat(surface.get("estimate")).hasSize(surface.get("ny").asInt());
        assertThat(surface.get("estimate").get(0)).hasSize(surface.get("nx").asInt());
        assertThat(surface.get("variance")).hasSize(surface.get("ny").asInt());
        assertThat(surface.get("wells").size()).isGreaterThanOrEqualTo(8);
        // Contours: the area at or above a level halfway between the surface's least and greatest estimate exists; one
        // above the greatest has none.
        double least = Double.POSITIVE_INFINITY;
        double greatest = Double.NEGATIVE_INFINITY;
        for (JsonNode row : surface.get("estimate")) {
            for (JsonNode value : row) {
                least = Math.min(least, value.asDouble());
                greatest = Math.max(greatest, value.asDouble());
            }
        }
        double halfway = (least + greatest) / 2;
        JsonNode contoured = ok(http.post("/api/v1/analytics/interpolate", "{" + PARK_WINDOW + ", \"parameter\": \"conductivity\", "
                + "\"cellSize\": 100, \"levels\": [" + halfway + ", " + (greatest + 1) + "]}", "admin", "demo-admin"));
        assertThat(contoured.at("/contours/features")).hasSize(1);
        assertThat(contoured.at("/contours/features/0/properties/atOrAbove").asDouble()).isEqualTo(halfway);
        assertThat(contoured.at("/contours/features/0/geometry/type").asString()).isIn("Polygon", "MultiPolygon");
        double lon = contoured.at("/contours/features/0/geometry/coordinates/0/0/0").isArray()
                ? contoured.at("/contours/features/0/geometry/coordinates/0/0/0/0").asDouble()
                : contoured.at("/contours/features/0/geometry/coordinates/0/0/0").asDouble();
        assertThat(lon).as("longitude in EPSG:4490, not local metres").isBetween(73.0, 136.0);

        JsonNode network = ok(http.post("/api/v1/analytics/network", "{" + PARK_WINDOW + ", \"parameter\": \"conductivity\", \"cellSize\": 100, "
                + "\"newWells\": 2}", "admin", "demo-admin"));
        assertThat(network.at("/newWells/features")).hasSize(2);
        assertThat(network.at("/coverageAfter/meanVariance").asDouble()).isLessThan(network.at("/coverageBefore/meanVariance").asDouble());
        assertThat(network.get("redundancy").size()).isEqualTo(surface.get("wells").size());
    }

    /** A run that fails keeps why, and tells each reader in their own language, on its status and its event stream (issue #16). */
    @Test
    void aFailedRunSaysWhyInTheReadersLanguage() {
        Http admin = http.signedInAs("admin", "demo-admin");
        // What the request alone shows wrong is refused at once, even for a run asked to go on in the background.
        Http.Response shortWindow = admin.post("/api/v1/analytics/trace", "{" + PARK_WINDOW + ", \"parameter\": \"benzene\"}", ASYNC);
        assertThat(shortWindow.status()).as(shortWindow.body()).isEqualTo(400);
        assertThat(shortWindow.json().get("detail").asString()).isEqualTo("from/to：时间窗应长于 10 天");
        // What only the data shows (no readings of the parameter in the aquifer) fails the run.
        Http.Response accepted = admin.post("/api/v1/analytics/trace", "{\"park\": \"HBDP\", \"aquifer\": \"Q1\", "
                + "\"from\": \"2025-11-01T00:00:00+08:00\", \"to\": \"2025-11-20T00:00:00+08:00\", \"parameter\": \"aniline\"}", ASYNC);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String location = URI.create(accepted.raw().headers().firstValue("Location").orElseThrow()).getPath();
        List<String> stream = admin.eventStream(location + "/events", Duration.ofSeconds(60));
        JsonNode last = JSON.readTree(stream.stream().filter(l -> l.startsWith("data:")).reduce((a, b) -> b).orElseThrow().substring(5));
        assertThat(last.get("state").asString()).isEqualTo("FAILED");
        assertThat(last.get("error").asString()).isEqualTo("时间窗内含水层 Q1 没有 aniline 的读数");
        assertThat(ok(admin.get(location, Map.of("Accept-Language", "zh-CN"))).get("error").asString()).isEqualTo("时间窗内含水层 Q1 没有 aniline 的读数");
        assertThat(ok(admin.get(location, Map.of("Accept-Language", "en"))).get("error").asString())
                .isEqualTo("no aniline readings in aquifer Q1 in the window");
    }

    /** The analytics library's own refusals of a model parameter, from its catalogue, placed at the request's field (issue #16). */
    @Test
    void aModelParameterTheLibraryRefusesIsNamedInEitherLanguage() {
        Http admin = http.signedInAs("admin", "demo-admin");
        String reversed = plume("analytical", ", \"uncertainty\": {\"realizations\": 20, \"hydraulicGradient\": 0.0013, "
                + "\"porosity\": {\"distribution\": \"UNIFORM\", \"min\": 0.3, \"max\": 0.2}}");
        JsonNode zh = admin.post("/api/v1/analytics/transport", reversed, Map.of("Accept-Language", "zh-CN")).json();
        assertThat(zh.get("detail").asString()).isEqualTo("uncertainty.porosity：均匀分布需要有限的 min ≤ max");
        assertThat(zh.get("field").asString()).isEqualTo("uncertainty.porosity");
        JsonNode en = admin.post("/api/v1/analytics/transport", reversed, Map.of("Accept-Language", "en")).json();
        assertThat(en.get("detail").asString()).isEqualTo("uncertainty.porosity: uniform needs finite min ≤ max");
        // Refused inside the library, with no field to name: still in the caller's language.
        String pairs = "{\"x\": [1, 2], \"y\": [3, 4]}";
        Http.Response chinese = admin.post("/api/v1/analytics/correlation", pairs, Map.of());
        assertThat(chinese.status()).isEqualTo(400);
        assertThat(chinese.json().get("detail").asString()).isEqualTo("相关性检验至少需要 3 对数据，实际为 2 对");
        assertThat(admin.post("/api/v1/analytics/correlation", pairs, Map.of("Accept-Language", "en")).json().get("detail").asString())
                .isEqualTo("a correlation test needs at least 3 pairs, got 2");
        String retarded = plume("numerical", "").replace("\"retardation\": 1.2", "\"retardation\": 0.5");
        assertThat(admin.post("/api/v1/analytics/transport", retarded, Map.of()).json().get("detail").asString()).isEqualTo("阻滞因子至少为 1");
        assertThat(admin.post("/api/v1/analytics/transport", retarded, Map.of("Accept-Language", "en")).json().get("detail").asString())
                .isEqualTo("retardation must be at least 1");
    }

    @Test
    void analysesOfStoredDataExplainWhatTheyLack() {
        Http.Response shortWindow = http.post("/api/v1/analytics/trace", "{" + PARK_WINDOW + ", \"parameter\": \"benzene\"}", "admin", "demo-admin");
        assertThat(shortWindow.status()).isEqualTo(400);
        assertThat(shortWindow.json().get("detail").asString()).contains("时间窗");
        Http.Response unknown = http.post("/api/v1/analytics/flow", "{\"park\": \"NOPE\", \"from\": \"2025-11-01T00:00:00+08:00\", "
                + "\"to\": \"2025-11-03T00:00:00+08:00\"}", "admin", "demo-admin");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).contains("NOPE");
        long level = http.get("/api/v1/datastreams?well=GW-U01").json().findValues("id").get(0).asLong();
        Http.Response forecast = http.get("/api/v1/datastreams/" + level + "/forecast");
        assertThat(forecast.status()).as(forecast.body()).isEqualTo(400);
    }
}
