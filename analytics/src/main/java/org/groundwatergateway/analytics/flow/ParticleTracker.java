package org.groundwatergateway.analytics.flow;

import java.util.ArrayList;
import java.util.List;
import org.groundwatergateway.analytics.InvalidArgument;
import org.groundwatergateway.analytics.spatial.RegularGrid;

/**
 * Pathlines of water particles through a {@link FlowField}: the classical fourth-order Runge–Kutta method with
 * step-doubling error control and Richardson extrapolation (Press et al. 2007, "Numerical Recipes", 3rd ed., §17.1–17.2),
 * each step further held to a quarter of a cell so that a path samples every cell it crosses, as particle-tracking
 * codes on interpolated velocities do (Zheng &amp; Bennett 2002, "Applied Contaminant Transport Modeling", 2nd ed.).
 * Backward tracking follows −v and tells where the water at a point came from (capture zones, source
 * search). A path ends at its time limit, where it leaves the grid (at the crossing, its time prorated along the last
 * step), or where the water stands still.
 */
public final class ParticleTracker {

    public enum Stop { TIME_LIMIT, GRID_EDGE, STAGNATION }

    /** @param days time since the release (forward) or before the arrival at the starting point (backward) */
    public record PathPoint(double x, double y, double days) {}

    public record Pathline(List<PathPoint> points, Stop stop) {
        public PathPoint end() {
            return points.get(points.size() - 1);
        }

        public double days() {
            return end().days();
        }

        public double length() {
            double length = 0;
            for (int k = 1; k < points.size(); k++) {
                length += Math.hypot(points.get(k).x() - points.get(k - 1).x(), points.get(k).y() - points.get(k - 1).y());
            }
            return length;
        }
    }

    private static final double CELL_FRACTION = 0.25;
    /** Position error allowed per step, as a share of a cell. */
    private static final double TOLERANCE_PER_CELL = 1e-4;
    /** Slower than this share of the field's fastest flow counts as standing water. */
    private static final double STAGNANT = 1e-9;

    private final FlowField field;
    private final double maxStep;
    private final double tolerance;
    private final double stagnantSpeed;

    public ParticleTracker(FlowField field) {
        this.field = field;
        RegularGrid head = field.head();
        double cell = Math.min(head.dx(), head.dy());
        this.maxStep = CELL_FRACTION * cell;
        this.tolerance = TOLERANCE_PER_CELL * cell;
        double fastest = 0;
        for (int j = 0; j < head.ny(); j++) {
            for (int i = 0; i < head.nx(); i++) fastest = Math.max(fastest, field.velocity(i, j).speed());
        }
        this.stagnantSpeed = STAGNANT * fastest;
    }

    /** Where the water at (x, y) goes in the next {@code days}. */
    public Pathline forward(double x, double y, double days) {
        return track(x, y, days, 1);
    }

    /** Where the water at (x, y) was during the last {@code days}. */
    public Pathline backward(double x, double y, double days) {
        return track(x, y, days, -1);
    }

    private Pathline track(double x, double y, double days, double sense) {
        if (!field.contains(x, y)) throw new InvalidArgument("analytics.flow.outside", x, y);
        if (!(days >= 0)) throw new InvalidArgument("analytics.flow.negativeTime");
        List<PathPoint> points = new ArrayList<>();
        points.add(new PathPoint(x, y, 0));
        double t = 0;
        double dt = Double.POSITIVE_INFINITY;
        while (t < days) {
            double speed = field.velocityAt(x, y).speed();
            if (!(speed > stagnantSpeed)) return new Pathline(points, Stop.STAGNATION);
            double remaining = days - t;
            double step = Math.min(Math.min(dt, maxStep / speed), remaining);
            boolean last = step == remaining;
            double[] whole = rk4(x, y, step, sense);
            double[] half = rk4(x, y, step / 2, sense);
            double[] twice = rk4(half[0], half[1], step / 2, sense);
            // Two half steps err 1/16 as much as one whole step: their difference over 15 estimates their error.
            double ex = (twice[0] - whole[0]) / 15;
            double ey = (twice[1] - whole[1]) / 15;
            double error = Math.hypot(ex, ey);
            if (error > tolerance) {
                dt = step * Math.max(0.1, 0.9 * Math.pow(tolerance / error, 0.2));
                if (dt <= 1e-12 * Math.max(days, 1)) return new Pathline(points, Stop.STAGNATION);
                continue;
            }
            double nextX = twice[0] + ex;
            double nextY = twice[1] + ey;
            if (!field.contains(nextX, nextY)) {
                double s = exitFraction(x, y, nextX, nextY);
                points.add(new PathPoint(x + s * (nextX - x), y + s * (nextY - y), t + s * step));
                return new Pathline(points, Stop.GRID_EDGE);
            }
            x = nextX;
            y = nextY;
            t = last ? days : t + step;
            points.add(new PathPoint(x, y, t));
            dt = step * Math.min(4, 0.9 * Math.pow(tolerance / Math.max(error, 1e-6 * tolerance), 0.2));
        }
        return new Pathline(points, Stop.TIME_LIMIT);
    }

    private double[] rk4(double x, double y, double dt, double sense) {
        FlowField.FlowVector k1 = field.velocityAt(x, y);
        FlowField.FlowVector k2 = field.velocityAt(x + sense * dt / 2 * k1.vx(), y + sense * dt / 2 * k1.vy());
        FlowField.FlowVector k3 = field.velocityAt(x + sense * dt / 2 * k2.vx(), y + sense * dt / 2 * k2.vy());
        FlowField.FlowVector k4 = field.velocityAt(x + sense * dt * k3.vx(), y + sense * dt * k3.vy());
        return new double[] {x + sense * dt / 6 * (k1.vx() + 2 * k2.vx() + 2 * k3.vx() + k4.vx()),
                y + sense * dt / 6 * (k1.vy() + 2 * k2.vy() + 2 * k3.vy() + k4.vy())};
    }

    /** How far along the step from (x, y), inside, to (toX, toY), outside, the edge of the grid lies. */
    private double exitFraction(double x, double y, double toX, double toY) {
        RegularGrid head = field.head();
        double s = 1;
        s = Math.min(s, alongAxis(x, toX, head.x0(), head.x0() + (head.nx() - 1) * head.dx()));
        s = Math.min(s, alongAxis(y, toY, head.y0(), head.y0() + (head.ny() - 1) * head.dy()));
        return s;
    }

    private static double alongAxis(double from, double to, double low, double high) {
        if (to > high) return (high - from) / (to - from);
        if (to < low) return (low - from) / (to - from);
        return 1;
    }
}
