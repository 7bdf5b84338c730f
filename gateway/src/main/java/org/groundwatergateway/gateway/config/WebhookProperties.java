package org.groundwatergateway.gateway.config;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The alert webhook ({@code gw.webhook.*}); off while no URL is set.
 *
 * @param url where alerts are POSTed as JSON
 * @param secret the key of the HMAC-SHA256 signature header, shared with the receiver
 */
@ConfigurationProperties("gw.webhook")
public record WebhookProperties(URI url, String secret) {}
