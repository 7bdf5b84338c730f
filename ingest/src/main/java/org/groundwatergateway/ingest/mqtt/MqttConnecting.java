package org.groundwatergateway.ingest.mqtt;

import java.time.Duration;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects a Paho client and subscribes, trying again a few times: a broker that has just started (the embedded
 * one, at platform start) may drop the first connections. Later drops are Paho's automatic reconnect's business.
 */
public final class MqttConnecting {

    private static final Logger log = LoggerFactory.getLogger(MqttConnecting.class);

    /** What to do once connected, such as subscribing. */
    @FunctionalInterface
    public interface Setup {
        void run(MqttClient client) throws MqttException;
    }

    private MqttConnecting() {}

    /**
     * @param purpose who connects, for the log
     * @throws MqttException the last failure, when every attempt failed
     */
    public static void connect(MqttClient client, MqttConnectOptions options, Setup setup, int attempts, Duration pause, String purpose)
            throws MqttException {
        for (int attempt = 1; ; attempt++) {
            try {
                if (!client.isConnected()) client.connect(options);
                setup.run(client);
                return;
            } catch (MqttException e) {
                if (attempt == attempts) throw e;
                log.info("{} could not connect or subscribe on {} (attempt {}): {}", purpose, client.getServerURI(), attempt, e.toString());
                try {
                    if (client.isConnected()) client.disconnect();
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
