package org.groundwatergateway.gateway.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Federation with partner gateways ({@code gw.federation.*}, docs/federation.md).
 *
 * @param gatewayId this gateway's id, as partners register it and its signed messages name it
 * @param pullInterval how often each partner's shared datastreams are pulled
 * @param lookback how far before the newest mirrored observation a pull reads again, for observations the partner
 *                 stored late (they are merged by time, so reading one again stores nothing twice)
 * @param staleAfter a mirror whose last whole pull is older than this is stale, as is one whose last pull failed
 * @param backoffMax the longest wait between pulls of a partner that keeps failing (the waits double up to it)
 * @param clockSkew how far a signed message's time may be from ours
 * @param requestTimeout of each request to a partner
 * @param pageSize observations asked for per request
 * @param maxPages pages read per datastream and pull; the next pull goes on from what is stored
 * @param pullDeadline the longest a pull of one partner may take, all its datastreams and pages together
 * @param maxAnswerBytes the largest answer read from a partner
 * @param allowPlainHttp whether a partner's base URL may be plain http (tests on loopback only: the client secret
 *                       and tokens would travel in clear)
 * @param intakePerMinute signed messages one partner's client may push per minute (a bucket of that many, refilled
 *                        evenly); beyond it a message is refused with 429 before it is verified
 * @param acceptedLicences the licences this gateway accepts data under (an agreement to receive under another, or a
 *                         pushed message naming another, is refused); empty: any
 */
@ConfigurationProperties("gw.federation")
public record FederationProperties(String gatewayId, Duration pullInterval, Duration lookback, Duration staleAfter, Duration backoffMax,
                                   Duration clockSkew, Duration requestTimeout, Integer pageSize, Integer maxPages, Duration pullDeadline,
                                   Long maxAnswerBytes, boolean allowPlainHttp, Integer intakePerMinute, List<String> acceptedLicences) {
    public FederationProperties {
        if (gatewayId == null || gatewayId.isBlank()) gatewayId = "groundwater-gateway";
        if (pullInterval == null) pullInterval = Duration.ofMinutes(1);
        if (lookback == null) lookback = Duration.ofHours(1);
        if (staleAfter == null) staleAfter = pullInterval.multipliedBy(3);
        if (backoffMax == null) backoffMax = Duration.ofMinutes(15);
        if (clockSkew == null) clockSkew = Duration.ofMinutes(2);
        if (requestTimeout == null) requestTimeout = Duration.ofSeconds(20);
        if (pageSize == null) pageSize = 1000;
        if (maxPages == null) maxPages = 100;
        if (pullDeadline == null) pullDeadline = Duration.ofMinutes(5);
        if (maxAnswerBytes == null) maxAnswerBytes = 16L * 1024 * 1024;
        if (intakePerMinute == null) intakePerMinute = 600;
        acceptedLicences = acceptedLicences == null ? List.of() : acceptedLicences.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (intakePerMinute < 1) throw new IllegalArgumentException("gw.federation.intake-per-minute must be at least 1");
        if (pullInterval.isNegative() || pullInterval.isZero()) throw new IllegalArgumentException("gw.federation.pull-interval must be positive");
    }
}
