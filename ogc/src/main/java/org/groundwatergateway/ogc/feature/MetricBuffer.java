package org.groundwatergateway.ogc.feature;

import org.groundwatergateway.ogc.crs.CoordinateReferenceSystems;
import org.groundwatergateway.ogc.crs.Crs;
import org.groundwatergateway.ogc.crs.Reprojection;
import org.groundwatergateway.ogc.filter.FilterException;
import org.locationtech.jts.geom.Geometry;

/**
 * Buffers a longitude/latitude geometry by a distance in metres: on the 3° Gauss–Krüger zone around it, where
 * scale error stays below 1/7000, then back to longitude/latitude.
 */
final class MetricBuffer {

    private static final int QUADRANT_SEGMENTS = 16;

    private MetricBuffer() {}

    static Geometry buffer(Geometry lonLat, double metres) {
        double lon = lonLat.getEnvelopeInternal().centre().x;
        int meridian = (int) Math.round(lon / 3.0) * 3;
        Crs zone = CoordinateReferenceSystems.lookup("EPSG:" + (4534 + (meridian - 75) / 3))
                .filter(crs -> meridian >= 75 && meridian <= 135)
                .orElseThrow(() -> new FilterException("Distances are measured only within China's Gauss-Kruger zones (75°E to 135°E)", "DWithin"));
        Geometry projected = Reprojection.fromStorage(lonLat, zone);
        return Reprojection.toStorage(projected.buffer(metres, QUADRANT_SEGMENTS), zone);
    }
}
