package org.groundwatergateway.gateway.federation;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * How many signed messages each partner's client may push (issue #19, a flood from a partner): a bucket of
 * {@code perMinute} messages per client, refilled evenly, so a burst up to a minute's worth passes and a steady flood
 * is held to the rate. Checked before a message is verified, so a flood costs no signature check nor key fetch.
 */
final class IntakeLimiter {

    private record Bucket(double tokens, Instant at) {}

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new HashMap<>();

    IntakeLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    int perMinute() {
        return perMinute;
    }

    /** Takes one message of the client's: 0 if it may pass, otherwise the whole seconds until it may (at least 1). */
    synchronized long take(String client) {
        Instant now = clock.instant();
        double perSecond = perMinute / 60.0;
        Bucket bucket = buckets.getOrDefault(client, new Bucket(perMinute, now));
        double elapsed = Math.max(0, (now.toEpochMilli() - bucket.at().toEpochMilli()) / 1000.0);
        double tokens = Math.min(perMinute, bucket.tokens() + elapsed * perSecond);
        if (tokens >= 1) {
            buckets.put(client, new Bucket(tokens - 1, now));
            return 0;
        }
        buckets.put(client, new Bucket(tokens, now));
        return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
    }
}
