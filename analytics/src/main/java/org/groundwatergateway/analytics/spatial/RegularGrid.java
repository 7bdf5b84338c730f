package org.groundwatergateway.analytics.spatial;

import org.groundwatergateway.analytics.InvalidArgument;

/**
 * Values at the nodes of a regular grid: node (i, j) is at x = x0 + i·dx, y = y0 + j·dy, and its value is
 * {@code values[j][i]} (row j runs along x).
 */
public record RegularGrid(double x0, double y0, double dx, double dy, double[][] values) {

    public RegularGrid {
        if (values.length < 2 || values[0].length < 2) throw new InvalidArgument("analytics.spatial.gridNodes");
        if (!(dx > 0) || !(dy > 0)) throw new InvalidArgument("analytics.spatial.gridSpacing");
        for (double[] row : values) {
            if (row.length != values[0].length) throw new IllegalArgumentException("grid rows must have equal length");
        }
    }

    public int nx() {
        return values[0].length;
    }

    public int ny() {
        return values.length;
    }

    public double value(int i, int j) {
        return values[j][i];
    }

    /** Samples a function of (x, y) at every node. */
    public static RegularGrid sample(double x0, double y0, double dx, double dy, int nx, int ny,
                                     java.util.function.DoubleBinaryOperator function) {
        double[][] values = new double[ny][nx];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) values[j][i] = function.applyAsDouble(x0 + i * dx, y0 + j * dy);
        }
        return new RegularGrid(x0, y0, dx, dy, values);
    }
}
