package org.groundwatergateway.analytics.statistics;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.groundwatergateway.analytics.InvalidArgument;

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
        if (n < 3) throw new InvalidArgument("analytics.statistics.mannKendallCount", n);
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

    /**
     * S: the sum of sign(later − earlier) over all pairs observed at different times, counted as Knight (1966, "A
     * computer method for calculating Kendall's tau with ungrouped data", JASA 61:436–439) does rather than pair by
     * pair: sorted by time, then value, the discordant pairs are the strict value inversions a merge sort counts,
     * and the concordant ones are all pairs less those tied in time, in value or in both, less the discordant.
     * O(n log n) time and O(n) memory, where the pair loop needed quadratic time for 20,000 values.
     */
    static long statistic(double[] times, double[] values) {
        int n = values.length;
        double[] t = new double[n];
        double[] x = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            // + 0.0 turns −0.0 into 0.0: their difference is 0, a tie, as sign(0) = 0 has it.
            t[i] = times[i] + 0.0;
            x[i] = values[i] + 0.0;
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> t[a] != t[b] ? Double.compare(t[a], t[b]) : Double.compare(x[a], x[b]));
        double[] byTime = new double[n];
        long tiedInTime = 0, tiedInBoth = 0, timeRun = 1, bothRun = 1;
        for (int i = 0; i < n; i++) {
            byTime[i] = x[order[i]];
            if (i > 0 && t[order[i]] == t[order[i - 1]]) {
                tiedInTime += timeRun++;
                if (byTime[i] == byTime[i - 1]) tiedInBoth += bothRun++;
                else bothRun = 1;
            } else {
                timeRun = 1;
                bothRun = 1;
            }
        }
        long discordant = inversions(byTime, new double[n], 0, n);
        // byTime is now sorted by value: its runs are the ties in value.
        long tiedInValue = 0, valueRun = 1;
        for (int i = 1; i < n; i++) {
            if (byTime[i] == byTime[i - 1]) tiedInValue += valueRun++;
            else valueRun = 1;
        }
        long pairs = (long) n * (n - 1) / 2;
        long concordant = pairs - tiedInTime - tiedInValue + tiedInBoth - discordant;
        return concordant - discordant;
    }

    /** Sorts a[from, to) and returns how many of its pairs were strictly out of order. */
    private static long inversions(double[] a, double[] scratch, int from, int to) {
        if (to - from < 2) return 0;
        int middle = (from + to) >>> 1;
        long count = inversions(a, scratch, from, middle) + inversions(a, scratch, middle, to);
        int left = from, right = middle, out = from;
        while (left < middle && right < to) {
            if (a[right] < a[left]) {
                count += middle - left;
                scratch[out++] = a[right++];
            } else {
                scratch[out++] = a[left++];
            }
        }
        while (left < middle) scratch[out++] = a[left++];
        while (right < to) scratch[out++] = a[right++];
        System.arraycopy(scratch, from, a, from, to - from);
        return count;
    }

    /** Var(S) under no trend, corrected for ties. */
    static double variance(double[] values) {
        int n = values.length;
        return (n * (n - 1.0) * (2.0 * n + 5) - tieTerm(values)) / 18.0;
    }

    /** Σ t(t − 1)(2t + 5) over the groups of t equal values, found as the runs of the sorted values. */
    private static double tieTerm(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        int run = 1;
        for (int i = 1; i <= sorted.length; i++) {
            // == rather than the sort's order, so −0.0 and 0.0 tie here as they do in S.
            if (i < sorted.length && sorted[i] == sorted[i - 1]) {
                run++;
            } else {
                if (run > 1) sum += run * (run - 1.0) * (2.0 * run + 5);
                run = 1;
            }
        }
        return sum;
    }

    /** One-tailed confidence that the trend's direction is real, Φ(|Z|), as MAROS reports it. */
    public double confidence() {
        return NORMAL.cumulativeProbability(Math.abs(z));
    }
}
