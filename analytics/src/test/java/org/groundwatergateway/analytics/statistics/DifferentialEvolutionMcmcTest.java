package org.groundwatergateway.analytics.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** DE-MCz against densities whose moments are known in closed form, and its stopping rule. */
class DifferentialEvolutionMcmcTest {

    private static final DifferentialEvolutionMcmc.Settings SETTINGS = new DifferentialEvolutionMcmc.Settings(1000, 20000, 500, 1.01, 400);

    private static double[][] points(Random random, int n, double... spread) {
        double[][] p = new double[n][spread.length];
        for (double[] x : p) for (int i = 0; i < spread.length; i++) x[i] = spread[i] * random.nextGaussian();
        return p;
    }

    /**
     * A correlated normal (sd 1 and 10, ρ = 0.95: a narrow ridge across the axes) and, independent of it, an exponential
     * truncated to [0, 3] on a bounded coordinate: mean 1 − 3e⁻³/(1 − e⁻³) = 0.84281, P(x &gt; 2) = (e⁻² − e⁻³)/(1 − e⁻³)
     * = 0.090035. Tolerances: four Monte Carlo standard errors at the ESS the run reports.
     */
    @Test
    void samplesARidgeAndABoundedCoordinate() {
        double rho = 0.95;
        var run = DifferentialEvolutionMcmc.sample(x -> {
            double a = x[0];
            double b = x[1] / 10;
            return -(a * a - 2 * rho * a * b + b * b) / (2 * (1 - rho * rho)) - x[2];
        }, points(new Random(1), 4, 2, 20, 0.5), points(new Random(2), 30, 2, 20, 0.5), new double[] {Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY, 0}, new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 3}, new int[] {0, 1, 2},
                SETTINGS, new Random(3));
        assertThat(run.rHat()).isLessThan(1.01);
        assertThat(run.effectiveSampleSize()).isGreaterThanOrEqualTo(400);
        assertThat(run.steps()).isLessThan(20000);
        double[][] all = Arrays.stream(run.draws()).flatMap(Arrays::stream).toArray(double[][]::new);
        double se = 1 / Math.sqrt(run.effectiveSampleSize());
        assertThat(Arrays.stream(all).mapToDouble(x -> x[0]).average().orElseThrow()).isCloseTo(0, within(4 * se));
        assertThat(Arrays.stream(all).mapToDouble(x -> x[1]).average().orElseThrow()).isCloseTo(0, within(40 * se));
        double sdA = Math.sqrt(Arrays.stream(all).mapToDouble(x -> x[0] * x[0]).average().orElseThrow());
        assertThat(sdA).isCloseTo(1, within(4 * se));
        double correlation = Arrays.stream(all).mapToDouble(x -> x[0] * x[1] / 10).average().orElseThrow();
        assertThat(correlation).isCloseTo(rho, within(0.03));
        assertThat(Arrays.stream(all).allMatch(x -> x[2] >= 0 && x[2] <= 3)).isTrue();
        // The truncated exponential's sd is 0.705; its tail share a binomial's standard error.
        assertThat(Arrays.stream(all).mapToDouble(x -> x[2]).average().orElseThrow()).isCloseTo(0.84281, within(4 * 0.705 * se));
        double tail = Arrays.stream(all).filter(x -> x[2] > 2).count() / (double) all.length;
        assertThat(tail).isCloseTo(0.090035, within(4 * Math.sqrt(0.09 * 0.91) * se));
    }

    /** Two normal modes 30 sd apart, weights 1/4 and 3/4: the γ = 1 jumps carry chains between them in the right shares. */
    @Test
    void jumpsBetweenModes() {
        double l1 = Math.log(0.25);
        double l3 = Math.log(0.75);
        var run = DifferentialEvolutionMcmc.sample(x -> {
            double a = l1 - 0.5 * (x[0] + 15) * (x[0] + 15) - 0.5 * x[1] * x[1];
            double b = l3 - 0.5 * (x[0] - 15) * (x[0] - 15) - 0.5 * x[1] * x[1];
            double m = Math.max(a, b);
            return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
        }, new double[][] {{-15, 0}, {-15, 1}, {15, 0}, {15, 1}}, points(new Random(4), 40, 15, 1), new double[] {Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY}, new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}, new int[] {0, 1}, SETTINGS,
                new Random(5));
        double[][] all = Arrays.stream(run.draws()).flatMap(Arrays::stream).toArray(double[][]::new);
        double upper = Arrays.stream(all).filter(x -> x[0] > 0).count() / (double) all.length;
        assertThat(upper).isCloseTo(0.75, within(4 * Math.sqrt(0.75 * 0.25 / run.effectiveSampleSize())));
        assertThat(run.rHat()).isLessThan(1.01);
    }

    @Test
    void foldsIntoTheBoxByReflection() {
        double[] lo = {0, 0, Double.NEGATIVE_INFINITY};
        double[] hi = {10, Double.POSITIVE_INFINITY, 5};
        assertThat(DifferentialEvolutionMcmc.fold(new double[] {-3, -2, 7}, lo, hi)).containsExactly(3, 2, 3);
        assertThat(DifferentialEvolutionMcmc.fold(new double[] {13, 4, 1}, lo, hi)).containsExactly(7, 4, 1);
        assertThat(DifferentialEvolutionMcmc.fold(new double[] {-23, 0, 5}, lo, hi)).containsExactly(3, 0, 5);
    }

    /** Folding sees a difference of scale between chains that the classic split-R̂ of the raw draws misses. */
    @Test
    void rankNormalisedRhatCatchesAScaleDifference() {
        Random random = new Random(8);
        double[][] chains = new double[4][1000];
        for (int c = 0; c < 4; c++) for (int t = 0; t < 1000; t++) chains[c][t] = (c == 0 ? 4 : 1) * random.nextGaussian();
        // Same mean, one chain four times as wide: the bulk R̂ barely moves, the folded one flags it.
        assertThat(DifferentialEvolutionMcmc.splitRhatAndEss(chains)[0]).isLessThan(1.01);
        assertThat(DifferentialEvolutionMcmc.rankNormalisedRhatAndEss(chains)[0]).isGreaterThan(1.05);
        // Chains that stayed apart.
        for (int c = 0; c < 4; c++) for (int t = 0; t < 1000; t++) chains[c][t] = 3 * c + random.nextGaussian();
        assertThat(DifferentialEvolutionMcmc.rankNormalisedRhatAndEss(chains)[0]).isGreaterThan(2);
    }
    /** A chain stuck on a constant is not converged: R̂ fails closed (∞, no effective draws) instead of reading 1. */
    @Test
    void aConstantQuantityFailsClosed() {
        double[][] constant = new double[4][500];
        for (double[] chain : constant) Arrays.fill(chain, 2.5);
        assertThat(DifferentialEvolutionMcmc.splitRhatAndEss(constant)).containsExactly(Double.POSITIVE_INFINITY, 0);
        assertThat(DifferentialEvolutionMcmc.rankNormalisedRhatAndEss(constant)).containsExactly(Double.POSITIVE_INFINITY, 0);
        // Three chains mixing well and one that never left the pooled median.
        Random random = new Random(9);
        double[][] oneStuck = new double[4][500];
        for (int c = 0; c < 3; c++) for (int t = 0; t < 500; t++) oneStuck[c][t] = random.nextGaussian();
        Arrays.fill(oneStuck[3], 0);
        assertThat(DifferentialEvolutionMcmc.rankNormalisedRhatAndEss(oneStuck)[0]).isGreaterThan(1.1);
        // Chains started at one point of a density nothing else can reach never move: the run must not stop as converged.
        var run = DifferentialEvolutionMcmc.sample(x -> x[0] == 0 ? 0 : Double.NEGATIVE_INFINITY, new double[4][1], points(new Random(10), 20, 1),
                new double[] {Double.NEGATIVE_INFINITY}, new double[] {Double.POSITIVE_INFINITY}, new int[] {0},
                new DifferentialEvolutionMcmc.Settings(100, 300, 100, 1.01, 100), new Random(11));
        assertThat(run.steps()).isEqualTo(300);
        assertThat(run.converged(1.1, 1)).isFalse();
        assertThat(run.rHat()).isInfinite();
    }
}
