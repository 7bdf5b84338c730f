package org.groundwatergateway.policies;

import java.math.BigDecimal;
import org.groundwatergateway.core.geo.Cgcs2000;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * Coarsened locations, one definition for every door: a coordinate snapped to a grid of the disclosure's precision in
 * degrees (1° taken as 111,320 m). The SQL form is computed in a query before any filter, so what a spatial filter tests
 * is what the output shows; the Java form gives the same numbers for doors that read objects. Deterministic: a place
 * always lands on the same grid point, so repeated requests cannot average the coarsening away.
 */
public final class CoarseGrid {

    public static final double METRES_PER_DEGREE = 111_320;

    private CoarseGrid() {}

    /** The grid step in degrees. */
    public static double step(double precisionMetres) {
        return precisionMetres / METRES_PER_DEGREE;
    }

    /** {@code point} snapped to the grid, as SQL both databases evaluate alike; the step is the platform's own number, a literal. */
    public static String snappedSql(String point, double precisionMetres) {
        String step = BigDecimal.valueOf(step(precisionMetres)).toPlainString();
        return "ST_SetSRID(ST_MakePoint(ROUND(ST_X(" + point + ") / " + step + ") * " + step + ", ROUND(ST_Y(" + point + ") / " + step + ") * "
                + step + "), " + Cgcs2000.SRID + ")";
    }

    /** One coordinate (degrees) snapped to the grid, as {@link #snappedSql} computes it. */
    public static double snap(double degrees, double precisionMetres) {
        double step = Double.parseDouble(BigDecimal.valueOf(step(precisionMetres)).toPlainString());
        return Math.round(degrees / step) * step;
    }

    /** A copy of the geometry with every vertex snapped; the geometry itself when the precision is 0. */
    public static Geometry snap(Geometry geometry, double precisionMetres) {
        if (precisionMetres <= 0) return geometry;
        Geometry shown = geometry.copy();
        shown.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence sequence, int i) {
                sequence.setOrdinate(i, 0, snap(sequence.getX(i), precisionMetres));
                sequence.setOrdinate(i, 1, snap(sequence.getY(i), precisionMetres));
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return shown;
    }
}
