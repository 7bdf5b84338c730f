package org.groundwatergateway.analytics.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.apache.commons.math3.stat.StatUtils;
import org.groundwatergateway.analytics.InvalidArgument;

/**
 * The combined Shewhart–CUSUM control chart for intrawell comparisons (Lucas 1982, Journal of Quality Technology
 * 14(2):51–59; USEPA 2009, "Unified Guidance", ch. 20, Example 20-1). Each compliance value is standardised by the
 * baseline, Z_i = (x_i − x̄)/s; the CUSUM accumulates what exceeds the reference value k, S_i = max(0, S_{i−1} + Z_i − k)
 * with S_0 = 0. A point is out of control when Z_i exceeds the Shewhart limit SCL (a sudden rise) or S_i exceeds the
 * decision interval h (a gradual one). The Guidance's defaults are h = 5, k = 1, SCL = 4.5, with at least
 * {@value #MIN_BASELINE} baseline values.
 */
public record ShewhartCusum(double baselineMean, double baselineSd, Parameters parameters, List<Point> points) {

    public static final int MIN_BASELINE = 8;

    /** In baseline standard deviations. */
    public record Parameters(double h, double k, double scl) {
        public static final Parameters GUIDANCE = new Parameters(5, 1, 4.5);
    }

    /** @param index 0-based position in the compliance series */
    public record Point(int index, double value, double standardised, double cusum, boolean shewhartExceeded, boolean cusumExceeded) {
        public boolean outOfControl() {
            return shewhartExceeded || cusumExceeded;
        }
    }

    public static ShewhartCusum chart(double[] baseline, double[] compliance) {
        return chart(baseline, compliance, Parameters.GUIDANCE);
    }

    public static ShewhartCusum chart(double[] baseline, double[] compliance, Parameters parameters) {
        int n = baseline.length;
        if (n < MIN_BASELINE) throw new InvalidArgument("analytics.statistics.controlBaseline", MIN_BASELINE, n);
        double mean = StatUtils.mean(baseline);
        double sd = Math.sqrt(StatUtils.variance(baseline));
        if (sd == 0) throw new InvalidArgument("analytics.statistics.constantBaseline");
        List<Point> points = new ArrayList<>(compliance.length);
        double cusum = 0;
        for (int i = 0; i < compliance.length; i++) {
            double z = (compliance[i] - mean) / sd;
            cusum = Math.max(0, cusum + z - parameters.k());
            points.add(new Point(i, compliance[i], z, cusum, z > parameters.scl(), cusum > parameters.h()));
        }
        return new ShewhartCusum(mean, sd, parameters, List.copyOf(points));
    }

    public OptionalInt firstOutOfControl() {
        return points.stream().filter(Point::outOfControl).mapToInt(Point::index).findFirst();
    }
}
