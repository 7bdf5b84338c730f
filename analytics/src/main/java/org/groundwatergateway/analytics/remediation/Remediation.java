package org.groundwatergateway.analytics.remediation;

import java.util.ArrayList;
import java.util.List;
import org.groundwatergateway.analytics.InvalidArgument;
import org.groundwatergateway.analytics.transport.FiniteVolumeTransport;
import org.groundwatergateway.analytics.transport.TransportGrid;

/**
 * A remediation alternative as the transport model sees it, starting on day 0, and the cost of carrying it out over the
 * horizon (monitoring aside, which every alternative shares).
 */
public sealed interface Remediation {

    /** The transport model with the remediation in place, and any one-off treatment of the dissolved plume. */
    Plan plan(Site site);

    CostRange actionCost(Site site, UnitCosts costs, double horizonDays);

    /**
     * @param treatmentDay   day of a one-off treatment in place, or NaN
     * @param survivingShare per cell, the share of dissolved solute that survives it (null without treatment)
     */
    record Plan(FiniteVolumeTransport model, double treatmentDay, double[] survivingShare) {

        static Plan of(FiniteVolumeTransport model) {
            return new Plan(model, Double.NaN, null);
        }
    }

    /** Monitored natural attenuation: the plume left to decay, only watched. */
    record MonitoredNaturalAttenuation() implements Remediation {

        @Override
        public Plan plan(Site site) {
            return Plan.of(site.naturalModel(site.source()));
        }

        @Override
        public CostRange actionCost(Site site, UnitCosts costs, double horizonDays) {
            return new CostRange(0, 0);
        }
    }

    /**
     * Pump and treat: one well at (x, y) — taken at the centre of the cell holding it — pumping {@code pumpingRate}
     * m³/d from day 0 to the horizon. The seepage velocity is the regional flow plus the well's pull (Javandel &amp;
     * Tsang's flow field, {@link CaptureZone}); the transport model lets the water converging on the well leave with its
     * solute.
     */
    record PumpAndTreat(double x, double y, double pumpingRate) implements Remediation {

        public CaptureZone captureZone(Site site) {
            return new CaptureZone(pumpingRate, site.aquiferThickness(), site.darcyFlux());
        }

        @Override
        public Plan plan(Site site) {
            TransportGrid grid = site.grid();
            int wellColumn = grid.column(x);
            int wellRow = grid.row(y);
            if (wellColumn < 0 || wellRow < 0) throw new InvalidArgument("analytics.remediation.wellOffGrid");
            CaptureZone zone = captureZone(site);
            double[] vx = new double[grid.cells()];
            double[] vy = new double[grid.cells()];
            for (int j = 0; j < grid.ny(); j++) {
                for (int i = 0; i < grid.nx(); i++) {
                    int k = i + j * grid.nx();
                    if (i == wellColumn && j == wellRow) {
                        // The well's radial pull averages out over its own cell.
                        vx[k] = site.seepageVelocity();
                        continue;
                    }
                    double[] flux = zone.darcyFluxAt(grid.centreX(i) - grid.centreX(wellColumn), grid.centreY(j) - grid.centreY(wellRow));
                    vx[k] = flux[0] / site.effectivePorosity();
                    vy[k] = flux[1] / site.effectivePorosity();
                }
            }
            return Plan.of(new FiniteVolumeTransport(grid, vx, vy, site.parameters(), site.source()));
        }

        @Override
        public CostRange actionCost(Site site, UnitCosts costs, double horizonDays) {
            return costs.extractionWell().plus(costs.treatedWaterPerCubicMetre().times(pumpingRate * horizonDays));
        }
    }

    /**
     * A permeable reactive barrier across the flow: {@code length} across, {@code thickness} along the flow, centred at
     * (x, y), through the aquifer's thickness, with first-order decay {@code decayPerDay} in its cells (at least one
     * cell each way) on top of the natural decay; as permeable as the aquifer, so the flow is unchanged.
     */
    record PermeableReactiveBarrier(double x, double y, double length, double thickness, double decayPerDay) implements Remediation {

        public PermeableReactiveBarrier {
            if (!(length > 0 && thickness > 0 && decayPerDay > 0)) throw new InvalidArgument("analytics.remediation.barrier");
        }

        @Override
        public Plan plan(Site site) {
            TransportGrid grid = site.grid();
            double alongHalf = Math.max(thickness, grid.dx()) / 2;
            double acrossHalf = Math.max(length, grid.dy()) / 2;
            double[] decay = site.cellsIn(x - alongHalf, x + alongHalf, y - acrossHalf, y + acrossHalf,
                    site.decayPerDay() + decayPerDay, site.decayPerDay());
            return Plan.of(site.naturalModel(site.source()).withDecay(decay));
        }

        @Override
        public CostRange actionCost(Site site, UnitCosts costs, double horizonDays) {
            return costs.barrierPerSquareMetre().times(length * site.aquiferThickness());
        }
    }

    /**
     * In-situ chemical oxidation of the source zone on {@code treatmentDay}: the source concentration and the dissolved
     * solute in the treated zone (from the source line {@code treatedLength} along the flow, the source's width across)
     * fall by the share {@code reduction}; afterwards the source rebounds, in ten equal steps over {@code reboundDays},
     * by {@code reboundShare} of what was removed (0: no rebound).
     */
    record ChemicalOxidation(double treatmentDay, double reduction, double treatedLength, double reboundShare, double reboundDays)
            implements Remediation {

        private static final int REBOUND_STEPS = 10;

        public ChemicalOxidation {
            if (!(treatmentDay >= 0)) throw new InvalidArgument("analytics.remediation.treatmentDay");
            if (!(reduction >= 0 && reduction <= 1 && reboundShare >= 0 && reboundShare <= 1)) {
                throw new InvalidArgument("analytics.remediation.shares");
            }
            if (!(treatedLength > 0) || (reboundShare > 0 && !(reboundDays > 0))) {
                throw new InvalidArgument("analytics.remediation.treatedLength");
            }
        }

        @Override
        public Plan plan(Site site) {
            double c0 = site.sourceConcentration();
            List<FiniteVolumeTransport.Source> sources = new ArrayList<>();
            sources.add(new FiniteVolumeTransport.Source(0, 0, site.sourceWidth(), c0, site.sourceStartDay(), treatmentDay));
            int steps = reboundShare > 0 ? REBOUND_STEPS : 0;
            for (int k = 0; k <= steps; k++) {
                double from = k == 0 ? treatmentDay : treatmentDay + reboundDays * k / steps;
                double until = k == steps ? Double.POSITIVE_INFINITY : treatmentDay + reboundDays * (k + 1) / steps;
                double level = c0 * (1 - reduction + (steps == 0 ? 0 : reduction * reboundShare * k / steps));
                // A source not yet released by then starts at its own time.
                double start = Math.max(from, site.sourceStartDay());
                if (start < until) sources.add(new FiniteVolumeTransport.Source(0, 0, site.sourceWidth(), level, start, until));
            }
            double half = site.sourceWidth() / 2;
            double[] surviving = site.cellsIn(0, treatedLength, -half, half, 1 - reduction, 1);
            return new Plan(site.naturalModel(sources), treatmentDay, surviving);
        }

        @Override
        public CostRange actionCost(Site site, UnitCosts costs, double horizonDays) {
            return costs.oxidationPerCubicMetre().times(site.sourceWidth() * treatedLength * site.aquiferThickness());
        }
    }
}
