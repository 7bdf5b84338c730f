package org.groundwatergateway.gateway.notification;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.groundwatergateway.core.escalation.Channel;
import org.groundwatergateway.core.escalation.Notification;
import org.groundwatergateway.core.escalation.NotificationChannel;
import org.groundwatergateway.ingest.mqtt.MqttCredentials;

/**
 * Alerts published (QoS 1, as JSON) on {@code gw/alerts/{level}} of the platform's broker, the embedded one or the
 * configured one, so control-room screens and neighbouring systems subscribe rather than poll. The client connects on
 * first use: the broker starts after this channel is made, and may be off.
 */
public final class MqttAlertChannel implements NotificationChannel, AutoCloseable {

    static final String TOPIC_PREFIX = "gw/alerts/";
    private static final String CLIENT_ID = "groundwater-gateway-alerts";

    private final Supplier<String> brokerUrl;
    private final MqttCredentials credentials;
    private final String clientId;
    private MqttClient client;

    /**
     * @param credentials the platform's account on the broker
     * @param clientId the client id to connect with
     */
    public MqttAlertChannel(Supplier<String> brokerUrl, MqttCredentials credentials, String clientId) {
        this.brokerUrl = brokerUrl;
        this.credentials = credentials;
        this.clientId = clientId;
    }

    /** The client id the platform's alert channel uses, before the broker's own decoration (MqttGatewayAccount.clientId). */
    public static String baseClientId() {
        return CLIENT_ID + "-" + ProcessHandle.current().pid();
    }

    @Override
    public Channel channel() {
        return Channel.MQTT;
    }

    @Override
    public String destination(Notification notification) {
        return TOPIC_PREFIX + notification.level().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public synchronized void send(Notification notification, String topic) throws MqttException {
        connected().publish(topic, NotificationJson.of(notification).getBytes(StandardCharsets.UTF_8), 1, false);
    }

    private MqttClient connected() throws MqttException {
        String url = brokerUrl.get();
        if (url == null) throw new IllegalStateException("MQTT is off (see components.mqtt of the health endpoint)");
        // The embedded broker comes back on another port when the application is stopped and started again (and a
        // configured one may be changed): follow it rather than keep knocking at the old address.
        if (client != null && !client.getServerURI().equals(url)) close();
        if (client == null) client = new MqttClient(url, clientId, new MemoryPersistence());
        if (!client.isConnected()) {
            MqttConnectOptions options = credentials.applyTo(new MqttConnectOptions());
            options.setCleanSession(true);
            options.setConnectionTimeout(5);
            client.connect(options);
        }
        return client;
    }

    @Override
    public synchronized void close() throws MqttException {
        if (client == null) return;
        // The broker may be gone already at shutdown: a polite disconnect would wait out its 30 s quiesce.
        if (client.isConnected()) client.disconnectForcibly(100, 1000);
        client.close(true);
        client = null;
    }
}
