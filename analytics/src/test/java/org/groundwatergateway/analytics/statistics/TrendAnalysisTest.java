package org.groundwatergateway.analytics.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrendAnalysisTest {

    /**
     * The worked example of J. Little, "A Mann-Kendall Example (By Hand)", College of the Holy Cross
     * (mathcs.holycross.edu/~little/Montserrat/MannKendallByHand.txt): 14 values with one tied pair give
     * S = 54, V = 14·13·33/18 − 2·1·9/18, Z = 2.9058 and a one-tailed p of about 0.0018.
     */
    @Test
    void mannKendallReproducesThePublishedExample() {
        double[] x = {12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9, 11.0, 17.3, 15.9, 19.0, 18.3, 20.1, 21.7};
        MannKendall mk = MannKendall.test(x);
        assertThat(mk.n()).isEqualTo(14);
        assertThat(mk.s()).isEqualTo(54);
        assertThat(mk.varS()).isCloseTo(14 * 13 * 33 / 18.0 - 2 * 1 * 9 / 18.0, within(1e-9));
        assertThat(mk.z()).isCloseTo(2.9058, within(5e-5));
        // Two-sided p is twice the published one-tailed 0.0018 (to the table's precision).
        assertThat(mk.pValue() / 2).isCloseTo(0.0018, within(5e-5));
        assertThat(TrendAnalysis.of(null, x).trend()).isEqualTo(MarosTrend.INCREASING);
    }

    @Test
    void senSlopeIsExactOnALineResistsAnOutlierAndItsIntervalCoversTheTruth() {
        double[] t = {2020.0, 2020.25, 2020.5, 2020.75, 2021.0, 2021.25, 2021.5, 2021.75, 2022.0, 2022.25, 2022.5, 2022.75};
        double[] line = new double[t.length];
        for (int i = 0; i < t.length; i++) line[i] = 5 + 0.8 * (t[i] - 2020);
        TrendAnalysis exact = TrendAnalysis.of(t, line);
        assertThat(exact.senSlope().slope()).isCloseTo(0.8, within(1e-12));
        assertThat(exact.senSlope().lower()).isCloseTo(0.8, within(1e-12));
        assertThat(exact.senSlope().upper()).isCloseTo(0.8, within(1e-12));

        double[] noisy = line.clone();
        double[] noise = {0.3, -0.2, 0.1, -0.4, 0.2, 0.0, -0.1, 0.3, -0.3, 0.1, 0.2, -0.2};
        for (int i = 0; i < noisy.length; i++) noisy[i] += noise[i];
        noisy[5] = 40; // one wild value
        TrendAnalysis robust = TrendAnalysis.of(t, noisy);
        assertThat(robust.senSlope().slope()).isCloseTo(0.8, within(0.2));
        assertThat(robust.senSlope().lower()).isLessThan(0.8);
        assertThat(robust.senSlope().upper()).isGreaterThan(0.8);
        assertThat(robust.senSlope().lower()).isLessThan(robust.senSlope().slope());
        assertThat(robust.senSlope().upper()).isGreaterThan(robust.senSlope().slope());
    }

    @Test
    void marosClassesFollowTheDecisionMatrix() {
        double[] falling = {9, 8.5, 8.7, 7.9, 7.5, 7.7, 6.8, 6.5, 6.6, 5.9};
        assertThat(TrendAnalysis.of(null, falling).trend()).isEqualTo(MarosTrend.DECREASING);
        double[] flat = {5.0, 5.1, 4.9, 5.0, 5.2, 4.8, 5.0, 5.1, 4.9, 5.0};
        assertThat(TrendAnalysis.of(null, flat).trend()).isEqualTo(MarosTrend.STABLE);
        double[] scattered = {0.1, 9, 0.2, 12, 0.1, 0.3, 15, 0.1, 0.2, 8};
        assertThat(MarosTrend.coefficientOfVariation(scattered)).isGreaterThan(1);
        assertThat(TrendAnalysis.of(null, scattered).trend()).isEqualTo(MarosTrend.NO_TREND);
        // Confidence between 90 and 95 %: S > 0 with Z near 1.5.
        MannKendall probable = new MannKendall(10, 13, 125, 1.5, 0.13);
        assertThat(MarosTrend.classify(probable, 0.2)).isEqualTo(MarosTrend.PROBABLY_INCREASING);
        assertThat(MarosTrend.classify(new MannKendall(10, -13, 125, -1.5, 0.13), 0.2)).isEqualTo(MarosTrend.PROBABLY_DECREASING);
        assertThat(MarosTrend.classify(new MannKendall(10, 5, 125, 0.4, 0.69), 0.2)).isEqualTo(MarosTrend.NO_TREND);
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> TrendAnalysis.of(null, new double[] {1, 2})).hasMessageContaining("at least 3");
        assertThatThrownBy(() -> TrendAnalysis.of(new double[] {1, 3, 2}, new double[] {1, 2, 3})).hasMessageContaining("observation 3");
        assertThatThrownBy(() -> TrendAnalysis.of(null, new double[] {1, Double.NaN, 3})).hasMessageContaining("value 2");
    }
}
