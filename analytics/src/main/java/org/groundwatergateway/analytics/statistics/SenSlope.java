package org.groundwatergateway.analytics.statistics;

import java.util.Arrays;
import java.util.function.LongToDoubleFunction;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.groundwatergateway.analytics.InvalidArgument;

/**
 * Sen's (1968) slope — the median of all pairwise slopes — with the distribution-free confidence interval of
 * Gilbert (1987, §16.5.1): with C = z(1−α/2)·√Var(S) and N′ slopes in ascending order, the limits are the
 * (N′ − C)/2-th and ((N′ + C)/2 + 1)-th slopes, interpolated between neighbours when those ranks are fractional.
 *
 * @param slope per unit of the times given
 */
public record SenSlope(double slope, double lower, double upper, double confidenceLevel) {

    private static final NormalDistribution NORMAL = new NormalDistribution();

    /** Selects the few ranks it needs among the pairwise slopes rather than sorting them all (see SlopeSelection). */
    public static SenSlope estimate(double[] times, double[] values, double varS, double confidenceLevel) {
        SlopeSelection slopes = new SlopeSelection(times, values);
        if (slopes.count() == 0) throw new InvalidArgument("analytics.statistics.senTwoTimes");
        return of(slopes.count(), slopes::select, varS, confidenceLevel);
    }

    /** (x_j − x_k)/(t_j − t_k) for every pair observed at different times. */
    static double[] pairwiseSlopes(double[] times, double[] values) {
        int n = values.length;
        double[] slopes = new double[Math.toIntExact((long) n * (n - 1) / 2)];
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
    static SenSlope ofSlopes(double[] slopes, double varS, double confidenceLevel) {
        Arrays.sort(slopes);
        return of(slopes.length, rank -> slopes[(int) rank], varS, confidenceLevel);
    }

    /** @param ordered the slope of a 0-based rank in ascending order */
    private static SenSlope of(long count, LongToDoubleFunction ordered, double varS, double confidenceLevel) {
        double median = count % 2 == 1 ? ordered.applyAsDouble(count / 2)
                : (ordered.applyAsDouble(count / 2 - 1) + ordered.applyAsDouble(count / 2)) / 2;
        double c = NORMAL.inverseCumulativeProbability(1 - (1 - confidenceLevel) / 2) * Math.sqrt(varS);
        double lower = rank(count, ordered, (count - c) / 2);
        double upper = rank(count, ordered, (count + c) / 2 + 1);
        return new SenSlope(median, lower, upper, confidenceLevel);
    }

    /** The value at a 1-based, possibly fractional rank, clamped to the ends. */
    private static double rank(long count, LongToDoubleFunction ordered, double rank) {
        double r = Math.max(1, Math.min(count, rank));
        long below = (long) Math.floor(r);
        double fraction = r - below;
        if (below >= count) return ordered.applyAsDouble(count - 1);
        double low = ordered.applyAsDouble(below - 1);
        // A whole rank needs no neighbour, which saves selecting one.
        return fraction == 0 ? low : low + fraction * (ordered.applyAsDouble(below) - low);
    }

    static double[] indices(int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = i + 1;
        return t;
    }
}
