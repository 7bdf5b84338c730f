package org.groundwatergateway.analytics.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The O(n log n) Mann–Kendall S, its tie correction and the selected Sen's slope ranks against the definitions
 * evaluated pair by pair here, on random series with ties in time, in value and in both.
 */
class TrendAtScaleTest {

    /** Non-decreasing times with repeats, and values drawn from few levels (many ties) or many. */
    private static double[][] series(Random random, int n, int levels, boolean integral) {
        double[] t = new double[n];
        double[] x = new double[n];
        double time = 2000;
        for (int i = 0; i < n; i++) {
            if (random.nextInt(4) != 0) time += integral ? 1 + random.nextInt(3) : random.nextDouble();
            t[i] = time;
            x[i] = integral ? random.nextInt(levels) : Math.round(random.nextGaussian() * levels) / 10.0 + 0.01 * i;
        }
        return new double[][] {t, x};
    }

    /** S by its definition: sign(t_j − t_k)·sign(x_j − x_k) summed over all pairs. */
    private static long bruteForceS(double[] t, double[] x) {
        long s = 0;
        for (int k = 0; k < x.length; k++) {
            for (int j = k + 1; j < x.length; j++) s += (long) (Math.signum(t[j] - t[k]) * Math.signum(x[j] - x[k]));
        }
        return s;
    }

    /** Var(S) with Σ t(t − 1)(2t + 5) over tie groups, each group's size counted by comparing every pair. */
    private static double bruteForceVariance(double[] x) {
        int n = x.length;
        double ties = 0;
        boolean[] counted = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (counted[i]) continue;
            int size = 0;
            for (int j = i; j < n; j++) {
                if (x[j] == x[i]) {
                    counted[j] = true;
                    size++;
                }
            }
            ties += size * (size - 1.0) * (2.0 * size + 5);
        }
        return (n * (n - 1.0) * (2.0 * n + 5) - ties) / 18;
    }

    @Test
    void sAndItsVarianceEqualThePairByPairDefinition() {
        Random random = new Random(15);
        for (int n = 2; n <= 300; n += n < 20 ? 1 : 17) {
            for (int levels : new int[] {2, 5, 1000}) {
                for (boolean integral : new boolean[] {true, false}) {
                    double[][] s = series(random, n, levels, integral);
                    assertThat(MannKendall.statistic(s[0], s[1])).as("S, n=%d levels=%d", n, levels).isEqualTo(bruteForceS(s[0], s[1]));
                    assertThat(MannKendall.variance(s[1])).as("Var(S), n=%d levels=%d", n, levels)
                            .isCloseTo(bruteForceVariance(s[1]), within(1e-9 * bruteForceVariance(s[1]) + 1e-9));
                }
            }
        }
    }

    @Test
    void unorderedTimesAndSignedZerosCountAsTheDefinitionDoes() {
        double[] t = {3, 1, 2, 2, 5, 4, 1};
        double[] x = {0.0, -0.0, 1, 1, -2, 0.0, 7};
        assertThat(MannKendall.statistic(t, x)).isEqualTo(bruteForceS(t, x));
        assertThat(MannKendall.variance(x)).isEqualTo(bruteForceVariance(x));
    }

    @Test
    void sDoesNotOverflowForLongSeries() {
        double[] rising = SenSlope.indices(100_000);
        assertThat(MannKendall.statistic(rising, rising)).isEqualTo(100_000L * 99_999 / 2);
    }

    /** The selected ranks against all pairwise slopes sorted, past the size where selection starts sampling. */
    @Test
    void selectedSlopesEqualThoseOfTheSortedPairwiseSlopes() {
        Random random = new Random(1968);
        for (int n : new int[] {2, 3, 7, 60, 300, 700, 1500}) {
            for (int levels : new int[] {3, 50, 1000}) {
                for (boolean integral : new boolean[] {true, false}) {
                    double[][] s = series(random, n, levels, integral);
                    double[] sorted = SenSlope.pairwiseSlopes(s[0], s[1]);
                    Arrays.sort(sorted);
                    SlopeSelection selection = new SlopeSelection(s[0], s[1]);
                    assertThat(selection.count()).isEqualTo(sorted.length);
                    if (sorted.length == 0) continue;
                    long[] ranks = {0, sorted.length - 1, sorted.length / 2, sorted.length / 4, 3L * sorted.length / 4,
                            random.nextInt(sorted.length)};
                    for (long k : ranks) {
                        double expected = sorted[(int) k];
                        // Integral data have exact differences, so the slopes are correctly rounded and tie exactly.
                        if (integral) assertThat(selection.select(k)).as("n=%d levels=%d rank %d", n, levels, k).isEqualTo(expected);
                        else assertThat(selection.select(k)).as("n=%d levels=%d rank %d", n, levels, k)
                                .isCloseTo(expected, within(1e-12 * Math.abs(expected) + 1e-15));
                    }
                    double varS = MannKendall.variance(s[1]);
                    SenSlope selected = SenSlope.estimate(s[0], s[1], varS, 0.95);
                    SenSlope reference = SenSlope.ofSlopes(sorted.clone(), varS, 0.95);
                    assertThat(selected.slope()).isCloseTo(reference.slope(), within(1e-12));
                    assertThat(selected.lower()).isCloseTo(reference.lower(), within(1e-12));
                    assertThat(selected.upper()).isCloseTo(reference.upper(), within(1e-12));
                }
            }
        }
    }
}
