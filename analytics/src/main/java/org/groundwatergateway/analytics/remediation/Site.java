package org.groundwatergateway.analytics.remediation;

import java.util.Arrays;
import java.util.List;
import org.groundwatergateway.analytics.InvalidArgument;
import org.groundwatergateway.analytics.transport.FiniteVolumeTransport;
import org.groundwatergateway.analytics.transport.TransportGrid;

/**
 * A contaminated site in plume coordinates: regional flow along +x, a continuous source strip of {@code sourceWidth}
 * centred at (0, 0) across the flow, released from {@code sourceStartDay} (days; remediation starts on day 0, so a
 * plume that is already there started at a negative day). K in m/d, lengths in m, concentrations in mg/L, decay in 1/d
 * (dissolved and sorbed alike).
 */
public record Site(TransportGrid grid, double hydraulicConductivity, double hydraulicGradient, double effectivePorosity,
                   double aquiferThickness, double retardation, double decayPerDay, double longitudinalDispersivity,
                   double transverseDispersivity, double sourceWidth, double sourceConcentration, double sourceStartDay) {

    public Site {
        if (!grid.contains(0, 0)) throw new InvalidArgument("analytics.remediation.gridSource");
        if (!(hydraulicConductivity > 0 && hydraulicGradient > 0)) throw new InvalidArgument("analytics.remediation.conductivityGradient");
        if (!(effectivePorosity > 0 && effectivePorosity <= 1)) throw new InvalidArgument("analytics.remediation.porosity");
        if (!(aquiferThickness > 0 && sourceWidth > 0)) throw new InvalidArgument("analytics.remediation.thicknessWidth");
        if (!(sourceConcentration >= 0) || !Double.isFinite(sourceStartDay)) throw new InvalidArgument("analytics.remediation.source");
    }

    /** Regional Darcy flux K·i (m/d). */
    public double darcyFlux() {
        return hydraulicConductivity * hydraulicGradient;
    }

    /** Regional seepage velocity K·i/nₑ (m/d). */
    public double seepageVelocity() {
        return darcyFlux() / effectivePorosity;
    }

    FiniteVolumeTransport.Parameters parameters() {
        return new FiniteVolumeTransport.Parameters(retardation, decayPerDay, longitudinalDispersivity, transverseDispersivity, 0);
    }

    /** The source held at its concentration from its start on. */
    List<FiniteVolumeTransport.Source> source() {
        return List.of(new FiniteVolumeTransport.Source(0, 0, sourceWidth, sourceConcentration, sourceStartDay, Double.POSITIVE_INFINITY));
    }

    /** The site left to itself: regional flow, natural decay, the source as it is. */
    FiniteVolumeTransport naturalModel(List<FiniteVolumeTransport.Source> sources) {
        return FiniteVolumeTransport.uniform(grid, seepageVelocity(), 0, parameters(), sources);
    }

    /** One value per cell, {@code inside} where the cell's centre lies in the rectangle, {@code outside} elsewhere. */
    double[] cellsIn(double xMin, double xMax, double yMin, double yMax, double inside, double outside) {
        double[] values = new double[grid.cells()];
        Arrays.fill(values, outside);
        for (int j = 0; j < grid.ny(); j++) {
            double y = grid.centreY(j);
            if (y < yMin || y > yMax) continue;
            for (int i = 0; i < grid.nx(); i++) {
                double x = grid.centreX(i);
                if (x >= xMin && x <= xMax) values[i + j * grid.nx()] = inside;
            }
        }
        return values;
    }
}
