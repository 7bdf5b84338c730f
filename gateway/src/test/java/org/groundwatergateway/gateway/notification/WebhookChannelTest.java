package org.groundwatergateway.gateway.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.groundwatergateway.core.alert.Alert.Level;
import org.groundwatergateway.core.escalation.Notification;
import org.groundwatergateway.core.escalation.Tier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The webhook against a local receiver that checks the HMAC-SHA256 signature header the way a receiver would. */
class WebhookChannelTest {

    private static final String SECRET = "shared-webhook-secret";
    private static final Notification NOTIFICATION = new Notification(9, Level.GENERAL, Tier.EMERGENCY_TEAM, "DEVICE_SILENT", "32062324000001",
            "设备 2 小时未上报数据", Instant.parse("2026-11-25T02:00:00Z"));

    private HttpServer server;
    private final ConcurrentLinkedQueue<JsonNode> accepted = new ConcurrentLinkedQueue<>();
    private volatile int status = 204;
    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeEach
    void receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            requests.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("X-GW-Signature");
            boolean valid = ("sha256=" + hmac(body)).equals(signature)
                    && exchange.getRequestHeaders().getFirst("Content-Type").startsWith("application/json");
            if (valid && status / 100 == 2) accepted.add(NotificationJson.read(new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(valid ? status : 401, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private WebhookChannel channel(String secret) {
        return channel(secret, () -> true);
    }

    private WebhookChannel channel(String secret, java.util.function.BooleanSupplier receiverShown) {
        return new WebhookChannel(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook"), secret, Duration.ofSeconds(5),
                "organisation:P02", receiverShown);
    }

    @Test
    void aReceiverThePolicyDoesNotShowTheAlertStreamGetsNothing() {
        WebhookChannel webhook = channel(SECRET, () -> false);
        assertThatThrownBy(() -> webhook.send(NOTIFICATION, webhook.destination(NOTIFICATION))).isInstanceOf(IOException.class)
                .hasMessageContaining("organisation:P02");
        assertThat(accepted).isEmpty();
        assertThat(requests.get()).as("not even a request").isZero();
    }

    @Test
    void postsSignedJsonTheReceiverAccepts() throws Exception {
        WebhookChannel webhook = channel(SECRET);
        webhook.send(NOTIFICATION, webhook.destination(NOTIFICATION));
        JsonNode body = accepted.poll();
        assertThat(body.path("alertId").asLong()).isEqualTo(9);
        assertThat(body.path("tier").asString()).isEqualTo("EMERGENCY_TEAM");
        assertThat(body.path("tierZh").asString()).isEqualTo("应急队伍");
        assertThat(body.path("message").asString()).isEqualTo("设备 2 小时未上报数据");
        assertThat(body.path("level").asString()).isEqualTo("GENERAL");
    }

    @Test
    void aWrongSecretOrAnErrorAnswerIsAFailure() {
        WebhookChannel forged = channel("another-secret");
        assertThatThrownBy(() -> forged.send(NOTIFICATION, forged.destination(NOTIFICATION))).hasMessageContaining("HTTP 401");
        status = 503;
        WebhookChannel webhook = channel(SECRET);
        assertThatThrownBy(() -> webhook.send(NOTIFICATION, webhook.destination(NOTIFICATION))).hasMessageContaining("HTTP 503");
        assertThat(accepted).isEmpty();
    }
}
