package org.groundwatergateway.gateway.sta;

import io.moquette.broker.Server;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptPublishMessage;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
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
import org.groundwatergateway.gateway.ingest.MqttAccess;
import org.groundwatergateway.gateway.ingest.MqttGatewayAccount;
import org.groundwatergateway.gateway.ingest.MqttLifecycle;
import org.groundwatergateway.gateway.web.PublicBaseUrl;
import org.groundwatergateway.ingest.mqtt.MqttConnecting;
import org.groundwatergateway.ogc.sta.service.EntityChanged;
import org.groundwatergateway.ogc.sta.service.MqttMessages;
import org.groundwatergateway.ogc.sta.service.SensorThingsService;
import org.groundwatergateway.ogc.sta.service.StaResponse;
import org.groundwatergateway.policies.OrganisationKind;
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
 * {@code v1.1/Datastreams(id)/Observations} are created. On the embedded broker both happen in process (the broker
 * routes to subscribers only, so unheard announcements cost next to nothing), and only token holders that
 * {@link MqttAccess} lets publish creations get there: the Observation is created as their viewer. On an external
 * broker through a client with the platform's account; what reaches it there is created as {@link #EXTERNAL_PUBLISHER},
 * and the external broker's ACL decides who may publish creations (docs/mqtt.md). Announcements leave the event bus
 * for a queue of their own, so a slow broker delays no other subscriber; when that queue is full they are dropped, as
 * QoS 0 allows. Starts after the broker (it depends on MqttLifecycle)
 * and stays off when MQTT is.
 */
@Component
public class SensorThingsMqtt implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SensorThingsMqtt.class);
    /** Who creates what arrives from an external broker, which does not tell who published it. */
    static final Viewer EXTERNAL_PUBLISHER = new Viewer("mqtt", Set.of(), "system", OrganisationKind.PARK_ADMINISTRATION);
    private static final String CLIENT_ID = "groundwater-gateway-sta";
    private static final int CONNECT_ATTEMPTS = 10;
    private static final Duration RETRY_PAUSE = Duration.ofMillis(300);
    private static final int QUEUED_ANNOUNCEMENTS = 10_000;
    private static final Duration RELEASE_EVERY = Duration.ofSeconds(15);

    /** Where messages go out and come in: the embedded broker itself, or a client of an external one. */
    private interface Link {
        void publish(String topic, byte[] payload) throws MqttException;

        void close();
    }

    private final MqttLifecycle broker;
    private final MqttAccess access;
    private final MqttGatewayAccount account;
    private final SensorThingsService service;
    private final MonitoringRepository monitoring;
    private final PublicBaseUrl publicBaseUrl;
    private final StaProperties properties;
    private final Environment environment;
    /** Creations wait for their commit; they do so here, not on the broker's or client's threads. */
    private final ExecutorService creations = Executors.newSingleThreadExecutor(r -> daemon(r, "sta-mqtt-create"));
    private final AtomicLong dropped = new AtomicLong();
    private final ThreadPoolExecutor announcements = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUED_ANNOUNCEMENTS), r -> daemon(r, "sta-mqtt-publish"), (task, executor) -> {
                if (dropped.incrementAndGet() % 1000 == 1) log.warn("SensorThings MQTT announcements dropped so far: {}", dropped.get());
            });
    /** Announces Observations whose delay has just passed, for a policy that delays them. */
    private ScheduledExecutorService releases;
    private final Clock clock;
    private Instant releasedUntil;
    private volatile Link link;
    private volatile MqttMessages messages;
    private volatile boolean running;

    public SensorThingsMqtt(MqttLifecycle broker, MqttAccess access, MqttGatewayAccount account, SensorThingsService service,
                            MonitoringRepository monitoring, EventBus events, StaProperties properties, Environment environment,
                            PublicBaseUrl publicBaseUrl, Clock clock) {
        this.publicBaseUrl = publicBaseUrl;
        this.clock = clock;
        this.broker = broker;
        this.access = access;
        this.account = account;
        this.service = service;
        this.monitoring = monitoring;
        this.properties = properties;
        this.environment = environment;
        events.subscribe(ReadingsCommitted.class, committed -> announce(() -> messages.observations(committed.readings())));
        events.subscribe(EntityChanged.class, changed -> announce(() -> messages.entityChanged(changed.type(), changed.id())));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void start() {
        running = true;
        String url = broker.brokerUrl();
        if (url == null) return;
        String base = properties.baseUrl() != null && !properties.baseUrl().isBlank() ? properties.baseUrl()
                : publicBaseUrl.configured().map(root -> root + SensorThingsController.ROOT).orElse("http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"))
                + SensorThingsController.ROOT);
        messages = new MqttMessages(service, monitoring, base);
        releasedUntil = clock.instant();
        // Made at each start: a stopped context (a paused test context, too) may be started again.
        releases = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sta-mqtt-release"));
        releases.scheduleWithFixedDelay(this::releaseDelayed, RELEASE_EVERY.toMillis(), RELEASE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        Server embedded = broker.embeddedBroker();
        try {
            link = embedded != null ? embedded(embedded) : client(url);
            log.info("SensorThings MQTT extension on {}", url);
        } catch (MqttException e) {
            log.warn("SensorThings MQTT extension is off: {}", e.toString());
        }
    }

    private Link embedded(Server server) {
        AbstractInterceptHandler interceptor = new AbstractInterceptHandler() {
            @Override
            public String getID() {
                return CLIENT_ID;
            }

            @Override
            public void onPublish(InterceptPublishMessage message) {
                try {
                    String topic = message.getTopicName();
                    if (properties.mqttCreate() && !CLIENT_ID.equals(message.getClientID()) && MqttMessages.isCreationTopic(topic)) {
                        Optional<Viewer> creator = access.creator(message.getUsername(), message.getClientID());
                        if (creator.isPresent()) {
                            received(message.getTopicName(), ByteBufUtil.getBytes(message.getPayload()), creator.get());
                        } else {
                            log.info("Observation published to {} by client {} not created: not a token holder allowed to create",
                                    message.getTopicName(), message.getClientID());
                        }
                    }
                } finally {
                    super.onPublish(message);
                }
            }

            @Override
            public void onSessionLoopError(Throwable error) {
                log.warn("MQTT broker session loop error", error);
            }
        };
        server.addInterceptHandler(interceptor);
        return new Link() {
            @Override
            public void publish(String topic, byte[] payload) {
                server.internalPublish(MqttMessageBuilders.publish().topicName(topic).qos(MqttQoS.AT_MOST_ONCE).retained(false)
                        .payload(Unpooled.wrappedBuffer(payload)).build(), CLIENT_ID);
            }

            @Override
            public void close() {
                server.removeInterceptHandler(interceptor);
            }
        };
    }

    private Link client(String url) throws MqttException {
        MqttClient client = new MqttClient(url, account.clientId(CLIENT_ID + "-" + ProcessHandle.current().pid()), new MemoryPersistence());
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                if (reconnect) subscribe(client);
            }

            @Override
            public void connectionLost(Throwable cause) {
                log.info("SensorThings MQTT lost its connection: {}", cause.toString());
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received(topic, message.getPayload(), EXTERNAL_PUBLISHER);
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions options = account.credentials().applyTo(new MqttConnectOptions());
        options.setAutomaticReconnect(true);
        options.setCleanSession(true);
        options.setMaxInflight(65_535);
        MqttConnecting.connect(client, options, this::subscribe, CONNECT_ATTEMPTS, RETRY_PAUSE, "SensorThings MQTT");
        return new Link() {
            @Override
            public void publish(String topic, byte[] payload) throws MqttException {
                if (client.isConnected()) client.publish(topic, payload, 0, false);
            }

            @Override
            public void close() {
                try {
                    if (client.isConnected()) client.disconnect();
                    client.close();
                } catch (MqttException e) {
                    log.info("Closing the SensorThings MQTT client: {}", e.toString());
                }
            }
        };
    }

    /** An external broker sends the platform's own announcements back too; MqttMessages ignores those. */
    private void subscribe(MqttClient client) {
        if (!properties.mqttCreate()) return;
        try {
            client.subscribe(new String[] {MqttMessages.VERSION + "/Observations", MqttMessages.VERSION + "/+/Observations"}, new int[] {1, 1});
        } catch (MqttException e) {
            log.warn("SensorThings MQTT cannot take Observations: {}", e.toString());
        }
    }

    private void received(String topic, byte[] payload, Viewer creator) {
        MqttMessages current = messages;
        if (current == null) return;
        current.creation(topic, payload, creator).ifPresent(request -> creations.execute(() -> {
            StaResponse response = current.create(request);
            if (response.status() != 201) log.info("Observation published to {} not created: {}", topic, response.json());
        }));
    }

    /** Each run announces what became visible since the last: delayed messages are released late, not dropped. */
    private void releaseDelayed() {
        Instant after = releasedUntil;
        Instant until = clock.instant();
        releasedUntil = until;
        announce(() -> messages.released(after, until));
    }

    private void announce(Supplier<List<MqttMessages.Message>> what) {
        if (link == null) return;
        announcements.execute(() -> {
            Link current = link;
            if (current == null) return;
            for (MqttMessages.Message message : what.get()) {
                try {
                    current.publish(message.topic(), message.payload());
                } catch (MqttException e) {
                    log.debug("SensorThings MQTT message to {} dropped: {}", message.topic(), e.toString());
                }
            }
        });
    }

    @Override
    public void stop() {
        Link current = link;
        link = null;
        if (releases != null) releases.shutdownNow();
        if (current != null) current.close();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
