package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.groundwatergateway.core.demo.DemoPark;
import org.groundwatergateway.core.testing.TempDirectories;
import org.groundwatergateway.gateway.config.GatewayProperties;
import org.groundwatergateway.gateway.config.MqttProperties;
import org.groundwatergateway.gateway.ingest.MqttAccess;
import org.groundwatergateway.gateway.ingest.MqttGatewayAccount;
import org.groundwatergateway.gateway.ingest.MqttLifecycle;
import org.groundwatergateway.ingest.device.DeviceRegistry;
import org.groundwatergateway.ingest.hj212.PollutantCodes;
import org.groundwatergateway.ingest.intake.ReadingIntake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Issue #15: {@code components.mqtt} of the health endpoint is DOWN, with the reason, while the ingest subscriber is cut
 * off from its broker (a Mosquitto of this test's own, killed and started again) and when the embedded broker cannot
 * bind its port; UP again once the subscriber has reconnected on its own. A second MQTT lifecycle is built from the
 * running application's parts, so the application's own broker is left alone.
 */
class MqttHealthTest extends RunningGateway {

    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    @Autowired private DeviceRegistry devices;
    @Autowired private PollutantCodes codes;
    @Autowired private ReadingIntake intake;
    @Autowired private MqttAccess access;
    @Autowired private MqttGatewayAccount account;
    private Path dir;
    private MqttLifecycle lifecycle;

    @BeforeEach
    void folder() {
        dir = TempDirectories.create("gw-mqtt-health-");
    }

    @AfterEach
    void stop() {
        if (lifecycle != null) lifecycle.stop();
        TempDirectories.delete(dir);
    }

    private MqttLifecycle lifecycle(String brokerUrl, int embeddedPort) {
        return lifecycle(brokerUrl, embeddedPort, Duration.ofSeconds(30));
    }

    private MqttLifecycle lifecycle(String brokerUrl, int embeddedPort, Duration connectTimeout) {
        MqttProperties properties = new MqttProperties(true, brokerUrl, "127.0.0.1", embeddedPort, "health-test-" + System.nanoTime(), null, null,
                connectTimeout);
        GatewayProperties gateway = new GatewayProperties(dir, false, 1, "HBDP", 1000, java.time.Duration.ofSeconds(30));
        lifecycle = new MqttLifecycle(properties, gateway, devices, codes, intake, Clock.systemUTC(), access, account);
        lifecycle.start();
        return lifecycle;
    }

    @Test
    void downWithTheReasonWhileTheIngestSubscriberIsCutOffFromItsBrokerAndUpOnceItReconnects() throws Exception {
        assumeTrue(Files.isExecutable(MOSQUITTO), "Mosquitto is not installed");
        int port = freePort();
        Process broker = mosquitto(port);
        try {
            MqttLifecycle mqtt = lifecycle("tcp://127.0.0.1:" + port, 0);
            assertThat(mqtt.health().getStatus()).as(mqtt.health().toString()).isEqualTo(Status.UP);

            broker.destroy();
            broker.waitFor();
            // At first Paho says only that it is not connected; its callback with the cause follows within moments.
            Health cutOff = await(mqtt, health -> health.getStatus().equals(Status.DOWN)
                    && health.getDetails().get("problem").toString().contains("lost the connection"), Duration.ofSeconds(10));
            assertThat(cutOff.getDetails().get("problem").toString()).contains("reconnecting");

            broker = mosquitto(port);
            // Paho's automatic reconnect tries again after 1, 2, 4, 8 and then every 10 s.
            await(mqtt, health -> health.getStatus().equals(Status.UP), Duration.ofSeconds(40));

            // The new broker (no persistence) knows nothing of the old session: a device's reading still arrives, because
            // the subscriber subscribed again when it reconnected.
            String mn = DemoPark.deviceNumber(8, false);
            String time = "2026-11-22T12:00:00+08:00";
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int stored = 0;
            while (stored == 0 && System.nanoTime() < deadline) {
                MqttClient device = new MqttClient("tcp://127.0.0.1:" + port, "health-test-device", new MemoryPersistence());
                device.connect();
                device.publish("gw/" + mn + "/readings", ("{\"time\": \"" + time + "\", \"readings\": [{\"code\": \"w01001\", \"value\": 7.31}]}")
                        .getBytes(StandardCharsets.UTF_8), 1, false);
                device.disconnect();
                device.close();
                Thread.sleep(300);
                stored = readingsOfGwU08PhAt(time);
            }
            assertThat(stored).as("a reading published after the broker came back is stored").isEqualTo(1);
        } finally {
            broker.destroy();
            broker.waitFor();
        }
    }

    @Test
    void theEmbeddedBrokerClosesAConnectionWithoutConnectAfterTheConfiguredTimeNotMoquettesTenSeconds() throws Exception {
        int port = freePort();
        lifecycle(null, port, Duration.ofSeconds(2));
        try (Socket idle = new Socket("127.0.0.1", port)) {
            idle.setSoTimeout(8_000);
            long start = System.nanoTime();
            // No CONNECT is sent: the broker closes the socket (end of stream) once the configured 2 s have passed.
            assertThat(idle.getInputStream().read()).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1_500), Duration.ofSeconds(8));
        }
    }

    @Test
    void downWithTheReasonWhenTheEmbeddedBrokerCannotBindItsPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Health health = lifecycle(null, taken.getLocalPort()).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("problem").toString()).contains(Integer.toString(taken.getLocalPort()));
        }
    }

    private Process mosquitto(int port) throws IOException, InterruptedException {
        Path config = dir.resolve("mosquitto.conf");
        Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
        Process process = new ProcessBuilder(MOSQUITTO.toString(), "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (var probe = new java.net.Socket("127.0.0.1", port)) {
                return process;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("Mosquitto did not listen on " + port + ": " + Files.readString(dir.resolve("mosquitto.log")));
    }

    private static Health await(MqttLifecycle mqtt, Predicate<Health> wanted, Duration budget) throws InterruptedException {
        long deadline = System.nanoTime() + budget.toNanos();
        Health health = mqtt.health();
        while (!wanted.test(health)) {
            assertThat(System.nanoTime()).as("health within " + budget + ", now " + health).isLessThan(deadline);
            Thread.sleep(50);
            health = mqtt.health();
        }
        return health;
    }

    private int readingsOfGwU08PhAt(String time) {
        for (tools.jackson.databind.JsonNode d : http.get("/api/v1/datastreams?well=GW-U08").json()) {
            if (d.path("code").asString().equals("GW-U08/ph")) {
                return http.get("/api/v1/datastreams/" + d.path("id").asLong() + "/readings?from=" + time.replace("+", "%2B") + "&limit=1").json()
                        .path("items").size();
            }
        }
        throw new AssertionError("GW-U08/ph");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
