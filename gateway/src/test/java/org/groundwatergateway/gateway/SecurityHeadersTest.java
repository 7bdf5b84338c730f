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
}
