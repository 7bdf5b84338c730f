package org.groundwatergateway.analytics.tracing;

import static org.apache.commons.math3.special.Erf.erf;

/**
 * The truth of the release scenarios: a continuous patch source in uniform flow with three-dimensional dispersion and
 * first-order decay, the exact solution of Wexler (1992, USGS TWRI 3-B7, "patch source, aquifer of infinite width and
 * height", program PATCHI) with the source from the water table down to {@code depth} and no flux across the water
 * table (the patch mirrored about it):
 * <pre>
 * C = C₀ x / (8 √(π Dx)) ∫₀ᵗ τ^(−3/2) exp(v x/(2 Dx) − (v²/(4 Dx) + λ) τ − x²/(4 Dx τ))
 *     · [erf((Y/2 + y)/(2√(Dy τ))) + erf((Y/2 − y)/(2√(Dy τ)))] · [erf((Z + z)/(2√(Dz τ))) + erf((Z − z)/(2√(Dz τ)))] dτ
 * </pre>
 * with v, Dx, Dy, Dz divided by R. Written here on its own, apart from the tracer's forward model (Domenico's 1987
 * approximation, {@code DomenicoSource}) and from {@code WexlerStripSource}: composite Simpson in ln τ over the window
 * where the exponent is within 45 of its peak. Plume coordinates: x along the flow from the source plane, y across,
 * z down from the water table (m); days; concentrations in the unit of C₀.
 */
record PatchSourcePlume(double sourceConcentration, double width, double depth, double seepageVelocity, double retardation,
                        double decayPerDay, double longitudinalDispersivity, double transverseDispersivity, double verticalDispersivity) {

    private static final int INTERVALS = 240;

    double concentration(double x, double y, double z, double days) {
        if (days <= 0 || x <= 0) return 0;
        double v = seepageVelocity / retardation;
        double dx = longitudinalDispersivity * seepageVelocity / retardation;
        double dy = transverseDispersivity * seepageVelocity / retardation;
        double dz = verticalDispersivity * seepageVelocity / retardation;
        double a = v * v / (4 * dx) + decayPerDay;
        double b = x * x / (4 * dx);
        double drift = v * x / (2 * dx);
        // a τ + b/τ is smallest, 2√(ab), at τ = √(b/a); keep the τ where it is within 45 of that.
        double m = 2 * Math.sqrt(a * b) + 45;
        double root = Math.sqrt(m * m - 4 * a * b);
        double first = (m - root) / (2 * a);
        double last = Math.min(days, (m + root) / (2 * a));
        if (!(last > first)) return 0;
        double lower = Math.log(first);
        double h = (Math.log(last) - lower) / INTERVALS;
        double sum = 0;
        for (int k = 0; k <= INTERVALS; k++) {
            double tau = Math.exp(lower + k * h);
            double sy = 2 * Math.sqrt(dy * tau);
            double sz = 2 * Math.sqrt(dz * tau);
            double lateral = erf((width / 2 + y) / sy) + erf((width / 2 - y) / sy);
            double vertical = erf((depth + z) / sz) + erf((depth - z) / sz);
            double f = Math.exp(drift - a * tau - b / tau) / Math.sqrt(tau) * lateral * vertical;
            sum += f * (k == 0 || k == INTERVALS ? 1 : k % 2 == 1 ? 4 : 2);
        }
        return sourceConcentration * x / (8 * Math.sqrt(Math.PI * dx)) * sum * h / 3;
    }

    /** Dissolved mass leaving the source per day, g/d for C₀ in mg/L: the Darcy flux through the patch times C₀. */
    double massDischargeGramsPerDay(double effectivePorosity) {
        return sourceConcentration * seepageVelocity * effectivePorosity * width * depth;
    }
}
