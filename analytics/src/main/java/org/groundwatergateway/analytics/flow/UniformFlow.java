package org.groundwatergateway.analytics.flow;

import org.groundwatergateway.analytics.InvalidArgument;
import org.groundwatergateway.analytics.transport.DomenicoSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * Uniform regional groundwater flow on a local grid (x east, y north, metres): the frame in which a
 * {@link DomenicoSource} plume is evaluated. Plume coordinates are a rotation of grid offsets, x along the flow
 * and y to its left; with uniform flow a flow line is a straight line (Bear 1972, Dynamics of Fluids in Porous
 * Media, §4.1), so back-tracking from a well runs straight upgradient.
 *
 * @param azimuthDegrees direction the water flows to, clockwise from north
 * @param seepageVelocity m/d
 */
public record UniformFlow(double azimuthDegrees, double seepageVelocity) implements BackTracker {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    public UniformFlow {
        if (!(seepageVelocity > 0)) throw new InvalidArgument("analytics.flow.seepageVelocity", seepageVelocity);
    }

    private double east() {
        return Math.sin(Math.toRadians(azimuthDegrees));
    }

    private double north() {
        return Math.cos(Math.toRadians(azimuthDegrees));
    }

    /** Distance along the flow of a grid offset (dx east, dy north) from a source. */
    public double along(double dx, double dy) {
        return dx * east() + dy * north();
    }

    /** Distance across the flow of a grid offset, positive to the left of the flow direction. */
    public double across(double dx, double dy) {
        return -dx * north() + dy * east();
    }

    /** The grid point {@code distance} metres upgradient of (x, y) on its flow line. */
    public double[] upgradient(double x, double y, double distance) {
        return downgradient(x, y, -distance);
    }

    /** The grid point {@code distance} metres downgradient of (x, y) on its flow line. */
    public double[] downgradient(double x, double y, double distance) {
        return new double[] {x + distance * east(), y + distance * north()};
    }

    /**
     * Concentration at grid point (x, y), {@code depth} metres below the water table, {@code days} after a plume's
     * source at (sourceX, sourceY) began to release.
     */
    public double concentration(DomenicoSource plume, double sourceX, double sourceY, double x, double y, double depth, double days) {
        double dx = x - sourceX;
        double dy = y - sourceY;
        return plume.concentration(along(dx, dy), across(dx, dy), depth, days);
    }

    /**
     * The straight flow line from (x, y) upgradient to the source's cross-section, then across to the source; a source
     * not upgradient of the well is nearest the water's path at the well itself.
     */
    @Override
    public LineString toSource(double x, double y, double sourceX, double sourceY) {
        double along = along(x - sourceX, y - sourceY);
        if (!(along > 0)) return GEOMETRY.createLineString(new Coordinate[] {new Coordinate(x, y), new Coordinate(sourceX, sourceY)});
        double[] foot = upgradient(x, y, along);
        return GEOMETRY.createLineString(new Coordinate[] {new Coordinate(x, y), new Coordinate(foot[0], foot[1]),
                new Coordinate(sourceX, sourceY)});
    }
}
