package org.groundwatergateway.analytics.statistics;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.groundwatergateway.analytics.InvalidArgument;

/**
 * The upper normal prediction limit of background data for future compliance values or means (USEPA 2009, "Unified
 * Guidance", ch. 18, Examples 18-1 and 18-2): PL = x̄ + κ·s with κ = t(1 − α/k, n − 1)·√(1/p + 1/n) for k future
 * means of p values each (p = 1 for single values), the Bonferroni split of α over the k comparisons. For lognormal
 * data give the logarithms and back-transform the limit.
 *
 * @param futureCount   k, the future values (or means) that are all compared with the limit
 * @param valuesPerMean p, how many values each future mean averages; 1 for single values
 */
public record NormalPredictionLimit(int n, double mean, double sd, int futureCount, int valuesPerMean, double confidence,
        double kappa, double limit) {

    public static NormalPredictionLimit forFutureValues(double[] background, int futureCount, double confidence) {
        return forFutureMeans(background, futureCount, 1, confidence);
    }

    public static NormalPredictionLimit forFutureMeans(double[] background, int futureCount, int valuesPerMean, double confidence) {
        int n = background.length;
        if (n < 3) throw new InvalidArgument("analytics.statistics.predictionBackground", n);
        if (futureCount < 1 || valuesPerMean < 1) throw new InvalidArgument("analytics.statistics.futureCounts");
        if (!(confidence > 0 && confidence < 1)) throw new InvalidArgument("analytics.statistics.confidence");
        double mean = StatUtils.mean(background);
        double sd = Math.sqrt(StatUtils.variance(background));
        double alpha = 1 - confidence;
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - alpha / futureCount);
        double kappa = t * Math.sqrt(1.0 / valuesPerMean + 1.0 / n);
        return new NormalPredictionLimit(n, mean, sd, futureCount, valuesPerMean, confidence, kappa, mean + kappa * sd);
    }

    /** Whether a future value (or mean of {@code valuesPerMean} values) lies above the limit. */
    public boolean exceededBy(double future) {
        return future > limit;
    }
}
