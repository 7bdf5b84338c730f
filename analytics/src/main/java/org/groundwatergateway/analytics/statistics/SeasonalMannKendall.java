package org.groundwatergateway.analytics.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.groundwatergateway.analytics.InvalidArgument;

/**
 * The seasonal Kendall test for a monotonic trend (Hirsch, Slack and Smith 1982, Water Resources Research 18(1):107–121;
 * USEPA 2009, "Unified Guidance", ch. 14, Example 14-10): the Mann–Kendall S and its tie-corrected variance are
 * computed within each season and summed, so that seasonal swings never count as trend; Z carries the continuity
 * correction and p is two-sided, as in {@link MannKendall}. The slope is the seasonal Kendall slope of Hirsch et al.
 * (1982), the median of the pairwise slopes taken within seasons only, with Gilbert's (1987, ch. 17) interval on the
 * summed Var(S). The trends of the
 * seasons are compared by van Belle and Hughes' (1984, Water Resources Research 20(1):127–136) χ² = ΣZ_i² − K·Z̄² on K − 1 degrees of freedom (Z_i = S_i/√Var_i):
 * a small p says the seasons trend differently and the common Z should not be trusted.
 *
 * @param seasons  the seasons that hold at least two observations and so count
 * @param combined n, the summed S and Var(S), Z and p
 * @param senSlope per unit of the times given, e.g. per year for decimal years
 */
public record SeasonalMannKendall(int seasons, MannKendall combined, double heterogeneityChiSquare,
        double heterogeneityPValue, SenSlope senSlope) {

    /**
     * @param times  in increasing order within each season, e.g. decimal years
     * @param season a label per observation, e.g. the month 1–12 or the quarter 1–4
     */
    public static SeasonalMannKendall test(double[] times, double[] values, int[] season) {
        if (times.length != values.length || season.length != values.length) {
            throw new IllegalArgumentException("times, values and seasons differ in length");
        }
        Map<Integer, List<Integer>> bySeason = new TreeMap<>();
        for (int i = 0; i < values.length; i++) bySeason.computeIfAbsent(season[i], k -> new ArrayList<>()).add(i);
        long s = 0;
        double varS = 0;
        List<Double> seasonZ = new ArrayList<>();
        List<double[]> slopes = new ArrayList<>();
        int slopeCount = 0;
        for (List<Integer> members : bySeason.values()) {
            if (members.size() < 2) continue;
            double[] t = members.stream().mapToDouble(i -> times[i]).toArray();
            double[] x = members.stream().mapToDouble(i -> values[i]).toArray();
            long seasonS = MannKendall.statistic(t, x);
            double seasonVar = MannKendall.variance(x);
            s += seasonS;
            varS += seasonVar;
            if (seasonVar > 0) seasonZ.add(seasonS / Math.sqrt(seasonVar));
            double[] seasonSlopes = SenSlope.pairwiseSlopes(t, x);
            slopes.add(seasonSlopes);
            slopeCount += seasonSlopes.length;
        }
        if (slopeCount == 0) throw new InvalidArgument("analytics.statistics.seasonTwoTimes");
        double[] pooled = new double[slopeCount];
        int at = 0;
        for (double[] seasonSlopes : slopes) {
            System.arraycopy(seasonSlopes, 0, pooled, at, seasonSlopes.length);
            at += seasonSlopes.length;
        }
        SenSlope slope = SenSlope.ofSlopes(pooled, varS, TrendAnalysis.CONFIDENCE);
        double chiSquare = Double.NaN;
        double chiSquareP = Double.NaN;
        int k = seasonZ.size();
        if (k > 1) {
            double meanZ = seasonZ.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            chiSquare = seasonZ.stream().mapToDouble(zi -> zi * zi).sum() - k * meanZ * meanZ;
            chiSquareP = 1 - new ChiSquaredDistribution(k - 1).cumulativeProbability(chiSquare);
        }
        return new SeasonalMannKendall(slopes.size(), MannKendall.of(values.length, s, varS), chiSquare, chiSquareP, slope);
    }
}
