package org.groundwatergateway.ogc.crs;

import org.groundwatergateway.core.geo.PointMapping;

/**
 * EPSG:3857 "WGS 84 / Pseudo-Mercator": the spherical Mercator formulas applied to ellipsoidal latitude and
 * longitude (IOGP Guidance Note 7-2, method 1024), on a sphere of the WGS 84 semi-major axis.
 */
final class WebMercator implements Projection {

    private static final double R = 6378137.0;
    /** Latitude at which the projected world is square; map tiles stop there. */
    private static final double MAX_LATITUDE = 85.0511287798066;

    @Override
    public PointMapping forward() {
        return (lon, lat) -> {
            double phi = Math.toRadians(Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)));
            return new double[] {R * Math.toRadians(lon), R * Math.log(Math.tan(Math.PI / 4 + phi / 2))};
        };
    }

    @Override
    public PointMapping inverse() {
        return (east, north) -> new double[] {Math.toDegrees(east / R), Math.toDegrees(Math.PI / 2 - 2 * Math.atan(Math.exp(-north / R)))};
    }
}
