package org.groundwatergateway.gateway.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.groundwatergateway.core.escalation.Channel;
import org.groundwatergateway.core.escalation.Notification;
import org.groundwatergateway.core.escalation.NotificationChannel;

/**
 * Alerts POSTed as JSON to a configured URL, signed so the receiver can tell them from forgeries: header
 * {@value #SIGNATURE_HEADER} is {@code sha256=} and the hex HMAC-SHA256 of the body under the shared secret. Any 2xx
 * answer counts as delivered. The receiver is an audience of the sharing policy like any other: while the policy does
 * not show it the alert stream unmasked, nothing is sent and the delivery fails, saying so.
 */
public final class WebhookChannel implements NotificationChannel {

    public static final String SIGNATURE_HEADER = "X-GW-Signature";

    private final URI url;
    private final byte[] secret;
    private final HttpClient http;
    private final Duration timeout;
    private final String receiver;
    private final BooleanSupplier receiverShown;

    /**
     * @param receiver      who receives the alerts, as the sharing policy names audiences
     * @param receiverShown whether the sharing policy shows that receiver the alert stream unmasked now
     */
    public WebhookChannel(URI url, String secret, Duration timeout, String receiver, BooleanSupplier receiverShown) {
        this.url = url;
        this.receiver = receiver;
        this.receiverShown = receiverShown;
        this.secret = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public String destination(Notification notification) {
        return url.toString();
    }

    @Override
    public void send(Notification notification, String recipient) throws IOException, InterruptedException {
        if (!receiverShown.getAsBoolean()) throw new IOException("the sharing policy does not show the alert stream to the webhook's receiver " + receiver);
        byte[] body = NotificationJson.of(notification).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(recipient)).timeout(timeout)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header(SIGNATURE_HEADER, "sha256=" + sign(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) throw new IOException("HTTP " + response.statusCode() + " from " + recipient);
    }

    /** The hex HMAC-SHA256 of the body, as a receiver computes it to check. */
    public static String sign(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // An empty key is not allowed by SecretKeySpec; an unsigned hook still carries a well-formed header.
            mac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
