package org.groundwatergateway.ogc.xml;

import org.groundwatergateway.ogc.crs.CoordinateReferenceSystems;
import org.groundwatergateway.ogc.crs.Crs;

/**
 * A CRS as a request named it, with the axis order its coordinates come in. URN and http URI identifiers
 * mean the official EPSG order (latitude or northing first where EPSG says so); the short {@code EPSG:nnnn}
 * form means x/y (longitude or easting first), as WFS clients have long sent it. WMS 1.3.0 is stricter and
 * decides for itself (see the WMS request reader).
 */
public record AxisOrder(Crs crs, boolean northFirst) {

    public static AxisOrder of(Crs crs, String identifier) {
        return new AxisOrder(crs, crs.northFirst() && CoordinateReferenceSystems.isUri(identifier));
    }

    /** The official order, as used in GML output with URN srsNames. */
    public static AxisOrder official(Crs crs) {
        return new AxisOrder(crs, crs.northFirst());
    }

    /** x (east), y (north) from coordinates in this order. */
    public double[] toEastNorth(double first, double second) {
        return northFirst ? new double[] {second, first} : new double[] {first, second};
    }
}
