package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.alert.AlertRepository;
import org.groundwatergateway.gateway.ingest.MqttGatewayAccount;
import org.groundwatergateway.gateway.ingest.MqttLifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Escalation in the running gateway: a raised severe alert reaches the duty officer and the supervisor at once as
 * server-sent events on the alert stream and on the MQTT topic gw/alerts/severe (a real Paho subscriber), every delivery
 * is listed, an acknowledgement needs a signed-in user and stops the chain; on-call data is administered over REST with
 * errors that name the field. SMS, e-mail and webhook have no settings here: they are off, and the rest works.
 */
class EscalationApiTest extends RunningGateway {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration BUDGET = Duration.ofSeconds(5);

    @Autowired
    private AlertRepository alerts;
    @Autowired
    private MqttLifecycle mqtt;
    @Autowired
    private MqttGatewayAccount account;

    @Test
    void severeAlertIsPushedOnTheStreamAndTheMqttTopicAndAcknowledged() throws Exception {
        BlockingQueue<String> events = http.follow("/api/v1/alerts/stream");

        BlockingQueue<String> published = new LinkedBlockingQueue<>();
        // The platform's own account: anonymous clients may not read alerts (MqttAccessTest).
        MqttClient subscriber = new MqttClient(mqtt.brokerUrl(), "alert-test-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = account.credentials().applyTo(new MqttConnectOptions());
        // As a phone's client: MQTT 3.1.1 only (Paho's default would retry as 3.1 after any failure and report that).
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setConnectionTimeout(30);
        subscriber.connect(options);
        subscriber.subscribe("gw/alerts/#", 1, (topic, message) -> published.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8)));
        try {
            long id = alerts.raise("ESCALATION_TEST", Alert.Level.SEVERE, "GW-U04-" + System.nanoTime(), "苯 0.5 mg/L，超过 V 类限值",
                    Instant.now()).orElseThrow().id();

            JsonNode first = JSON.readTree(nextData(events, id));
            JsonNode second = JSON.readTree(nextData(events, id));
            assertThat(List.of(first.path("tier").asString(), second.path("tier").asString()))
                    .containsExactlyInAnyOrder("DUTY_OFFICER", "SUPERVISOR");
            assertThat(first.path("levelZh").asString()).isEqualTo("严重");

            String onTopic = published.poll(BUDGET.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(onTopic).startsWith("gw/alerts/severe {").contains("\"alertId\":" + id);

            JsonNode deliveries = awaitDeliveries(id, 4);
            assertThat(deliveries.valueStream().map(d -> d.path("channel").asString() + " " + d.path("tier").asString() + " "
                    + d.path("status").asString()).toList()).containsExactlyInAnyOrder("PUSH DUTY_OFFICER SENT", "PUSH SUPERVISOR SENT",
                    "MQTT DUTY_OFFICER SENT", "MQTT SUPERVISOR SENT");

            assertThat(http.post("/api/v1/alerts/" + id + "/acknowledge", "{}", null, null).status()).isEqualTo(401);
            Http.Response ack = http.post("/api/v1/alerts/" + id + "/acknowledge", "{\"who\":\"李明\",\"note\":\"已通知现场复核\"}", "admin", "demo-admin");
            assertThat(ack.status()).isEqualTo(200);
            assertThat(ack.json().path("acknowledgedBy").asString()).isEqualTo("李明");
            assertThat(ack.json().path("nextDueAt").isNull()).isTrue();
            assertThat(http.get("/api/v1/alerts/" + id + "/escalation").json().path("note").asString()).isEqualTo("已通知现场复核");
            assertThat(http.post("/api/v1/alerts/999999999/acknowledge", "{}", "admin", "demo-admin").status()).isEqualTo(404);
        } finally {
            subscriber.disconnect();
            subscriber.close();
        }
    }

    static String nextData(BlockingQueue<String> lines, long alertId) throws InterruptedException {
        long deadline = System.nanoTime() + BUDGET.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith("data:") && line.contains("\"alertId\":" + alertId)) return line.substring(5);
        }
        throw new AssertionError("no event for alert " + alertId + " within " + BUDGET);
    }

    private JsonNode awaitDeliveries(long id, int count) throws InterruptedException {
        long deadline = System.nanoTime() + BUDGET.toNanos();
        JsonNode deliveries = http.get("/api/v1/alerts/" + id + "/deliveries").json();
        while (deliveries.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            deliveries = http.get("/api/v1/alerts/" + id + "/deliveries").json();
        }
        assertThat(deliveries.size()).as("deliveries of alert %d: %s", id, deliveries).isEqualTo(count);
        return deliveries;
    }

    @Test
    void theDemoRotaHasSomeoneOnEveryTierAndOnCallIsAdministeredByAdmins() {
        JsonNode now = http.get("/api/v1/on-call/now").json();
        for (String tier : List.of("DUTY_OFFICER", "SUPERVISOR", "EMERGENCY_TEAM")) assertThat(now.path(tier).size()).as(tier).isPositive();
        // An empty time is no time given (RefusalLanguageFuzzTest found it answered 500).
        assertThat(http.get("/api/v1/on-call/now?at=").json()).isEqualTo(now);
        JsonNode night = http.get("/api/v1/on-call/now?at=2026-11-25T23:00:00%2B08:00").json();
        assertThat(night.path("DUTY_OFFICER").get(0).path("email").asString()).isEqualTo("duty.night@example.org");

        String contact = "{\"name\":\"测试联系人\",\"phone\":\"138-0000-0999\",\"email\":\"test@example.org\"}";
        assertThat(http.post("/api/v1/on-call/contacts", contact, null, null).status()).isEqualTo(401);
        Http.Response bad = http.post("/api/v1/on-call/contacts", "{\"name\":\"x\",\"phone\":\"12345\"}", "admin", "demo-admin");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("detail").asString()).startsWith("phone：");
        Http.Response created = http.post("/api/v1/on-call/contacts", contact, "admin", "demo-admin");
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().path("id").asLong();

        Http.Response badShift = http.post("/api/v1/on-call/rota", "{\"tier\":\"SUPERVISOR\",\"contactId\":" + id
                + ",\"day\":\"FUNDAY\",\"start\":\"08:00\",\"end\":\"20:00\"}", "admin", "demo-admin");
        assertThat(badShift.status()).isEqualTo(400);
        assertThat(badShift.json().path("detail").asString()).startsWith("day：");
        Http.Response override = http.post("/api/v1/on-call/overrides", "{\"tier\":\"SUPERVISOR\",\"contactId\":" + id
                + ",\"start\":\"2030-01-01T00:00:00+08:00\",\"end\":\"2030-01-02T00:00:00+08:00\",\"reason\":\"代班\"}", "admin", "demo-admin");
        assertThat(override.status()).isEqualTo(201);
        assertThat(http.get("/api/v1/on-call/now?at=2030-01-01T12:00:00%2B08:00").json().path("SUPERVISOR").get(0).path("id").asLong())
                .isEqualTo(id);

        assertThat(http.delete("/api/v1/on-call/contacts/" + id, "admin", "demo-admin").status()).isEqualTo(204);
        assertThat(http.delete("/api/v1/on-call/contacts/" + id, "admin", "demo-admin").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/on-call/overrides").json().size()).isZero();
    }
}
