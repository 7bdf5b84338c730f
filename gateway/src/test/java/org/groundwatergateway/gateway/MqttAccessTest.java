package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.alert.AlertRepository;
import org.groundwatergateway.core.demo.DemoPark;
import org.groundwatergateway.gateway.ingest.MqttGatewayAccount;
import org.groundwatergateway.ingest.mqtt.MqttCredentials;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Who may do what on the embedded broker (docs/mqtt.md), with real Paho clients against the running gateway and the
 * outcome read back over REST: devices publish their own readings only, anonymous clients read SensorThings topics only,
 * bad credentials are refused at CONNECT, and the platform's own account carries the alerts.
 */
class MqttAccessTest extends RunningGateway {

    private static final int REFUSED = 0x80;
    /** How long a message that should not arrive is waited for, after a later one that had to has arrived. */
    private static final Duration QUIET = Duration.ofMillis(700);

    @Autowired
    private MqttGatewayAccount account;
    @Autowired
    private AlertRepository alerts;

    private static String mn(int well) {
        return DemoPark.deviceNumber(well, false);
    }

    private MqttClient anonymous() throws MqttException {
        return connectMqtt(null, null);
    }

    private MqttClient device(int well) throws MqttException {
        return connectMqtt(mn(well), DemoPark.devicePassword(mn(well)).toCharArray());
    }

    private MqttClient platform() throws MqttException {
        MqttCredentials credentials = account.credentials();
        return connectMqtt(credentials.username(), credentials.password());
    }

    private static byte[] ph(String time, double value) {
        return ("{\"time\": \"" + time + "\", \"readings\": [{\"code\": \"w01001\", \"value\": " + value + "}]}").getBytes(StandardCharsets.UTF_8);
    }

    private long datastream(String code) {
        for (JsonNode d : http.get("/api/v1/datastreams?well=" + code.substring(0, code.indexOf('/'))).json()) {
            if (d.path("code").asString().equals(code)) return d.path("id").asLong();
        }
        throw new AssertionError(code);
    }

    /** Readings of this datastream at exactly this time. */
    private int readingsAt(String code, String time) {
        String from = time.replace("+", "%2B");
        String to = OffsetDateTime.parse(time).plusSeconds(1).toString().replace("+", "%2B");
        return ok(http.get("/api/v1/datastreams/" + datastream(code) + "/readings?from=" + from + "&to=" + to)).path("items").size();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(50);
        assertThat(condition.getAsBoolean()).isTrue();
    }

    /** Subscribes and returns the QoS the broker granted (0x80: refused); messages go to {@code into}. */
    private static int subscribe(MqttClient client, String filter, BlockingQueue<String> into) throws MqttException {
        return client.subscribeWithResponse(filter, 1, (topic, message) -> into.add(topic + " " + new String(message.getPayload(),
                StandardCharsets.UTF_8))).getGrantedQos()[0];
    }

    private static int refusedConnection(String username, char[] password, RunningGateway gateway) {
        MqttSecurityException refused = catchThrowableOfType(MqttSecurityException.class, () -> gateway.connectMqtt(username, password));
        assertThat(refused).as("connecting as %s", username).isNotNull();
        return refused.getReasonCode();
    }

    @Test
    void anAnonymousPublicationOnADeviceTopicStoresNothing() throws Exception {
        anonymous().publish("gw/" + mn(11) + "/readings", ph("2026-11-23T01:00:00+08:00", 6.01), 0, false);
        // The device's own reading, sent after it, is the yardstick: once it is stored, the other would have been.
        device(11).publish("gw/" + mn(11) + "/readings", ph("2026-11-23T02:00:00+08:00", 6.02), 1, false);
        await(() -> readingsAt("GW-U11/ph", "2026-11-23T02:00:00+08:00") == 1);
        assertThat(readingsAt("GW-U11/ph", "2026-11-23T01:00:00+08:00")).isZero();
    }

    @Test
    void aDevicePublishesItsOwnReadingsButNotAnotherDevicesAndSubscribesToNothing() throws Exception {
        MqttClient device = device(11);
        device.publish("gw/" + mn(12) + "/readings", ph("2026-11-23T03:00:00+08:00", 6.03), 0, false);
        device.publish("gw/" + mn(11) + "/readings", ph("2026-11-23T04:00:00+08:00", 6.04), 1, false);
        await(() -> readingsAt("GW-U11/ph", "2026-11-23T04:00:00+08:00") == 1);
        assertThat(readingsAt("GW-U12/ph", "2026-11-23T03:00:00+08:00")).isZero();

        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        assertThat(subscribe(device, "gw/" + mn(11) + "/readings", received)).isEqualTo(REFUSED);
        assertThat(subscribe(device, "v1.1/#", received)).isEqualTo(REFUSED);
    }

    @Test
    void anonymousClientsReadSensorThingsTopicsAndNothingElse() throws Exception {
        // Paho hands a message to every local listener whose filter matches, refused or not: the snoop has no other.
        MqttClient snoop = anonymous();
        BlockingQueue<String> leaked = new LinkedBlockingQueue<>();
        for (String filter : new String[] {"#", "gw/#", "+/+/readings", "gw/+/readings", "gw/" + mn(13) + "/readings", "gw/alerts/#", "+/#",
                "$SYS/#"}) {
            assertThat(subscribe(snoop, filter, leaked)).as(filter).isEqualTo(REFUSED);
        }
        MqttClient reader = anonymous();
        BlockingQueue<String> observations = new LinkedBlockingQueue<>();
        long ds = datastream("GW-U13/ph");
        assertThat(subscribe(reader, "v1.1/Datastreams(" + ds + ")/Observations", observations)).isEqualTo(1);

        device(13).publish("gw/" + mn(13) + "/readings", ph("2026-11-23T05:00:00+08:00", 6.05), 1, false);
        String announced = observations.poll(10, TimeUnit.SECONDS);
        assertThat(announced).startsWith("v1.1/Datastreams(" + ds + ")/Observations {").contains("\"result\":6.05");
        // The reading reached the platform and was announced, yet the refused filters heard nothing of it.
        assertThat(leaked.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void anAnonymousSensorThingsCreationCreatesNothing() throws Exception {
        long ds = datastream("GW-U14/ph");
        MqttClient client = anonymous();
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        subscribe(client, "v1.1/Datastreams(" + ds + ")/Observations", heard);
        byte[] observation = "{\"phenomenonTime\": \"2026-11-23T06:00:00+08:00\", \"result\": 6.06}".getBytes(StandardCharsets.UTF_8);
        client.publish("v1.1/Datastreams(" + ds + ")/Observations", observation, 0, false);
        client.publish("v1.1/Observations", ("{\"phenomenonTime\": \"2026-11-23T06:00:00+08:00\", \"result\": 6.06, "
                + "\"Datastream\": {\"@iot.id\": " + ds + "}}").getBytes(StandardCharsets.UTF_8), 0, false);
        // Neither routed to subscribers nor created, which would be announced on this topic.
        assertThat(heard.poll(2, TimeUnit.SECONDS)).isNull();
        JsonNode stored = ok(http.get("/sta/v1.1/Datastreams(" + ds + ")/Observations?$filter=phenomenonTime%20eq%202026-11-22T22:00:00Z"));
        assertThat(stored.path("value").size()).isZero();
    }

    @Test
    void anAnonymousAlertIsNotDeliveredToAnAuthorisedSubscriber() throws Exception {
        BlockingQueue<String> delivered = new LinkedBlockingQueue<>();
        assertThat(subscribe(platform(), "gw/alerts/#", delivered)).isEqualTo(1);
        anonymous().publish("gw/alerts/severe", "{\"alertId\": -1, \"message\": \"fake\"}".getBytes(StandardCharsets.UTF_8), 0, false);
        device(11).publish("gw/alerts/severe", "{\"alertId\": -2, \"message\": \"fake\"}".getBytes(StandardCharsets.UTF_8), 0, false);
        // A real alert, raised after the fakes, is delivered; the fakes are not.
        long id = alerts.raise("MQTT_ACCESS_TEST", Alert.Level.GENERAL, "mqtt-access-" + System.nanoTime(), "MQTT access test",
                Instant.now()).orElseThrow().id();
        // Other real alerts (a logger's silence, say) may come first: none is a fake.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String message;
        do {
            message = delivered.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(message).as("the real alert within 10 s").isNotNull().startsWith("gw/alerts/").doesNotContain("fake");
        } while (!message.contains("\"alertId\":" + id + ","));
        assertThat(message).startsWith("gw/alerts/general {");
        String more;
        while ((more = delivered.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS)) != null) {
            assertThat(more).doesNotContain("fake");
        }
    }

    @Test
    void badCredentialsAreRefusedAtConnectNotTakenForAnonymous() {
        int badCredentials = MqttException.REASON_CODE_FAILED_AUTHENTICATION;
        assertThat(refusedConnection("nobody", "guess".toCharArray(), this)).isEqualTo(badCredentials);
        assertThat(refusedConnection(mn(11), "HB0000".toCharArray(), this)).isEqualTo(badCredentials);
        assertThat(refusedConnection(mn(11), null, this)).as("a username without a password").isEqualTo(badCredentials);
        assertThat(refusedConnection(MqttGatewayAccount.INTERNAL_USERNAME, "guess".toCharArray(), this)).isEqualTo(badCredentials);
        // Shaped like a JWT, signed by nobody: not a token of this platform.
        String forged = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzdGEtY2xpZW50Iiwicm9sZXMiOlsiT01fRU5HSU5FRVIiXX0.c2lnbmF0dXJl";
        assertThat(refusedConnection("sta-client", forged.toCharArray(), this)).isEqualTo(badCredentials);
    }

    @Test
    void aDisabledDeviceIsRefused() throws Exception {
        String mn = "MQTTOFF" + System.nanoTime() % 1_000_000_000L;
        Http.Response registered = http.post("/api/v1/devices", "{\"mn\": \"" + mn + "\", \"park\": \"HBDP\", \"password\": \"off-123\", "
                + "\"enabled\": false}", "admin", "demo-admin");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(refusedConnection(mn, "off-123".toCharArray(), this)).isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION);

        assertThat(http.put("/api/v1/devices/" + mn, "{\"enabled\": true}", "admin", "demo-admin").status()).isEqualTo(200);
        assertThat(connectMqtt(mn, "off-123".toCharArray()).isConnected()).isTrue();
    }

    /** Token logins: demo people's access tokens from the authorization server as MQTT passwords. */
    @Test
    void tokenHoldersReadSensorThingsEngineersCreateAndDutyOfficersReadAlerts() throws Exception {
        long ds = datastream("GW-U15/ph");
        String om = accessToken("om");
        assertThat(refusedConnection(mn(15), om.toCharArray(), this)).as("a device's MN opens with that device's password only")
                .isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION);
        MqttClient engineer = connectMqtt("sta-engineer", om.toCharArray());
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        assertThat(subscribe(engineer, "v1.1/Datastreams(" + ds + ")/Observations", heard)).isEqualTo(1);
        assertThat(subscribe(engineer, "gw/alerts/#", heard)).isEqualTo(REFUSED);
        assertThat(subscribe(engineer, "gw/#", heard)).isEqualTo(REFUSED);
        engineer.publish("v1.1/Datastreams(" + ds + ")/Observations",
                "{\"phenomenonTime\": \"2026-11-23T07:00:00+08:00\", \"result\": 6.07}".getBytes(StandardCharsets.UTF_8), 1, false);
        await(() -> http.get("/sta/v1.1/Datastreams(" + ds + ")/Observations?$filter=phenomenonTime%20eq%202026-11-22T23:00:00Z").json()
                .path("value").size() == 1);
        engineer.publish("gw/" + mn(15) + "/readings", ph("2026-11-23T07:30:00+08:00", 6.5), 0, false);

        MqttClient analyst = connectMqtt("sta-analyst", accessToken("analyst").toCharArray());
        assertThat(subscribe(analyst, "v1.1/#", heard)).isEqualTo(1);
        assertThat(subscribe(analyst, "gw/alerts/#", heard)).as("an analyst may open the alert stream, so its topics too").isEqualTo(1);
        analyst.publish("v1.1/Datastreams(" + ds + ")/Observations",
                "{\"phenomenonTime\": \"2026-11-23T08:00:00+08:00\", \"result\": 6.08}".getBytes(StandardCharsets.UTF_8), 0, false);
        Thread.sleep(2000);
        assertThat(http.get("/sta/v1.1/Datastreams(" + ds + ")/Observations?$filter=phenomenonTime%20eq%202026-11-23T00:00:00Z").json()
                .path("value").size()).isZero();
        assertThat(readingsAt("GW-U15/ph", "2026-11-23T07:30:00+08:00")).as("an engineer's token does not make a device").isZero();

        MqttClient dutyOfficer = connectMqtt("duty-screen", accessToken("duty").toCharArray());
        assertThat(subscribe(dutyOfficer, "gw/alerts/#", heard)).isEqualTo(1);
        assertThat(subscribe(dutyOfficer, "gw/+/readings", heard)).isEqualTo(REFUSED);
    }
}
