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
 *   <li>Sources: cells held at a concentration while a release lasts (a strip across the flow through the given
 *       point), afterwards free.</li>
 *   <li>Sinks: where the face velocities converge — water leaves the aquifer at a pumping well or a drain — the water
 *       leaving takes its solute at the cell's concentration; where they diverge, water joins at it. A uniform
 *       concentration around a well thus stays uniform, and the small imbalances of a velocity field sampled from a
 *       formula neither make nor destroy solute (clean recharge or injection would need a source of its own).</li>
 *   <li>Decay: one rate everywhere, or one per cell ({@link #withDecay}, e.g. a reactive barrier).</li>
 *   <li>Boundaries: clean water flows in, water leaves with its concentration, no dispersion across the edge.</li>
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
     * A release: the cells whose centres lie within {@code widthM / 2} across the flow of (x, y) (at least the cell holding
     * it) and within half a cell along it, held at {@code concentration} from start to end. Where sources overlap, the
     * later in the list holds.
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
        for (Source source : sources) sourceCells.add(cellsOf(source));
        this.axes = List.of(axis(grid.nx(), grid.ny(), 1, grid.nx(), grid.dx(), grid.dy(), this.vx, this.vy),
                axis(grid.ny(), grid.nx(), grid.nx(), 1, grid.dy(), grid.dx(), this.vy, this.vx));
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
                hold(c, t);
                advance(c, next, dt, survival, flux);
                double[] swap = c;
                c = next;
                next = swap;
                t += dt;
            }
            hold(c, t);
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

    private void hold(double[] c, double t) {
        for (int k = 0; k < sources.size(); k++) {
            Source source = sources.get(k);
            if (t >= source.startDay() && t < source.endDay()) {
                for (int cell : sourceCells.get(k)) c[cell] = source.concentration();
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
                    velocity[f] = along[axis.cell(k == 0 ? 0 : k - 1, line)];
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

    /** @param flux scratch space for the net flux into each cell, reused from step to step */
    private void advance(double[] c, double[] next, double dt, double[] survival, double[] flux) {
        Arrays.fill(flux, 0);
        for (Axis axis : axes) {
            // Face k lies between cells k-1 and k along the axis; faces 0 and n are the grid's edges.
            for (int line = 0; line < axis.lines(); line++) {
                for (int k = 0; k <= axis.faces(); k++) {
                    double f = faceFlux(c, axis, k, line, dt) / axis.spacing();
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
    private double faceFlux(double[] c, Axis axis, int k, int line, double dt) {
        int low = k == 0 ? -1 : axis.cell(k - 1, line);
        int high = k == axis.faces() ? -1 : axis.cell(k, line);
        int f = axis.face(k, line);
        double u = axis.velocity()[f];
        // Clean water in, the cell's own water out; no dispersion across the grid's edge.
        if (low < 0) return u < 0 ? u * c[high] : 0;
        if (high < 0) return u > 0 ? u * c[low] : 0;
        double courant = Math.abs(u) * dt / (parameters.retardation() * axis.spacing());
        double face = u >= 0 ? limited(c, axis, k - 2, k - 1, k, line, courant) : limited(c, axis, k + 1, k, k - 1, line, courant);
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
    private static double limited(double[] c, Axis axis, int far, int up, int down, int line, double courant) {
        double cu = along(c, axis, up, line);
        double cd = along(c, axis, down, line);
        double cf = along(c, axis, far, line);
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
        double step = Double.POSITIVE_INFINITY;
        double r = parameters.retardation();
        for (int k = 0; k < grid.cells(); k++) {
            double u = Math.abs(vx[k]);
            double v = Math.abs(vy[k]);
            if (u > 0) step = Math.min(step, COURANT * r * grid.dx() / u);
            if (v > 0) step = Math.min(step, COURANT * r * grid.dy() / v);
            double diffusion = normalDispersion(vx[k], vy[k]) / (grid.dx() * grid.dx()) + normalDispersion(vy[k], vx[k]) / (grid.dy() * grid.dy());
            if (diffusion > 0) step = Math.min(step, DIFFUSION_NUMBER * r / diffusion);
            if (divergence[k] != 0) step = Math.min(step, COURANT * r / Math.abs(divergence[k]));
        }
        return Double.isInfinite(step) ? 1 : step;
    }

    private int[] cellsOf(Source source) {
        int i0 = grid.column(source.x());
        int j0 = grid.row(source.y());
        if (i0 < 0 || j0 < 0) throw new InvalidArgument("analytics.transport.sourceOffGrid", source.x(), source.y());
        double u = vx[i0 + j0 * grid.nx()];
        double v = vy[i0 + j0 * grid.nx()];
        double speed = Math.hypot(u, v);
        double ax = speed == 0 ? 1 : u / speed;
        double ay = speed == 0 ? 0 : v / speed;
        double half = Math.max(grid.dx(), grid.dy()) / 2;
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
