package org.groundwatergateway.core.escalation;

import java.time.Instant;

/** From {@code start} until {@code end} the contact holds the tier instead of the rota's contacts (leave, swaps, holidays). */
public record OnCallOverride(Long id, Tier tier, long contactId, Instant start, Instant end, String reason) {

    public OnCallOverride {
        if (tier == null) throw new IllegalArgumentException("tier is required");
        if (start == null) throw new IllegalArgumentException("start is required");
        if (end == null) throw new IllegalArgumentException("end is required");
        if (!end.isAfter(start)) throw new IllegalArgumentException("end: must be after start");
    }

    public OnCallOverride withId(long newId) {
        return new OnCallOverride(newId, tier, contactId, start, end, reason);
    }
}
