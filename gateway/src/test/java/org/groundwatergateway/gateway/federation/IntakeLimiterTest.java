package org.groundwatergateway.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.groundwatergateway.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** A partner's flood of pushed messages is held to its rate, each client apart; a burst of a minute's worth passes. */
class IntakeLimiterTest {

    @Test
    void aBurstPassesAFloodWaitsAndEachClientHasItsOwnBucket() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-05T00:00:00Z"));
        IntakeLimiter limiter = new IntakeLimiter(6, clock);
        for (int i = 0; i < 6; i++) assertThat(limiter.take("partner-b")).as("message " + i).isZero();
        assertThat(limiter.take("partner-b")).as("one a minute's worth too many: wait for the next token (10 s)").isEqualTo(10);
        assertThat(limiter.take("partner-c")).as("another partner's client").isZero();
        clock.advance(Duration.ofSeconds(10));
        assertThat(limiter.take("partner-b")).isZero();
        assertThat(limiter.take("partner-b")).isPositive();
        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 6; i++) assertThat(limiter.take("partner-b")).as("refilled, no more than a minute's worth").isZero();
        assertThat(limiter.take("partner-b")).isPositive();
    }
}
