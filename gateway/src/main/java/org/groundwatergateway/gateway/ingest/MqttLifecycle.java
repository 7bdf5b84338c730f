package org.groundwatergateway.gateway.ingest;

import io.moquette.broker.ClientDescriptor;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.groundwatergateway.gateway.config.GatewayProperties;
import org.groundwatergateway.gateway.config.MqttProperties;
import org.groundwatergateway.ingest.device.DeviceRegistry;
import org.groundwatergateway.ingest.hj212.PollutantCodes;
import org.groundwatergateway.ingest.intake.ReadingIntake;
import org.groundwatergateway.ingest.mqtt.MqttReadings;
import org.groundwatergateway.ingest.mqtt.MqttSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts the embedded Moquette broker (unless an external broker is configured) and the MQTT ingest
 * subscriber. A broker that cannot start (its port taken, say by a system Mosquitto) costs MQTT, not the
 * platform: the reason is logged, and {@code components.mqtt} of the health endpoint is DOWN with it, as it is while the
 * ingest subscriber is disconnected from its broker (then reconnecting on its own). The embedded broker
 * authenticates and authorises every client by {@link MqttAccess}; the platform's own clients log in with
 * {@link MqttGatewayAccount}.
 */
@Component("mqtt")
public class MqttLifecycle implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(MqttLifecycle.class);

    private final MqttProperties properties;
    private final GatewayProperties gateway;
    private final MqttReadings readings;
    private final DeviceRegistry devices;
    private final ReadingIntake intake;
    private final Clock clock;
    private final MqttAccess access;
    private final MqttGatewayAccount account;
    private Server broker;
    private volatile MqttSubscriber subscriber;
    private volatile String brokerUrl;
    private volatile String problem;
    private volatile boolean running;

    public MqttLifecycle(MqttProperties properties, GatewayProperties gateway, DeviceRegistry devices, PollutantCodes codes,
                         ReadingIntake intake, Clock clock, MqttAccess access, MqttGatewayAccount account) {
        this.properties = properties;
        this.access = access;
        this.account = account;
        this.gateway = gateway;
        this.readings = new MqttReadings(devices, codes);
        this.devices = devices;
        this.intake = intake;
        this.clock = clock;
    }

    @Override
    public void start() {
        running = true;
        if (!properties.enabled()) return;
        try {
            brokerUrl = properties.embedded() ? startEmbeddedBroker() : properties.brokerUrl();
            subscriber = new MqttSubscriber(brokerUrl, account.clientId(properties.clientId()), account.credentials(), readings, devices,
                    intake, clock);
            subscriber.start();
        } catch (IOException | MqttException | RuntimeException e) {
            problem = e.toString();
            log.warn("MQTT ingest is off: {}. Set gw.mqtt.embedded-port, or gw.mqtt.broker-url for an external broker.", problem);
        }
    }

    private String startEmbeddedBroker() throws IOException {
        // Moquette binds asynchronously and reports a free port late, so a free one is chosen here.
        int port = properties.embeddedPort();
        if (port == 0) {
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
        }
        Properties config = new Properties();
        config.setProperty("host", properties.embeddedHost());
        config.setProperty("port", Integer.toString(port));
        // Clients without a username connect (public SensorThings reads, as MqttAccess allows); a username is always
        // checked by MqttAccess, and refused with a wrong or missing password.
        config.setProperty("allow_anonymous", "true");
        config.setProperty("reauthorize_subscriptions_on_connect", "true");
        config.setProperty("telemetry_enabled", "false");
        config.setProperty("persistence_enabled", "true");
        config.setProperty("data_path", gateway.dataDir().resolve("mqtt").toAbsolutePath().toString());
        config.setProperty("websocket_port", "disabled");
        config.setProperty("netty.channel_timeout.seconds", Long.toString(Math.max(1, properties.embeddedConnectTimeout().toSeconds())));
        broker = new Server();
        broker.startServer(new MemoryConfig(config), List.of(), null, access, access);
        Server started = broker;
        access.connectedClients(() -> connectedClients(started));
        forgetUnprotectedIngestSession();
        log.info("Embedded MQTT broker listening on {}:{} (devices log in with MN and password, token holders with an access token, "
                + "anonymous clients read v1.1/... only; docs/mqtt.md)", properties.embeddedHost(), port);
        return "tcp://127.0.0.1:" + port;
    }

    private static Set<String> connectedClients(Server server) {
        return server.listConnectedClients().stream().map(ClientDescriptor::getClientID).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Before its client id carried a key, the ingest subscriber's persistent session was {@code gw.mqtt.client-id} itself;
     * left in the broker's store, that session would keep collecting every device's readings for whoever connects under
     * that well-known id.
     */
    private void forgetUnprotectedIngestSession() {
        try {
            if (broker.disconnectAndPurgeClientState(properties.clientId())) {
                log.info("Dropped the embedded broker's old ingest session {}", properties.clientId());
            }
        } catch (RuntimeException e) {
            log.warn("Could not drop the embedded broker's old ingest session {}: {}", properties.clientId(), e.toString());
        }
    }

    @Override
    public void stop() {
        try {
            if (subscriber != null) subscriber.close();
        } catch (MqttException e) {
            log.warn("Closing the MQTT subscriber: {}", e.toString());
        }
        if (broker != null) broker.stopServer();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The embedded broker, for in-process publishing and interception; null with an external broker or MQTT off. */
    public Server embeddedBroker() {
        return problem == null ? broker : null;
    }

    /** The broker URL devices and clients use, or null when MQTT is off. */
    public String brokerUrl() {
        return problem == null ? brokerUrl : null;
    }

    /** UP when off by configuration or when the ingest subscriber is connected; DOWN with the reason otherwise. */
    @Override
    public Health health() {
        MqttSubscriber current = subscriber;
        String reason = problem != null ? problem : current == null ? null : current.disconnection().orElse(null);
        Health.Builder health = (properties.enabled() && reason != null ? Health.down().withDetail("problem", reason) : Health.up())
                .withDetail("enabled", properties.enabled());
        if (brokerUrl() != null) health.withDetail("broker", brokerUrl());
        return health.build();
    }
}
