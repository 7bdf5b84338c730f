package org.groundwatergateway.ogc.crs;

import org.groundwatergateway.core.geo.PointMapping;

/**
 * Maps CGCS2000 longitude/latitude (degrees) to a CRS's own easting/northing and back. Coordinates are
 * passed in east/north order whatever the CRS's official axis order is; the services swap axes only where a
 * standard says to. The transforms returned are for one thread's use.
 */
interface Projection {

    PointMapping forward();

    PointMapping inverse();

    /** Geographic: longitude and latitude are the coordinates. */
    Projection GEOGRAPHIC = new Projection() {
        @Override
        public PointMapping forward() {
            return PointMapping.IDENTITY;
        }

        @Override
        public PointMapping inverse() {
            return PointMapping.IDENTITY;
        }
    };
}
