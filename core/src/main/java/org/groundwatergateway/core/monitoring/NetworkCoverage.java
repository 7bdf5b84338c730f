package org.groundwatergateway.core.monitoring;

import java.util.ArrayList;
import java.util.List;
import org.groundwatergateway.core.geo.LocalGrid;
import org.groundwatergateway.core.geo.Cgcs2000;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;

/**
 * The part of a park an aquifer's active wells watch: everything within a detection radius of one of them,
 * clipped to the park boundary, worked out in metres on a local grid at the park.
 *
 * @param coveredFraction covered area over park area
 */
public record NetworkCoverage(long aquiferId, double radiusM, int wellCount, double coveredFraction, Geometry area) {

    private static final int QUADRANT_SEGMENTS = 12;

    public static NetworkCoverage of(Polygon parkBoundary, long aquiferId, List<Well> wells, double radiusM) {
        Coordinate origin = parkBoundary.getEnvelopeInternal().centre();
        LocalGrid grid = new LocalGrid(origin.x, origin.y);
        Geometry park = toLocal(parkBoundary, grid);
        List<Geometry> circles = new ArrayList<>();
        int count = 0;
        for (Well well : wells) {
            if (well.aquiferId() != aquiferId || well.status() != Well.Status.ACTIVE) continue;
            count++;
            circles.add(toLocal(well.location(), grid).buffer(radiusM, QUADRANT_SEGMENTS));
        }
        Geometry covered = circles.isEmpty() ? park.getFactory().createPolygon() : CascadedPolygonUnion.union(circles).intersection(park);
        return new NetworkCoverage(aquiferId, radiusM, count, covered.getArea() / park.getArea(), toLonLat(covered, grid));
    }

    private static Geometry toLocal(Geometry lonLat, LocalGrid grid) {
        return grid.localMapping().applyTo(lonLat);
    }

    private static Geometry toLonLat(Geometry local, LocalGrid grid) {
        return Cgcs2000.GEOMETRY_FACTORY.createGeometry(grid.lonLatMapping().applyTo(local));
    }
}
