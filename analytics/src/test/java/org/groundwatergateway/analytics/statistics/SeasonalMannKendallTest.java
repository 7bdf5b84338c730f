package org.groundwatergateway.analytics.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeasonalMannKendallTest {

    /**
     * USEPA (2009) Unified Guidance, Example 14-10 (pp. 14-38 to 14-40), on the monthly data of Example 14-8
     * (1983–1985, one row per month). By hand: every month rises strictly, S = 3 with Var = 3·2·11/18 = 11/3, except
     * February (2.10, 2.10, 2.17) with a tied pair, S = 2 and Var = (66 − 18)/18 = 8/3; so S = 35, Var(S) = 43 and
     * Z = 34/√43 = 5.18495. Millard's reproduction (EnvStats kendallSeasonalTrendTest help) prints z = 5.1849514,
     * p = 2.160712e-07, slope 0.06 per year with the 95 % interval 0.05786914 to 0.07213086, and the heterogeneity
     * χ² = 0.1071882 on 11 df (p ≈ 1). Tolerances: 1e-7 relative to the printed digits.
     */
    @Test
    void reproducesUnifiedGuidanceExample14_10() {
        double[][] byMonth = {
                {1.99, 2.01, 2.15}, {2.10, 2.10, 2.17}, {2.12, 2.17, 2.27}, {2.12, 2.13, 2.23}, {2.11, 2.13, 2.24},
                {2.15, 2.18, 2.26}, {2.19, 2.25, 2.31}, {2.18, 2.24, 2.32}, {2.16, 2.22, 2.28}, {2.08, 2.13, 2.22},
                {2.05, 2.08, 2.19}, {2.08, 2.16, 2.22}};
        double[] times = new double[36];
        double[] values = new double[36];
        int[] month = new int[36];
        for (int year = 0; year < 3; year++) {
            for (int m = 0; m < 12; m++) {
                int i = 12 * year + m;
                times[i] = 1983 + year + (m + 0.5) / 12;
                values[i] = byMonth[m][year];
                month[i] = m + 1;
            }
        }
        SeasonalMannKendall test = SeasonalMannKendall.test(times, values, month);
        assertThat(test.seasons()).isEqualTo(12);
        assertThat(test.combined().n()).isEqualTo(36);
        assertThat(test.combined().s()).isEqualTo(35);
        assertThat(test.combined().varS()).isCloseTo(43, within(1e-9));
        assertThat(test.combined().z()).isCloseTo(5.1849514, within(1e-7));
        assertThat(test.combined().pValue()).isCloseTo(2.160712e-07, within(1e-13));
        assertThat(test.senSlope().slope()).isCloseTo(0.06, within(1e-9));
        assertThat(test.senSlope().lower()).isCloseTo(0.05786914, within(1e-8));
        assertThat(test.senSlope().upper()).isCloseTo(0.07213086, within(1e-8));
        assertThat(test.heterogeneityChiSquare()).isCloseTo(0.1071882, within(1e-7));
        assertThat(test.heterogeneityPValue()).isCloseTo(1, within(1e-6));
    }

    /**
     * A seasonal cycle repeated unchanged for four years has no trend: within each season all values are equal,
     * so S = 0 and the slope is 0. The plain Mann–Kendall test on the same series in time order is not zero — the
     * cycle's phase leaks into it — which is why the seasons are kept apart.
     */
    @Test
    void aPureSeasonalCycleIsNoTrend() {
        double[] times = new double[16];
        double[] values = new double[16];
        int[] quarter = new int[16];
        double[] cycle = {3, 9, 7, 1};
        for (int i = 0; i < 16; i++) {
            times[i] = 2020 + i / 4.0;
            values[i] = cycle[i % 4];
            quarter[i] = i % 4 + 1;
        }
        SeasonalMannKendall test = SeasonalMannKendall.test(times, values, quarter);
        assertThat(test.combined().s()).isZero();
        assertThat(test.combined().pValue()).isCloseTo(1, within(1e-12));
        assertThat(test.senSlope().slope()).isZero();
        assertThat(MannKendall.test(times, values).s()).isNotZero();
    }

    @Test
    void seasonsWithOneObservationDoNotCountAndBadInputIsNamed() {
        SeasonalMannKendall test = SeasonalMannKendall.test(new double[] {1, 2, 3, 1.5}, new double[] {1, 2, 3, 9}, new int[] {1, 1, 1, 2});
        assertThat(test.seasons()).isEqualTo(1);
        assertThat(test.combined().s()).isEqualTo(3);
        assertThat(test.heterogeneityChiSquare()).isNaN();
        assertThatThrownBy(() -> SeasonalMannKendall.test(new double[] {1, 2}, new double[] {1, 2}, new int[] {1, 2}))
                .hasMessageContaining("two different times");
        assertThatThrownBy(() -> SeasonalMannKendall.test(new double[] {1, 2}, new double[] {1, 2}, new int[] {1}))
                .hasMessageContaining("differ in length");
    }
}
