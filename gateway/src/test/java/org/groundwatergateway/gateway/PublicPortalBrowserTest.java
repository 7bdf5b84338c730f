package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public portal (/public/) in a real browser under the shipped default policy: portal/e2e/public.mjs opens it
 * without signing in, in Chinese and English, works every control and intercepts every network response, holding
 * each to the public's policy as the script states it (points on the 500 m grid and no exact well coordinate,
 * concentrations only as GB/T 14848 classes, nothing newer than 24 h, no withheld field, no door closed to the public),
 * runs axe-core (no serious or critical violation), and feeds the page the regulator's unmasked answers to show that
 * the same checks catch them. The gateway prepares what the script compares with: the wells' exact places and the
 * enterprises' withheld texts (as the regulator reads them), and readings 30 h and 1 h old at every well measuring
 * benzene or chromium (VI), so that what the delay hides exists.
 */
@TestPropertySource(properties = "gw.demo-days=" + PublicPortalBrowserTest.DAYS)
class PublicPortalBrowserTest extends RunningGateway {

    static final int DAYS = 3;
    private static final Path PORTAL = Path.of("../portal");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void thePublicPortalShowsNoMoreThanThePublicPolicyAllows() throws IOException {
        Command.requireInstalled(CHROMIUM);
        activateShippedDefaultPolicy();
        Http.Response page = http.anonymous().get("/public/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).as("the public portal's own page").contains("<script type=\"module\"").contains("/assets/public-");
        assertThat(http.anonymous().get("/public").status()).as("/public redirects to /public/").isEqualTo(302);

        Http regulator = http.signedInAs("regulator", "demo-regulator");
        List<double[]> exact = new ArrayList<>();
        for (JsonNode well : ok(regulator.get("/api/v1/wells")).get("features")) {
            JsonNode c = well.get("geometry").get("coordinates");
            exact.add(new double[] {c.get(0).asDouble(), c.get(1).asDouble()});
        }
        List<String> withheld = new ArrayList<>();
        for (JsonNode f : ok(regulator.get("/ogcapi/collections/enterprises/items?limit=100")).get("features")) {
            withheld.add(f.get("properties").get("processes").asString());
            withheld.add(f.get("properties").get("characteristic_pollutants").asString());
        }

        // Readings 30 h and 1 h old at every well measuring benzene or chromium (VI) (the demo's history is a year
        // older), spread over the classes: the public sees the 30 h ones as classes, the 1 h ones not at all.
        Random values = new Random(20261205L);
        Map<String, double[]> ranges = Map.of("benzene", new double[] {-1, 3.5}, "chromium-vi", new double[] {-3, 2.5});
        Set<String> stored = new HashSet<>();
        StringBuilder fresh = new StringBuilder("[");
        for (JsonNode d : ok(regulator.get("/api/v1/datastreams"))) {
            String parameter = d.get("parameter").asString();
            if (d.get("well").isNull() || !ranges.containsKey(parameter) || !stored.add(d.get("well").asString() + "/" + parameter)) continue;
            for (int hours : new int[] {30, 1}) {
                double[] range = ranges.get(parameter);
                if (fresh.length() > 1) fresh.append(',');
                fresh.append("{\"well\": \"").append(d.get("well").asString()).append("\", \"parameter\": \"").append(parameter)
                        .append("\", \"time\": \"").append(Instant.now().minus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.SECONDS))
                        .append("\", \"value\": ").append(Math.round(Math.pow(10, range[0] + range[1] * values.nextDouble()) * 10000) / 10000.0).append('}');
            }
        }
        Http.Response posted = http.post("/api/v1/readings?mode=ACCEPT_VALID", fresh.append(']').toString(), "om", "demo-om");
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        assertThat(posted.json().path("stored").asInt()).isEqualTo(2 * stored.size()).isGreaterThan(40);

        Path screenshots = Path.of("target/portal-screenshots");
        Command.Result run = Command.run(List.of("node", PORTAL.resolve("e2e/public.mjs").toString()), Map.of(
                "GW_BASE", http.base(),
                "GW_EXACT_PLACES", JSON.writeValueAsString(exact),
                "GW_WITHHELD", JSON.writeValueAsString(withheld),
                "GW_REGULATOR", "regulator:demo-regulator",
                "GW_SCREENSHOTS", screenshots.toAbsolutePath().toString()), Duration.ofMinutes(5));
        System.out.println(run.output());
        assertThat(run.exitCode()).as(run.output()).isZero();
        // Each crawl of the public page (Chinese, English) ends in its violation count: exactly 0 (not 10, not 120).
        assertThat(run.output().lines().map(String::strip).filter(l -> l.startsWith("public portal")).toList()).hasSize(2)
                .allSatisfy(l -> assertThat(l).endsWith("; 0 violations"));
        assertThat(run.output()).contains("sanity check");
        try (var files = Files.list(screenshots)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).contains("public-zh.png", "public-en.png", "public-map-zh.png");
        }
    }
}
