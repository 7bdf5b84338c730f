package org.groundwatergateway.analytics.transport;

import org.apache.commons.math3.special.Erf;
import org.groundwatergateway.analytics.InvalidArgument;

/**
 * What is known of an uncertain input, sampled by its quantile function (inverse transform sampling): a uniform draw
 * u in (0, 1) gives the value {@link #quantile}(u).
 */
public sealed interface ParameterDistribution {

    /** The value below which a share {@code p} of the distribution lies. */
    double quantile(double p);

    /** The least value the distribution can take (the infimum for an open support); for a bounded one, its 0 quantile. */
    default double lowest() {
        return quantile(0);
    }

    /** The greatest value the distribution can take (the supremum for an open support); for a bounded one, its 1 quantile. */
    default double highest() {
        return quantile(1);
    }

    /** A value known exactly: no variance. */
    record Fixed(double value) implements ParameterDistribution {
        public Fixed {
            if (!Double.isFinite(value)) throw new InvalidArgument("analytics.distribution.fixed");
        }

        @Override
        public double quantile(double p) {
            return value;
        }
    }

    record Uniform(double min, double max) implements ParameterDistribution {
        public Uniform {
            if (!(min <= max) || !Double.isFinite(min) || !Double.isFinite(max)) throw new InvalidArgument("analytics.distribution.uniform");
        }

        @Override
        public double quantile(double p) {
            return min + p * (max - min);
        }
    }

    /** Triangular between {@code min} and {@code max} with its peak at {@code mode}. */
    record Triangular(double min, double mode, double max) implements ParameterDistribution {
        public Triangular {
            if (!(min <= mode && mode <= max && min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
                throw new InvalidArgument("analytics.distribution.triangular");
            }
        }

        @Override
        public double quantile(double p) {
            double width = max - min;
            double split = (mode - min) / width;
            return p < split ? min + Math.sqrt(p * width * (mode - min)) : max - Math.sqrt((1 - p) * width * (max - mode));
        }
    }

    /**
     * Lognormal: ln X is normal with mean ln {@code median} (the geometric mean) and standard deviation
     * {@code sigmaLn}, the usual description of hydraulic conductivity.
     */
    record LogNormal(double median, double sigmaLn) implements ParameterDistribution {
        public LogNormal {
            if (!(median > 0) || !(sigmaLn >= 0) || !Double.isFinite(median) || !Double.isFinite(sigmaLn)) {
                throw new InvalidArgument("analytics.distribution.lognormal");
            }
        }

        @Override
        public double quantile(double p) {
            if (sigmaLn == 0) return median;
            // The standard normal quantile is √2·erf⁻¹(2p − 1).
            return median * Math.exp(sigmaLn * Math.sqrt(2) * Erf.erfInv(2 * p - 1));
        }

        @Override
        public double lowest() {
            return sigmaLn == 0 ? median : 0;
        }

        @Override
        public double highest() {
            return sigmaLn == 0 ? median : Double.POSITIVE_INFINITY;
        }
    }
}
