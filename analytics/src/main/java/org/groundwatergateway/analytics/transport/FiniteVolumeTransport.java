package org.groundwatergateway.analytics.transport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two-dimensional advection–dispersion with linear sorption and first-order decay,
 * R ∂c/∂t = −∇·(v c) + ∇·(D ∇c) − λ R c, on a regular grid of cells (finite volumes, explicit in time).
 *
 * <ul>
 *   <li>Advection: TVD fluxes with the van Leer limiter in the Lax–Wendroff form (van Leer 1974; Sweby 1984),
 *       second order where the field is smooth and free of new extrema at fronts.</li>
 *   <li>Dispersion: the full Bear (1972) tensor, D_ij = α_T|v|δ_ij + (α_L − α_T) v_i v_j/|v| + D*, with the
 *       cross terms from central differences averaged onto each face.</li>
 *   <li>Sources: cells held at a concentration while a release lasts (a strip across the flow through the given
 *       point), afterwards free.</li>
 *   <li>Boundaries: clean water flows in, water leaves with its concentration, no dispersion across the edge.</li>
 *   <li>Time step: the largest that keeps the Courant number ≤ 0.5 and the diffusion number ≤ 0.2.</li>
 * </ul>
 * Velocities are seepage velocities (m/d) at cell centres; times in days.
 */
public final class FiniteVolumeTransport {

    private static final double COURANT = 0.5;
    private static final double DIFFUSION_NUMBER = 0.2;

    public record Parameters(double retardation, double decayPerDay, double longitudinalDispersivity, double transverseDispersivity,
                             double molecularDiffusion) {
        public Parameters {
            if (!(retardation >= 1)) throw new IllegalArgumentException("retardation must be at least 1");
            if (decayPerDay < 0 || longitudinalDispersivity < 0 || transverseDispersivity < 0 || molecularDiffusion < 0) {
                throw new IllegalArgumentException("decay, dispersivities and diffusion must not be negative");
            }
        }
    }

    /** A release: cells within {@code widthM / 2} across the flow of (x, y), held at {@code concentration} from start to end. */
    public record Source(double x, double y, double widthM, double concentration, double startDay, double endDay) {}

    private final TransportGrid grid;
    private final double[] vx;
    private final double[] vy;
    private final Parameters parameters;
    private final List<int[]> sourceCells = new ArrayList<>();
    private final List<Source> sources;

    /** @param vx seepage velocity east (m/d) per cell, index i + j·nx; likewise {@code vy} north */
    public FiniteVolumeTransport(TransportGrid grid, double[] vx, double[] vy, Parameters parameters, List<Source> sources) {
        if (vx.length != grid.cells() || vy.length != grid.cells()) throw new IllegalArgumentException("one velocity per cell is needed");
        this.grid = grid;
        this.vx = vx.clone();
        this.vy = vy.clone();
        this.parameters = parameters;
        this.sources = List.copyOf(sources);
        for (Source source : sources) sourceCells.add(cellsOf(source));
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
        double[] c = new double[grid.cells()];
        double[] next = new double[grid.cells()];
        double step = stableStep();
        List<double[]> fields = new ArrayList<>();
        double t = 0;
        for (double until : days) {
            if (until < t) throw new IllegalArgumentException("output times must not decrease");
            while (t < until - 1e-12) {
                double dt = Math.min(step, until - t);
                hold(c, t);
                advance(c, next, dt);
                double[] swap = c;
                c = next;
                next = swap;
                t += dt;
            }
            hold(c, t);
            fields.add(c.clone());
        }
        return fields;
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

    private void advance(double[] c, double[] next, double dt) {
        int nx = grid.nx();
        int ny = grid.ny();
        double dx = grid.dx();
        double dy = grid.dy();
        double r = parameters.retardation();
        double[] flux = new double[grid.cells()];
        // x faces: between (i-1, j) and (i, j), i = 0..nx (0 and nx are the west and east edges).
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i <= nx; i++) {
                double f = xFaceFlux(c, i, j, dt);
                if (i > 0) flux[(i - 1) + j * nx] -= f / dx;
                if (i < nx) flux[i + j * nx] += f / dx;
            }
        }
        for (int j = 0; j <= ny; j++) {
            for (int i = 0; i < nx; i++) {
                double f = yFaceFlux(c, i, j, dt);
                if (j > 0) flux[i + (j - 1) * nx] -= f / dy;
                if (j < ny) flux[i + j * nx] += f / dy;
            }
        }
        double decay = Math.exp(-parameters.decayPerDay() * dt);
        for (int k = 0; k < c.length; k++) next[k] = (c[k] + dt / r * flux[k]) * decay;
    }

    /** Flux (per unit width, positive eastward) through the west face of cell (i, j). */
    private double xFaceFlux(double[] c, int i, int j, double dt) {
        int nx = grid.nx();
        boolean west = i == 0;
        boolean east = i == nx;
        int left = west ? -1 : (i - 1) + j * nx;
        int right = east ? -1 : i + j * nx;
        double u = west ? vx[right] : east ? vx[left] : (vx[left] + vx[right]) / 2;
        if (west || east) {
            // Clean water in, the cell's own water out; no dispersion across the edge.
            if (west) return u < 0 ? u * c[right] : 0;
            return u > 0 ? u * c[left] : 0;
        }
        double v = (vy[left] + vy[right]) / 2;
        double advective = u * limited(c, u >= 0 ? i - 2 : i + 1, u >= 0 ? i - 1 : i, u >= 0 ? i : i - 1, j, true,
                Math.abs(u) * dt / (parameters.retardation() * grid.dx()));
        double[] d = tensor(u, v);
        double dcdx = (c[right] - c[left]) / grid.dx();
        double dcdy = (slopeY(c, i - 1, j) + slopeY(c, i, j)) / 2;
        return advective - d[0] * dcdx - d[1] * dcdy;
    }

    /** Flux (per unit width, positive northward) through the south face of cell (i, j). */
    private double yFaceFlux(double[] c, int i, int j, double dt) {
        int nx = grid.nx();
        int ny = grid.ny();
        boolean south = j == 0;
        boolean north = j == ny;
        int below = south ? -1 : i + (j - 1) * nx;
        int above = north ? -1 : i + j * nx;
        double v = south ? vy[above] : north ? vy[below] : (vy[below] + vy[above]) / 2;
        if (south || north) {
            if (south) return v < 0 ? v * c[above] : 0;
            return v > 0 ? v * c[below] : 0;
        }
        double u = (vx[below] + vx[above]) / 2;
        double advective = v * limited(c, v >= 0 ? j - 2 : j + 1, v >= 0 ? j - 1 : j, v >= 0 ? j : j - 1, i, false,
                Math.abs(v) * dt / (parameters.retardation() * grid.dy()));
        double[] d = tensor(u, v);
        double dcdy = (c[above] - c[below]) / grid.dy();
        double dcdx = (slopeX(c, i, j - 1) + slopeX(c, i, j)) / 2;
        return advective - d[2] * dcdy - d[1] * dcdx;
    }

    /**
     * The face value between the upwind cell {@code up} and the downwind cell {@code down}, with the van Leer
     * limited Lax–Wendroff correction; {@code far} is the cell upwind of {@code up} (indices along the line).
     */
    private double limited(double[] c, int far, int up, int down, int line, boolean alongX, double courant) {
        double cu = along(c, up, line, alongX);
        double cd = along(c, down, line, alongX);
        double cf = along(c, far, line, alongX);
        double jump = cd - cu;
        if (jump == 0) return cu;
        double ratio = (cu - cf) / jump;
        double limiter = (ratio + Math.abs(ratio)) / (1 + Math.abs(ratio));
        return cu + 0.5 * limiter * (1 - courant) * jump;
    }

    /** A cell's concentration by its index along a grid line, edges extended. */
    private double along(double[] c, int index, int line, boolean alongX) {
        int n = alongX ? grid.nx() : grid.ny();
        int k = Math.max(0, Math.min(n - 1, index));
        return alongX ? c[k + line * grid.nx()] : c[line + k * grid.nx()];
    }

    private double slopeY(double[] c, int i, int j) {
        int nx = grid.nx();
        int jm = Math.max(0, j - 1);
        int jp = Math.min(grid.ny() - 1, j + 1);
        return jp == jm ? 0 : (c[i + jp * nx] - c[i + jm * nx]) / ((jp - jm) * grid.dy());
    }

    private double slopeX(double[] c, int i, int j) {
        int nx = grid.nx();
        int im = Math.max(0, i - 1);
        int ip = Math.min(nx - 1, i + 1);
        return ip == im ? 0 : (c[ip + j * nx] - c[im + j * nx]) / ((ip - im) * grid.dx());
    }

    /** Dxx, Dxy, Dyy for a velocity (Bear 1972). */
    private double[] tensor(double u, double v) {
        double speed = Math.hypot(u, v);
        double aL = parameters.longitudinalDispersivity();
        double aT = parameters.transverseDispersivity();
        double dm = parameters.molecularDiffusion();
        if (speed == 0) return new double[] {dm, 0, dm};
        return new double[] {(aL * u * u + aT * v * v) / speed + dm, (aL - aT) * u * v / speed, (aT * u * u + aL * v * v) / speed + dm};
    }

    private double stableStep() {
        double step = Double.POSITIVE_INFINITY;
        double r = parameters.retardation();
        for (int k = 0; k < grid.cells(); k++) {
            double u = Math.abs(vx[k]);
            double v = Math.abs(vy[k]);
            if (u > 0) step = Math.min(step, COURANT * r * grid.dx() / u);
            if (v > 0) step = Math.min(step, COURANT * r * grid.dy() / v);
            double[] d = tensor(vx[k], vy[k]);
            double diffusion = d[0] / (grid.dx() * grid.dx()) + d[2] / (grid.dy() * grid.dy());
            if (diffusion > 0) step = Math.min(step, DIFFUSION_NUMBER * r / diffusion);
        }
        return Double.isInfinite(step) ? 1 : step;
    }

    private int[] cellsOf(Source source) {
        int i0 = grid.column(source.x());
        int j0 = grid.row(source.y());
        if (i0 < 0 || j0 < 0) throw new IllegalArgumentException("source at (" + source.x() + ", " + source.y() + ") is outside the grid");
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
