package org.groundwatergateway.analytics.statistics;

import java.util.Arrays;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.special.Erf;
import org.groundwatergateway.analytics.InvalidArgument;

/**
 * Differential-evolution Markov chain Monte Carlo sampling from the past (DE-MCz: ter Braak &amp; Vrugt 2008, Stat.
 * Comput. 18, 435; DE-MC: ter Braak 2006, Stat. Comput. 16, 239), run until converged.
 *
 * <p>Each of a few chains proposes x* = x + γ(z₁ − z₂) + e with z₁, z₂ two states of a growing archive of past states
 * (started with overdispersed points), γ = 2.38/√(2d) and, on every tenth proposal of the run (numbered across chains), γ = 1 so that
 * chains can jump between modes; e ~ N(0, (10⁻⁴·s)²) with s the archive's initial spread. The proposal adapts itself to the posterior's scale
 * and correlations (the differences of past states are draws of the posterior's own differences) without the collapse
 * of a covariance estimated from chains that have not moved yet. Bounded coordinates are folded back into their
 * interval (reflection, as DREAM does: Vrugt 2016, Environ. Model. Softw. 75, 273), which keeps the proposal
 * symmetric, so a uniform prior is sampled on its own scale rather than through a logit whose tails mix slowly.
 *
 * <p>The chains run in blocks; after each the second half of every chain is checked with the rank-normalised split-R̂
 * (the larger of bulk and folded) and the bulk effective sample size of Vehtari, Gelman, Simpson, Carpenter &amp;
 * Bürkner (2021, Bayesian Analysis 16, 667), and the run stops once R̂ is below {@code targetRhat} and the ESS at least
 * {@code targetEss} for every monitored coordinate, or at {@code maxSteps}. The first half is burn-in.
 */
public final class DifferentialEvolutionMcmc {

    /**
     * @param draws per chain the kept states (the second half of the run), [chain][step][coordinate]
     * @param rHat the largest rank-normalised split-R̂ over the monitored coordinates
     * @param effectiveSampleSize the smallest bulk effective sample size over them
     * @param steps steps each chain ran
     * @param acceptance the share of proposals accepted
     */
    public record Run(double[][][] draws, double rHat, double effectiveSampleSize, int steps, double acceptance) {
        public boolean converged(double targetRhat, double targetEss) {
            return rHat < targetRhat && effectiveSampleSize >= targetEss;
        }
    }

    /**
     * @param minSteps steps per chain before convergence is first checked
     * @param maxSteps steps per chain at most
     * @param block steps between checks
     */
    public record Settings(int minSteps, int maxSteps, int block, double targetRhat, double targetEss) {
        public Settings {
            if (!(minSteps >= 20 && maxSteps >= minSteps && block > 0 && targetRhat > 1 && targetEss > 0)) {
                throw new InvalidArgument("analytics.statistics.mcmc");
            }
        }
    }

    private static final int ARCHIVE_EVERY = 10;
    private static final int JUMP_EVERY = 10;

    private DifferentialEvolutionMcmc() {}

    /**
     * Samples {@code logDensity} (−∞ outside its support) from the given chain starts, with {@code archive} the initial
     * past states (at least a few times the dimension, overdispersed), coordinates folded into [lower, upper] (±∞ for
     * none), and convergence judged on the coordinates {@code monitored}.
     */
    public static Run sample(ToDoubleFunction<double[]> logDensity, double[][] starts, double[][] archive, double[] lower, double[] upper,
                             int[] monitored, Settings settings, Random random) {
        int chains = starts.length;
        int d = starts[0].length;
        if (chains < 2 || archive.length < 3 || lower.length != d || upper.length != d) throw new InvalidArgument("analytics.statistics.mcmc");
        double[][] z = Arrays.copyOf(archive, archive.length + settings.maxSteps() / ARCHIVE_EVERY * chains + chains);
        int archived = archive.length;
        double[] jitter = new double[d];
        for (int i = 0; i < d; i++) {
            double mean = 0;
            for (int k = 0; k < archived; k++) mean += z[k][i] / archived;
            double var = 0;
            for (int k = 0; k < archived; k++) var += (z[k][i] - mean) * (z[k][i] - mean) / (archived - 1);
            jitter[i] = 1e-4 * Math.sqrt(var) + 1e-12;
        }
        double gamma = 2.38 / Math.sqrt(2.0 * d);
        double[][][] path = new double[chains][settings.maxSteps()][];
        double[][] x = new double[chains][];
        double[] logX = new double[chains];
        for (int c = 0; c < chains; c++) {
            x[c] = fold(starts[c].clone(), lower, upper);
            logX[c] = logDensity.applyAsDouble(x[c]);
        }
        long accepted = 0;
        long proposed = 0;
        int t = 0;
        double[] diagnostics = {Double.POSITIVE_INFINITY, 0};
        while (t < settings.maxSteps()) {
            int end = Math.min(settings.maxSteps(), t < settings.minSteps() ? settings.minSteps() : t + settings.block());
            for (; t < end; t++) {
                for (int c = 0; c < chains; c++) {
                    int a = random.nextInt(archived);
                    int b = random.nextInt(archived - 1);
                    if (b >= a) b++;
                    // γ = 1 on every tenth proposal of the run, proposals numbered across the chains (with four chains the
                    // odd ones jump, every fifth step each; a per-chain schedule mixed worse in the calibration run). γ
                    // never depends on the state, so the proposal stays symmetric.
                    double g = (t * chains + c) % JUMP_EVERY == JUMP_EVERY - 1 ? 1 : gamma;
                    double[] y = new double[d];
                    for (int i = 0; i < d; i++) y[i] = x[c][i] + g * (z[a][i] - z[b][i]) + jitter[i] * random.nextGaussian();
                    fold(y, lower, upper);
                    double logY = logDensity.applyAsDouble(y);
                    proposed++;
                    if (Math.log(random.nextDouble()) < logY - logX[c]) {
                        x[c] = y;
                        logX[c] = logY;
                        accepted++;
                    }
                    path[c][t] = x[c];
                }
                if ((t + 1) % ARCHIVE_EVERY == 0) for (int c = 0; c < chains; c++) z[archived++] = x[c];
            }
            diagnostics = diagnose(path, t, monitored);
            if (diagnostics[0] < settings.targetRhat() && diagnostics[1] >= settings.targetEss()) break;
        }
        double[][][] kept = new double[chains][][];
        for (int c = 0; c < chains; c++) kept[c] = Arrays.copyOfRange(path[c], t / 2, t);
        return new Run(kept, diagnostics[0], diagnostics[1], t, proposed == 0 ? 0 : accepted / (double) proposed);
    }

    /** Folds a point into its box by reflection at the bounds (any number of times). */
    public static double[] fold(double[] y, double[] lower, double[] upper) {
        for (int i = 0; i < y.length; i++) {
            double lo = lower[i];
            double hi = upper[i];
            if (Double.isInfinite(lo) && Double.isInfinite(hi)) continue;
            if (Double.isInfinite(hi)) {
                if (y[i] < lo) y[i] = 2 * lo - y[i];
            } else if (Double.isInfinite(lo)) {
                if (y[i] > hi) y[i] = 2 * hi - y[i];
            } else {
                double w = hi - lo;
                double r = (y[i] - lo) % (2 * w);
                if (r < 0) r += 2 * w;
                y[i] = r <= w ? lo + r : hi - (r - w);
            }
        }
        return y;
    }

    /** {largest R̂, smallest bulk ESS} over the monitored coordinates of the second half of the first {@code steps} steps. */
    private static double[] diagnose(double[][][] path, int steps, int[] monitored) {
        int from = steps / 2;
        double worst = 1;
        double least = Double.POSITIVE_INFINITY;
        for (int i : monitored) {
            double[][] series = new double[path.length][steps - from];
            for (int c = 0; c < path.length; c++) for (int t = from; t < steps; t++) series[c][t - from] = path[c][t][i];
            double[] r = rankNormalisedRhatAndEss(series);
            worst = Math.max(worst, r[0]);
            least = Math.min(least, r[1]);
        }
        return new double[] {worst, least};
    }

    /**
     * Rank-normalised split-R̂ (the larger of the bulk's and the folded draws') and bulk effective sample size of one
     * quantity over several chains (Vehtari et al. 2021, §4): the pooled draws are replaced by the normal scores of their
     * ranks, Φ⁻¹((r − 3/8)/(S + 1/4)), and the folded ones by those of |x − median|, before {@link #splitRhatAndEss}.
     */
    public static double[] rankNormalisedRhatAndEss(double[][] chains) {
        double[][] bulk = normalScores(chains);
        double[] all = Arrays.stream(chains).flatMapToDouble(Arrays::stream).sorted().toArray();
        double median = all.length % 2 == 1 ? all[all.length / 2] : (all[all.length / 2 - 1] + all[all.length / 2]) / 2;
        double[][] folded = new double[chains.length][];
        for (int c = 0; c < chains.length; c++) folded[c] = Arrays.stream(chains[c]).map(v -> Math.abs(v - median)).toArray();
        double[] b = splitRhatAndEss(bulk);
        double[] f = splitRhatAndEss(normalScores(folded));
        return new double[] {Math.max(b[0], f[0]), b[1]};
    }

    private static double[][] normalScores(double[][] chains) {
        int n = chains[0].length;
        int total = chains.length * n;
        double[] values = new double[total];
        for (int c = 0; c < chains.length; c++) System.arraycopy(chains[c], 0, values, c * n, n);
        Integer[] order = new Integer[total];
        for (int k = 0; k < total; k++) order[k] = k;
        Arrays.sort(order, (p, q) -> Double.compare(values[p], values[q]));
        double[] rank = new double[total];
        for (int k = 0; k < total; ) {
            int j = k;
            while (j + 1 < total && values[order[j + 1]] == values[order[k]]) j++;
            double average = (k + j) / 2.0 + 1;     // ties share their average rank
            for (int m = k; m <= j; m++) rank[order[m]] = average;
            k = j + 1;
        }
        double[][] scores = new double[chains.length][n];
        for (int c = 0; c < chains.length; c++) {
            for (int t = 0; t < n; t++) scores[c][t] = Math.sqrt(2) * Erf.erfInv(2 * (rank[c * n + t] - 0.375) / (total + 0.25) - 1);
        }
        return scores;
    }

    /**
     * Split-R̂ and effective sample size of one quantity over several chains (BDA3 §11.4–11.5, Geyer's initial positive
     * sequence); R̂ = ∞ and ESS = 0 where any half-chain is constant (stuck, or a quantity that does not vary at all).
     */
    public static double[] splitRhatAndEss(double[][] chains) {
        int half = chains[0].length / 2;
        int m = 2 * chains.length;
        double[][] split = new double[m][half];
        for (int c = 0; c < chains.length; c++) {
            System.arraycopy(chains[c], 0, split[2 * c], 0, half);
            System.arraycopy(chains[c], chains[c].length - half, split[2 * c + 1], 0, half);
        }
        // A half-chain that never moved says nothing about mixing, and a quantity constant over every chain has no R̂:
        // both fail closed (R̂ = ∞, no effective draws) rather than pass as converged.
        for (double[] chain : split) {
            double first = chain[0];
            if (Arrays.stream(chain).allMatch(v -> v == first)) return new double[] {Double.POSITIVE_INFINITY, 0};
        }
        double[] means = new double[m];
        double[] variances = new double[m];
        double grand = 0;
        for (int j = 0; j < m; j++) {
            for (double v : split[j]) means[j] += v / half;
            for (double v : split[j]) variances[j] += (v - means[j]) * (v - means[j]) / (half - 1);
            grand += means[j] / m;
        }
        double between = 0;
        double within = 0;
        for (int j = 0; j < m; j++) {
            between += half * (means[j] - grand) * (means[j] - grand) / (m - 1);
            within += variances[j] / m;
        }
        double varPlus = (half - 1.0) / half * within + between / half;
        double rHat = Math.sqrt(varPlus / within);
        // Geyer's initial positive sequence: τ = −1 + 2 Σ Γₖ, Γₖ = ρ₂ₖ + ρ₂ₖ₊₁, while Γₖ > 0.
        double tau = -1;
        for (int lag = 0; lag < half - 1; lag += 2) {
            double pair = 0;
            for (int l = lag; l <= lag + 1; l++) {
                double variogram = 0;
                for (double[] chain : split) for (int t = l; t < half; t++) variogram += (chain[t] - chain[t - l]) * (chain[t] - chain[t - l]);
                variogram /= m * (half - l);
                pair += 1 - variogram / (2 * varPlus);
            }
            if (pair < 0) break;
            tau += 2 * pair;
        }
        double ess = m * half / Math.max(tau, 1e-9);
        return new double[] {rHat, Math.min(ess, m * half)};
    }
}
