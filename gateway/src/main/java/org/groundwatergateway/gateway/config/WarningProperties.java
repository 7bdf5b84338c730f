package org.groundwatergateway.gateway.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of warning-rule evaluation ({@code gw.warning.*}).
 *
 * @param baselineRefresh how often background rules recompute their prediction limits from the background wells
 */
@ConfigurationProperties("gw.warning")
public record WarningProperties(Duration baselineRefresh) {

    public WarningProperties {
        if (baselineRefresh == null || baselineRefresh.isNegative() || baselineRefresh.isZero()) {
            throw new IllegalArgumentException("gw.warning.baseline-refresh must be a positive duration");
        }
    }
}
