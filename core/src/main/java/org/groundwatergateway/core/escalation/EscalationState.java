package org.groundwatergateway.core.escalation;

import java.time.Instant;
import org.groundwatergateway.core.alert.Alert.Level;

/**
 * Where an alert stands on the chain.
 *
 * @param tier the highest tier notified so far
 * @param nextDueAt when the next tier is notified unless the alert is acknowledged first; null at the top or once acknowledged
 */
public record EscalationState(long alertId, String kind, Level level, String subject, String message, Tier tier, Instant startedAt,
                              Instant nextDueAt, Instant acknowledgedAt, String acknowledgedBy, String note) {

    public Notification notification(Tier to) {
        return new Notification(alertId, level, to, kind, subject, message, startedAt);
    }
}
