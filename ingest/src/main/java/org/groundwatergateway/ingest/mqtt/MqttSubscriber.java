package org.groundwatergateway.ingest.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.groundwatergateway.ingest.device.DeviceRegistry;
import org.groundwatergateway.ingest.intake.ReadingIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes device readings from an MQTT broker (Mosquitto in production, the embedded Moquette by default) with
 * Eclipse Paho: topic {@code gw/{MN}/readings}, QoS 1, a persistent session, and manual acknowledgement — the
 * PUBACK goes back only once the readings are committed, so a message is redelivered if the platform stops
 * before; redelivery stores nothing twice. A message that can never be read is refused with its reason and
 * acknowledged, so it does not come back forever.
 */
public final class MqttSubscriber implements AutoCloseable {

    public static final String TOPIC_FILTER = "gw/+/readings";
    private static final int START_ATTEMPTS = 5;
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);
    private static final Logger log = LoggerFactory.getLogger(MqttSubscriber.class);

    private final MqttClient client;
    private final MqttCredentials credentials;
    private final MqttReadings readings;
    private final DeviceRegistry devices;
    private final ReadingIntake intake;
    private final Clock clock;
    /** Why and since when the broker connection is lost, while it is; null while connected. */
    private volatile String lost;
    /** Set while reconnected but not subscribed again, so health does not say UP for a subscriber that hears nothing. */
    private volatile String unsubscribed;

    /** @param credentials the platform's account on the broker ({@link MqttCredentials#NONE} for a broker that asks for none) */
    public MqttSubscriber(String brokerUrl, String clientId, MqttCredentials credentials, MqttReadings readings, DeviceRegistry devices,
                          ReadingIntake intake, Clock clock) throws MqttException {
        this.client = new MqttClient(brokerUrl, clientId, new MemoryPersistence());
        this.credentials = credentials;
        this.readings = readings;
        this.devices = devices;
        this.intake = intake;
        this.clock = clock;
    }

    public void start() throws MqttException {
        client.setManualAcks(true);
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                lost = null;
                if (!reconnect) return;
                log.info("MQTT ingest reconnected to {}", serverUri);
                // A broker that lost the session (restarted without persistence) has forgotten the subscription too.
                resubscribe();
            }

            @Override
            public void connectionLost(Throwable cause) {
                lost = "lost the connection to " + client.getServerURI() + " at " + clock.instant() + " (" + cause + "); reconnecting";
                log.warn("MQTT ingest lost its broker connection: {} (reconnecting)", cause.toString());
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                receive(topic, message);
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions options = credentials.applyTo(new MqttConnectOptions());
        options.setCleanSession(false);
        options.setAutomaticReconnect(true);
        options.setMaxInflight(1000);
        // Paho doubles its pause between reconnection attempts up to this; its default (128 s) would leave devices'
        // messages waiting on the broker for minutes after it is back.
        options.setMaxReconnectDelay(10_000);
        MqttConnecting.connect(client, options, c -> c.subscribe(TOPIC_FILTER, 1), START_ATTEMPTS, RETRY_PAUSE, "MQTT ingest");
        log.info("MQTT ingest subscribed to {} on {}", TOPIC_FILTER, client.getServerURI());
    }

    /** Paho calls back on its own thread, where a blocking subscribe would wait on that same thread: ask from another. */
    private void resubscribe() {
        Thread thread = new Thread(() -> {
            try {
                client.subscribe(TOPIC_FILTER, 1);
                unsubscribed = null;
                log.info("MQTT ingest subscribed again to {}", TOPIC_FILTER);
            } catch (MqttException e) {
                unsubscribed = "reconnected to " + client.getServerURI() + " but cannot subscribe to " + TOPIC_FILTER + " (" + e + ")";
                log.warn("MQTT ingest cannot subscribe again to {}: {}", TOPIC_FILTER, e.toString());
            }
        }, "mqtt-ingest-resubscribe");
        thread.setDaemon(true);
        thread.start();
    }

    /** Why the subscriber is not connected to its broker now (lost and reconnecting), or empty while it is. */
    public Optional<String> disconnection() {
        if (client.isConnected()) return Optional.ofNullable(unsubscribed);
        return Optional.of(lost != null ? lost : "not connected to " + client.getServerURI());
    }

    private void receive(String topic, MqttMessage message) {
        String[] parts = topic.split("/");
        String mn = parts.length == 3 ? parts[1] : null;
        String origin = "mqtt:" + topic;
        try {
            if (mn == null || devices.device(mn).filter(d -> d.enabled()).isEmpty()) {
                throw new IllegalArgumentException("topic " + topic + ": no enabled device with this MN; register it under /api/v1/devices");
            }
            MqttReadings.Parsed parsed = readings.parse(mn, message.getPayload(), clock.instant());
            devices.received(mn);
            parsed.problems().forEach(problem -> devices.rejected("mqtt", origin, mn, problem, null));
            if (parsed.readings().isEmpty()) throw new IllegalArgumentException("message carries no usable reading");
            intake.submit(parsed.readings(), ReadingIntake.Mode.LIVE).whenComplete((receipt, error) -> {
                if (error != null) {
                    // Not acknowledged: the broker delivers it again.
                    log.error("MQTT readings from {} were not stored and are not acknowledged", mn, error);
                } else {
                    acknowledge(message);
                }
            });
        } catch (IllegalArgumentException e) {
            devices.rejected("mqtt", origin, mn, e.getMessage(), new String(message.getPayload(), StandardCharsets.UTF_8));
            acknowledge(message);
        }
    }

    private void acknowledge(MqttMessage message) {
        try {
            client.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException e) {
            log.warn("Could not acknowledge MQTT message {}: {}", message.getId(), e.toString());
        }
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) client.disconnect();
        client.close();
    }
}
