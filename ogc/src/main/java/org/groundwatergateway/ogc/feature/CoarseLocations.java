package org.groundwatergateway.ogc.feature;

import java.math.BigDecimal;
import org.groundwatergateway.core.geo.Cgcs2000;

/**
 * Coarsened point locations as SQL, for every door that filters on locations (the feature services and SensorThings):
 * a point snapped to a grid of the disclosure's precision in degrees (1° taken as 111,320 m), computed in the query
 * before any filter, so what a spatial filter tests is what the output shows. Both databases evaluate it the same way.
 */
public final class CoarseLocations {

    public static final double METRES_PER_DEGREE = 111_320;

    private CoarseLocations() {}

    /** {@code point} snapped to the grid; the step is the platform's own number, written as a literal. */
    public static String snapped(String point, double precisionMetres) {
        String step = BigDecimal.valueOf(precisionMetres / METRES_PER_DEGREE).toPlainString();
        return "ST_SetSRID(ST_MakePoint(ROUND(ST_X(" + point + ") / " + step + ") * " + step + ", ROUND(ST_Y(" + point + ") / " + step + ") * "
                + step + "), " + Cgcs2000.SRID + ")";
    }
}
