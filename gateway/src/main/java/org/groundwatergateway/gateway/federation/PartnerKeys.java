package org.groundwatergateway.gateway.federation;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.groundwatergateway.gateway.federation.MessageRefusal.Reason;
import org.groundwatergateway.policies.federation.Peer;

/**
 * Partners' published keys (their JWKS at {@code /oauth2/jwks}), remembered; read again when a message names a key
 * not among them (the partner rotated), but at most every {@link #REFETCH} per partner, so that messages naming
 * unknown keys cannot make us fetch without end. A failed fetch counts too: while a partner's JWKS is down, its
 * messages are refused with that failure until {@link #REFETCH} has passed, without asking again.
 */
public final class PartnerKeys {

    static final Duration REFETCH = Duration.ofSeconds(10);
    /** A JWKS is a few keys: a few KB. */
    static final long MAX_JWKS_BYTES = 256 * 1024;

    /** The last fetch: its keys (null if it failed, with the refusal), and when. */
    private record Fetched(JWKSet keys, MessageRefusal failure, Instant at) {}

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final Map<Long, Fetched> known = new ConcurrentHashMap<>();

    public PartnerKeys(Duration timeout, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
        this.clock = clock;
    }

    public JWKSet of(Peer peer, boolean again) {
        Fetched last = known.get(peer.id());
        boolean recent = last != null && clock.instant().isBefore(last.at().plus(REFETCH));
        if (last != null && last.keys() != null && (!again || recent)) return last.keys();
        if (last != null && last.keys() == null && recent) throw new MessageRefusal(last.failure().reason(), last.failure().detail());
        Fetched fresh;
        try {
            fresh = new Fetched(fetch(peer), null, clock.instant());
        } catch (MessageRefusal e) {
            // Keys fetched before stay usable; only the failure's time holds back the next fetch.
            known.put(peer.id(), last != null && last.keys() != null ? new Fetched(last.keys(), null, clock.instant()) : new Fetched(null, e, clock.instant()));
            throw e;
        }
        known.put(peer.id(), fresh);
        return fresh.keys();
    }

    private JWKSet fetch(Peer peer) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(peer.baseUrl() + "/oauth2/jwks")).timeout(timeout).GET().build(),
                    BoundedBody.upTo(MAX_JWKS_BYTES));
            if (response.statusCode() != 200) throw new MessageRefusal(Reason.UNKNOWN_KEY, "gateway " + peer.gatewayId() + " JWKS answered " + response.statusCode());
            return JWKSet.parse(response.body());
        } catch (ParseException e) {
            throw new MessageRefusal(Reason.UNKNOWN_KEY, "gateway " + peer.gatewayId() + " JWKS could not be read");
        } catch (IOException e) {
            throw new MessageRefusal(Reason.UNKNOWN_KEY, "gateway " + peer.gatewayId() + (BoundedBody.tooLarge(e) ? " JWKS larger than " + MAX_JWKS_BYTES
                    + " bytes" : " JWKS unreachable"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessageRefusal(Reason.UNKNOWN_KEY, "interrupted while reading gateway " + peer.gatewayId() + " JWKS");
        }
    }
}
