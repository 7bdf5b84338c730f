package org.groundwatergateway.core.federation;

import java.time.Duration;
import java.time.Instant;

/**
 * How a partner's mirror stands: when it was last pulled, last pulled whole, how many pulls failed since, why the
 * last one failed and when the next is due.
 */
public record MirrorState(long peerId, Instant lastAttemptAt, Instant lastSuccessAt, int failures, String lastError, Instant nextAttemptAt) {

    public static MirrorState never(long peerId) {
        return new MirrorState(peerId, null, null, 0, null, null);
    }

    /** Stale: never pulled whole, the last pull failed, or the last whole one is older than {@code staleAfter}. */
    public boolean stale(Instant now, Duration staleAfter) {
        return lastSuccessAt == null || failures > 0 || lastSuccessAt.plus(staleAfter).isBefore(now);
    }

    public boolean due(Instant now) {
        return nextAttemptAt == null || !now.isBefore(nextAttemptAt);
    }
}
