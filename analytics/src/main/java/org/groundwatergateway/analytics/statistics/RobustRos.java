package org.groundwatergateway.analytics.statistics;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.groundwatergateway.analytics.InvalidArgument;

/**
 * Robust regression on order statistics for multiply censored concentrations (Helsel and Cohn 1988, Water Resources
 * Research 24(12):1997–2004; Helsel 2012, "Statistics for Censored Environmental Data", ch. 6; USEPA 2009, "Unified
 * Guidance", ch. 15, Example 15-2). Plotting positions follow Hirsch and Stedinger (1987) with constant 0: with the
 * detection limits L_1 &lt; … &lt; L_m (and L_0 = 0 when detects lie below L_1), the probability of exceeding L_j is
 * PE_j = PE_{j+1} + A_j/(A_j + B_j)·(1 − PE_{j+1}), A_j counting the detects in [L_j, L_{j+1}) and B_j the results below
 * L_j (non-detects at L_j included). The r-th of the A_j detects then sits at (1 − PE_j) + (PE_j − PE_{j+1})·r/(A_j + 1)
 * and the r-th of the C_j non-detects at L_j at (1 − PE_j)·r/(C_j + 1). The logarithms of the detects are regressed on
 * the normal scores of their positions, each non-detect takes the back-transformed line at its own position, and the
 * detects keep their measured values: the statistics are those of this filled-in sample.
 */
public final class RobustRos {

    private static final NormalDistribution NORMAL = new NormalDistribution();

    private final double[] estimates;
    private final double[] plottingPositions;
    private final DiscreteDistribution distribution;

    private RobustRos(double[] estimates, double[] plottingPositions) {
        this.estimates = estimates;
        this.plottingPositions = plottingPositions;
        this.distribution = DiscreteDistribution.empirical(estimates);
    }

    public static RobustRos fit(List<CensoredValue> data) {
        int n = data.size();
        double[] detects = data.stream().filter(v -> !v.censored()).mapToDouble(CensoredValue::value).sorted().toArray();
        if (Arrays.stream(detects).distinct().count() < 2) {
            throw new InvalidArgument("analytics.statistics.rosTwoDetects");
        }
        if (detects[0] <= 0) throw new InvalidArgument("analytics.statistics.rosPositive");
        double[] limits = limits(data, detects[0]);
        double[] exceedance = exceedance(data, detects, limits);
        double[] positions = new double[n];
        for (int j = 0; j < limits.length; j++) {
            double upper = j + 1 < limits.length ? limits[j + 1] : Double.POSITIVE_INFINITY;
            double low = limits[j];
            place(data, positions, v -> !v.censored() && v.value() >= low && v.value() < upper,
                    1 - exceedance[j], exceedance[j] - exceedance[j + 1]);
            place(data, positions, v -> v.censored() && v.value() == low, 0, 1 - exceedance[j]);
        }
        SimpleRegression line = new SimpleRegression();
        for (int i = 0; i < n; i++) {
            if (!data.get(i).censored()) line.addData(NORMAL.inverseCumulativeProbability(positions[i]), Math.log(data.get(i).value()));
        }
        double[] estimates = new double[n];
        for (int i = 0; i < n; i++) {
            CensoredValue v = data.get(i);
            estimates[i] = v.censored() ? Math.exp(line.predict(NORMAL.inverseCumulativeProbability(positions[i]))) : v.value();
        }
        return new RobustRos(estimates, positions);
    }

    /** The detection limits ascending, led by 0 when some detect lies below the lowest of them (or there is none). */
    private static double[] limits(List<CensoredValue> data, double lowestDetect) {
        TreeSet<Double> limits = new TreeSet<>();
        for (CensoredValue v : data) if (v.censored()) limits.add(v.value());
        if (limits.isEmpty() || lowestDetect < limits.first()) limits.add(0.0);
        return limits.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** PE_j for each limit, with PE = 0 above the last. */
    private static double[] exceedance(List<CensoredValue> data, double[] detects, double[] limits) {
        double[] pe = new double[limits.length + 1];
        for (int j = limits.length - 1; j >= 0; j--) {
            double low = limits[j];
            double upper = j + 1 < limits.length ? limits[j + 1] : Double.POSITIVE_INFINITY;
            long a = Arrays.stream(detects).filter(x -> x >= low && x < upper).count();
            long b = data.stream().filter(v -> v.censored() ? v.value() <= low : v.value() < low).count();
            pe[j] = pe[j + 1] + (double) a / (a + b) * (1 - pe[j + 1]);
        }
        return pe;
    }

    /** Spreads the selected results, ascending, evenly over (start, start + width): the r-th of c at start + width·r/(c + 1). */
    private static void place(List<CensoredValue> data, double[] positions, Predicate<CensoredValue> selected,
            double start, double width) {
        Integer[] order = IntStream.range(0, data.size()).filter(i -> selected.test(data.get(i))).boxed()
                .sorted((i, k) -> Double.compare(data.get(i).value(), data.get(k).value())).toArray(Integer[]::new);
        for (int r = 0; r < order.length; r++) positions[order[r]] = start + width * (r + 1) / (order.length + 1);
    }

    /** One value per input result, in input order: the measured value of a detect, the regression's estimate for a non-detect. */
    public double[] estimates() {
        return estimates.clone();
    }

    /** The Hirsch–Stedinger plotting position of each input result, in input order. */
    public double[] plottingPositions() {
        return plottingPositions.clone();
    }

    public double mean() {
        return distribution.mean();
    }

    /** The sample standard deviation (n − 1) of the filled-in values. */
    public double sd() {
        return Math.sqrt(StatUtils.variance(estimates));
    }

    public CensoredValue quantile(double p) {
        return distribution.quantile(p);
    }
}
