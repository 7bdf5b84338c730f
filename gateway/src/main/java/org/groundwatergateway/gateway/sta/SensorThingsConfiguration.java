package org.groundwatergateway.gateway.sta;

import java.net.URI;
import java.time.Clock;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.gateway.config.GatewayProperties;
import org.groundwatergateway.gateway.config.StaProperties;
import org.groundwatergateway.gateway.ingest.MqttLifecycle;
import org.groundwatergateway.gateway.security.OperationPermissions;
import org.groundwatergateway.ingest.intake.ReadingIntake;
import org.groundwatergateway.ogc.sta.persistence.EntityStore;
import org.groundwatergateway.ogc.sta.service.EntityWrites;
import org.groundwatergateway.ogc.sta.service.SensorThingsService;
import org.groundwatergateway.policies.AccessPolicy;
import org.groundwatergateway.ingest.device.DeviceRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SensorThings service: the query store, writes through the ingest intake, and the MQTT endpoint it announces. */
@Configuration(proxyBeanMethods = false)
public class SensorThingsConfiguration {

    @Bean
    SensorThingsService sensorThingsService(Database database, AccessPolicy policy, ReadingIntake intake, EventBus events, Clock clock,
                                            StaProperties properties, MqttLifecycle mqtt, GatewayProperties gateway, DeviceRegistry devices,
                                            OperationPermissions permissions) {
        // Reads are shaped by requests' $filter and $expand: the database cancels one after gw.query-timeout.
        EntityStore store = new EntityStore(database.withQueryTimeout(gateway.queryTimeout()), new EntityStore.Limits(properties.defaultTop(), properties.maxTop(),
                properties.maxExpandDepth(), properties.maxEntities()));
        return new SensorThingsService(store, policy, new EntityWrites(database, intake, clock, events, devices::reload), clock,
                base -> mqttEndpoint(mqtt, base), properties.maxFilterLength(),
                (viewer, method, path) -> permissions.refusal(viewer, method, SensorThingsController.ROOT + path));
    }

    /** The embedded broker listens on every interface: clients reach it at the host they reached the service at. */
    private static String mqttEndpoint(MqttLifecycle mqtt, String base) {
        String url = mqtt.brokerUrl();
        if (url == null) return null;
        URI broker = URI.create(url);
        String host = mqtt.embeddedBroker() != null ? URI.create(base).getHost() : broker.getHost();
        return "mqtt://" + host + ":" + broker.getPort();
    }
}
