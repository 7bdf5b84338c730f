package org.groundwatergateway.ogc.xml;

import java.util.ArrayList;
import java.util.List;
import org.groundwatergateway.core.geo.Cgcs2000;
import org.groundwatergateway.ogc.crs.CoordinateReferenceSystems;
import org.groundwatergateway.ogc.crs.Crs;
import org.groundwatergateway.ogc.crs.Reprojection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.w3c.dom.Element;

/**
 * Reads the GML 3.2 geometries FES filters carry (OGC 07-036 §10): Envelope, Point, LineString, Polygon,
 * MultiPoint, MultiCurve/MultiLineString and MultiSurface/MultiPolygon, with pos, posList or the older
 * coordinates encodings, in any offered CRS. Results are in CGCS2000 longitude/latitude.
 */
public final class GmlGeometryReader {

    private static final GeometryFactory FACTORY = Cgcs2000.GEOMETRY_FACTORY;

    private final AxisOrder defaultOrder;

    /** @param defaultOrder how coordinates are read where the geometry names no srsName */
    public GmlGeometryReader(AxisOrder defaultOrder) {
        this.defaultOrder = defaultOrder;
    }

    public Geometry read(Element element) {
        AxisOrder order = orderOf(element, defaultOrder);
        Geometry geometry = readIn(element, order);
        return Reprojection.toStorage(geometry, order.crs());
    }

    private Geometry readIn(Element e, AxisOrder order) {
        switch (e.getLocalName()) {
            case "Envelope": {
                double[] lower = point(SafeXml.text(required(e, "lowerCorner")), order);
                double[] upper = point(SafeXml.text(required(e, "upperCorner")), order);
                return FACTORY.toGeometry(new Envelope(lower[0], upper[0], lower[1], upper[1]));
            }
            case "Point":
                return FACTORY.createPoint(coordinates(e, order)[0]);
            case "LineString":
                return FACTORY.createLineString(coordinates(e, order));
            case "Polygon":
                return polygon(e, order);
            case "MultiPoint":
            case "MultiCurve":
            case "MultiLineString":
            case "MultiSurface":
            case "MultiPolygon": {
                List<Geometry> parts = new ArrayList<>();
                for (Element member : SafeXml.children(e)) {
                    for (Element part : SafeXml.children(member)) parts.add(readIn(part, orderOf(part, order)));
                }
                return FACTORY.buildGeometry(parts);
            }
            default:
                throw new IllegalArgumentException("unsupported GML geometry " + e.getLocalName());
        }
    }

    private Polygon polygon(Element e, AxisOrder order) {
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        for (Element boundary : SafeXml.children(e)) {
            Element ring = SafeXml.child(boundary, "LinearRing")
                    .orElseThrow(() -> new IllegalArgumentException("polygon boundary without a LinearRing"));
            LinearRing linear = FACTORY.createLinearRing(coordinates(ring, order));
            if (boundary.getLocalName().equals("exterior") || boundary.getLocalName().equals("outerBoundaryIs")) {
                shell = linear;
            } else {
                holes.add(linear);
            }
        }
        if (shell == null) throw new IllegalArgumentException("polygon without an exterior ring");
        return FACTORY.createPolygon(shell, holes.toArray(new LinearRing[0]));
    }

    private static Coordinate[] coordinates(Element e, AxisOrder order) {
        List<Element> positions = new ArrayList<>();
        for (Element child : SafeXml.children(e)) {
            switch (child.getLocalName()) {
                case "posList": return list(SafeXml.text(child), order);
                case "coordinates": return legacy(SafeXml.text(child), order);
                case "pos": positions.add(child); break;
                default: break;
            }
        }
        if (positions.isEmpty()) throw new IllegalArgumentException(e.getLocalName() + " has no coordinates");
        return positions.stream().map(p -> {
            double[] xy = point(SafeXml.text(p), order);
            return new Coordinate(xy[0], xy[1]);
        }).toArray(Coordinate[]::new);
    }

    private static Coordinate[] list(String text, AxisOrder order) {
        String[] numbers = text.trim().split("\\s+");
        if (numbers.length % 2 != 0) throw new IllegalArgumentException("posList needs an even number of values (2-D)");
        Coordinate[] coordinates = new Coordinate[numbers.length / 2];
        for (int i = 0; i < coordinates.length; i++) {
            double[] xy = order.toEastNorth(number(numbers[2 * i]), number(numbers[2 * i + 1]));
            coordinates[i] = new Coordinate(xy[0], xy[1]);
        }
        return coordinates;
    }

    /** GML 2 {@code coordinates}: "x,y x,y ...". */
    private static Coordinate[] legacy(String text, AxisOrder order) {
        String[] tuples = text.trim().split("\\s+");
        Coordinate[] coordinates = new Coordinate[tuples.length];
        for (int i = 0; i < tuples.length; i++) {
            String[] xy = tuples[i].split(",");
            if (xy.length < 2) throw new IllegalArgumentException("coordinates need x,y pairs: " + tuples[i]);
            double[] en = order.toEastNorth(number(xy[0]), number(xy[1]));
            coordinates[i] = new Coordinate(en[0], en[1]);
        }
        return coordinates;
    }

    private static double[] point(String text, AxisOrder order) {
        String[] numbers = text.trim().split("\\s+");
        if (numbers.length < 2) throw new IllegalArgumentException("a position needs two numbers: '" + text + "'");
        return order.toEastNorth(number(numbers[0]), number(numbers[1]));
    }

    private static double number(String text) {
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) throw new NumberFormatException();
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a coordinate");
        }
    }

    private static Element required(Element parent, String localName) {
        return SafeXml.child(parent, localName).orElseThrow(() -> new IllegalArgumentException(parent.getLocalName() + " needs " + localName));
    }

    private static AxisOrder orderOf(Element element, AxisOrder fallback) {
        String srsName = element.getAttribute("srsName");
        if (srsName.isEmpty()) return fallback;
        Crs crs = CoordinateReferenceSystems.lookup(srsName)
                .orElseThrow(() -> new IllegalArgumentException("unsupported srsName " + srsName));
        return AxisOrder.of(crs, srsName);
    }
}
