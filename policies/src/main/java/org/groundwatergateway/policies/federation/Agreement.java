package org.groundwatergateway.policies.federation;

import java.time.Instant;
import java.util.List;

/**
 * What one side shares with the other: some of the sharing side's datastreams, at a disclosure level (a grant
 * template), under a licence, for a period. An agreement we {@link Direction#SHARE share} under is enforced here as
 * the grant {@code grantId}; one we {@link Direction#RECEIVE receive} under is what the puller mirrors (the partner
 * enforces it on its side).
 *
 * @param end null while it has not been ended
 */
public record Agreement(long id, long peerId, Direction direction, List<Long> datastreams, String level, String licence, Instant validFrom,
                        Instant validUntil, Long grantId, String createdBy, Instant createdAt, End end) {

    public enum Direction { SHARE, RECEIVE }

    public enum State { SCHEDULED, ACTIVE, EXPIRED, ENDED }

    public record End(String endedBy, Instant endedAt, String reason) {}

    public Agreement {
        datastreams = List.copyOf(datastreams);
    }

    public State state(Instant now) {
        if (end != null) return State.ENDED;
        if (now.isBefore(validFrom)) return State.SCHEDULED;
        return now.isBefore(validUntil) ? State.ACTIVE : State.EXPIRED;
    }
}
