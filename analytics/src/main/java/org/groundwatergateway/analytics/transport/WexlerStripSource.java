package org.groundwatergateway.analytics.transport;

import static org.apache.commons.math3.special.Erf.erf;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.groundwatergateway.analytics.InvalidArgument;

/**
 * Two-dimensional transport from a continuous strip source of width {@code Y} centred on y = 0 on the line x = 0, in an
 * aquifer of infinite width with uniform flow along x, dispersion along and across the flow and first-order decay:
 * the solution of Cleary and Ungs (1978) as given by Wexler (1992), "Analytical solutions for one-, two-, and
 * three-dimensional solute transport in ground-water systems with uniform flow", USGS TWRI 3-B7, program STRIPI:
 * <pre>
 * C(x, y, t) = C₀ x / (4 √(π Dx)) · exp(v x / (2 Dx)) · ∫₀ᵗ τ^(−3/2) · exp(−(v²/(4 Dx) + λ) τ − x²/(4 Dx τ))
 *              · [erf((Y/2 + y) / (2 √(Dy τ))) + erf((Y/2 − y) / (2 √(Dy τ)))] dτ
 * </pre>
 * with Dx = αL·v and Dy = αT·v. Retardation divides v, Dx and Dy by R and leaves λ: sorbed and dissolved solute decay
 * alike, as in {@link FiniteVolumeTransport} ({@link DomenicoSource} instead decays the dissolved phase only).
 *
 * <p>Like Wexler, the time integral is evaluated by Gauss–Legendre quadrature after a change of variable. Wexler uses
 * τ = z⁴; here the variable is ln τ, over only the interval where exp(−aτ − b/τ) is within e⁻⁴⁶ of its peak, split in
 * panels, so the quadrature stays accurate at high Péclet numbers, where the integrand is a narrow spike, and close to
 * the source, where it spans decades of τ. {@code days} may be infinite: the steady state.
 *
 * <p>Coordinates are plume coordinates: x along the flow from the source line (m), y across it (m); time in days.
 *
 * <p>The source line is a Dirichlet inflow boundary: the aquifer begins at x = 0, at C₀ across the strip and at zero
 * beside it. {@link FiniteVolumeTransport} has that condition along the strip for a release on its grid's inflow edge;
 * a release inside its grid also has aquifer upgradient (see {@link FiniteVolumeTransport.Source} for where the two
 * differ).
 */
public record WexlerStripSource(
        double sourceConcentration,
        double sourceWidth,
        double seepageVelocity,
        double retardation,
        double decayPerDay,
        double longitudinalDispersivity,
        double transverseDispersivity) {

    private static final int PANELS = 4;
    private static final GaussIntegrator RULE = new GaussIntegratorFactory().legendre(16);
    /** Parts of the integrand below e^-46 (1e-20) of its peak are left out. */
    private static final double NEGLIGIBLE = 46;

    public WexlerStripSource {
        if (!(seepageVelocity > 0)) throw new InvalidArgument("analytics.flow.seepageVelocity", seepageVelocity);
        if (!(retardation >= 1)) throw new InvalidArgument("analytics.transport.retardationValue", retardation);
        if (decayPerDay < 0) throw new InvalidArgument("analytics.transport.decayValue", decayPerDay);
        if (!(longitudinalDispersivity > 0 && transverseDispersivity > 0)) throw new InvalidArgument("analytics.transport.dispersivities");
        if (!(sourceWidth > 0)) throw new InvalidArgument("analytics.transport.sourceWidth");
    }

    /** Concentration at (x, y) {@code days} after the release began; {@code Double.POSITIVE_INFINITY} gives the steady state. */
    public double concentration(double x, double y, double days) {
        if (days <= 0 || x < 0) return 0;
        double half = sourceWidth / 2;
        double v = seepageVelocity / retardation;
        double dx = longitudinalDispersivity * seepageVelocity / retardation;
        double dy = transverseDispersivity * seepageVelocity / retardation;
        double a = v * v / (4 * dx) + decayPerDay;
        double b = x * x / (4 * dx);
        // On the source line (or so close to it that x² underflows) the boundary condition holds.
        if (b == 0) return Math.abs(y) < half ? sourceConcentration : Math.abs(y) == half ? sourceConcentration / 2 : 0;
        // exp(−aτ − b/τ) peaks at τ = √(b/a) with exponent −2√(ab); keep where it is within NEGLIGIBLE of that.
        double m = 2 * Math.sqrt(a * b) + NEGLIGIBLE;
        double root = Math.sqrt(m * m - 4 * a * b);
        double first = 2 * b / (m + root);
        double last = Math.min(days, (m + root) / (2 * a));
        if (last <= first) return 0;
        double lower = Math.log(first);
        double width = (Math.log(last) - lower) / PANELS;
        double drift = v * x / (2 * dx);
        double sum = 0;
        for (int p = 0; p < PANELS; p++) {
            double centre = lower + (p + 0.5) * width;
            for (int k = 0; k < RULE.getNumberOfPoints(); k++) {
                double tau = Math.exp(centre + RULE.getPoint(k) * width / 2);
                double spread = 2 * Math.sqrt(dy * tau);
                double lateral = erf((half + y) / spread) + erf((half - y) / spread);
                // τ^(−3/2) dτ = τ^(−1/2) d(ln τ); the drift factor joins the exponent so neither overflows.
                sum += RULE.getWeight(k) * lateral * Math.exp(drift - a * tau - b / tau) / Math.sqrt(tau);
            }
        }
        return sourceConcentration * x / (4 * Math.sqrt(Math.PI * dx)) * sum * width / 2;
    }
}
