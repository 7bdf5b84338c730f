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
 * unknown keys cannot make us fetch without end.
 */
public final class PartnerKeys {

    static final Duration REFETCH = Duration.ofSeconds(10);

    private record Fetched(JWKSet keys, Instant at) {}

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
        Fetched fetched = known.get(peer.id());
        if (fetched != null && (!again || clock.instant().isBefore(fetched.at().plus(REFETCH)))) return fetched.keys();
        Fetched fresh = new Fetched(fetch(peer), clock.instant());
        known.put(peer.id(), fresh);
        return fresh.keys();
    }

    private JWKSet fetch(Peer peer) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(peer.baseUrl() + "/oauth2/jwks")).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) throw new MessageRefusal(Reason.UNKNOWN_KEY, "gateway " + peer.gatewayId() + " JWKS answered " + response.statusCode());
            return JWKSet.parse(response.body());
        } catch (IOException | ParseException e) {
            throw new MessageRefusal(Reason.UNKNOWN_KEY, "gateway " + peer.gatewayId() + " JWKS unreadable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessageRefusal(Reason.UNKNOWN_KEY, "interrupted while reading gateway " + peer.gatewayId() + " JWKS");
        }
    }
}
