package org.groundwatergateway.ogc.crs;

import org.groundwatergateway.core.geo.PointMapping;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.Proj4jException;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * A CGCS2000 Gauss–Krüger zone: transverse Mercator on the GRS 80 ellipsoid, scale 1 on the central meridian,
 * false easting 500 km, with the zone number prefixed to eastings where the EPSG definition does
 * (EPSG:4491–4501 and 4513–4533). The series are proj4j's; source and target share the ellipsoid, so no
 * datum shift is involved.
 */
final class GaussKruger implements Projection {

    private static final CRSFactory FACTORY = new CRSFactory();
    private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();
    private static final CoordinateReferenceSystem GEOGRAPHIC =
            FACTORY.createFromParameters("CGCS2000", "+proj=longlat +ellps=GRS80 +no_defs");

    private final CoordinateReferenceSystem projected;

    GaussKruger(String name, int centralMeridian, double falseEasting) {
        this.projected = FACTORY.createFromParameters(name, "+proj=tmerc +lat_0=0 +lon_0=" + centralMeridian
                + " +k=1 +x_0=" + falseEasting + " +y_0=0 +ellps=GRS80 +units=m +no_defs");
    }

    @Override
    public PointMapping forward() {
        return using(TRANSFORMS.createTransform(GEOGRAPHIC, projected));
    }

    @Override
    public PointMapping inverse() {
        return using(TRANSFORMS.createTransform(projected, GEOGRAPHIC));
    }

    // A proj4j transform keeps scratch state, hence one per PointMapping and PointMappings per thread.
    private static PointMapping using(CoordinateTransform transform) {
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate out = new ProjCoordinate();
        return (x, y) -> {
            in.x = x;
            in.y = y;
            try {
                transform.transform(in, out);
            } catch (Proj4jException e) {
                // Far outside the zone the series diverge; that is the caller's input, not a fault here.
                throw new IllegalArgumentException("(" + x + ", " + y + ") cannot be projected: " + e.getMessage(), e);
            }
            return new double[] {out.x, out.y};
        };
    }
}
