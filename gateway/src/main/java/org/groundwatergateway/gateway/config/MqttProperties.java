package org.groundwatergateway.gateway.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * MQTT ({@code gw.mqtt.*}): the broker devices publish readings to.
 *
 * @param brokerUrl an external broker (e.g. {@code tcp://127.0.0.1:1883} for Mosquitto); unset: the embedded one
 * @param embeddedHost where the embedded Moquette broker listens
 * @param embeddedPort its port (0: a free one)
 * @param clientId the MQTT client id of the platform's ingest subscriber (its persistent session)
 * @param username the platform's account on an external broker (its ingest subscriber, alert channel and SensorThings
 *     client log in with it); unset: they connect without credentials. Not used with the embedded broker, where the
 *     platform's clients hold an internal account with a password drawn at each start.
 * @param password that account's password
 * @param embeddedConnectTimeout how long the embedded broker keeps a connection open that has not completed its CONNECT:
 *     from the TCP accept until the CONNECT arrives, and again until the broker has processed it. Moquette's own 10 s
 *     dropped clients whose CONNECT waited behind a busy session queue on a loaded machine (Paho: "Connection lost").
 */
@ConfigurationProperties("gw.mqtt")
public record MqttProperties(boolean enabled, String brokerUrl, String embeddedHost, int embeddedPort, String clientId, String username,
                             String password, @DefaultValue("30s") Duration embeddedConnectTimeout) {

    /** Whether the embedded broker is used (no external broker configured). */
    public boolean embedded() {
        return brokerUrl == null || brokerUrl.isBlank();
    }

    @Override
    public String toString() {
        return "MqttProperties[enabled=" + enabled + ", brokerUrl=" + brokerUrl + ", embeddedHost=" + embeddedHost + ", embeddedPort="
                + embeddedPort + ", clientId=" + clientId + ", username=" + username + ", password=" + (password == null ? "unset" : "set")
                + ", embeddedConnectTimeout=" + embeddedConnectTimeout + "]";
    }
}
