package org.groundwatergateway.policies.sharing;

import java.time.Instant;
import java.util.List;

/**
 * An organisation's request for access: which template, which of its datasets, why, and for when. It is decided once:
 * approved (a grant follows), refused, or withdrawn by the organisation before a decision.
 *
 * @param decidedBy who approved, refused or withdrew it; null while requested
 * @param reason the refusal's reason or the approval's note; null if none was given
 * @param grant the grant an approval made; null otherwise
 */
public record ShareRequest(long id, String organisation, String template, List<String> datasets, String purpose, Instant validFrom,
                           Instant validUntil, String requestedBy, Instant requestedAt, Status status, String decidedBy, Instant decidedAt,
                           String reason, Long grant) {

    public enum Status { REQUESTED, APPROVED, REFUSED, WITHDRAWN }

    public ShareRequest {
        datasets = List.copyOf(datasets);
    }
}
