package org.groundwatergateway.gateway.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the analysis services ({@code gw.analytics.*}).
 *
 * @param concurrentRuns long analyses run at once; more wait in a queue (each may use every core itself)
 * @param resultRetention how long a finished run's result stays available to collect
 */
@ConfigurationProperties("gw.analytics")
public record AnalyticsProperties(int concurrentRuns, Duration resultRetention) {

    public AnalyticsProperties {
        if (concurrentRuns < 1) throw new IllegalArgumentException("gw.analytics.concurrent-runs must be at least 1");
    }
}
