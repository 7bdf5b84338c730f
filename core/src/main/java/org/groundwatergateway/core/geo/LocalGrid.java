package org.groundwatergateway.core.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * A local east/north grid in metres around an origin, mapped to CGCS2000 longitude/latitude with the
 * ellipsoid's meridional and prime-vertical radii of curvature at the origin latitude. Over a few
 * kilometres the error is far below a metre, which is enough for laying out and reading back a park.
 */
public final class LocalGrid {

    private static final double A = 6378137.0;             // CGCS2000 semi-major axis (m)
    private static final double F = 1 / 298.257222101;     // CGCS2000 flattening
    private static final double E2 = F * (2 - F);

    private final double originLon;
    private final double originLat;
    private final double metresPerDegreeLon;
    private final double metresPerDegreeLat;

    public LocalGrid(double originLon, double originLat) {
        this.originLon = originLon;
        this.originLat = originLat;
        double phi = Math.toRadians(originLat);
        double w = Math.sqrt(1 - E2 * Math.sin(phi) * Math.sin(phi));
        double meridional = A * (1 - E2) / (w * w * w);
        double primeVertical = A / w;
        this.metresPerDegreeLat = Math.toRadians(1) * meridional;
        this.metresPerDegreeLon = Math.toRadians(1) * primeVertical * Math.cos(phi);
    }

    public Coordinate toLonLat(double east, double north) {
        return new Coordinate(originLon + east / metresPerDegreeLon, originLat + north / metresPerDegreeLat);
    }

    public Point point(double east, double north) {
        return Cgcs2000.GEOMETRY_FACTORY.createPoint(toLonLat(east, north));
    }

    /** East and north offsets (m) of a longitude/latitude from the origin. */
    public double[] toLocal(double lon, double lat) {
        return new double[] {(lon - originLon) * metresPerDegreeLon, (lat - originLat) * metresPerDegreeLat};
    }

    /** Local east/north (m) to longitude/latitude, for whole geometries. */
    public PointMapping lonLatMapping() {
        return (east, north) -> {
            Coordinate c = toLonLat(east, north);
            return new double[] {c.x, c.y};
        };
    }

    /** Longitude/latitude to local east/north (m), for whole geometries. */
    public PointMapping localMapping() {
        return this::toLocal;
    }
}
