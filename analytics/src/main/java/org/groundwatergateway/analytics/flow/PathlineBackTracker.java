package org.groundwatergateway.analytics.flow;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * Back-tracking on a head surface: the backward pathline of a particle from the well ({@link ParticleTracker}), which
 * bends with the water table where a uniform-flow line would run straight, cut where it passes nearest the source.
 * Water climbs the head surface backwards, so the path cannot loop; it is tracked until it leaves the grid, reaches
 * standing water or has gone back {@link #DAYS}.
 */
public final class PathlineBackTracker implements BackTracker {

    /** A century: longer ago than any release a park traces, so the path ends at the grid's edge or a divide first. */
    static final double DAYS = 36_525;

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final FlowField field;
    private final ParticleTracker tracker;

    public PathlineBackTracker(FlowField field) {
        this.field = field;
        this.tracker = new ParticleTracker(field);
    }

    /** A well outside the head surface has no pathline: its path is the straight line to the source. */
    @Override
    public LineString toSource(double x, double y, double sourceX, double sourceY) {
        Coordinate source = new Coordinate(sourceX, sourceY);
        if (!field.contains(x, y)) return GEOMETRY.createLineString(new Coordinate[] {new Coordinate(x, y), source});
        List<ParticleTracker.PathPoint> points = tracker.backward(x, y, DAYS).points();
        // The point of the path nearest the source: over every segment, the source's projection clamped to it.
        int segment = 0;
        double along = 0;
        double nearest = Double.POSITIVE_INFINITY;
        for (int k = 1; k < points.size(); k++) {
            ParticleTracker.PathPoint a = points.get(k - 1);
            ParticleTracker.PathPoint b = points.get(k);
            double ex = b.x() - a.x();
            double ey = b.y() - a.y();
            double length2 = ex * ex + ey * ey;
            double s = length2 == 0 ? 0 : Math.max(0, Math.min(1, ((sourceX - a.x()) * ex + (sourceY - a.y()) * ey) / length2));
            double d = Math.hypot(a.x() + s * ex - sourceX, a.y() + s * ey - sourceY);
            if (d < nearest) {
                nearest = d;
                segment = k;
                along = s;
            }
        }
        List<Coordinate> path = new ArrayList<>();
        path.add(new Coordinate(x, y));
        for (int k = 1; k < segment; k++) append(path, new Coordinate(points.get(k).x(), points.get(k).y()));
        if (segment > 0) {
            ParticleTracker.PathPoint a = points.get(segment - 1);
            ParticleTracker.PathPoint b = points.get(segment);
            append(path, new Coordinate(a.x() + along * (b.x() - a.x()), a.y() + along * (b.y() - a.y())));
        }
        append(path, source);
        // A source at the well itself: a line of one point twice.
        if (path.size() == 1) path.add(source);
        return GEOMETRY.createLineString(path.toArray(Coordinate[]::new));
    }

    private static void append(List<Coordinate> path, Coordinate next) {
        if (!path.get(path.size() - 1).equals2D(next)) path.add(next);
    }
}
