package org.groundwatergateway.gateway.sta;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.reading.ReadingsCommitted;
import org.groundwatergateway.gateway.config.StaProperties;
import org.groundwatergateway.gateway.ingest.MqttLifecycle;
import org.groundwatergateway.ogc.sta.service.EntityChanged;
import org.groundwatergateway.ogc.sta.service.MqttMessages;
import org.groundwatergateway.ogc.sta.service.SensorThingsService;
import org.groundwatergateway.ogc.sta.service.StaResponse;
import org.groundwatergateway.policies.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The MQTT extension of SensorThings (OGC 18-088 §14) on the platform's broker: committed readings, whichever
 * channel brought them, and entities created or changed through the service are published on their
 * {@code v1.1/...} topics; Observations published to {@code v1.1/Observations} or
 * {@code v1.1/Datastreams(id)/Observations} are created. Starts after the broker (it depends on MqttLifecycle)
 * and stays off when MQTT is.
 */
@Component
public class SensorThingsMqtt implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SensorThingsMqtt.class);
    private static final Viewer PUBLISHER = new Viewer("mqtt", java.util.Set.of(), null);
    private static final int CONNECT_ATTEMPTS = 10;

    private final MqttLifecycle broker;
    private final SensorThingsService service;
    private final MonitoringRepository monitoring;
    private final StaProperties properties;
    private final Environment environment;
    /** Creations wait for their commit; they do so here, not on Paho's callback thread. */
    private final ExecutorService creations = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "sta-mqtt-create");
        thread.setDaemon(true);
        return thread;
    });
    private volatile MqttClient client;
    private volatile MqttMessages messages;
    private volatile boolean running;

    public SensorThingsMqtt(MqttLifecycle broker, SensorThingsService service, MonitoringRepository monitoring, EventBus events,
                            StaProperties properties, Environment environment) {
        this.broker = broker;
        this.service = service;
        this.monitoring = monitoring;
        this.properties = properties;
        this.environment = environment;
        events.subscribe(ReadingsCommitted.class, committed -> publish(m -> m.observations(committed.readings())));
        events.subscribe(EntityChanged.class, changed -> publish(m -> m.entityChanged(changed.type(), changed.id())));
    }

    @Override
    public void start() {
        running = true;
        String url = broker.brokerUrl();
        if (url == null) return;
        String base = properties.baseUrl() != null && !properties.baseUrl().isBlank() ? properties.baseUrl()
                : "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"))
                + SensorThingsController.ROOT;
        messages = new MqttMessages(service, monitoring, base);
        try {
            MqttClient connecting = new MqttClient(url, "groundwater-gateway-sta-" + ProcessHandle.current().pid(), new MemoryPersistence());
            connecting.setCallback(new MqttCallbackExtended() {
                @Override
                public void connectComplete(boolean reconnect, String serverUri) {
                    if (reconnect) subscribe(connecting);
                }

                @Override
                public void connectionLost(Throwable cause) {
                    log.info("SensorThings MQTT lost its connection: {}", cause.toString());
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    received(topic, message.getPayload());
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                }
            });
            MqttConnectOptions options = new MqttConnectOptions();
            options.setAutomaticReconnect(true);
            options.setCleanSession(true);
            // Announcements are QoS 0 and many may be in flight at once during bulk ingest.
            options.setMaxInflight(65_535);
            connect(connecting, options);
            client = connecting;
            log.info("SensorThings MQTT extension on {}", url);
        } catch (MqttException e) {
            log.warn("SensorThings MQTT extension is off: {}", e.toString());
        }
    }

    private void connect(MqttClient connecting, MqttConnectOptions options) throws MqttException {
        // A broker that has just started may drop the first connection (as MQTT ingest found).
        for (int attempt = 1; ; attempt++) {
            try {
                connecting.connect(options);
                subscribe(connecting);
                return;
            } catch (MqttException e) {
                if (attempt == CONNECT_ATTEMPTS) throw e;
                try {
                    Thread.sleep(300);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void subscribe(MqttClient connecting) {
        if (!properties.mqttCreate()) return;
        try {
            connecting.subscribe(new String[] {MqttMessages.VERSION + "/Observations", MqttMessages.VERSION + "/+/Observations"}, new int[] {1, 1});
        } catch (MqttException e) {
            log.warn("SensorThings MQTT cannot take Observations: {}", e.toString());
        }
    }

    private void received(String topic, byte[] payload) {
        MqttMessages current = messages;
        if (current == null) return;
        current.creation(topic, payload, PUBLISHER).ifPresent(request -> creations.execute(() -> {
            StaResponse response = current.create(request);
            if (response.status() != 201) log.info("Observation published to {} not created: {}", topic, response.json());
        }));
    }

    private void publish(java.util.function.Function<MqttMessages, List<MqttMessages.Message>> what) {
        MqttClient current = client;
        MqttMessages builder = messages;
        if (current == null || builder == null || !current.isConnected()) return;
        for (MqttMessages.Message message : what.apply(builder)) {
            try {
                current.publish(message.topic(), message.payload(), 0, false);
            } catch (MqttException e) {
                log.debug("SensorThings MQTT message to {} dropped: {}", message.topic(), e.toString());
            }
        }
    }

    @Override
    public void stop() {
        MqttClient current = client;
        client = null;
        if (current != null) {
            try {
                if (current.isConnected()) current.disconnect();
                current.close();
            } catch (MqttException e) {
                log.info("Closing the SensorThings MQTT client: {}", e.toString());
            }
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
