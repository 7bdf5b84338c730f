package org.groundwatergateway.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConformalIntervalTest {

    /**
     * Lei et al. (2018, §2.2): with n = 99 residuals and α = 0.1 (each tail 0.05), the upper limit is the
     * ⌈100·0.95⌉ = 95th smallest and the lower the ⌊100·0.05⌋ = 5th; for residuals 1..99 given out of order, 95 and 5.
     */
    @Test
    void ranksFollowTheSplitConformalRule() {
        double[] residuals = new double[99];
        for (int i = 0; i < 99; i++) residuals[i] = (i * 37) % 99 + 1;
        ConformalInterval interval = ConformalInterval.of(residuals, 0.9);
        assertThat(interval.lower()).isEqualTo(5);
        assertThat(interval.upper()).isEqualTo(95);
        assertThat(interval.residuals()).isEqualTo(99);
    }

    @Test
    void skewedResidualsGiveAnAsymmetricInterval() {
        // 1,000 residuals: 900 at −1 and 100 rain-driven rises of +10; the 2.5 % tail is all −1, the 97.5 % one +10.
        double[] residuals = new double[1000];
        for (int i = 0; i < 1000; i++) residuals[i] = i % 10 == 0 ? 10 : -1;
        ConformalInterval interval = ConformalInterval.of(residuals, 0.95);
        assertThat(interval.lower()).isEqualTo(-1);
        assertThat(interval.upper()).isEqualTo(10);
    }

    @Test
    void tooFewResidualsForTheCoverageAreRefused() {
        // 95 % needs ⌊(n + 1)·0.025⌋ ≥ 1, so n ≥ 39.
        assertThatThrownBy(() -> ConformalInterval.of(new double[38], 0.95)).hasMessageContaining("too few");
        assertThat(ConformalInterval.of(new double[39], 0.95).residuals()).isEqualTo(39);
    }
}
