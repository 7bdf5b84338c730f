package org.groundwatergateway.analytics.transport;

import org.groundwatergateway.analytics.Stage;
import java.util.Arrays;
import java.util.List;
import org.groundwatergateway.analytics.InvalidArgument;
import org.groundwatergateway.analytics.Progress;

/**
 * A transport question as people ask it: releases at places and over periods into groundwater moving at a seepage
 * velocity (uniform in any direction, or a field), and the concentrations wanted at points and times. Answered by
 * the finite-volume solver, or — for uniform flow and releases that go on — by Wexler's (1992) strip-source solution,
 * turned into each source's plume coordinates and added up over the sources (the equation is linear).
 *
 * <p>Wexler's solution holds the whole source line at a given concentration, clean beside the strip. Subtracting a
 * second release to stop the first would hold the line clean afterwards, a sink that pulls back the solute dispersed
 * upgradient; with a dispersivity of a few metres that halves concentrations near the source within weeks of the stop
 * (checked against the finite-volume run, which lets the source cells go). Releases that stop are therefore left to
 * the finite-volume method.
 *
 * <p>The two methods take a source differently where it is not on the grid's inflow edge: the numerical one holds the
 * cells across the strip and has aquifer upgradient of them, the analytical one a Dirichlet inflow line with nothing
 * upgradient ({@link FiniteVolumeTransport.Source} says where they differ).
 *
 * @param vx seepage velocity east per cell (m/d), index i + j·nx; likewise {@code vy}
 */
public record TransportScenario(TransportGrid grid, double[] vx, double[] vy, FiniteVolumeTransport.Parameters parameters,
                                List<FiniteVolumeTransport.Source> sources) {

    public TransportScenario {
        if (vx.length != grid.cells() || vy.length != grid.cells()) throw new IllegalArgumentException("one velocity per cell is needed");
        if (sources.isEmpty()) throw new InvalidArgument("analytics.transport.noSource");
        vx = vx.clone();
        vy = vy.clone();
        sources = List.copyOf(sources);
    }

    public static TransportScenario uniform(TransportGrid grid, double vx, double vy, FiniteVolumeTransport.Parameters parameters,
                                            List<FiniteVolumeTransport.Source> sources) {
        double[] ux = new double[grid.cells()];
        double[] uy = new double[grid.cells()];
        Arrays.fill(ux, vx);
        Arrays.fill(uy, vy);
        return new TransportScenario(grid, ux, uy, parameters, sources);
    }

    /** Concentrations by the finite-volume solver, {@code [point][time]}; points as {x, y} in grid metres. */
    public double[][] numerical(double[][] points, double[] days, Progress progress) {
        FiniteVolumeTransport model = new FiniteVolumeTransport(grid, vx, vy, parameters, sources);
        for (double[] p : points) {
            if (!grid.contains(p[0], p[1])) throw new InvalidArgument("analytics.transport.pointOffGrid", "(" + p[0] + ", " + p[1] + ")");
        }
        double[][] c = new double[points.length][days.length];
        double last = Arrays.stream(days).max().orElse(0);
        model.run(new double[grid.cells()], 0, days, (index, day, field) -> {
            for (int p = 0; p < points.length; p++) c[p][index] = model.at(field, points[p][0], points[p][1]);
            progress.advance(last > 0 ? day / last : 1, Stage.of("analytics.stage.transportDay", Math.round(day)));
        });
        return c;
    }

    /**
     * Concentrations by Wexler's strip-source solution, added up over the sources, {@code [point][time]}. Needs uniform
     * flow and releases without an end; upgradient of a source's line its contribution is nil (the solution's half-plane).
     */
    public double[][] analytical(double[][] points, double[] days) {
        double ux = vx[0];
        double uy = vy[0];
        for (int k = 1; k < vx.length; k++) {
            if (vx[k] != ux || vy[k] != uy) throw new InvalidArgument("analytics.transport.uniformFlow");
        }
        double speed = Math.hypot(ux, uy);
        if (!(speed > 0)) throw new InvalidArgument("analytics.transport.flowing");
        double ex = ux / speed;
        double ey = uy / speed;
        for (FiniteVolumeTransport.Source s : sources) {
            if (Double.isFinite(s.endDay())) {
                throw new InvalidArgument("analytics.transport.continuing");
            }
        }
        double[][] c = new double[points.length][days.length];
        for (FiniteVolumeTransport.Source s : sources) {
            WexlerStripSource plume = new WexlerStripSource(s.concentration(), s.widthM(), speed, parameters.retardation(),
                    parameters.decayPerDay(), parameters.longitudinalDispersivity(), parameters.transverseDispersivity());
            for (int p = 0; p < points.length; p++) {
                double dx = points[p][0] - s.x();
                double dy = points[p][1] - s.y();
                double along = dx * ex + dy * ey;
                double across = -dx * ey + dy * ex;
                for (int t = 0; t < days.length; t++) c[p][t] += plume.concentration(along, across, days[t] - s.startDay());
            }
        }
        return c;
    }
}
