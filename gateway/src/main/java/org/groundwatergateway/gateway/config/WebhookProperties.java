package org.groundwatergateway.gateway.config;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The alert webhook ({@code gw.webhook.*}); off while no URL is set.
 *
 * @param url where alerts are POSTed as JSON
 * @param secret the key of the HMAC-SHA256 signature header, shared with the receiver
 * @param audience who receives them, as the sharing policy's explain names audiences ({@code kind:PARK_ADMINISTRATION},
 *                 {@code organisation:R01}); alerts go out only while the policy shows that audience the alert stream
 *                 unmasked. Default: the park administration, whose own duty system a webhook usually feeds.
 */
@ConfigurationProperties("gw.webhook")
public record WebhookProperties(URI url, String secret, String audience) {
    public WebhookProperties {
        if (audience == null || audience.isBlank()) audience = "kind:PARK_ADMINISTRATION";
    }
}
