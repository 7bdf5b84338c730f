package org.groundwatergateway.analytics.transport;

import org.groundwatergateway.analytics.InvalidArgument;
import static org.apache.commons.math3.special.Erf.erfc;

/**
 * One-dimensional advection–dispersion from a constant-concentration inlet (Ogata &amp; Banks 1961, USGS
 * Professional Paper 411-A): C(x, t) = C₀/2 · [erfc((Rx − vt)/(2√(DRt))) + exp(vx/D) · erfc((Rx + vt)/(2√(DRt)))],
 * with seepage velocity v, dispersion coefficient D = αL·v and retardation R. The second term is written in its
 * scaled form so it stays finite for large Péclet numbers.
 */
public record OgataBanks(double sourceConcentration, double seepageVelocity, double dispersion, double retardation) {

    public OgataBanks {
        if (!(seepageVelocity > 0 && dispersion > 0)) throw new InvalidArgument("analytics.transport.velocityDispersion");
        if (!(retardation >= 1)) throw new InvalidArgument("analytics.transport.retardation");
    }

    public double concentration(double x, double days) {
        if (days <= 0) return x <= 0 ? sourceConcentration : 0;
        if (x <= 0) return sourceConcentration;
        double spread = 2 * Math.sqrt(dispersion * retardation * days);
        double a = (retardation * x - seepageVelocity * days) / spread;
        double b = (retardation * x + seepageVelocity * days) / spread;
        // exp(vx/D)·erfc(b) = exp(vx/D − b²)·erfcx(b); for large b erfc underflows while exp overflows.
        double second = b > 25 ? Math.exp(seepageVelocity * x / dispersion - b * b) / (b * Math.sqrt(Math.PI))
                : Math.exp(seepageVelocity * x / dispersion) * erfc(b);
        return sourceConcentration / 2 * (erfc(a) + second);
    }
}
