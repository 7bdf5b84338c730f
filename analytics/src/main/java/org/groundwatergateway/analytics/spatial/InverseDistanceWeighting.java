package org.groundwatergateway.analytics.spatial;

import org.groundwatergateway.analytics.InvalidArgument;

/**
 * Inverse-distance-weighted interpolation (Shepard 1968, "A two-dimensional interpolation function for
 * irregularly-spaced data"): the estimate at a point is the average of the samples weighted by 1/d^p. It is
 * exact at the samples and stays within their range, which suits a quick concentration surface for a map.
 */
public final class InverseDistanceWeighting {

    private final double[] xs;
    private final double[] ys;
    private final double[] values;
    private final double power;

    public InverseDistanceWeighting(double[] xs, double[] ys, double[] values, double power) {
        if (xs.length != ys.length || xs.length != values.length) throw new IllegalArgumentException("sample arrays differ in length");
        if (xs.length == 0) throw new InvalidArgument("analytics.spatial.noSamples");
        if (!(power > 0)) throw new InvalidArgument("analytics.spatial.power");
        this.xs = xs.clone();
        this.ys = ys.clone();
        this.values = values.clone();
        this.power = power;
    }

    public double at(double x, double y) {
        double weighted = 0;
        double weights = 0;
        for (int k = 0; k < xs.length; k++) {
            double dx = x - xs[k];
            double dy = y - ys[k];
            double d2 = dx * dx + dy * dy;
            if (d2 == 0) return values[k];
            double w = power == 2 ? 1 / d2 : Math.pow(d2, -power / 2);
            weighted += w * values[k];
            weights += w;
        }
        return weighted / weights;
    }
}
