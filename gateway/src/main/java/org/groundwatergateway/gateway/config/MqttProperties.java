package org.groundwatergateway.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * MQTT ({@code gw.mqtt.*}): the broker devices publish readings to.
 *
 * @param brokerUrl an external broker (e.g. {@code tcp://127.0.0.1:1883} for Mosquitto); unset: the embedded one
 * @param embeddedHost where the embedded Moquette broker listens
 * @param embeddedPort its port (0: a free one)
 */
@ConfigurationProperties("gw.mqtt")
public record MqttProperties(boolean enabled, String brokerUrl, String embeddedHost, int embeddedPort, String clientId) {}
