package org.groundwatergateway.core.federation;

import java.time.Instant;
import java.util.List;

/**
 * A warning raised in two gateways at once (issue #19): a plume forecast of the origin's park reaching the target's
 * boundary. Both gateways keep it under the same CAP identifier, each with its own alert in its escalation chain; each
 * side's acknowledgement and close is shown on both. Closed once both gateways have closed it.
 *
 * @param incidentId at the origin, the incident whose forecast it is; null at the target
 * @param alertId the alert it raised in this gateway
 * @param closedAt when the second gateway closed it; null while open
 */
public record JointWarning(long id, String identifier, Side origin, Side target, Long incidentId, boolean exercise, String headlineZh,
                           String headlineEn, String cap, Long alertId, Instant raisedAt, List<Step> acknowledgements, List<Step> closes,
                           Instant closedAt) {

    /** A gateway and its park, as the two gateways name each other. */
    public record Side(String gateway, String park) {}

    /** An acknowledgement or close: by whom, of which gateway and park, when. */
    public record Step(String gateway, String park, String by, String note, Instant at) {}

    public JointWarning {
        acknowledgements = List.copyOf(acknowledgements);
        closes = List.copyOf(closes);
    }

    public boolean closed() {
        return closedAt != null;
    }

    /** The other side than {@code gateway}. */
    public Side other(String gateway) {
        return origin.gateway().equals(gateway) ? target : origin;
    }

    public Side side(String gateway) {
        return origin.gateway().equals(gateway) ? origin : target;
    }
}
