package org.groundwatergateway.analytics.statistics;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Mann–Kendall test for a monotonic trend (Mann 1945; Kendall 1975) as Gilbert (1987, "Statistical Methods
 * for Environmental Pollution Monitoring", §16.4) gives it: S counts later-minus-earlier signs over all pairs,
 * Var(S) is corrected for tied values, and Z uses the continuity correction. p is two-sided from the normal
 * approximation. Pairs observed at the same time carry no order and are left out of S.
 *
 * @param n      observations
 * @param s      the Mann–Kendall statistic
 * @param varS   its variance under no trend, tie-corrected
 * @param z      (S − sign(S)) / √Var(S), 0 when S = 0
 * @param pValue two-sided
 */
public record MannKendall(int n, long s, double varS, double z, double pValue) {

    private static final NormalDistribution NORMAL = new NormalDistribution();

    /** @param times strictly the order of observation: any increasing numbers, e.g. decimal years */
    public static MannKendall test(double[] times, double[] values) {
        if (times.length != values.length) throw new IllegalArgumentException("times and values differ in length");
        int n = values.length;
        if (n < 3) throw new IllegalArgumentException("the Mann-Kendall test needs at least 3 observations, got " + n);
        return of(n, statistic(times, values), variance(values));
    }

    /** Z and p for a given S and Var(S), e.g. ones summed over seasons. */
    static MannKendall of(int n, long s, double varS) {
        double z = s == 0 || varS <= 0 ? 0 : (s - Math.signum(s)) / Math.sqrt(varS);
        double p = 2 * (1 - NORMAL.cumulativeProbability(Math.abs(z)));
        return new MannKendall(n, s, varS, z, p);
    }

    public static MannKendall test(double[] values) {
        return test(SenSlope.indices(values.length), values);
    }

    /** S: the sum of sign(later − earlier) over all pairs observed at different times. */
    static long statistic(double[] times, double[] values) {
        long s = 0;
        for (int k = 0; k < values.length - 1; k++) {
            for (int j = k + 1; j < values.length; j++) {
                double dt = times[j] - times[k];
                if (dt == 0) continue;
                s += (long) Math.signum(dt) * (long) Math.signum(values[j] - values[k]);
            }
        }
        return s;
    }

    /** Var(S) under no trend, corrected for ties. */
    static double variance(double[] values) {
        int n = values.length;
        return (n * (n - 1.0) * (2.0 * n + 5) - tieTerm(values)) / 18.0;
    }

    /** Σ t(t − 1)(2t + 5) over the groups of t equal values. */
    private static double tieTerm(double[] values) {
        Map<Double, Integer> counts = new HashMap<>();
        for (double v : values) counts.merge(v, 1, Integer::sum);
        return counts.values().stream().filter(t -> t > 1).mapToDouble(t -> t * (t - 1.0) * (2.0 * t + 5)).sum();
    }

    /** One-tailed confidence that the trend's direction is real, Φ(|Z|), as MAROS reports it. */
    public double confidence() {
        return NORMAL.cumulativeProbability(Math.abs(z));
    }
}
