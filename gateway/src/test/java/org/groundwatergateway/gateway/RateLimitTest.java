package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The rate limiter in the running gateway, with small limits refilled over an hour so none comes back during the
 * test. Every request comes from 127.0.0.1, so the test methods share one bucket per class; each uses its own class.
 */
class RateLimitTest extends RunningGateway {

    static final int TOKEN = 3, ANALYSIS = 2, LARGE_MAP = 2, EXPORT = 2;

    @DynamicPropertySource
    static void smallLimits(DynamicPropertyRegistry registry) {
        registry.add("gw.rate-limits.token.capacity", () -> TOKEN);
        registry.add("gw.rate-limits.token.period", () -> "PT1H");
        registry.add("gw.rate-limits.analysis.capacity", () -> ANALYSIS);
        registry.add("gw.rate-limits.analysis.period", () -> "PT1H");
        registry.add("gw.rate-limits.large-map.capacity", () -> LARGE_MAP);
        registry.add("gw.rate-limits.large-map.period", () -> "PT1H");
        registry.add("gw.rate-limits.export.capacity", () -> EXPORT);
        registry.add("gw.rate-limits.export.period", () -> "PT1H");
    }

    @Autowired
    private MeterRegistry meters;

    /** Asserts the answer is the limiter's refusal, in Chinese (the callers here name no language), and gives its detail. */
    private static String refused(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(429);
        long retryAfter = Long.parseLong(response.raw().headers().firstValue("Retry-After").orElseThrow());
        // One token an hour per capacity: the next comes back within the hour.
        assertThat(retryAfter).isBetween(1L, 3600L);
        assertThat(response.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("title").asString()).isEqualTo("请求过于频繁");
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("type").asString()).isEqualTo("about:blank");
        assertThat(problem.get("detail").asString()).endsWith("请 " + retryAfter + " 秒后重试");
        return problem.get("detail").asString();
    }

    private double refusals(String kind) {
        return meters.get("gw.rate_limit.refused").tag("class", kind).counter().count();
    }

    @Test
    void theTokenEndpointRefusesTheRequestAfterTheLimitWhileOtherRequestsGoOn() {
        String form = "grant_type=client_credentials&client_id=guesser&client_secret=guess";
        for (int i = 0; i < TOKEN; i++) {
            // Whatever the endpoint answers today (401 until the authorization server is in place), it is not the limiter.
            Http.Response answer = http.post("/oauth2/token", "application/x-www-form-urlencoded", form, null, null);
            assertThat(answer.status()).as("request %d of %d", i + 1, TOKEN).isNotEqualTo(429);
        }
        double before = refusals("token");
        assertThat(refused(http.post("/oauth2/token", "application/x-www-form-urlencoded", form, null, null)))
                .startsWith("token 类请求：同一地址每 1 小时最多 3 次；");
        // The limit holds for the other token endpoints and whatever address the client claims to forward for. It acts
        // before Spring Security: a wrong password gets 429, not the 401 the security chain would give.
        refused(http.post("/oauth2/introspect", "application/x-www-form-urlencoded", "token=x", "admin", "wrong"));
        assertThat(http.getAs("/api/v1/parks", "admin", "wrong").status()).as("Basic is limited generously").isEqualTo(401);
        Http.Response english = http.post("/oauth2/revoke", "token=x", Map.of("X-Forwarded-For", "203.0.113.7", "X-Real-IP", "203.0.113.7", "Accept-Language", "en"));
        assertThat(english.status()).isEqualTo(429);
        assertThat(english.json().get("title").asString()).isEqualTo("Too Many Requests");
        assertThat(english.json().get("detail").asString())
                .isEqualTo("token requests: at most 3 per 1 h from one address; retry in " + english.raw().headers().firstValue("Retry-After").orElseThrow() + " s");
        assertThat(refusals("token")).isEqualTo(before + 3);

        // Unlimited requests from the same address are served as before.
        ok(http.get("/api/v1/parks"));
        assertThat(http.get("/oauth2/jwks").status()).isNotEqualTo(429);
    }

    @Test
    void largeMapsAreLimitedAndSmallOnesAreNot() {
        String map = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=wells&STYLES=&CRS=CRS:84&BBOX=120.99,32.53,121.04,32.57"
                + "&FORMAT=image/png";
        String large = map + "&WIDTH=1200&HEIGHT=1000";
        String small = map + "&WIDTH=256&HEIGHT=256";
        for (int i = 0; i < LARGE_MAP; i++) assertThat(http.get(large).status()).isEqualTo(200);
        assertThat(refused(http.get(large))).startsWith("large-map 类请求：同一地址每 1 小时最多 2 次");
        // The limiter reads KVP names in any case, as the service does.
        refused(http.get(large.replace("WIDTH=", "width=").replace("REQUEST=GetMap", "request=getmap")));
        for (int i = 0; i < LARGE_MAP + 3; i++) assertThat(http.get(small).status()).isEqualTo(200);
    }

    @Test
    void analysesAreLimited() {
        String series = "{\"values\": [12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9, 11.0, 17.3, 15.9, 19.0, 18.3, 20.1, 21.7]}";
        for (int i = 0; i < ANALYSIS; i++) ok(http.post("/api/v1/analytics/trend", series, "analyst", "demo-analyst"));
        assertThat(refused(http.post("/api/v1/analytics/trend", series, "analyst", "demo-analyst"))).startsWith("analysis 类请求：同一地址每 1 小时最多 2 次");
        assertThat(refused(http.post("/api/v1/analytics/statistics", "{}", "analyst", "demo-analyst"))).startsWith("analysis 类请求");
        // Reads of the same data are not analyses.
        ok(http.get("/api/v1/wells"));
    }

    @Test
    void exportsAreLimitedAndOrdinaryPagesAreNot() {
        String csv = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gw:receptors&OUTPUTFORMAT=csv";
        for (int i = 0; i < EXPORT; i++) assertThat(http.get(csv).status()).isEqualTo(200);
        assertThat(refused(http.get(csv))).startsWith("export 类请求：同一地址每 1 小时最多 2 次");
        refused(http.get("/api/v1/datastreams/1/readings?limit=5000"));
        refused(http.get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gw:wells&COUNT=5000"));

        assertThat(http.get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gw:wells&COUNT=5").status()).isEqualTo(200);
        ok(http.get("/api/v1/datastreams/1/readings?limit=10"));
    }
}
