package org.groundwatergateway.analytics.spatial;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;

/**
 * Buffers and overlays of plumes with risk zones and receptors, by the JTS Topology Suite (buffer as the Minkowski
 * sum with a disc, overlay by the OGC Simple Features predicates and set operations, ISO 19125-1). Coordinates must be
 * projected, in metres.
 */
public final class Overlay {

    /**
     * Arcs of a buffer are drawn with 16 segments per quarter circle: the corners of a buffered polygon then form a
     * regular 64-gon inscribed in the circle, whose area is 0.16 % short of the disc's.
     */
    public static final int QUADRANT_SEGMENTS = 16;

    /**
     * A target reached by a buffered plume.
     *
     * @param distance from the plume itself (0 where they touch), metres
     * @param overlapArea area of the target inside the buffered plume, m² (0 for points and lines)
     * @param overlapFraction share of the target inside the buffered plume: of its area, length or points
     */
    public record Exposure(String id, double distance, double overlapArea, double overlapFraction) {}

    /** A zone of the map and the weight (risk, priority) it carries. */
    public record Zone(Geometry area, double weight) {}

    private Overlay() {}

    /** The geometry grown by {@code distanceM} in every direction (shrunk when negative), round arcs. */
    public static Geometry buffer(Geometry geometry, double distanceM) {
        return BufferOp.bufferOp(geometry, distanceM, new BufferParameters(QUADRANT_SEGMENTS));
    }

    public static double overlapArea(Geometry a, Geometry b) {
        return a.intersects(b) ? a.intersection(b).getArea() : 0;
    }

    /**
     * The targets (risk zones, receptors such as wells, rivers and houses) that the plume grown by {@code marginM}
     * reaches, nearest first.
     */
    public static List<Exposure> exposures(Geometry plume, double marginM, Map<String, ? extends Geometry> targets) {
        Geometry reach = buffer(plume, marginM);
        List<Exposure> exposures = new ArrayList<>();
        for (Map.Entry<String, ? extends Geometry> target : targets.entrySet()) {
            Geometry geometry = target.getValue();
            if (!reach.intersects(geometry)) continue;
            Geometry inside = reach.intersection(geometry);
            exposures.add(new Exposure(target.getKey(), plume.distance(geometry), inside.getArea(), share(inside, geometry)));
        }
        exposures.sort(Comparator.comparingDouble(Exposure::distance).thenComparing(Exposure::id));
        return exposures;
    }

    /**
     * The weight of the heaviest zone covering each node of a grid laid out like {@link RegularGrid#sample}, or
     * {@code background} where none does; nodes on a zone's boundary count as covered.
     */
    public static RegularGrid weights(List<Zone> zones, double background, double x0, double y0, double dx, double dy, int nx, int ny) {
        List<IndexedPointInAreaLocator> locators = new ArrayList<>();
        for (Zone zone : zones) locators.add(new IndexedPointInAreaLocator(zone.area()));
        Coordinate node = new Coordinate();
        return RegularGrid.sample(x0, y0, dx, dy, nx, ny, (x, y) -> {
            node.x = x;
            node.y = y;
            double weight = background;
            boolean covered = false;
            for (int z = 0; z < zones.size(); z++) {
                if (locators.get(z).locate(node) != Location.EXTERIOR) {
                    weight = covered ? Math.max(weight, zones.get(z).weight()) : zones.get(z).weight();
                    covered = true;
                }
            }
            return weight;
        });
    }

    private static double share(Geometry part, Geometry whole) {
        switch (whole.getDimension()) {
            case 2:
                return part.getArea() / whole.getArea();
            case 1:
                return part.getLength() / whole.getLength();
            default:
                return (double) part.getNumPoints() / whole.getNumPoints();
        }
    }
}
