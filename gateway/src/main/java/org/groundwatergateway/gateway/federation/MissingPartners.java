package org.groundwatergateway.gateway.federation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.groundwatergateway.core.federation.MirrorState;
import org.groundwatergateway.core.federation.Mirrors;
import org.groundwatergateway.gateway.config.FederationProperties;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.gateway.sharing.DisclosuresAsked;
import org.groundwatergateway.policies.AccessPolicy;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.federation.Agreement;
import org.groundwatergateway.policies.federation.Agreements;
import org.groundwatergateway.policies.sharing.Datasets;

/**
 * Which partners an answer from our data and the partners' mirrors is missing (issue #19, federated queries): those
 * we receive from under an agreement in force whose mirror is stale (the partner is down, or refuses), each with the
 * time of its last whole pull. A door that answers from the mirrors says so, so that no answer is silently partial:
 * the {@value #HEADER} header, and where the answer is a JSON collection a {@code partial} member.
 */
public final class MissingPartners {

    /** E.g. {@code gw-park-b; park=PARK-B; lastSuccessAt=2026-12-05T00:01:02Z, gw-park-c; park=PARK-C; lastSuccessAt=never}. */
    public static final String HEADER = "GW-Federation-Partial";

    /** A partner whose data an answer lacks, and since when: null if it was never pulled whole. */
    public record Missing(String gateway, String park, Instant lastSuccessAt) {}

    private final Agreements agreements;
    private final Mirrors mirrors;
    private final FederationProperties properties;
    private final AccessPolicy policy;
    private final Clock clock;

    public MissingPartners(Agreements agreements, Mirrors mirrors, FederationProperties properties, AccessPolicy policy, Clock clock) {
        this.agreements = agreements;
        this.mirrors = mirrors;
        this.properties = properties;
        this.policy = policy;
        this.clock = clock;
    }

    /** The partners whose mirrored data the viewer would see here but whose mirror is stale; none for a viewer shown no foreign data. */
    public List<Missing> missing(Viewer viewer) {
        if (!Datasets.wholeOrNothing(Datasets.FOREIGN_OBSERVATIONS, policy.disclose(viewer, Datasets.FOREIGN_OBSERVATIONS)).visible()) return List.of();
        Instant now = clock.instant();
        Set<Long> peers = agreements.receivingNow().stream().map(Agreement::peerId).collect(Collectors.toCollection(LinkedHashSet::new));
        List<Missing> missing = new ArrayList<>();
        for (long peer : peers) {
            MirrorState state = mirrors.state(peer);
            if (state.stale(now, properties.staleAfter())) {
                var partner = agreements.peer(peer);
                missing.add(new Missing(partner.gatewayId(), partner.parkCode(), state.lastSuccessAt()));
            }
        }
        return missing;
    }

    /**
     * Names the partners missing from an answer that was shown what partners share with us (the door asked the policy
     * for {@code foreign_observations}: WFS, WMS and OGC API answers over the mirrored readings, their capabilities).
     */
    public void mark(HttpServletRequest request, HttpServletResponse response) {
        if (!DisclosuresAsked.includes(request, Datasets.FOREIGN_OBSERVATIONS)) return;
        List<Missing> missing = missing(Viewers.current());
        if (!missing.isEmpty()) response.setHeader(HEADER, header(missing));
    }

    /** The header's value: each partner missing, with its park and last success ({@code never} if none). */
    public static String header(List<Missing> missing) {
        return missing.stream().map(m -> m.gateway() + "; park=" + m.park() + "; lastSuccessAt=" + (m.lastSuccessAt() == null ? "never" : m.lastSuccessAt()))
                .collect(Collectors.joining(", "));
    }
}
