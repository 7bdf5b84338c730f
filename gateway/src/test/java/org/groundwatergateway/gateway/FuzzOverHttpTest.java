package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.function.Function;
import org.groundwatergateway.core.testing.Fuzz;
import org.groundwatergateway.core.testing.FuzzInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue #15: a sample of the generated requests of the unit fuzz tests (OgcFuzzTest, IngestFuzzTest) sent to a running
 * gateway, through its filters, security, disclosure and error handlers, as the public and as an operator: no answer
 * is a 5xx and each comes within 2 s.
 */
class FuzzOverHttpTest extends RunningGateway {

    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    /**
     * Its own gateway: the uploads may store readings, which other tests sharing a context would see; without rate
     * limits, so that every request reaches its door rather than a 429.
     */
    @DynamicPropertySource
    static void ownGateway(DynamicPropertyRegistry registry) {
        registry.add("gw.rate-limits.enabled", () -> false);
    }

    private static String query(Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((name, value) -> query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    /** GETs of generated paths, each as the public or as an operator, answered below 500. */
    private void gets(String name, int count, Function<Random, String> paths) {
        Fuzz.check(name + " over HTTP", count, PROMPTLY, random -> (random.nextBoolean() ? "public " : "operator ") + paths.apply(random),
                request -> {
                    String path = request.substring(request.indexOf(' ') + 1);
                    Http.Response response = request.startsWith("public") ? http.anonymous().get(path) : http.get(path);
                    assertThat(response.status()).as(response.body()).isLessThan(500);
                });
    }

    @Test
    @Timeout(60)
    void wfsRequestsWithFesFilters() {
        gets("WFS", 150, random -> "/ows?" + query(FuzzInputs.wfsKvp(random)));
    }

    @Test
    @Timeout(60)
    void wmsRequests() {
        gets("WMS", 100, random -> "/wms?" + query(FuzzInputs.wmsKvp(random)));
    }

    @Test
    @Timeout(60)
    void ogcApiItems() {
        gets("OGC API", 100, random -> "/ogcapi/collections/" + FuzzInputs.oneOf(random, List.of("wells", "latest_readings", "plumes", "nope"))
                + "/items?" + query(Map.of(FuzzInputs.oneOf(random, List.of("datetime", "bbox", "limit", "code", "f")),
                random.nextBoolean() ? FuzzInputs.time(random) : FuzzInputs.number(random) + "," + FuzzInputs.number(random) + ","
                        + FuzzInputs.number(random) + "," + FuzzInputs.number(random))));
    }

    @Test
    @Timeout(60)
    void sensorThingsFilters() {
        gets("SensorThings", 150, random -> "/sta/v1.1/" + FuzzInputs.oneOf(random, List.of("Things", "Datastreams", "Observations", "Locations"))
                + "?$top=2&$filter=" + URLEncoder.encode(FuzzInputs.staFilter(random, List.of("name", "result", "phenomenonTime", "id")),
                StandardCharsets.UTF_8).replace("+", "%20"));
    }

    @Test
    @Timeout(60)
    void csvUploads() {
        Fuzz.check("CSV uploads over HTTP", 60, PROMPTLY, FuzzInputs::csv, csv -> {
            Http.Response response = http.post("/api/v1/readings?mode=" + (csv.length() % 2 == 0 ? "ALL_OR_NOTHING" : "ACCEPT_VALID"),
                    "text/csv", csv, "admin", "demo-admin");
            assertThat(response.status()).as(response.body()).isLessThan(500);
        });
    }
}
