package org.groundwatergateway.gateway;

import org.groundwatergateway.core.testing.TempDirectories;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on a random HTTP port with its own embedded database holding two days of the demo park,
 * free HJ 212 and MQTT ports and no simulator, reached over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RunningGateway {

    static final int DEMO_DAYS = 2;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        String dataDir = TempDirectories.createForJvm("gw-test-").toString();
        registry.add("gw.data-dir", () -> dataDir);
        registry.add("gw.demo-days", () -> DEMO_DAYS);
        registry.add("gw.simulator.enabled", () -> false);
        registry.add("gw.hj212.port", () -> 0);
        registry.add("gw.mqtt.embedded-port", () -> 0);
    }

    @Autowired
    private Environment environment;
    protected Http http;

    /** Wells in the park now: the demo's 40 plus any that tests sharing this context added. */
    protected int wellCount() {
        return http.get("/api/v1/wells").json().get("features").size();
    }

    @BeforeEach
    void connect() {
        http = new Http(environment.getRequiredProperty("local.server.port", Integer.class));
    }
}
