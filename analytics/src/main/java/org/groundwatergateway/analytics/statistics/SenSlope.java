package org.groundwatergateway.analytics.statistics;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Sen's (1968) slope — the median of all pairwise slopes — with the distribution-free confidence interval of
 * Gilbert (1987, §16.5.1): with C = z(1−α/2)·√Var(S) and N′ slopes in ascending order, the limits are the
 * (N′ − C)/2-th and ((N′ + C)/2 + 1)-th slopes, interpolated between neighbours when those ranks are fractional.
 *
 * @param slope per unit of the times given
 */
public record SenSlope(double slope, double lower, double upper, double confidenceLevel) {

    private static final NormalDistribution NORMAL = new NormalDistribution();

    public static SenSlope estimate(double[] times, double[] values, double varS, double confidenceLevel) {
        double[] slopes = pairwiseSlopes(times, values);
        if (slopes.length == 0) throw new IllegalArgumentException("Sen's slope needs observations at two different times");
        return ofSlopes(slopes, varS, confidenceLevel);
    }

    /** (x_j − x_k)/(t_j − t_k) for every pair observed at different times. */
    static double[] pairwiseSlopes(double[] times, double[] values) {
        int n = values.length;
        double[] slopes = new double[n * (n - 1) / 2];
        int count = 0;
        for (int k = 0; k < n - 1; k++) {
            for (int j = k + 1; j < n; j++) {
                double dt = times[j] - times[k];
                if (dt != 0) slopes[count++] = (values[j] - values[k]) / dt;
            }
        }
        return Arrays.copyOf(slopes, count);
    }

    /** The median of the given slopes, which it sorts in place, with Gilbert's interval for the Var(S) of their test. */
    static SenSlope ofSlopes(double[] ordered, double varS, double confidenceLevel) {
        Arrays.sort(ordered);
        int count = ordered.length;
        double median = count % 2 == 1 ? ordered[count / 2] : (ordered[count / 2 - 1] + ordered[count / 2]) / 2;
        double c = NORMAL.inverseCumulativeProbability(1 - (1 - confidenceLevel) / 2) * Math.sqrt(varS);
        double lower = rank(ordered, (count - c) / 2);
        double upper = rank(ordered, (count + c) / 2 + 1);
        return new SenSlope(median, lower, upper, confidenceLevel);
    }

    /** The value at a 1-based, possibly fractional rank, clamped to the ends. */
    private static double rank(double[] ordered, double rank) {
        double r = Math.max(1, Math.min(ordered.length, rank));
        int below = (int) Math.floor(r);
        double fraction = r - below;
        if (below >= ordered.length) return ordered[ordered.length - 1];
        return ordered[below - 1] + fraction * (ordered[below] - ordered[below - 1]);
    }

    static double[] indices(int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = i + 1;
        return t;
    }
}
