package org.groundwatergateway.policies.sharing;

import java.time.Instant;

/**
 * One stored version of the sharing policy, without its document.
 *
 * @param activatedAt when it was last activated; null for a draft
 */
public record PolicyVersion(int version, String name, State state, String createdBy, Instant createdAt, Instant activatedAt) {

    /** A draft was never active; the active version decides now; a retired one was active before. */
    public enum State { DRAFT, ACTIVE, RETIRED }
}
