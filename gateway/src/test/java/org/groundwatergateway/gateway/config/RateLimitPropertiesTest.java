package org.groundwatergateway.gateway.config;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.groundwatergateway.gateway.config.RateLimitProperties.Limit;
import org.junit.jupiter.api.Test;

class RateLimitPropertiesTest {

    private static final Limit MINUTE = new Limit(30, Duration.ofMinutes(1));

    @Test
    void aWrongSettingIsNamedInTheError() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RateLimitProperties(true, 10, MINUTE, MINUTE, MINUTE, MINUTE, new Limit(0, Duration.ofMinutes(1)), MINUTE, MINUTE, 1, 1, 1))
                .withMessage("gw.rate-limits.large-map.capacity must be at least 1, got 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RateLimitProperties(true, 10, new Limit(5, Duration.ZERO), MINUTE, MINUTE, MINUTE, MINUTE, MINUTE, MINUTE, 1, 1, 1))
                .withMessageStartingWith("gw.rate-limits.token.period must be a positive duration");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RateLimitProperties(true, 10, MINUTE, null, MINUTE, MINUTE, MINUTE, MINUTE, MINUTE, 1, 1, 1))
                .withMessage("gw.rate-limits.login.capacity and gw.rate-limits.login.period must be set");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RateLimitProperties(true, 0, MINUTE, MINUTE, MINUTE, MINUTE, MINUTE, MINUTE, MINUTE, 1, 1, 1))
                .withMessage("gw.rate-limits.max-addresses must be at least 1, got 0");
    }
}
