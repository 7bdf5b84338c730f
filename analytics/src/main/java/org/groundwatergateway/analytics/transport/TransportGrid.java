package org.groundwatergateway.analytics.transport;

import org.groundwatergateway.analytics.InvalidArgument;

/**
 * A regular 2-D grid of cells in metres: cell (i, j) has its centre at (x0 + (i + ½)·dx, y0 + (j + ½)·dy).
 */
public record TransportGrid(double x0, double y0, double dx, double dy, int nx, int ny) {

    public TransportGrid {
        if (!(dx > 0 && dy > 0)) throw new InvalidArgument("analytics.transport.cellSize");
        if (nx < 1 || ny < 1) throw new InvalidArgument("analytics.transport.cells");
    }

    public double centreX(int i) {
        return x0 + (i + 0.5) * dx;
    }

    public double centreY(int j) {
        return y0 + (j + 0.5) * dy;
    }

    /** The cell holding a point, or -1 when the point is outside. */
    public int column(double x) {
        int i = (int) Math.floor((x - x0) / dx);
        return i >= 0 && i < nx ? i : -1;
    }

    public int row(double y) {
        int j = (int) Math.floor((y - y0) / dy);
        return j >= 0 && j < ny ? j : -1;
    }

    public boolean contains(double x, double y) {
        return column(x) >= 0 && row(y) >= 0;
    }

    public int cells() {
        return nx * ny;
    }
}
