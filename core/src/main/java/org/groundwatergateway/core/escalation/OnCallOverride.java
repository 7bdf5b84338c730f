package org.groundwatergateway.core.escalation;

import java.time.Instant;
import org.groundwatergateway.core.problem.InvalidInput;

/** From {@code start} until {@code end} the contact holds the tier instead of the rota's contacts (leave, swaps, holidays). */
public record OnCallOverride(Long id, Tier tier, long contactId, Instant start, Instant end, String reason) {

    public OnCallOverride {
        if (tier == null) throw new InvalidInput("core.required", "tier");
        if (start == null) throw new InvalidInput("core.required", "start");
        if (end == null) throw new InvalidInput("core.required", "end");
        if (!end.isAfter(start)) throw new InvalidInput("core.onCall.endBeforeStart", "end");
    }

    public OnCallOverride withId(long newId) {
        return new OnCallOverride(newId, tier, contactId, start, end, reason);
    }
}
