package org.groundwatergateway.analytics.flow;

import java.util.ArrayList;
import java.util.List;
import org.groundwatergateway.analytics.InvalidArgument;
import org.groundwatergateway.analytics.spatial.RegularGrid;
import org.groundwatergateway.analytics.transport.TransportGrid;

/**
 * Horizontal groundwater flow on a grid of heads by Darcy's law (Bear 1972, "Dynamics of Fluids in Porous Media";
 * Freeze &amp; Cherry 1979, ch. 2): the hydraulic gradient ∇h by central differences (one-sided on the edges),
 * the Darcy flux q = −K∇h and the seepage (average linear) velocity v = q/nₑ. Central and one-sided differences are
 * exact for a planar water table, central ones also for a quadratic. Velocities are in m/d when K is.
 */
public final class FlowField {

    /**
     * A velocity (or flux) at a point, east and north components.
     *
     * @param vx towards east
     * @param vy towards north
     */
    public record FlowVector(double x, double y, double vx, double vy) {
        public double speed() {
            return Math.hypot(vx, vy);
        }

        /** The direction of flow, degrees clockwise from north in [0, 360). */
        public double azimuthDegrees() {
            double degrees = Math.toDegrees(Math.atan2(vx, vy));
            return degrees < 0 ? degrees + 360 : degrees;
        }
    }

    private final RegularGrid head;
    private final double conductivity;
    private final double effectivePorosity;
    private final double[][] gradientX;
    private final double[][] gradientY;

    /**
     * @param conductivity hydraulic conductivity K (m/d), uniform over the grid
     * @param effectivePorosity nₑ, between 0 and 1
     */
    public FlowField(RegularGrid head, double conductivity, double effectivePorosity) {
        if (!(conductivity > 0)) throw new InvalidArgument("analytics.transport.conductivity");
        if (!(effectivePorosity > 0 && effectivePorosity <= 1)) throw new InvalidArgument("analytics.remediation.porosity");
        this.head = head;
        this.conductivity = conductivity;
        this.effectivePorosity = effectivePorosity;
        int nx = head.nx();
        int ny = head.ny();
        gradientX = new double[ny][nx];
        gradientY = new double[ny][nx];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int west = Math.max(0, i - 1);
                int east = Math.min(nx - 1, i + 1);
                int south = Math.max(0, j - 1);
                int north = Math.min(ny - 1, j + 1);
                gradientX[j][i] = (head.value(east, j) - head.value(west, j)) / ((east - west) * head.dx());
                gradientY[j][i] = (head.value(i, north) - head.value(i, south)) / ((north - south) * head.dy());
            }
        }
    }

    public RegularGrid head() {
        return head;
    }

    public double conductivity() {
        return conductivity;
    }

    public double effectivePorosity() {
        return effectivePorosity;
    }

    /** ∂h/∂x at node (i, j). */
    public double gradientX(int i, int j) {
        return gradientX[j][i];
    }

    /** ∂h/∂y at node (i, j). */
    public double gradientY(int i, int j) {
        return gradientY[j][i];
    }

    /** The Darcy flux q = −K∇h at node (i, j), m/d (m³ of water per m² of aquifer section per day). */
    public FlowVector flux(int i, int j) {
        return new FlowVector(nodeX(i), nodeY(j), -conductivity * gradientX[j][i], -conductivity * gradientY[j][i]);
    }

    /** The seepage velocity v = q/nₑ at node (i, j), m/d. */
    public FlowVector velocity(int i, int j) {
        return new FlowVector(nodeX(i), nodeY(j), seepage(gradientX, i, j), seepage(gradientY, i, j));
    }

    /** The seepage velocity at any point of the grid, bilinear between the nodes (points outside take the edge's). */
    public FlowVector velocityAt(double x, double y) {
        double fx = Math.max(0, Math.min(head.nx() - 1, (x - head.x0()) / head.dx()));
        double fy = Math.max(0, Math.min(head.ny() - 1, (y - head.y0()) / head.dy()));
        int i = Math.min(head.nx() - 2, (int) fx);
        int j = Math.min(head.ny() - 2, (int) fy);
        return new FlowVector(x, y, bilinear(gradientX, i, j, fx - i, fy - j), bilinear(gradientY, i, j, fx - i, fy - j));
    }

    /** Whether a point lies within the nodes' extent. */
    public boolean contains(double x, double y) {
        return x >= head.x0() && x <= nodeX(head.nx() - 1) && y >= head.y0() && y <= nodeY(head.ny() - 1);
    }

    /** Seepage velocities at every {@code every}-th node each way, starting half a spacing in, for arrows on a map. */
    public List<FlowVector> arrows(int every) {
        if (every < 1) throw new InvalidArgument("analytics.flow.every");
        List<FlowVector> arrows = new ArrayList<>();
        for (int j = every / 2; j < head.ny(); j += every) {
            for (int i = every / 2; i < head.nx(); i += every) arrows.add(velocity(i, j));
        }
        return arrows;
    }

    /**
     * The transport grid whose cell centres are this grid's nodes, so that {@link #seepageVelocityX()} and
     * {@link #seepageVelocityY()} are the cell-centre velocities {@code FiniteVolumeTransport} takes.
     */
    public TransportGrid transportGrid() {
        return new TransportGrid(head.x0() - head.dx() / 2, head.y0() - head.dy() / 2, head.dx(), head.dy(), head.nx(), head.ny());
    }

    /** Seepage velocity east per cell of {@link #transportGrid()}, index i + j·nx, m/d. */
    public double[] seepageVelocityX() {
        return perCell(gradientX);
    }

    /** Seepage velocity north per cell of {@link #transportGrid()}, index i + j·nx, m/d. */
    public double[] seepageVelocityY() {
        return perCell(gradientY);
    }

    private double[] perCell(double[][] gradient) {
        double[] v = new double[head.nx() * head.ny()];
        for (int j = 0; j < head.ny(); j++) {
            for (int i = 0; i < head.nx(); i++) v[i + j * head.nx()] = seepage(gradient, i, j);
        }
        return v;
    }

    /** The seepage velocity component of a gradient component: v = −K·∂h/nₑ. */
    private double seepage(double[][] gradient, int i, int j) {
        return -conductivity * gradient[j][i] / effectivePorosity;
    }

    private double bilinear(double[][] gradient, int i, int j, double ax, double ay) {
        return (1 - ax) * (1 - ay) * seepage(gradient, i, j) + ax * (1 - ay) * seepage(gradient, i + 1, j)
                + (1 - ax) * ay * seepage(gradient, i, j + 1) + ax * ay * seepage(gradient, i + 1, j + 1);
    }

    private double nodeX(int i) {
        return head.x0() + i * head.dx();
    }

    private double nodeY(int j) {
        return head.y0() + j * head.dy();
    }
}
