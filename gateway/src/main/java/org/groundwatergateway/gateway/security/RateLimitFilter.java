package org.groundwatergateway.gateway.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.gateway.config.RateLimitProperties;
import org.groundwatergateway.gateway.web.LocalizedProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the classes of {@link RateLimitedRequest} per client address with Bucket4j token buckets. It runs ahead of
 * Spring Security, so a guessed password or client secret is refused before any hash of it is computed. A refused
 * request gets 429 with {@code Retry-After} (whole seconds until the address has a token again, at least 1) and an
 * RFC 9457 problem; refusals are counted in {@code gw.rate_limit.refused} by class and logged at most once a minute per
 * class.
 *
 * <p>The client address is {@link HttpServletRequest#getRemoteAddr()}: the peer of the connection, never a header the
 * client writes itself. Behind a reverse proxy, let the container replace it from the proxy's {@code X-Forwarded-For}
 * ({@code server.forward-headers-strategy=native}: Tomcat trusts the header only from internal proxy addresses).
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    static final String METRIC = "gw.rate_limit.refused";
    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final long LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final RateLimitedRequest.Thresholds thresholds;
    private final Map<RateLimitedRequest, Limiter> limiters = new EnumMap<>(RateLimitedRequest.class);

    public RateLimitFilter(RateLimitProperties properties, MeterRegistry meters) {
        this.thresholds = new RateLimitedRequest.Thresholds(properties.largeMapPixels(), properties.exportFeatures(), properties.exportReadings());
        add(RateLimitedRequest.TOKEN, properties.token(), properties.maxAddresses(), meters);
        add(RateLimitedRequest.LOGIN, properties.login(), properties.maxAddresses(), meters);
        add(RateLimitedRequest.BASIC, properties.basic(), properties.maxAddresses(), meters);
        add(RateLimitedRequest.ANALYSIS, properties.analysis(), properties.maxAddresses(), meters);
        add(RateLimitedRequest.LARGE_MAP, properties.largeMap(), properties.maxAddresses(), meters);
        add(RateLimitedRequest.EXPORT, properties.export(), properties.maxAddresses(), meters);
        add(RateLimitedRequest.SPARQL, properties.sparql(), properties.maxAddresses(), meters);
    }

    private void add(RateLimitedRequest kind, RateLimitProperties.Limit limit, int maxAddresses, MeterRegistry meters) {
        Counter refused = Counter.builder(METRIC).tag("class", kind.key())
                .description("Requests refused with 429 because their client address exceeded the class's rate limit").register(meters);
        // Greedy refill: one token back every period / capacity, not all of them at the end of the period.
        AddressBuckets buckets = new AddressBuckets(maxAddresses, () -> Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build());
        limiters.put(kind, new Limiter(kind, limit, buckets, refused));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        // A request in several classes (a token request with Basic client credentials) needs a token of each; one taken
        // before a later class refuses stays taken: a refused request costs the client too.
        for (RateLimitedRequest kind : RateLimitedRequest.classify(request, thresholds)) {
            Limiter limiter = limiters.get(kind);
            ConsumptionProbe probe = limiter.buckets.tryConsume(address);
            if (!probe.isConsumed()) {
                limiter.refuse(request, response, address, probe);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** How many addresses a class remembers now (for tests of the bound). */
    int addresses(RateLimitedRequest kind) {
        return limiters.get(kind).buckets.size();
    }

    private static final class Limiter {

        private final RateLimitedRequest kind;
        private final RateLimitProperties.Limit limit;
        private final AddressBuckets buckets;
        private final Counter refused;
        private final LongAdder refusedSinceLog = new LongAdder();
        private final AtomicLong nextLog = new AtomicLong(System.nanoTime());

        Limiter(RateLimitedRequest kind, RateLimitProperties.Limit limit, AddressBuckets buckets, Counter refused) {
            this.kind = kind;
            this.limit = limit;
            this.buckets = buckets;
            this.refused = refused;
        }

        void refuse(HttpServletRequest request, HttpServletResponse response, String address, ConsumptionProbe probe) throws IOException {
            long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            refused.increment();
            InvalidInput refusal = refusal(retryAfter);
            logAtMostOncePerMinute(address, refusal.message(Locale.ENGLISH));
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            LocalizedProblems.write(request, response, HttpStatus.TOO_MANY_REQUESTS.value(), refusal);
        }

        /** The limit in the largest whole unit of its period: "at most 3 per 1 h". */
        private InvalidInput refusal(long retryAfter) {
            long seconds = limit.period().toSeconds();
            if (seconds % 3600 == 0) return new InvalidInput("gateway.rateLimit.perHours", null, kind.key(), limit.capacity(), seconds / 3600, retryAfter);
            if (seconds % 60 == 0) return new InvalidInput("gateway.rateLimit.perMinutes", null, kind.key(), limit.capacity(), seconds / 60, retryAfter);
            return new InvalidInput("gateway.rateLimit.perSeconds", null, kind.key(), limit.capacity(), seconds, retryAfter);
        }

        private void logAtMostOncePerMinute(String address, String detail) {
            refusedSinceLog.increment();
            long now = System.nanoTime();
            long due = nextLog.get();
            if (now - due >= 0 && nextLog.compareAndSet(due, now + LOG_INTERVAL_NANOS)) {
                log.warn("Rate limit: refused {} {} request(s) since the last report, the latest from {} ({}); "
                        + "further refusals of this class are reported again in {}", refusedSinceLog.sumThenReset(), kind.key(), address,
                        detail, Duration.ofNanos(LOG_INTERVAL_NANOS));
            }
        }
    }
}
