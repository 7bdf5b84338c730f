package org.groundwatergateway.analytics.spatial;

import org.groundwatergateway.analytics.InvalidArgument;

/**
 * An isotropic, bounded semivariogram model γ(h) = c₀ + c₁·f(h/a) for h &gt; 0 and γ(0) = 0, with nugget c₀, partial
 * sill c₁ and range a (Isaaks &amp; Srivastava 1989, "An Introduction to Applied Geostatistics", ch. 16; Journel &amp;
 * Huijbregts 1978). The exponential and Gaussian ranges are practical ranges, where γ reaches 95 % of the sill:
 * <ul>
 *   <li>spherical: f = 1.5·r − 0.5·r³ for r = h/a &lt; 1, else 1;</li>
 *   <li>exponential: f = 1 − exp(−3h/a);</li>
 *   <li>Gaussian: f = 1 − exp(−3h²/a²).</li>
 * </ul>
 * The covariance is C(h) = c₀ + c₁ − γ(h), so C(0) is the whole sill: the nugget is a jump just off the origin and
 * kriging stays an exact interpolator.
 */
public record VariogramModel(Shape shape, double nugget, double partialSill, double range) {

    public enum Shape { SPHERICAL, EXPONENTIAL, GAUSSIAN }

    public VariogramModel {
        if (shape == null) throw new InvalidArgument("analytics.spatial.shape");
        if (!(nugget >= 0) || !(partialSill >= 0) || !(nugget + partialSill > 0)) {
            throw new InvalidArgument("analytics.spatial.sill");
        }
        if (!(range > 0)) throw new InvalidArgument("analytics.spatial.range");
    }

    public double sill() {
        return nugget + partialSill;
    }

    public double semivariance(double h) {
        return h == 0 ? 0 : nugget + partialSill * structure(h);
    }

    public double covariance(double h) {
        return h == 0 ? sill() : partialSill * (1 - structure(h));
    }

    /** The share of the partial sill reached at lag {@code h} &gt; 0. */
    private double structure(double h) {
        double r = h / range;
        switch (shape) {
            case SPHERICAL:
                return r >= 1 ? 1 : r * (1.5 - 0.5 * r * r);
            case EXPONENTIAL:
                return 1 - Math.exp(-3 * r);
            case GAUSSIAN:
                return 1 - Math.exp(-3 * r * r);
            default:
                throw new AssertionError(shape);
        }
    }
}
