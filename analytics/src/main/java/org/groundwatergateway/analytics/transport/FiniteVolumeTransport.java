package org.groundwatergateway.analytics.transport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.groundwatergateway.analytics.InvalidArgument;

/**
 * Two-dimensional advection–dispersion with linear sorption and first-order decay,
 * R ∂c/∂t = −∇·(v c) + c ∇·v + ∇·(D ∇c) − λ R c, on a regular grid of cells (finite volumes, explicit in time); the
 * c ∇·v term is the water that leaves at sinks taking its solute with it.
 *
 * <ul>
 *   <li>Advection: TVD fluxes with the van Leer limiter in the Lax–Wendroff form (van Leer 1974; Sweby 1984),
 *       second order where the field is smooth and free of new extrema at fronts.</li>
 *   <li>Dispersion: the full Bear (1972) tensor, D_ij = α_T|v|δ_ij + (α_L − α_T) v_i v_j/|v| + D*, with the
 *       cross terms from central differences averaged onto each face.</li>
 *   <li>Sources: a strip across the flow through the given point, at a concentration while a release lasts,
 *       afterwards free. Inside the grid, the cells the strip passes through are held at it. On an edge of the grid
 *       through which water flows in, the edge's faces across the strip are held at it instead (a Dirichlet inflow
 *       boundary, see {@link Source}).</li>
 *   <li>Sinks: where the face velocities converge — water leaves the aquifer at a pumping well or a drain — the water
 *       leaving takes its solute at the cell's concentration; where they diverge, water joins at it. A uniform
 *       concentration around a well thus stays uniform, and the small imbalances of a velocity field sampled from a
 *       formula neither make nor destroy solute (clean recharge or injection would need a source of its own).</li>
 *   <li>Decay: one rate everywhere, or one per cell ({@link #withDecay}, e.g. a reactive barrier).</li>
 *   <li>Boundaries: clean water flows in, water leaves with its concentration, no dispersion across the edge; where a
 *       release holds an inflow face, water flows in at the release's concentration and disperses in across the half
 *       cell between the face and the edge cell's centre.</li>
 *   <li>Time step: the largest that keeps the Courant number ≤ 0.5, the diffusion number ≤ 0.2 and the share of a
 *       cell's water withdrawn or joined in a step ≤ 0.5; decay acts as an exact exponential loss over each step.</li>
 * </ul>
 * Velocities are seepage velocities (m/d) at cell centres; times in days.
 */
public final class FiniteVolumeTransport {

    private static final double COURANT = 0.5;
    private static final double DIFFUSION_NUMBER = 0.2;

    public record Parameters(double retardation, double decayPerDay, double longitudinalDispersivity, double transverseDispersivity,
                             double molecularDiffusion) {
        public Parameters {
            if (!(retardation >= 1)) throw new InvalidArgument("analytics.transport.retardation");
            if (decayPerDay < 0 || longitudinalDispersivity < 0 || transverseDispersivity < 0 || molecularDiffusion < 0) {
                throw new InvalidArgument("analytics.transport.notNegative");
            }
        }
    }

    /**
     * A release of {@code concentration} from start to end along a strip {@code widthM} wide across the flow through
     * (x, y). Where sources overlap, the later in the list holds.
     *
     * <p><b>Inside the grid</b> the strip is the cells whose centres lie within {@code widthM / 2} across the flow of
     * (x, y) (at least the cell holding it) and that the line across the flow through (x, y) passes through: whose
     * centres lie within the cell's half extent along the flow, (dx·|e<sub>x</sub>| + dy·|e<sub>y</sub>|)/2 for the
     * flow's unit vector e. That is half a cell, dx/2 or dy/2, when the flow follows an axis, whatever the other side of
     * the cell, and it leaves no gap for clean water to pass between the strip's cells when it does not. Across the
     * flow the strip is as fine as the cells: on cells much longer across the flow than along it, with the flow
     * oblique to the grid, its width is only as good as the cell-centre rule makes it.
     *
     * <p><b>On an edge of the grid where water flows in</b> (the point on x0, x0 + nx·dx, y0 or y0 + ny·dy, within
     * 1e-9 of a cell), the release is a Dirichlet condition on that edge: the edge faces whose centres lie within
     * {@code widthM / 2} across the flow of the point (at least the face holding it) let water in at the release's
     * concentration, and it also disperses in across the half cell to the edge cells' centres; the rest of the edge
     * stays clean inflow without dispersion. A source on an edge where the water leaves, or where there is no flow, is
     * held cells as inside the grid.
     *
     * <p><b>Where this differs from the analytical strip source</b> ({@link WexlerStripSource}; {@link OgataBanks} for
     * a strip across the whole inflow): the analytical solution gives the concentration on the source line x = 0 and
     * has no aquifer upgradient of it — a Dirichlet inflow boundary.
     * <ul>
     *   <li>A release on the grid's inflow edge has that same boundary condition along the strip. Beside the strip,
     *       Wexler holds the line at zero (a Dirichlet face that also draws solute back out by dispersion); here it is
     *       clean inflow without dispersion, unless a zero-concentration source across the edge, listed first, holds it
     *       at zero too. Either way the grid has edges beside and downstream, Wexler's aquifer none.</li>
     *   <li>A release inside the grid has aquifer upgradient: solute disperses back against the flow from the held
     *       cells, which the analytical solution does not have, and the held cells' centres may lie up to half a cell
     *       from the point along the flow — on the MT3DMS problem 1b grid (10 m cells from the inflow edge), holding the
     *       first cell instead of the edge put the answer 0.02–0.04 C₀ off at 400–500 m. Put the grid's edge on the
     *       source line, or a cell centre on it, to compare with the analytical solution.</li>
     *   <li>After a release stops, its cells go free and its edge faces let clean water in without dispersion (no
     *       solute is drawn back out); a stop cannot be had analytically by subtracting a later release (see
     *       {@link TransportScenario}).</li>
     * </ul>
     */
    public record Source(double x, double y, double widthM, double concentration, double startDay, double endDay) {}

    /** Receives each requested field as a run reaches it; the array is the solver's own and valid only during the call. */
    @FunctionalInterface
    public interface Observer {
        void reached(int index, double day, double[] field);
    }

    private final TransportGrid grid;
    private final double[] vx;
    private final double[] vy;
    private final Parameters parameters;
    private final List<int[]> sourceCells = new ArrayList<>();
    /** Per source, the inflow edge faces it holds (axis, then face index of that axis), or none. */
    private final List<int[][]> sourceFaces = new ArrayList<>();
    private final List<Source> sources;
    private final List<Axis> axes;
    /** Per cell, 1/d. */
    private final double[] decayPerDay;
    /** Per cell: the net outflow of water through its faces per unit pore volume (1/d); negative where water converges. */
    private final double[] divergence;

    /** @param vx seepage velocity east (m/d) per cell, index i + j·nx; likewise {@code vy} north */
    public FiniteVolumeTransport(TransportGrid grid, double[] vx, double[] vy, Parameters parameters, List<Source> sources) {
        if (vx.length != grid.cells() || vy.length != grid.cells()) throw new IllegalArgumentException("one velocity per cell is needed");
        this.grid = grid;
        this.vx = vx.clone();
        this.vy = vy.clone();
        this.parameters = parameters;
        this.sources = List.copyOf(sources);
        this.axes = List.of(axis(grid.nx(), grid.ny(), 1, grid.nx(), grid.dx(), grid.dy(), this.vx, this.vy),
                axis(grid.ny(), grid.nx(), grid.nx(), 1, grid.dy(), grid.dx(), this.vy, this.vx));
        for (Source source : sources) {
            int[][] faces = inflowFacesOf(source);
            sourceFaces.add(faces);
            sourceCells.add(faces == null ? cellsOf(source) : new int[0]);
        }
        this.decayPerDay = new double[grid.cells()];
        Arrays.fill(this.decayPerDay, parameters.decayPerDay());
        this.divergence = divergence();
    }

    private FiniteVolumeTransport(FiniteVolumeTransport model, double[] decayPerDay) {
        this.grid = model.grid;
        this.vx = model.vx;
        this.vy = model.vy;
        this.parameters = model.parameters;
        this.sources = model.sources;
        this.sourceCells.addAll(model.sourceCells);
        this.sourceFaces.addAll(model.sourceFaces);
        this.axes = model.axes;
        this.decayPerDay = decayPerDay;
        this.divergence = model.divergence;
    }

    /** The same model with a first-order decay rate (1/d) per cell, index i + j·nx, in place of the uniform one. */
    public FiniteVolumeTransport withDecay(double[] decayPerDay) {
        if (decayPerDay.length != grid.cells()) throw new IllegalArgumentException("one decay rate per cell is needed");
        for (double rate : decayPerDay) if (!(rate >= 0)) throw new InvalidArgument("analytics.transport.decayRate", rate);
        return new FiniteVolumeTransport(this, decayPerDay.clone());
    }

    public static FiniteVolumeTransport uniform(TransportGrid grid, double vx, double vy, Parameters parameters, List<Source> sources) {
        double[] u = new double[grid.cells()];
        double[] w = new double[grid.cells()];
        Arrays.fill(u, vx);
        Arrays.fill(w, vy);
        return new FiniteVolumeTransport(grid, u, w, parameters, sources);
    }

    /** Concentration fields (index i + j·nx) at each requested time, in the order given (times must not decrease). */
    public List<double[]> run(double[] days) {
        List<double[]> fields = new ArrayList<>();
        run(new double[grid.cells()], 0, days, (index, day, field) -> fields.add(field.clone()));
        return fields;
    }

    /**
     * Runs from the concentrations {@code initial} at {@code fromDay} (absolute days, as the sources' times are) and hands
     * the field at each of {@code days} (not decreasing, none before {@code fromDay}) to the observer.
     */
    public void run(double[] initial, double fromDay, double[] days, Observer observer) {
        if (initial.length != grid.cells()) throw new IllegalArgumentException("one initial concentration per cell is needed");
        double[] c = initial.clone();
        double[] next = new double[grid.cells()];
        double[] survival = new double[grid.cells()];
        double[] flux = new double[grid.cells()];
        // Per axis, per face: the concentration of the water a release lets in there now, NaN where there is none.
        double[][] inflow = {nan(axes.get(0).velocity().length), nan(axes.get(1).velocity().length)};
        double survivalStep = Double.NaN;
        double step = stableStep();
        double t = fromDay;
        for (int index = 0; index < days.length; index++) {
            double until = days[index];
            if (until < t) throw new InvalidArgument("analytics.transport.timesOrder");
            while (t < until - 1e-12) {
                // Steps end where a release starts or stops, so that it lasts exactly as long as it should.
                double dt = Math.min(Math.min(step, until - t), nextRelease(t) - t);
                if (dt != survivalStep) {
                    survival(survival, dt);
                    survivalStep = dt;
                }
                hold(c, t, inflow);
                advance(c, next, dt, survival, flux, inflow);
                double[] swap = c;
                c = next;
                next = swap;
                t += dt;
            }
            hold(c, t, inflow);
            observer.reached(index, until, c);
        }
    }

    /** The first start or end of a release after {@code t}, or +∞. */
    private double nextRelease(double t) {
        double next = Double.POSITIVE_INFINITY;
        for (Source source : sources) {
            if (source.startDay() > t + 1e-12) next = Math.min(next, source.startDay());
            if (source.endDay() > t + 1e-12) next = Math.min(next, source.endDay());
        }
        return next;
    }

    /** The share of each cell's solute that survives decay over {@code dt}. */
    private void survival(double[] factors, double dt) {
        for (int k = 0; k < factors.length; k++) factors[k] = Math.exp(-decayPerDay[k] * dt);
    }

    /** Bilinear interpolation between cell centres of a field from {@link #run}. */
    public double at(double[] field, double x, double y) {
        double fx = (x - grid.x0()) / grid.dx() - 0.5;
        double fy = (y - grid.y0()) / grid.dy() - 0.5;
        int i = (int) Math.floor(fx);
        int j = (int) Math.floor(fy);
        double ax = fx - i;
        double ay = fy - j;
        return (1 - ax) * (1 - ay) * value(field, i, j) + ax * (1 - ay) * value(field, i + 1, j)
                + (1 - ax) * ay * value(field, i, j + 1) + ax * ay * value(field, i + 1, j + 1);
    }

    private double value(double[] field, int i, int j) {
        i = Math.max(0, Math.min(grid.nx() - 1, i));
        j = Math.max(0, Math.min(grid.ny() - 1, j));
        return field[i + j * grid.nx()];
    }

    private static double[] nan(int length) {
        double[] values = new double[length];
        Arrays.fill(values, Double.NaN);
        return values;
    }

    /** Holds the cells of the releases going on at {@code t} and sets the concentration of the water let in at their faces. */
    private void hold(double[] c, double t, double[][] inflow) {
        for (double[] faces : inflow) Arrays.fill(faces, Double.NaN);
        for (int k = 0; k < sources.size(); k++) {
            Source source = sources.get(k);
            if (t >= source.startDay() && t < source.endDay()) {
                for (int cell : sourceCells.get(k)) c[cell] = source.concentration();
                int[][] faces = sourceFaces.get(k);
                if (faces != null) for (int[] face : faces) inflow[face[0]][face[1]] = source.concentration();
            }
        }
    }

    /**
     * One direction of the grid as the flux computation sees it: cells along it are {@code stride} apart in the
     * field, grid lines {@code lineStride} apart. Face k of a line lies between cells k-1 and k along the axis, faces 0
     * and {@code faces} being the grid's edges; per face, the velocity along the axis and the dispersion coefficients
     * along it and across it, fixed for the run.
     */
    private record Axis(int faces, int lines, int stride, int lineStride, double spacing, double crossSpacing,
                        double[] velocity, double[] normal, double[] cross) {

        int cell(int k, int line) {
            return k * stride + line * lineStride;
        }

        int face(int k, int line) {
            return line * (faces + 1) + k;
        }
    }

    /**
     * An axis whose velocity components are {@code along} and {@code across} at the cells: a face takes the mean of its
     * two cells', an edge face the edge cell's own.
     */
    private Axis axis(int faces, int lines, int stride, int lineStride, double spacing, double crossSpacing, double[] along, double[] across) {
        double[] velocity = new double[(faces + 1) * lines];
        double[] normal = new double[velocity.length];
        double[] cross = new double[velocity.length];
        Axis axis = new Axis(faces, lines, stride, lineStride, spacing, crossSpacing, velocity, normal, cross);
        for (int line = 0; line < lines; line++) {
            for (int k = 0; k <= faces; k++) {
                int f = axis.face(k, line);
                if (k == 0 || k == faces) {
                    // The edge cell's own; the dispersion counts only where a release lets water in.
                    int edge = axis.cell(k == 0 ? 0 : k - 1, line);
                    velocity[f] = along[edge];
                    normal[f] = normalDispersion(along[edge], across[edge]);
                    continue;
                }
                int low = axis.cell(k - 1, line);
                int high = axis.cell(k, line);
                double u = (along[low] + along[high]) / 2;
                double w = (across[low] + across[high]) / 2;
                velocity[f] = u;
                normal[f] = normalDispersion(u, w);
                cross[f] = crossDispersion(u, w);
            }
        }
        return axis;
    }

    /**
     * @param flux scratch space for the net flux into each cell, reused from step to step
     * @param inflow per axis and face, the concentration a release lets in there, NaN where none does
     */
    private void advance(double[] c, double[] next, double dt, double[] survival, double[] flux, double[][] inflow) {
        Arrays.fill(flux, 0);
        for (int a = 0; a < axes.size(); a++) {
            Axis axis = axes.get(a);
            double[] in = inflow[a];
            // Face k lies between cells k-1 and k along the axis; faces 0 and n are the grid's edges.
            for (int line = 0; line < axis.lines(); line++) {
                for (int k = 0; k <= axis.faces(); k++) {
                    double f = faceFlux(c, axis, in, k, line, dt) / axis.spacing();
                    if (k > 0) flux[axis.cell(k - 1, line)] -= f;
                    if (k < axis.faces()) flux[axis.cell(k, line)] += f;
                }
            }
        }
        double r = parameters.retardation();
        // Water leaving or joining at the cell's concentration, explicit like the fluxes it balances.
        for (int k = 0; k < c.length; k++) next[k] = (c[k] + dt / r * (flux[k] + divergence[k] * c[k])) * survival[k];
    }

    /** Net outflow of water per unit pore volume (1/d) through the same face velocities the fluxes use. */
    private double[] divergence() {
        double[] divergence = new double[grid.cells()];
        for (Axis axis : axes) {
            for (int line = 0; line < axis.lines(); line++) {
                for (int k = 0; k <= axis.faces(); k++) {
                    double u = axis.velocity()[axis.face(k, line)] / axis.spacing();
                    if (k > 0) divergence[axis.cell(k - 1, line)] += u;
                    if (k < axis.faces()) divergence[axis.cell(k, line)] -= u;
                }
            }
        }
        return divergence;
    }

    /**
     * Flux per unit width through face {@code k} of an axis on grid line {@code line}, positive in the axis
     * direction: TVD advection plus dispersion along and across the axis.
     */
    private double faceFlux(double[] c, Axis axis, double[] in, int k, int line, double dt) {
        int low = k == 0 ? -1 : axis.cell(k - 1, line);
        int high = k == axis.faces() ? -1 : axis.cell(k, line);
        int f = axis.face(k, line);
        double u = axis.velocity()[f];
        // The cell's own water out. In: a release's water, dispersing in over the half cell to the edge cell's
        // centre (a Dirichlet face), or else clean water, with no dispersion across the grid's edge.
        if (low < 0) {
            if (u >= 0) return Double.isNaN(in[f]) ? 0 : u * in[f] - axis.normal()[f] * (c[high] - in[f]) / (axis.spacing() / 2);
            return u * c[high];
        }
        if (high < 0) {
            if (u <= 0) return Double.isNaN(in[f]) ? 0 : u * in[f] - axis.normal()[f] * (in[f] - c[low]) / (axis.spacing() / 2);
            return u * c[low];
        }
        double courant = Math.abs(u) * dt / (parameters.retardation() * axis.spacing());
        double face = u >= 0 ? limited(c, axis, in, k - 2, k - 1, k, line, courant) : limited(c, axis, in, k + 1, k, k - 1, line, courant);
        double gradient = (c[high] - c[low]) / axis.spacing();
        double cross = axis.cross()[f];
        // With the flow along an axis there is no cross dispersion and no need for the slopes across.
        double crossGradient = cross == 0 ? 0 : (crossSlope(c, axis, k - 1, line) + crossSlope(c, axis, k, line)) / 2;
        return u * face - axis.normal()[f] * gradient - cross * crossGradient;
    }

    /**
     * The face value between the upwind cell {@code up} and the downwind cell {@code down}, with the van Leer
     * limited Lax–Wendroff correction; {@code far} is the cell upwind of {@code up} (positions along the axis).
     */
    private static double limited(double[] c, Axis axis, double[] in, int far, int up, int down, int line, double courant) {
        double cu = along(c, axis, up, line);
        double cd = along(c, axis, down, line);
        double cf = along(c, axis, in, far, line);
        double jump = cd - cu;
        if (jump == 0) return cu;
        double ratio = (cu - cf) / jump;
        double limiter = (ratio + Math.abs(ratio)) / (1 + Math.abs(ratio));
        return cu + 0.5 * limiter * (1 - courant) * jump;
    }

    /** A cell's concentration by its position along an axis, the edge cells standing in beyond the grid. */
    private static double along(double[] c, Axis axis, int k, int line) {
        return c[axis.cell(Math.max(0, Math.min(axis.faces() - 1, k)), line)];
    }

    /**
     * As {@link #along(double[], Axis, int, int)}, but beyond an edge face where a release lets water in, the value
     * the straight line through the edge cell's centre and the face's concentration reaches a cell further out.
     */
    private static double along(double[] c, Axis axis, double[] in, int k, int line) {
        int edge = k < 0 ? 0 : k >= axis.faces() ? axis.faces() : -1;
        if (edge >= 0) {
            double face = in[axis.face(edge, line)];
            if (!Double.isNaN(face)) return 2 * face - along(c, axis, k, line);
        }
        return along(c, axis, k, line);
    }

    /** The concentration gradient across the axis at a cell, by central differences (one-sided at the edges). */
    private static double crossSlope(double[] c, Axis axis, int k, int line) {
        int below = Math.max(0, line - 1);
        int above = Math.min(axis.lines() - 1, line + 1);
        if (above == below) return 0;
        return (c[axis.cell(k, above)] - c[axis.cell(k, below)]) / ((above - below) * axis.crossSpacing());
    }

    /**
     * The dispersion coefficient along a direction in which the velocity component is {@code u}, {@code w} being
     * the component across it (Bear 1972): Dxx with (vx, vy), Dyy with (vy, vx).
     */
    private double normalDispersion(double u, double w) {
        double speed = Math.sqrt(u * u + w * w);
        double spread = speed == 0 ? 0 : (parameters.longitudinalDispersivity() * u * u + parameters.transverseDispersivity() * w * w) / speed;
        return parameters.molecularDiffusion() + spread;
    }

    /** Dxy = (αL − αT)·vx·vy/|v|, the same whichever axis asks. */
    private double crossDispersion(double u, double w) {
        double speed = Math.sqrt(u * u + w * w);
        return speed == 0 ? 0 : (parameters.longitudinalDispersivity() - parameters.transverseDispersivity()) * u * w / speed;
    }

    private double stableStep() {
        // A face a release holds couples its edge cell over half a cell: twice an inner face's conductance.
        double[] inletDiffusion = new double[grid.cells()];
        for (int[][] faces : sourceFaces) {
            if (faces == null) continue;
            for (int[] face : faces) {
                Axis axis = axes.get(face[0]);
                int k = face[1] % (axis.faces() + 1);
                int line = face[1] / (axis.faces() + 1);
                int cell = axis.cell(k == 0 ? 0 : k - 1, line);
                inletDiffusion[cell] = Math.max(inletDiffusion[cell], axis.normal()[face[1]] / (2 * axis.spacing() * axis.spacing()));
            }
        }
        double step = Double.POSITIVE_INFINITY;
        double r = parameters.retardation();
        for (int k = 0; k < grid.cells(); k++) {
            double u = Math.abs(vx[k]);
            double v = Math.abs(vy[k]);
            if (u > 0) step = Math.min(step, COURANT * r * grid.dx() / u);
            if (v > 0) step = Math.min(step, COURANT * r * grid.dy() / v);
            double diffusion = normalDispersion(vx[k], vy[k]) / (grid.dx() * grid.dx()) + normalDispersion(vy[k], vx[k]) / (grid.dy() * grid.dy())
                    + inletDiffusion[k];
            if (diffusion > 0) step = Math.min(step, DIFFUSION_NUMBER * r / diffusion);
            if (divergence[k] != 0) step = Math.min(step, COURANT * r / Math.abs(divergence[k]));
        }
        return Double.isInfinite(step) ? 1 : step;
    }

    /**
     * The inflow edge faces a source on the grid's edge holds, as {axis, face} pairs, or null when the source is not on
     * an edge through which water flows in there.
     */
    private int[][] inflowFacesOf(Source source) {
        double tolerance = 1e-9 * Math.min(grid.dx(), grid.dy());
        double[] edges = {grid.x0(), grid.x0() + grid.nx() * grid.dx(), grid.y0(), grid.y0() + grid.ny() * grid.dy()};
        double[] coordinate = {source.x(), source.x(), source.y(), source.y()};
        for (int e = 0; e < 4; e++) {
            if (Math.abs(coordinate[e] - edges[e]) > tolerance) continue;
            int a = e / 2;
            boolean low = e % 2 == 0;
            Axis axis = axes.get(a);
            // Position across this axis: the other coordinate, and the cell line holding it.
            double other = a == 0 ? source.y() : source.x();
            int holding = a == 0 ? grid.row(other) : grid.column(other);
            if (holding < 0) continue;
            int k = low ? 0 : axis.faces();
            int edgeCell = axis.cell(low ? 0 : k - 1, holding);
            double u = vx[edgeCell];
            double w = vy[edgeCell];
            double inward = (a == 0 ? u : w) * (low ? 1 : -1);
            if (!(inward > 0)) continue;
            double speed = Math.hypot(u, w);
            double ex = u / speed;
            double ey = w / speed;
            List<int[]> faces = new ArrayList<>();
            for (int line = 0; line < axis.lines(); line++) {
                int f = axis.face(k, line);
                if (!((low ? 1 : -1) * axis.velocity()[f] > 0)) continue;
                double fx = a == 0 ? edges[e] : grid.centreX(line);
                double fy = a == 0 ? grid.centreY(line) : edges[e];
                double across = -(fx - source.x()) * ey + (fy - source.y()) * ex;
                if (line == holding || Math.abs(across) <= source.widthM() / 2) faces.add(new int[] {a, f});
            }
            return faces.toArray(int[][]::new);
        }
        return null;
    }

    private int[] cellsOf(Source source) {
        // A point on the grid's far edges belongs to the last cell.
        double tolerance = 1e-9 * Math.min(grid.dx(), grid.dy());
        int i0 = grid.column(Math.min(source.x(), grid.x0() + grid.nx() * grid.dx() - tolerance));
        int j0 = grid.row(Math.min(source.y(), grid.y0() + grid.ny() * grid.dy() - tolerance));
        if (i0 < 0 || j0 < 0) throw new InvalidArgument("analytics.transport.sourceOffGrid", source.x(), source.y());
        double u = vx[i0 + j0 * grid.nx()];
        double v = vy[i0 + j0 * grid.nx()];
        double speed = Math.hypot(u, v);
        double ax = speed == 0 ? 1 : u / speed;
        double ay = speed == 0 ? 0 : v / speed;
        // The cell's half extent along the flow: the source line crosses the cells whose centres lie that close to it.
        double half = (grid.dx() * Math.abs(ax) + grid.dy() * Math.abs(ay)) / 2;
        List<Integer> cells = new ArrayList<>();
        for (int j = 0; j < grid.ny(); j++) {
            for (int i = 0; i < grid.nx(); i++) {
                double ex = grid.centreX(i) - source.x();
                double ey = grid.centreY(j) - source.y();
                double alongFlow = ex * ax + ey * ay;
                double acrossFlow = -ex * ay + ey * ax;
                if (Math.abs(alongFlow) <= half && Math.abs(acrossFlow) <= Math.max(source.widthM() / 2, half)) cells.add(i + j * grid.nx());
            }
        }
        return cells.stream().mapToInt(Integer::intValue).toArray();
    }
}
