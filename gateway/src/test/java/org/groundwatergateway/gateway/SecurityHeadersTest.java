package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import org.junit.jupiter.api.Test;

/** Issue #15: the pages and answers the gateway serves carry a content security policy and keep referrers at home. */
class SecurityHeadersTest extends RunningGateway {

    @Test
    void pagesAndApiAnswersCarryTheSecurityHeaders() {
        for (String path : new String[] {"/login", "/ogcapi?f=html", "/api/v1/wells", "/swagger-ui/index.html"}) {
            Http.Response response = http.anonymous().get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            HttpHeaders headers = response.raw().headers();
            String policy = headers.firstValue("Content-Security-Policy").orElse("");
            assertThat(policy).as(path).contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'");
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
        }
        // The policy holds scripts to this origin: the HTML pages the gateway writes itself must have none inline.
        assertThat(http.anonymous().get("/ogcapi?f=html").body()).doesNotContain("<script");
        assertThat(http.anonymous().get("/login").body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)");
    }

    /** Without gw.cors.allowed-origins no origin is given cross-origin access, not even to the open OGC doors. */
    @Test
    void crossOriginAccessIsOffUntilOriginsAreConfigured() {
        Http.Response preflight = http.options("/sta/v1.1/Things", java.util.Map.of("Origin", "https://gis.park-b.example.cn",
                "Access-Control-Request-Method", "GET"));
        assertThat(preflight.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        Http.Response get = http.anonymous().get("/ows?SERVICE=WFS&REQUEST=GetCapabilities", java.util.Map.of("Origin", "https://gis.park-b.example.cn"));
        assertThat(get.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
