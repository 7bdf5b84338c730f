package org.groundwatergateway.gateway.notification;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.groundwatergateway.core.escalation.Notification;
import org.groundwatergateway.core.text.Shortened;
import tools.jackson.databind.JsonNode;

/**
 * Alibaba Cloud SMS (短信服务, dysmsapi 2017-05-25): the RPC-style {@code SendSms} call, signed with signature version 1.0
 * (HMAC-SHA1 over the sorted, percent-encoded parameters; key = AccessKey secret + "&"). The parameters go in a form body
 * so Chinese text never meets a URL length limit. The provider answers {@code "Code": "OK"} when it took the message.
 */
public final class AliyunSms implements SmsProvider {

    static final String API_VERSION = "2017-05-25";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    /** The account and the approved signature and template to send with. */
    public record Settings(URI endpoint, String regionId, String accessKeyId, String accessKeySecret, String signName, String templateCode) {}

    /** The provider refused the message: its code (e.g. isv.BUSINESS_LIMIT_CONTROL) and message. */
    public static final class Refused extends Exception {
        Refused(String code, String message) {
            super(code + ": " + message);
        }
    }

    private final Settings settings;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    public AliyunSms(Settings settings, Duration timeout, Clock clock) {
        this.settings = settings;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public void send(String phoneNumber, Notification notification) throws IOException, InterruptedException, Refused {
        Map<String, String> templateParam = new LinkedHashMap<>();
        templateParam.put("level", notification.level().nameZh());
        templateParam.put("kind", notification.kind());
        templateParam.put("subject", notification.subject());
        templateParam.put("id", Long.toString(notification.alertId()));
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("AccessKeyId", settings.accessKeyId());
        parameters.put("Action", "SendSms");
        parameters.put("Format", "JSON");
        parameters.put("RegionId", settings.regionId());
        parameters.put("SignatureMethod", "HMAC-SHA1");
        parameters.put("SignatureNonce", UUID.randomUUID().toString());
        parameters.put("SignatureVersion", "1.0");
        parameters.put("Timestamp", TIMESTAMP.format(clock.instant()));
        parameters.put("Version", API_VERSION);
        parameters.put("PhoneNumbers", phoneNumber);
        parameters.put("SignName", settings.signName());
        parameters.put("TemplateCode", settings.templateCode());
        parameters.put("TemplateParam", NotificationJson.write(templateParam));
        parameters.put("OutId", Long.toString(notification.alertId()));
        String body = canonicalQuery(parameters) + "&Signature=" + percentEncode(signature("POST", parameters, settings.accessKeySecret()));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(settings.endpoint()).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode answer;
        try {
            answer = NotificationJson.read(response.body());
        } catch (RuntimeException e) {
            throw new IOException("HTTP " + response.statusCode() + " with a body that is not JSON: " + Shortened.to(response.body(), 200));
        }
        String code = answer.path("Code").asString("");
        if (!"OK".equals(code)) throw new Refused(code.isEmpty() ? "HTTP " + response.statusCode() : code, answer.path("Message").asString(""));
    }

    /** The signature of a request with these parameters (Signature itself excluded), as the provider computes it to check. */
    static String signature(String method, Map<String, String> parameters, String accessKeySecret) {
        String stringToSign = method + "&" + percentEncode("/") + "&" + percentEncode(canonicalQuery(new TreeMap<>(parameters)));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((accessKeySecret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is part of every JDK", e);
        }
    }

    private static String canonicalQuery(Map<String, String> sorted) {
        return sorted.entrySet().stream().map(e -> percentEncode(e.getKey()) + "=" + percentEncode(e.getValue())).collect(Collectors.joining("&"));
    }

    /** RFC 3986 unreserved characters stay, all else is %XY of UTF-8: form encoding with its three differences undone. */
    static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
