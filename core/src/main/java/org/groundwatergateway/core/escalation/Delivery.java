package org.groundwatergateway.core.escalation;

import java.time.Instant;

/** One attempt to send one notification to one recipient on one channel. */
public record Delivery(Long id, long alertId, Tier tier, Channel channel, String recipient, int attempt, Status status, String error,
                       Instant attemptedAt) {

    public enum Status { SENT, FAILED }
}
