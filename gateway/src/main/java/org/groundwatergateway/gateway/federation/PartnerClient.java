package org.groundwatergateway.gateway.federation;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.groundwatergateway.policies.federation.Peer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to a partner gateway as its client: an access token by client credentials at the partner's token endpoint
 * (kept until shortly before it expires), then SensorThings reads with it. Links the partner gives are followed only
 * under its base URL, so our token never goes anywhere else.
 */
public final class PartnerClient {

    /** A partner's answer: its body, and what it says it masked ({@code GW-Disclosure}), if anything. */
    public record Answer(JsonNode body, String disclosure) {}

    private record Token(String value, Instant expires) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final Map<Long, Token> tokens = new ConcurrentHashMap<>();
    private final long maxAnswerBytes;

    /** @param maxAnswerBytes the largest answer read; a larger one fails the request */
    public PartnerClient(Duration timeout, long maxAnswerBytes, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
        this.maxAnswerBytes = maxAnswerBytes;
        this.clock = clock;
    }

    /** GETs a path (with its query) under the partner's base URL, or an absolute URL under it (a next link). */
    public Answer get(Peer peer, String pathOrUrl) {
        String url = pathOrUrl.startsWith("/") ? peer.baseUrl() + pathOrUrl : pathOrUrl;
        if (!url.startsWith(peer.baseUrl() + "/")) throw new PartnerFailure("partner " + peer.gatewayId() + " linked outside its base URL: " + url);
        HttpResponse<String> response = send(peer, HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Authorization", "Bearer " + token(peer)).header("Accept", "application/json").GET().build());
        if (response.statusCode() == 401) tokens.remove(peer.id());
        if (response.statusCode() != 200) {
            throw new PartnerFailure("partner " + peer.gatewayId() + " answered " + response.statusCode() + " to " + URI.create(url).getPath());
        }
        return new Answer(json(peer, response), response.headers().firstValue("GW-Disclosure").orElse(null));
    }

    /** A partner's answer to a POST: its status and body, as they came. */
    public record Posted(int status, String body) {}

    /** POSTs a JSON body to a path under the partner's base URL with our token there; any answer but an unreachable partner is returned. */
    public Posted post(Peer peer, String path, String json) {
        HttpResponse<String> response = send(peer, HttpRequest.newBuilder(URI.create(peer.baseUrl() + path)).timeout(timeout)
                .header("Authorization", "Bearer " + token(peer)).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
        if (response.statusCode() == 401) tokens.remove(peer.id());
        return new Posted(response.statusCode(), response.body());
    }

    private String token(Peer peer) {
        Token token = tokens.get(peer.id());
        if (token != null && clock.instant().isBefore(token.expires())) return token.value();
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(peer.outboundClientId(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(peer.outboundClientSecret(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(peer, HttpRequest.newBuilder(URI.create(peer.baseUrl() + "/oauth2/token")).timeout(timeout)
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        if (response.statusCode() != 200) {
            throw new PartnerFailure("partner " + peer.gatewayId() + " refused our client credentials (" + response.statusCode() + ")");
        }
        JsonNode body = json(peer, response);
        if (!body.path("access_token").isString()) throw PartnerFailure.unreadable(peer, response.statusCode());
        // Renewed a little before it expires, so a pull never starts with a token about to run out.
        Token fresh = new Token(body.get("access_token").asString(), clock.instant().plusSeconds(Math.max(0, body.path("expires_in").asLong(60) - 30)));
        tokens.put(peer.id(), fresh);
        return fresh.value();
    }

    /** The answer as JSON; what the parser says is not kept, since it may quote the partner's answer. */
    private static JsonNode json(Peer peer, HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw PartnerFailure.unreadable(peer, response.statusCode());
        }
    }

    private HttpResponse<String> send(Peer peer, HttpRequest request) {
        try {
            return http.send(request, BoundedBody.upTo(maxAnswerBytes));
        } catch (IOException e) {
            if (BoundedBody.tooLarge(e)) throw new PartnerFailure("partner " + peer.gatewayId() + " answered more than " + maxAnswerBytes + " bytes", e);
            throw new PartnerFailure("partner " + peer.gatewayId() + " unreachable (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartnerFailure("interrupted while asking partner " + peer.gatewayId(), e);
        }
    }
}
