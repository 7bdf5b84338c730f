package org.groundwatergateway.gateway.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import org.groundwatergateway.core.escalation.Notification;
import tools.jackson.databind.json.JsonMapper;

/** The JSON form of a notification that push, webhook and MQTT all send, so a receiver parses one shape. */
final class NotificationJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NotificationJson() {}

    static String of(Notification notification) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alertId", notification.alertId());
        body.put("level", notification.level().name());
        body.put("levelZh", notification.level().nameZh());
        body.put("tier", notification.tier().name());
        body.put("tierZh", notification.tier().nameZh());
        body.put("kind", notification.kind());
        body.put("subject", notification.subject());
        body.put("message", notification.message());
        body.put("raisedAt", notification.raisedAt().toString());
        body.put("title", notification.title());
        body.put("alert", "/api/v1/alerts/" + notification.alertId());
        body.put("acknowledge", "/api/v1/alerts/" + notification.alertId() + "/acknowledge");
        return JSON.writeValueAsString(body);
    }

    static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    static tools.jackson.databind.JsonNode read(String json) {
        return JSON.readTree(json);
    }
}
