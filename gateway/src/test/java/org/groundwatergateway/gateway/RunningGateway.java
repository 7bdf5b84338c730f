package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.groundwatergateway.core.testing.TempDirectories;
import org.groundwatergateway.ingest.hj212.PollutantCodes;
import org.groundwatergateway.ingest.simulator.Hj212Simulator;
import org.groundwatergateway.ingest.simulator.SimulatedDevice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The application on a random HTTP port with its own embedded database holding two days of the demo park,
 * free HJ 212 and MQTT ports and no simulator, reached over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// A property, not a dynamic one, so that a test that needs more of the demo's year can say so in its own.
@TestPropertySource(properties = "gw.demo-days=" + RunningGateway.DEMO_DAYS)
abstract class RunningGateway {

    static final int DEMO_DAYS = 2;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        String dataDir = TempDirectories.createForJvm("gw-test-").toString();
        registry.add("gw.data-dir", () -> dataDir);
        registry.add("gw.simulator.enabled", () -> false);
        registry.add("gw.hj212.port", () -> 0);
        registry.add("gw.mqtt.embedded-port", () -> 0);
    }

    @Autowired
    private Environment environment;
    protected Http http;
    private final List<MqttClient> mqttClients = new ArrayList<>();

    /**
     * Activates the sharing policy the platform ships as its default (the demo starts under the open one), as the
     * security administrator would; tests that share a context do it once.
     */
    protected void activateShippedDefaultPolicy() {
        // The default context's tests read the demo under its open policy; changing it there breaks whichever runs next.
        assertThat(hasOwnContext(getClass()))
                .as(getClass().getSimpleName() + " changes the policy, so it needs a context of its own (@TestPropertySource), not the default one")
                .isTrue();
        Http secadmin = http.signedInAs("secadmin", "demo-secadmin");
        int version = -1;
        for (JsonNode v : ok(secadmin.get("/api/v1/policies")).get("versions")) {
            if (v.get("name").asString().equals("shipped default")) version = v.get("version").asInt();
        }
        assertThat(version).isPositive();
        assertThat(secadmin.post("/api/v1/policies/" + version + "/activate", "", "secadmin", "demo-secadmin").status()).isEqualTo(200);
    }

    /** Whether a test class, or a class between it and this one, names properties of its own: then its context is not the default. */
    private static boolean hasOwnContext(Class<?> test) {
        for (Class<?> c = test; c != null && c != RunningGateway.class; c = c.getSuperclass()) {
            if (c.getDeclaredAnnotation(TestPropertySource.class) != null) return true;
        }
        return false;
    }

    /** Wells in the park now: the demo's 40 plus any that tests sharing this context added. */
    protected int wellCount() {
        return http.get("/api/v1/wells").json().get("features").size();
    }

    /**
     * A Paho client connected to the gateway's embedded broker (clean session), closed after the test: anonymous when
     * {@code username} is null; a username without a password sends none.
     */
    protected MqttClient connectMqtt(String username, char[] password) throws MqttException {
        String broker = http.get("/actuator/health").json().path("components").path("mqtt").path("details").path("broker").asString();
        MqttClient client = new MqttClient(broker, "test-" + System.nanoTime(), new MemoryPersistence());
        mqttClients.add(client);
        client.setTimeToWait(10_000);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setConnectionTimeout(10);
        // Paho would try MQTT 3.1 again after a refused 3.1.1 CONNECT.
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        if (username != null) {
            options.setUserName(username);
            if (password != null) options.setPassword(password);
        }
        client.connect(options);
        return client;
    }

    @AfterEach
    void closeMqttClients() throws MqttException {
        for (MqttClient client : mqttClients) {
            if (client.isConnected()) client.disconnectForcibly(100, 1000);
            client.close(true);
        }
        mqttClients.clear();
    }

    /**
     * An access token of the platform's authorization server for a demo person ({@code om}, {@code duty}, ...; password
     * {@code demo-<name>}), obtained as a person's client obtains one: authorization code with PKCE after the login page.
     */
    protected String accessToken(String demoUser) {
        return new OAuthFlows(http.base()).personToken(demoUser, "demo-" + demoUser);
    }

    /** The JSON of a 200 answer; anything else fails with the answer's body. */
    protected static JsonNode ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** The {@code detail} of a problem answer with this status. */
    protected static String problem(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json().get("detail").asString();
    }

    /**
     * Plays the demo simulator's first round over the gateway's HJ 212 port, as a demo started from the README does
     * once loaded: the 44 loggers' readings of this minute, whose out-of-limit values raise the start's alerts. Test
     * gateways run without the simulator, whose later rounds would race a test's own readings.
     */
    protected void playTheDemoSimulatorsFirstRound() throws Exception {
        int hj212Port = http.get("/actuator/health").json().path("components").path("hj212").path("details").path("port").asInt();
        new Hj212Simulator("127.0.0.1", hj212Port, SimulatedDevice.demoPark(PollutantCodes.load()))
                .run(Instant.now().truncatedTo(ChronoUnit.MINUTES), Duration.ofMinutes(10), 1, "2011", 1, Duration.ZERO, Duration.ofSeconds(30));
    }

    /** An incident's details once its background analysis has ended, either way. */
    protected JsonNode awaitAnalysis(long incidentId, Duration budget) throws InterruptedException {
        long deadline = System.nanoTime() + budget.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode details = ok(http.get("/api/v1/incidents/" + incidentId));
            if (!details.get("incident").get("analysis").get("state").asString().equals("PENDING")) return details;
            Thread.sleep(100);
        }
        throw new AssertionError("incident " + incidentId + " not analysed within " + budget);
    }

    /** How long the demo park may take to load: its two days in well under a minute; a test loading more says so. */
    protected Duration demoLoadBudget() {
        return Duration.ofSeconds(60);
    }

    /** Connects, once the demo park (loaded in the background) is in place, if the demo is on. */
    @BeforeEach
    void connect() throws InterruptedException {
        // The demo's all-round park operator (every operational role) for requests that name no credentials; tests of
        // what the public sees use http.anonymous().
        http = new Http(environment.getRequiredProperty("local.server.port", Integer.class)).signedInAs("admin", "demo-admin");
        long deadline = System.nanoTime() + demoLoadBudget().toNanos();
        while (true) {
            JsonNode demo = http.anonymous().get("/actuator/health").json().path("components").path("demoPark").path("details");
            if (!demo.path("enabled").asBoolean() || demo.path("loaded").asBoolean()) return;
            if (System.nanoTime() > deadline) throw new AssertionError("the demo park did not load within " + demoLoadBudget());
            Thread.sleep(100);
        }
    }
}
