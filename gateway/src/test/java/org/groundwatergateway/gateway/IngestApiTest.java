package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.groundwatergateway.core.demo.DemoPark;
import org.groundwatergateway.ingest.hj212.Hj212Frame;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Data in through the running application: HJ 212 and the embedded MQTT broker, then O&M and review over REST. */
class IngestApiTest extends RunningGateway {

    private JsonNode health() {
        return http.get("/actuator/health").json().path("components");
    }

    private static void await(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.get() && System.nanoTime() < deadline) Thread.sleep(50);
        assertThat(condition.get()).isTrue();
    }

    private long datastream(String code) {
        for (JsonNode d : http.get("/api/v1/datastreams?well=" + code.substring(0, code.indexOf('/'))).json()) {
            if (d.path("code").asString().equals(code)) return d.path("id").asLong();
        }
        throw new AssertionError(code);
    }

    private JsonNode readingsAt(String code, String time) {
        return http.get("/api/v1/datastreams/" + datastream(code) + "/readings?from=" + time.replace("+", "%2B") + "&limit=1").json().path("items");
    }

    private void sendHj212(String packets) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", health().path("hj212").path("details").path("port").asInt())) {
            OutputStream out = socket.getOutputStream();
            out.write(packets.getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(200);
        }
    }

    @Test
    void theEmbeddedBrokerTakesDeviceReadings() throws Exception {
        JsonNode mqtt = health().path("mqtt").path("details");
        assertThat(mqtt.path("problem").isMissingNode()).as(mqtt.toString()).isTrue();
        String mn = DemoPark.deviceNumber(7, false);
        // A device logs in with its MN and its HJ 212 password (MqttAccessTest has the rules).
        MqttClient device = new MqttClient(mqtt.path("broker").asString(), "test-device", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(mn);
        options.setPassword(DemoPark.devicePassword(mn).toCharArray());
        device.connect(options);
        device.publish("gw/" + mn + "/readings", ("{\"time\": \"2026-11-21T12:00:00+08:00\", \"readings\": "
                + "[{\"code\": \"w01001\", \"value\": 7.29}]}").getBytes(StandardCharsets.UTF_8), 1, false);
        device.disconnect();
        device.close();
        await(() -> readingsAt("GW-U07/ph", "2026-11-21T12:00:00+08:00").size() == 1);
        assertThat(readingsAt("GW-U07/ph", "2026-11-21T12:00:00+08:00").get(0).path("source").asString()).isEqualTo("mqtt");
    }

    @Test
    void aSpikeOverHj212OpensAReviewThatAReviewerRejects() throws Exception {
        String mn = DemoPark.deviceNumber(17, false);
        // The demo's two days end 2025-11-03 00:00 CST; hourly readings follow, the third hour a spike.
        StringBuilder packets = new StringBuilder();
        for (int h = 0; h < 4; h++) {
            double value = h == 2 ? 5000 : 1450 + h;
            packets.append(new String(Hj212Frame.encode("QN=2025110300000000" + h + ";ST=24;CN=2061;PW=" + DemoPark.devicePassword(mn) + ";MN=" + mn
                    + ";Flag=4;CP=&&DataTime=202511030" + h + "0000;w01014-Avg=" + value + ",w01014-Flag=N&&"), StandardCharsets.UTF_8));
        }
        sendHj212(packets.toString());
        // Other tests sharing this gateway may have opened review tasks of their own: take this datastream's.
        await(() -> conductivityTask() != null);
        JsonNode task = conductivityTask();
        assertThat(task.path("datastreamCode").asString()).isEqualTo("GW-U17/conductivity");
        assertThat(task.path("flags").toString()).contains("SPIKE");
        long id = task.path("id").asLong();

        String reject = "{\"decision\": \"REJECTED\", \"reason\": \"electrode fouled, see work order 17\"}";
        assertThat(http.post("/api/v1/reviews/" + id + "/decision", reject, null, null).status()).isEqualTo(401);
        assertThat(http.post("/api/v1/reviews/" + id + "/decision", "{\"decision\": \"REJECTED\"}", "admin", "demo-admin").json()
                .path("detail").asString()).startsWith("reason：");
        var decided = http.post("/api/v1/reviews/" + id + "/decision", reject, "admin", "demo-admin");
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.json().path("status").asString()).isEqualTo("REJECTED");
        assertThat(decided.json().path("decidedBy").asString()).isEqualTo("admin");
        JsonNode reading = readingsAt("GW-U17/conductivity", "2025-11-03T02:00:00+08:00").get(0);
        assertThat(reading.path("version").asInt()).isEqualTo(2);
        assertThat(reading.path("flags").toString()).contains("REJECTED", "SPIKE");
        assertThat(reading.path("rawValue").asDouble()).isEqualTo(5000.0);
    }

    @Test
    void devicesShowTrafficRefusalsAndCalibrationAndCanBeRegistered() {
        JsonNode devices = http.get("/api/v1/devices").json();
        assertThat(devices.size()).isGreaterThanOrEqualTo(44);
        assertThat(devices.get(0).has("password")).isFalse();
        assertThat(devices.get(0).path("sensors").size()).isPositive();

        String device = "{\"mn\": \"NEW0001\", \"park\": \"HBDP\", \"password\": \"s3cret\", \"description\": \"新数采仪\"}";
        assertThat(http.post("/api/v1/devices", device, null, null).status()).isEqualTo(401);
        var created = http.post("/api/v1/devices", device, "admin", "demo-admin");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("enabled").asBoolean()).isTrue();
        assertThat(http.post("/api/v1/devices", device, "admin", "demo-admin").status()).isEqualTo(409);
        assertThat(http.get("/api/v1/devices/NEW0001").json().path("park").asString()).isEqualTo("HBDP");
        assertThat(http.get("/api/v1/devices/rejections").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health").json().path("components").path("hj212").path("details").has("rejectedFromUnknownDevices"))
                .isTrue();
    }

    @Test
    void maintenanceIsRecordedAndReadingsMeanwhileAreFlagged() throws Exception {
        String record = "{\"kind\": \"CALIBRATION\", \"startedAt\": \"2025-11-05T09:50:00+08:00\", \"endedAt\": \"2025-11-05T10:20:00+08:00\", "
                + "\"performedBy\": \"运维组 张工\", \"result\": \"合格\"}";
        var saved = http.post("/api/v1/sensors/GW-U20-SONDE/maintenance", record, "admin", "demo-admin");
        assertThat(saved.status()).isEqualTo(201);
        assertThat(http.get("/api/v1/sensors/GW-U20-SONDE/maintenance").json().size()).isGreaterThanOrEqualTo(1);
        assertThat(http.post("/api/v1/sensors/GW-U20-SONDE/maintenance", record.replace("CALIBRATION", "POLISHING"), "admin", "demo-admin")
                .json().path("detail").asString()).startsWith("kind：");
        assertThat(http.get("/api/v1/devices").json().findValues("sensors").toString()).contains("\"lastCalibratedOn\":\"2025-11-05\"");

        String mn = DemoPark.deviceNumber(20, false);
        sendHj212(new String(Hj212Frame.encode("QN=20251105100000000;ST=24;CN=2061;PW=" + DemoPark.devicePassword(mn) + ";MN=" + mn
                + ";Flag=4;CP=&&DataTime=20251105100000;w01001-Avg=7.45,w01001-Flag=N&&"), StandardCharsets.UTF_8));
        await(() -> readingsAt("GW-U20/ph", "2025-11-05T10:00:00+08:00").size() == 1);
        assertThat(readingsAt("GW-U20/ph", "2025-11-05T10:00:00+08:00").get(0).path("flags").toString()).contains("DURING_CALIBRATION");
    }

    private JsonNode conductivityTask() {
        for (JsonNode task : http.get("/api/v1/reviews").json()) {
            if (task.path("datastreamCode").asString().equals("GW-U17/conductivity")) return task;
        }
        return null;
    }
}
