package org.groundwatergateway.analytics.transport;

import org.groundwatergateway.analytics.InvalidArgument;
import static org.apache.commons.math3.special.Erf.erf;
import static org.apache.commons.math3.special.Erf.erfc;

/**
 * Concentration downgradient of a continuous planar source in uniform one-dimensional flow with
 * three-dimensional dispersion and first-order decay.
 *
 * <p>Domenico, P.A. (1987), "An analytical model for multidimensional transport of a decaying
 * contaminant species", Journal of Hydrology 91, 49-58, in the form used by BIOSCREEN (Newell et al.,
 * US EPA/600/R-96/087, 1996) for a source of width {@code Y} centred on the plume axis and of depth
 * {@code Z} below the water table. West, Kueper and Ungs (2007), Ground Water 45(2), 126-135, show the
 * approximation is good near the plume axis when longitudinal dispersivity is small against distance;
 * it is used for screening and for generating plausible fields, not as an exact solution.
 *
 * <p>Coordinates are plume coordinates: {@code x} along the flow from the source plane (m),
 * {@code y} across it from the axis (m), {@code z} down from the water table (m). Time is in days.
 */
public record DomenicoSource(
        double sourceConcentration,
        double sourceWidth,
        double sourceDepth,
        double seepageVelocity,
        double retardation,
        double decayPerDay,
        double longitudinalDispersivity,
        double transverseDispersivity,
        double verticalDispersivity) {

    public DomenicoSource {
        if (!(seepageVelocity > 0)) throw new InvalidArgument("analytics.flow.seepageVelocity", seepageVelocity);
        if (!(retardation >= 1)) throw new InvalidArgument("analytics.transport.retardationValue", retardation);
        if (decayPerDay < 0) throw new InvalidArgument("analytics.transport.decayValue", decayPerDay);
        if (!(longitudinalDispersivity > 0 && transverseDispersivity > 0 && verticalDispersivity > 0)) {
            throw new InvalidArgument("analytics.transport.dispersivities");
        }
        if (!(sourceWidth > 0 && sourceDepth > 0)) throw new InvalidArgument("analytics.transport.sourceSize");
    }

    /** Concentration at a point in plume coordinates {@code daysSinceRelease} days after the release began. */
    public double concentration(double x, double y, double z, double daysSinceRelease) {
        if (daysSinceRelease <= 0) return 0;
        if (x <= 0) {
            // Upgradient of the source plane the model does not apply; inside the source footprint the
            // source concentration holds.
            return (x == 0 && Math.abs(y) <= sourceWidth / 2 && z >= 0 && z <= sourceDepth) ? sourceConcentration : 0;
        }
        double v = seepageVelocity / retardation;
        double lambda = decayPerDay / retardation;
        double ax = longitudinalDispersivity;
        double root = Math.sqrt(1 + 4 * lambda * ax / v);
        double longitudinal = Math.exp(x / (2 * ax) * (1 - root))
                * erfc((x - v * daysSinceRelease * root) / (2 * Math.sqrt(ax * v * daysSinceRelease)));
        double sy = 2 * Math.sqrt(transverseDispersivity * x);
        double lateral = erf((y + sourceWidth / 2) / sy) - erf((y - sourceWidth / 2) / sy);
        double sz = 2 * Math.sqrt(verticalDispersivity * x);
        double vertical = erf((z + sourceDepth) / sz) - erf((z - sourceDepth) / sz);
        return sourceConcentration / 8 * longitudinal * lateral * vertical;
    }

    /**
     * Dissolved mass leaving the source per day (g/d with concentration in mg/L, i.e. g/m³): the Darcy
     * flux through the source plane times its concentration.
     */
    public double massDischargeGramsPerDay(double effectivePorosity) {
        return sourceConcentration * seepageVelocity * effectivePorosity * sourceWidth * sourceDepth;
    }
}
