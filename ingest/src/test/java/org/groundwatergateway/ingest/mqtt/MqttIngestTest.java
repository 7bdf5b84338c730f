package org.groundwatergateway.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.groundwatergateway.core.demo.DemoPark;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.ingest.hj212.PollutantCodes;
import org.groundwatergateway.ingest.testing.IngestFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * MQTT ingest against the real Mosquitto on 127.0.0.1:1883 (system property {@code gw.test.mqtt.url} to use
 * another broker): a device publishes, the subscriber stores; redelivery stores nothing twice; bad messages
 * are refused with their reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MqttIngestTest {

    private static final String BROKER = System.getProperty("gw.test.mqtt.url", "tcp://127.0.0.1:1883");

    private IngestFixture fixture;
    private MqttSubscriber subscriber;
    private MqttClient device;
    private final String mn = DemoPark.deviceNumber(6, false);

    @BeforeAll
    void start() throws Exception {
        fixture = new IngestFixture(TestDatabases.h2gis(), 1, Clock.systemUTC());
        subscriber = new MqttSubscriber(BROKER, "gw-ingest-test", MqttCredentials.NONE, new MqttReadings(fixture.devices, PollutantCodes.load()),
                fixture.devices, fixture.intake, Clock.systemUTC());
        subscriber.start();
        device = new MqttClient(BROKER, "gw-ingest-test-device", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        device.connect(options);
    }

    @AfterAll
    void stop() throws Exception {
        device.disconnect();
        device.close();
        subscriber.close();
        fixture.close();
    }

    private void publish(String topic, String payload) throws Exception {
        device.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    private long count(String datastreamCode, Instant time) {
        long id = fixture.monitoring.findDatastreams().stream().filter(d -> d.code().equals(datastreamCode)).findFirst().orElseThrow().id();
        return fixture.readings.count(id, time, time.plusSeconds(1));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(condition.getAsBoolean()).isTrue();
    }

    private int rejections(String text) {
        fixture.devices.awaitRejectionRecords();
        return fixture.database.jdbc().sql("SELECT COUNT(*) FROM ingest_rejections WHERE channel = 'mqtt' AND reason LIKE ?")
                .param("%" + text + "%").query(Integer.class).single();
    }

    @Test
    void publishedReadingsAreStoredConvertedAndOnlyOnce() throws Exception {
        Instant time = LocalDateTime.of(2026, 11, 21, 9, 0).toInstant(DemoPark.CHINA);
        String message = """
                {"time": "2026-11-21T09:00:00+08:00", "readings": [
                  {"code": "w01001", "value": 7.33, "flag": "N"},
                  {"code": "w20117", "value": 12.5},
                  {"parameter": "water-level", "value": 3.456, "time": "2026-11-21T09:00:00+08:00"},
                  {"code": "zz001", "value": 1}]}""";
        publish("gw/" + mn + "/readings", message);
        await(() -> count("GW-U06/ph", time) == 1 && count("GW-U06/chromium-vi", time) == 1 && count("GW-U06/water-level", time) == 1);
        long id = fixture.monitoring.findDatastreams().stream().filter(d -> d.code().equals("GW-U06/chromium-vi")).findFirst().orElseThrow().id();
        assertThat(fixture.readings.page(id, time, time.plusSeconds(1), null, 1).get(0).value()).isEqualTo(0.0125);
        await(() -> rejections("unknown pollutant code zz001") > 0);

        // The broker delivers the same message again (as after a lost PUBACK): nothing is stored twice.
        publish("gw/" + mn + "/readings", message);
        Thread.sleep(1000);
        assertThat(count("GW-U06/ph", time)).isEqualTo(1);
    }

    @Test
    void unreadableMessagesAreRefusedWithTheirReason() throws Exception {
        publish("gw/" + mn + "/readings", "not json at all");
        publish("gw/99999999999999/readings", "{\"time\": \"2026-11-21T09:00:00+08:00\", \"readings\": []}");
        publish("gw/" + mn + "/readings", "{\"readings\": [{\"code\": \"w01001\", \"value\": \"seven\"}]}");
        await(() -> rejections("payload is not JSON") > 0);
        await(() -> rejections("topic gw/99999999999999/readings: no enabled device") > 0);
        await(() -> rejections("readings[0].value: a number is required") > 0);
    }
}
