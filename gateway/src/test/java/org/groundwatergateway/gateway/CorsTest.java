package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue #15: browser clients of another park reach the OGC and SensorThings doors across origins when their origin is
 * configured; other origins, and the REST API (not listed in {@code gw.cors.paths}), get no cross-origin permission.
 */
class CorsTest extends RunningGateway {

    private static final String PARK_B = "https://gis.park-b.example.cn";

    @DynamicPropertySource
    static void corsOrigin(DynamicPropertyRegistry registry) {
        registry.add("gw.cors.allowed-origins", () -> PARK_B);
    }

    private Http.Response preflight(String path, String origin, String method) {
        return http.options(path, Map.of("Origin", origin, "Access-Control-Request-Method", method,
                "Access-Control-Request-Headers", "authorization,content-type"));
    }

    @Test
    void aConfiguredOriginPassesThePreflightOfEveryOgcAndSensorThingsDoor() {
        for (String path : new String[] {"/ows", "/wfs", "/wms", "/ogcapi", "/ogcapi/collections/wells/items", "/sta/v1.1/Things", "/sta/v1.1/$batch"}) {
            Http.Response response = preflight(path, PARK_B, "POST");
            assertThat(response.status()).as(path).isEqualTo(200);
            HttpHeaders headers = response.raw().headers();
            assertThat(headers.firstValue("Access-Control-Allow-Origin")).as(path).hasValue(PARK_B);
            assertThat(headers.firstValue("Access-Control-Allow-Methods").orElse("")).as(path).contains("GET", "POST");
            assertThat(headers.firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase()).as(path).contains("authorization", "content-type");
            // A page of another site never rides this gateway's session cookie.
            assertThat(headers.firstValue("Access-Control-Allow-Credentials")).as(path).isEmpty();
        }
    }

    @Test
    void theAnswerToAConfiguredOriginMayBeReadByItsPage() {
        Http.Response response = http.anonymous().get("/sta/v1.1/Things?$top=1", Map.of("Origin", PARK_B));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.raw().headers().firstValue("Access-Control-Allow-Origin")).hasValue(PARK_B);
        assertThat(response.raw().headers().firstValue("Access-Control-Expose-Headers").orElse("")).contains("Audit-Entry", "GW-Disclosure");
        Http.Response wfs = http.anonymous().get("/wfs?SERVICE=WFS&REQUEST=GetCapabilities", Map.of("Origin", PARK_B));
        assertThat(wfs.raw().headers().firstValue("Access-Control-Allow-Origin")).hasValue(PARK_B);
    }

    @Test
    void anotherOriginIsRefused() {
        Http.Response response = preflight("/sta/v1.1/Things", "https://evil.example", "GET");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        Http.Response get = http.anonymous().get("/ogcapi/collections", Map.of("Origin", "https://evil.example"));
        assertThat(get.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theRestApiAndMethodsNotListedGetNoCrossOriginPermission() {
        for (String path : new String[] {"/api/v1/wells", "/api/v1/readings"}) {
            Http.Response response = preflight(path, PARK_B, "POST");
            assertThat(response.raw().headers().firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
        }
        Http.Response delete = preflight("/sta/v1.1/Things(1)", PARK_B, "DELETE");
        assertThat(delete.status()).isEqualTo(403);
        assertThat(delete.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
