package org.groundwatergateway.gateway.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.groundwatergateway.core.alert.Alert.Level;
import org.groundwatergateway.core.escalation.Notification;
import org.groundwatergateway.core.escalation.Tier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Alibaba Cloud SMS adapter against a local server that does what dysmsapi does: decodes the form, recomputes the
 * signature 1.0 from the parameters with the account's secret (independently of the adapter: the documented steps, written
 * out here), checks the common and SendSms parameters, and answers {@code Code: OK}, a business error, or
 * {@code SignatureDoesNotMatch}.
 */
class AliyunSmsTest {

    private static final String KEY_ID = "LTAI-test-key";
    private static final String SECRET = "test-secret/with+odd*chars~";
    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    private static final Notification NOTIFICATION = new Notification(42, Level.SEVERE, Tier.DUTY_OFFICER, "THRESHOLD", "GW-U04 苯",
            "苯 0.125 mg/L，超过 IV 类限值 0.12 mg/L", NOW);

    private HttpServer server;
    private final ConcurrentLinkedQueue<Map<String, String>> received = new ConcurrentLinkedQueue<>();
    private volatile String businessAnswer = "OK";

    @BeforeEach
    void provider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                String[] kv = pair.split("=", 2);
                parameters.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            received.add(parameters);
            String answer;
            int status = 200;
            if (!expectedSignature(exchange.getRequestMethod(), parameters).equals(parameters.get("Signature"))) {
                status = 400;
                answer = "{\"RequestId\":\"r1\",\"Code\":\"SignatureDoesNotMatch\",\"Message\":\"Specified signature is not matched with our calculation.\"}";
            } else if ("OK".equals(businessAnswer)) {
                answer = "{\"RequestId\":\"r2\",\"BizId\":\"900619746936498440^0\",\"Code\":\"OK\",\"Message\":\"OK\"}";
            } else {
                answer = "{\"RequestId\":\"r3\",\"Code\":\"" + businessAnswer + "\",\"Message\":\"触发小时级流控Permits:5\"}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** The documented signature: sorted pairs, RFC 3986 encoding, METHOD&%2F&encoded-query, HMAC-SHA1 with secret + "&". */
    private static String expectedSignature(String method, Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.keySet().stream().filter(k -> !k.equals("Signature")).sorted().forEach(k -> {
            if (query.length() > 0) query.append('&');
            query.append(rfc3986(k)).append('=').append(rfc3986(parameters.get(k)));
        });
        String toSign = method + "&%2F&" + rfc3986(query.toString());
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
            mac.init(new javax.crypto.spec.SecretKeySpec((SECRET + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return java.util.Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** Percent-encoding byte by byte, keeping only A-Z a-z 0-9 - _ . ~ as the documentation's table says. */
    private static String rfc3986(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private AliyunSms sms(String secret) {
        return new AliyunSms(new AliyunSms.Settings(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), "cn-hangzhou", KEY_ID,
                secret, "地下水监控平台", "SMS_123456789"), Duration.ofSeconds(5), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void sendsASignedSendSmsTheProviderAccepts() throws Exception {
        sms(SECRET).send("13800000001", NOTIFICATION);
        Map<String, String> request = received.poll();
        assertThat(request).containsEntry("Action", "SendSms").containsEntry("Version", "2017-05-25").containsEntry("Format", "JSON")
                .containsEntry("AccessKeyId", KEY_ID).containsEntry("SignatureMethod", "HMAC-SHA1").containsEntry("SignatureVersion", "1.0")
                .containsEntry("Timestamp", "2026-11-25T02:00:00Z").containsEntry("RegionId", "cn-hangzhou")
                .containsEntry("PhoneNumbers", "13800000001").containsEntry("SignName", "地下水监控平台")
                .containsEntry("TemplateCode", "SMS_123456789").containsEntry("OutId", "42").containsKey("SignatureNonce");
        assertThat(NotificationJson.read(request.get("TemplateParam")).path("level").asString()).isEqualTo("严重");
        assertThat(NotificationJson.read(request.get("TemplateParam")).path("subject").asString()).isEqualTo("GW-U04 苯");

        sms(SECRET).send("13800000002", NOTIFICATION);
        assertThat(received.poll().get("SignatureNonce")).isNotEqualTo(request.get("SignatureNonce"));
    }

    @Test
    void aRefusalCarriesTheProvidersCode() {
        businessAnswer = "isv.BUSINESS_LIMIT_CONTROL";
        assertThatThrownBy(() -> sms(SECRET).send("13800000001", NOTIFICATION)).isInstanceOf(AliyunSms.Refused.class)
                .hasMessageContaining("isv.BUSINESS_LIMIT_CONTROL").hasMessageContaining("流控");
    }

    @Test
    void aWrongSecretIsRefusedAsSignatureDoesNotMatch() {
        assertThatThrownBy(() -> sms("not-the-secret").send("13800000001", NOTIFICATION)).isInstanceOf(AliyunSms.Refused.class)
                .hasMessageStartingWith("SignatureDoesNotMatch");
    }
}
