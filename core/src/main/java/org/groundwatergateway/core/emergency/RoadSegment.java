package org.groundwatergateway.core.emergency;

import org.locationtech.jts.geom.LineString;

/** A road between two junctions, the edges resources are routed along. */
public record RoadSegment(Long id, long parkId, String nameZh, LineString geometry, double speedKmh) {

    public RoadSegment withId(long newId) {
        return new RoadSegment(newId, parkId, nameZh, geometry, speedKmh);
    }
}
