package org.groundwatergateway.analytics.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShewhartCusumTest {

    /**
     * USEPA (2009) Unified Guidance, Example 20-1 (pp. 20-4 to 20-6): eight monthly baseline and eight compliance
     * nickel values (ppb), h = 5, k = 1, SCL = 4.5. Baseline x̄ = 25.1375 and s = 11.51818 (as Millard reprints
     * them). By hand: Z = (x − 25.1375)/11.51818 is −0.533, 0.813, −0.637, −0.133, 0.839, 0.318, −0.125 and 4.919; no Z
     * before the last exceeds k, so the CUSUM stays 0 until month 8, where it is 3.919 (below h) while Z exceeds the
     * Shewhart limit: month 8 alone is out of control. Tolerance 5e-4, the three decimals written here.
     */
    @Test
    void reproducesUnifiedGuidanceExample20_1() {
        double[] baseline = {32.8, 15.2, 13.5, 39.6, 37.1, 10.4, 31.9, 20.6};
        double[] compliance = {19.0, 34.5, 17.8, 23.6, 34.8, 28.8, 23.7, 81.8};
        ShewhartCusum chart = ShewhartCusum.chart(baseline, compliance);
        assertThat(chart.baselineMean()).isCloseTo(25.1375, within(1e-9));
        assertThat(chart.baselineSd()).isCloseTo(11.51818, within(5e-6));
        double[] z = {-0.533, 0.813, -0.637, -0.133, 0.839, 0.318, -0.125, 4.919};
        double[] cusum = {0, 0, 0, 0, 0, 0, 0, 3.919};
        List<ShewhartCusum.Point> points = chart.points();
        for (int i = 0; i < 8; i++) {
            assertThat(points.get(i).standardised()).as("Z of month %d", i + 1).isCloseTo(z[i], within(5e-4));
            assertThat(points.get(i).cusum()).as("CUSUM of month %d", i + 1).isCloseTo(cusum[i], within(5e-4));
            assertThat(points.get(i).outOfControl()).isEqualTo(i == 7);
        }
        assertThat(points.get(7).shewhartExceeded()).isTrue();
        assertThat(points.get(7).cusumExceeded()).isFalse();
        assertThat(chart.firstOutOfControl()).hasValue(7);
    }

    /**
     * A slow rise that the Shewhart limit never sees, by hand: the baseline 1…8 has x̄ = 4.5 and s = √(42/7) = √6;
     * compliance values two standard deviations up give Z = 2 each, so the CUSUM climbs by Z − k = 1 per event —
     * 1, 2, 3, 4, 5 (not above h) and 6, out of control at the sixth event although no Z exceeds 4.5. Tolerance 1e-9.
     */
    @Test
    void theCusumCatchesAGradualRise() {
        double[] baseline = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] compliance = new double[6];
        Arrays.fill(compliance, 4.5 + 2 * Math.sqrt(6));
        ShewhartCusum chart = ShewhartCusum.chart(baseline, compliance);
        for (int i = 0; i < 6; i++) {
            ShewhartCusum.Point p = chart.points().get(i);
            assertThat(p.standardised()).isCloseTo(2, within(1e-9));
            assertThat(p.cusum()).isCloseTo(i + 1, within(1e-9));
            assertThat(p.shewhartExceeded()).isFalse();
        }
        assertThat(chart.firstOutOfControl()).hasValue(5);
        ShewhartCusum stricter = ShewhartCusum.chart(baseline, compliance, new ShewhartCusum.Parameters(3.5, 1, 4.5));
        assertThat(stricter.firstOutOfControl()).hasValue(3);
    }

    @Test
    void aShortOrFlatBaselineIsRefused() {
        assertThatThrownBy(() -> ShewhartCusum.chart(new double[] {1, 2, 3, 4, 5, 6, 7}, new double[] {1}))
                .hasMessageContaining("at least 8");
        assertThatThrownBy(() -> ShewhartCusum.chart(new double[] {2, 2, 2, 2, 2, 2, 2, 2}, new double[] {1}))
                .hasMessageContaining("does not vary");
    }
}
