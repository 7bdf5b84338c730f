package org.groundwatergateway.core.geo;

import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * China Geodetic Coordinate System 2000 (EPSG:4490), the datum every stored geometry uses. Coordinates
 * are held as x = longitude, y = latitude; services swap axes where a standard asks for latitude first.
 */
public final class Cgcs2000 {

    public static final int SRID = 4490;

    public static final GeometryFactory GEOMETRY_FACTORY = new GeometryFactory(new PrecisionModel(), SRID);

    private Cgcs2000() {}
}
