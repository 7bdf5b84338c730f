package org.groundwatergateway.gateway.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits per client address ({@code gw.rate-limits.*}): each limited class of request has its own token bucket per
 * address, {@code capacity} requests that refill evenly over {@code period}. The classes are described in
 * {@code docs/security.md} and {@link org.groundwatergateway.gateway.security.RateLimitedRequest}.
 *
 * @param enabled        whether requests are limited at all
 * @param maxAddresses   the most addresses remembered per class; beyond it the least recently seen is forgotten
 * @param token          OAuth2 token, introspection and revocation requests
 * @param login          form log-ins ({@code POST /login})
 * @param basic          any request carrying HTTP Basic credentials
 * @param analysis       analyses ({@code POST /api/v1/analytics/**}) and learned forecasts
 * @param largeMap       WMS GetMap requests above {@code largeMapPixels}
 * @param export         large or CSV WFS / OGC API – Features requests and large pages of readings
 * @param sparql         SPARQL queries ({@code GET} and {@code POST /catalog/sparql})
 * @param largeMapPixels a GetMap whose WIDTH × HEIGHT exceeds this counts as large
 * @param exportFeatures a WFS COUNT / MAXFEATURES or OGC API {@code limit} above this counts as an export
 * @param exportReadings a page of readings ({@code limit}) above this counts as an export
 */
@ConfigurationProperties("gw.rate-limits")
public record RateLimitProperties(boolean enabled, int maxAddresses, Limit token, Limit login, Limit basic, Limit analysis,
                                  Limit largeMap, Limit export, Limit sparql, long largeMapPixels, int exportFeatures, int exportReadings) {

    public RateLimitProperties {
        if (maxAddresses < 1) throw new IllegalArgumentException("gw.rate-limits.max-addresses must be at least 1, got " + maxAddresses);
        check("token", token);
        check("login", login);
        check("basic", basic);
        check("analysis", analysis);
        check("large-map", largeMap);
        check("export", export);
        check("sparql", sparql);
        if (largeMapPixels < 1) throw new IllegalArgumentException("gw.rate-limits.large-map-pixels must be at least 1, got " + largeMapPixels);
        if (exportFeatures < 1) throw new IllegalArgumentException("gw.rate-limits.export-features must be at least 1, got " + exportFeatures);
        if (exportReadings < 1) throw new IllegalArgumentException("gw.rate-limits.export-readings must be at least 1, got " + exportReadings);
    }

    private static void check(String name, Limit limit) {
        String prefix = "gw.rate-limits." + name;
        if (limit == null) throw new IllegalArgumentException(prefix + ".capacity and " + prefix + ".period must be set");
        if (limit.capacity() < 1) throw new IllegalArgumentException(prefix + ".capacity must be at least 1, got " + limit.capacity());
        if (limit.period() == null || limit.period().isNegative() || limit.period().isZero()) {
            throw new IllegalArgumentException(prefix + ".period must be a positive duration such as PT1M, got " + limit.period());
        }
    }

    /**
     * One class's bucket per address.
     *
     * @param capacity requests an address may make at once
     * @param period   how long the bucket takes to refill completely (greedily: one request back every period / capacity)
     */
    public record Limit(int capacity, Duration period) {}
}
