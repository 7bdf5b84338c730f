package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Without the demo there is no demo park and, above all, no demo administrator. */
class GatewayWithoutDemoTest extends RunningGateway {

    @DynamicPropertySource
    static void withoutDemo(DynamicPropertyRegistry registry) {
        registry.add("gw.demo", () -> "false");
    }

    @Test
    void noDemoParkAndNoDemoAccount() {
        assertThat(http.get("/api/v1/parks").json()).isEmpty();
        assertThat(http.get("/actuator/health").json().path("components").path("demoPark").path("details").path("enabled").asBoolean())
                .isFalse();
        assertThat(http.post("/api/v1/wells", "{}", "admin", "demo-admin").status()).isEqualTo(401);
        // The parameter catalogue is loaded whatever the mode.
        var benzene = http.get("/api/v1/parameters/benzene").json();
        assertThat(benzene.path("cas").asString()).isEqualTo("71-43-2");
        assertThat(benzene.path("classLimits").path("classes").get(3).path("upper").asDouble()).isEqualTo(120.0);
        assertThat(http.get("/api/v1/parameters").json().size()).isGreaterThan(100);
        assertThat(http.get("/api/v1/parameters/unobtainium").status()).isEqualTo(404);
    }
}
