package org.groundwatergateway.gateway.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.escalation.Notification;
import org.groundwatergateway.core.escalation.Tier;
import org.junit.jupiter.api.Test;

/** Every notification (push, webhook, MQTT) links to its alert and to its acknowledgement. */
class NotificationJsonTest {

    @Test
    void aNotificationLinksToItsAlert() {
        var json = NotificationJson.read(NotificationJson.of(new Notification(42, Alert.Level.SEVERE, Tier.DUTY_OFFICER, "CLASS_LIMIT",
                "GW-U04/benzene", "苯超过 IV 类限值", Instant.parse("2026-12-04T01:00:00Z"))));
        assertThat(json.get("alert").asString()).isEqualTo("/api/v1/alerts/42");
        assertThat(json.get("acknowledge").asString()).isEqualTo("/api/v1/alerts/42/acknowledge");
    }
}
