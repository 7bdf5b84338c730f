package org.groundwatergateway.analytics.spatial;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;

/**
 * The region of a grid where the value is at least a threshold, as polygons: marching squares (Lorensen &amp;
 * Cline 1987, in its 2-D form) with the boundary linearly interpolated along cell edges. Each cell contributes
 * the part of its square at or above the threshold, found by walking its four edges; at a saddle this joins the
 * two high corners, the conservative choice for a pollution outline. Runs of fully covered cells are merged
 * before the union, which keeps large plumes fast. NaN counts as below.
 */
public final class Isobands {

    private Isobands() {}

    public static Geometry atOrAbove(RegularGrid grid, double threshold, GeometryFactory factory) {
        List<Geometry> pieces = new ArrayList<>();
        for (int j = 0; j + 1 < grid.ny(); j++) {
            int runStart = -1;
            for (int i = 0; i + 1 < grid.nx(); i++) {
                boolean[] inside = {above(grid, i, j, threshold), above(grid, i + 1, j, threshold),
                        above(grid, i + 1, j + 1, threshold), above(grid, i, j + 1, threshold)};
                boolean full = inside[0] && inside[1] && inside[2] && inside[3];
                if (full) {
                    if (runStart < 0) runStart = i;
                    continue;
                }
                if (runStart >= 0) {
                    pieces.add(rectangle(grid, runStart, i, j, factory));
                    runStart = -1;
                }
                if (inside[0] || inside[1] || inside[2] || inside[3]) pieces.add(partialCell(grid, i, j, threshold, inside, factory));
            }
            if (runStart >= 0) pieces.add(rectangle(grid, runStart, grid.nx() - 1, j, factory));
        }
        if (pieces.isEmpty()) return factory.createPolygon();
        return CascadedPolygonUnion.union(pieces);
    }

    private static boolean above(RegularGrid grid, int i, int j, double threshold) {
        return grid.value(i, j) >= threshold;
    }

    /** Cells {@code from} (inclusive) to {@code to} (exclusive) of row {@code j}. */
    private static Polygon rectangle(RegularGrid grid, int from, int to, int j, GeometryFactory factory) {
        double x1 = grid.x0() + from * grid.dx();
        double x2 = grid.x0() + to * grid.dx();
        double y1 = grid.y0() + j * grid.dy();
        double y2 = y1 + grid.dy();
        return factory.createPolygon(new Coordinate[] {new Coordinate(x1, y1), new Coordinate(x2, y1), new Coordinate(x2, y2),
                new Coordinate(x1, y2), new Coordinate(x1, y1)});
    }

    private static Polygon partialCell(RegularGrid grid, int i, int j, double threshold, boolean[] inside, GeometryFactory factory) {
        int[][] corners = {{i, j}, {i + 1, j}, {i + 1, j + 1}, {i, j + 1}};
        List<Coordinate> ring = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            int[] a = corners[k];
            int[] b = corners[(k + 1) % 4];
            if (inside[k]) ring.add(node(grid, a));
            if (inside[k] != inside[(k + 1) % 4]) ring.add(crossing(grid, a, b, threshold));
        }
        ring.add(new Coordinate(ring.get(0)));
        return factory.createPolygon(ring.toArray(new Coordinate[0]));
    }

    private static Coordinate node(RegularGrid grid, int[] n) {
        return new Coordinate(grid.x0() + n[0] * grid.dx(), grid.y0() + n[1] * grid.dy());
    }

    /** Where the value reaches the threshold between two nodes, by linear interpolation. */
    private static Coordinate crossing(RegularGrid grid, int[] a, int[] b, double threshold) {
        double va = grid.value(a[0], a[1]);
        double vb = grid.value(b[0], b[1]);
        double t = Double.isNaN(va) || Double.isNaN(vb) ? 0.5 : (threshold - va) / (vb - va);
        t = Math.max(0, Math.min(1, t));
        Coordinate pa = node(grid, a);
        Coordinate pb = node(grid, b);
        return new Coordinate(pa.x + t * (pb.x - pa.x), pa.y + t * (pb.y - pa.y));
    }
}
