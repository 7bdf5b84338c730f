package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.groundwatergateway.core.testing.TempDirectories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Without the demo there is no demo park and, above all, no demo administrator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayWithoutDemoTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String dataDir = TempDirectories.createForJvm("gw-nodemo-test-").toString();
        registry.add("gw.hj212.port", () -> 0);
        registry.add("gw.mqtt.embedded-port", () -> 0);
        registry.add("gw.data-dir", () -> dataDir);
        registry.add("gw.demo", () -> "false");
    }

    @Autowired
    private Environment environment;

    @Test
    void noDemoParkAndNoDemoAccount() {
        Http http = new Http(environment.getRequiredProperty("local.server.port", Integer.class));
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
