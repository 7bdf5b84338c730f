package org.groundwatergateway.analytics.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionLimitTest {

    /**
     * USEPA (2009) Unified Guidance, Example 18-1 (pp. 18-9 to 18-10): twelve background arsenic values (ppb),
     * a 95 % limit for the next k = 4 values. x̄ = 27.51667, s = 17.10119 and κ = t(1 − 0.05/4, 11)·√(1 + 1/12);
     * the limit, 73.67237 as Millard reproduces it (EnvStats predIntNorm, Bonferroni), is not exceeded by year 4's
     * 48.0, 30.3, 42.5 and 15.0. Tolerance 1e-5.
     */
    @Test
    void futureValuesReproduceExample18_1() {
        double[] background = {12.6, 30.8, 52.0, 28.1, 33.3, 44.0, 3.0, 12.8, 58.1, 12.6, 17.6, 25.3};
        NormalPredictionLimit pl = NormalPredictionLimit.forFutureValues(background, 4, 0.95);
        assertThat(pl.mean()).isCloseTo(27.51667, within(1e-5));
        assertThat(pl.sd()).isCloseTo(17.10119, within(1e-5));
        assertThat(pl.kappa()).isCloseTo(2.593093 * Math.sqrt(13.0 / 12), within(1e-5));
        assertThat(pl.limit()).isCloseTo(73.67237, within(1e-5));
        assertThat(Arrays.stream(new double[] {48.0, 30.3, 42.5, 15.0}).noneMatch(pl::exceededBy)).isTrue();
    }

    /**
     * Example 18-2 (pp. 18-15 to 18-16): eight log-chrysene background values, a 99 % limit for the mean of the next
     * four compliance values, κ = t(0.99, 7)·√(1/4 + 1/8): 3.849427 (EnvStats predIntNorm, n.mean = 4); the
     * compliance well's log-mean 3.789 stays below it. Tolerance 1e-6.
     */
    @Test
    void aFutureMeanReproducesExample18_2() {
        double[] background = Arrays.stream(new double[] {6.9, 27.3, 10.8, 8.9, 15.1, 7.2, 48.4, 7.8}).map(Math::log).toArray();
        NormalPredictionLimit pl = NormalPredictionLimit.forFutureMeans(background, 1, 4, 0.99);
        assertThat(pl.limit()).isCloseTo(3.849427, within(1e-6));
        double complianceLogMean = Arrays.stream(new double[] {68.0, 48.9, 30.1, 38.1}).map(Math::log).average().orElseThrow();
        assertThat(pl.exceededBy(complianceLogMean)).isFalse();
    }

    /**
     * Example 18-3 (p. 18-19): eighteen TCE background results at three wells, many "&lt;5"; the maximum, 12 ppb,
     * limits the next m = 4 compliance values with confidence 18/22 = 82 %, and month 6's 14 ppb exceeds it.
     * Tolerance 1e-12 on the hand-computed ratio.
     */
    @Test
    void theBackgroundMaximumReproducesExample18_3() {
        List<CensoredValue> background = CensoredStatisticsTest.parse(
                "<5", "<5", "8", "<5", "9", "10",
                "7", "6.5", "<5", "6", "12", "<5",
                "<5", "<5", "10.5", "<5", "<5", "9");
        NonparametricPredictionLimit pl = NonparametricPredictionLimit.maximum(background, 4);
        assertThat(pl.limit()).isEqualTo(CensoredValue.detected(12));
        assertThat(pl.n()).isEqualTo(18);
        assertThat(pl.confidence()).isCloseTo(18.0 / 22, within(1e-12));
        assertThat(pl.exceededBy(14)).isTrue();
    }

    /**
     * Example 18-4 (pp. 18-21 to 18-22): 24 xylene background results, the maximum 9.2 ppb as the limit that at
     * least 2 of the next 3 values must meet (the median of three): confidence 1 − C(3,2)/C(27,2) = 1 − 3/351, the
     * Guidance's 99 %; month 8's 10.4 ppb exceeds it. Tolerance 1e-12.
     */
    @Test
    void twoOfThreeReproducesExample18_4() {
        List<CensoredValue> background = CensoredStatisticsTest.parse(
                "<5", "<5", "7.5", "<5", "<5", "<5", "6.4", "6",
                "9.2", "<5", "<5", "6.1", "8", "5.9", "<5", "<5",
                "<5", "5.4", "6.7", "<5", "<5", "<5", "<5", "<5");
        NonparametricPredictionLimit pl = NonparametricPredictionLimit.maximum(background, 3, 2);
        assertThat(pl.limit().value()).isEqualTo(9.2);
        assertThat(pl.confidence()).isCloseTo(1 - 3.0 / 351, within(1e-12));
        assertThat(pl.exceededBy(10.4)).isTrue();
        // Retesting with 1 of 3: 1 − C(3,3)/C(27,3).
        assertThat(NonparametricPredictionLimit.maximum(background, 3, 1).confidence()).isCloseTo(1 - 1.0 / 2925, within(1e-12));
    }

    @Test
    void anAllNonDetectBackgroundGivesACensoredLimitAndBadInputIsNamed() {
        NonparametricPredictionLimit pl = NonparametricPredictionLimit.maximum(CensoredStatisticsTest.parse("<1", "<5", "<2"), 1);
        assertThat(pl.limit()).isEqualTo(CensoredValue.nonDetect(5));
        assertThat(pl.confidence()).isCloseTo(0.75, within(1e-12));
        assertThatThrownBy(() -> NormalPredictionLimit.forFutureValues(new double[] {1, 2}, 1, 0.95)).hasMessageContaining("at least 3");
        assertThatThrownBy(() -> NormalPredictionLimit.forFutureValues(new double[] {1, 2, 3}, 1, 95)).hasMessageContaining("confidence");
        assertThatThrownBy(() -> NonparametricPredictionLimit.maximum(CensoredStatisticsTest.parse("1"), 2, 3)).hasMessageContaining("required");
    }
}
