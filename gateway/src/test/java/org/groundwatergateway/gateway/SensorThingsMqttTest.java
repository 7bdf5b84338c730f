package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SensorThings MQTT extension on the embedded broker: anonymous subscriptions receive committed readings; publications
 * by token holders allowed to create create.
 */
class SensorThingsMqttTest extends RunningGateway {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Received(String topic, JsonNode json, long nanos) {}

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private MqttClient client;

    @BeforeEach
    void connectToTheBroker() throws Exception {
        // The demo park's readings are announced as they are loaded; wait for the load to finish.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!http.get("/actuator/health").json().path("components").path("demoPark").path("details").path("loaded").asBoolean()
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        String broker = http.get("/actuator/health").json().path("components").path("mqtt").path("details").path("broker").asString();
        client = new MqttClient(broker, "sta-test-" + System.nanoTime(), new MemoryPersistence());
        client.setTimeToWait(10_000);
        client.connect();
    }

    @AfterEach
    void disconnect() throws Exception {
        client.disconnect();
        client.close();
    }

    private void subscribe(String topic) throws Exception {
        client.subscribe(topic, 1, (t, message) -> received.add(new Received(t,
                JSON.readTree(new String(message.getPayload(), StandardCharsets.UTF_8)), System.nanoTime())));
    }

    /** The next message whose JSON has this phenomenon time, skipping others (other tests' readings, our own publication). */
    private Received awaitObservation(String phenomenonTime) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            Received message = received.poll(100, TimeUnit.MILLISECONDS);
            if (message != null && message.json().has("@iot.id") && message.json().path("phenomenonTime").asString().equals(phenomenonTime)) {
                return message;
            }
        }
        throw new AssertionError("no observation at " + phenomenonTime + " announced");
    }

    private long datastream(String code) {
        return http.get("/sta/v1.1/Datastreams?$filter=name%20eq%20'" + code.replace("/", "%2F") + "'").json()
                .path("value").get(0).path("@iot.id").asLong();
    }

    @Test
    void aReadingIngestedOverHttpReachesDatastreamSubscribersWithinASecond() throws Exception {
        long ds = datastream("GW-U12/ph");
        subscribe("v1.1/Datastreams(" + ds + ")/Observations");
        String reading = "[{\"well\": \"GW-U12\", \"parameter\": \"ph\", \"time\": \"2025-11-12T08:00:00+08:00\", \"value\": 7.33}]";
        long sent = System.nanoTime();
        assertThat(http.post("/api/v1/readings", reading, "admin", "demo-admin").status()).isEqualTo(200);
        Received message = awaitObservation("2025-11-12T00:00:00.000Z");
        assertThat(message.topic()).isEqualTo("v1.1/Datastreams(" + ds + ")/Observations");
        assertThat(message.json().path("result").asDouble()).isEqualTo(7.33);
        assertThat(message.json().path("phenomenonTime").asString()).isEqualTo("2025-11-12T00:00:00.000Z");
        assertThat(message.json().path("@iot.selfLink").asString()).contains("/sta/v1.1/Observations(");
        assertThat(TimeUnit.NANOSECONDS.toMillis(message.nanos() - sent)).isLessThan(1000);
    }

    /** Creation needs a token holder allowed to create (MqttAccessTest shows that anonymous publications create nothing). */
    @Test
    void anObservationPublishedByAnEngineerIsCreatedAndAnnounced() throws Exception {
        long ds = datastream("GW-U13/ph");
        // Not the whole v1.1/Observations: other tests on this shared gateway may be announcing bulk imports meanwhile.
        subscribe("v1.1/Datastreams(" + ds + ")/Observations");
        MqttClient engineer = connectMqtt("sta-engineer", accessToken("om").toCharArray());
        String observation = "{\"phenomenonTime\": \"2025-11-13T08:00:00+08:00\", \"result\": 7.12}";
        engineer.publish("v1.1/Datastreams(" + ds + ")/Observations", observation.getBytes(StandardCharsets.UTF_8), 1, false);
        Received announced = awaitObservation("2025-11-13T00:00:00.000Z");
        assertThat(announced.json().path("result").asDouble()).isEqualTo(7.12);
        JsonNode stored = http.get("/sta/v1.1/Datastreams(" + ds + ")/Observations?$filter=phenomenonTime%20eq%202025-11-13T00:00:00Z").json();
        assertThat(stored.path("value").get(0).path("parameters").path("source").asString()).isEqualTo("sta");
    }

    @Test
    void entitiesCreatedThroughTheServiceAreAnnouncedOnTheirTopics() throws Exception {
        subscribe("v1.1/Sensors");
        String sensor = "{\"name\": \"STA-MQTT-1\", \"properties\": {\"mn\": \"MQTT01\", \"model\": \"M\"}}";
        assertThat(http.post("/sta/v1.1/Sensors", sensor, "admin", "demo-admin").status()).isEqualTo(201);
        Received message = received.poll(5, TimeUnit.SECONDS);
        assertThat(message).isNotNull();
        assertThat(message.json().path("name").asString()).isEqualTo("STA-MQTT-1");
    }
}
