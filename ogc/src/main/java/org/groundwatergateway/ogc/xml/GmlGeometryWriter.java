package org.groundwatergateway.ogc.xml;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes JTS geometries as GML 3.2 (OGC 07-036): Point, LineString, Polygon, MultiPoint, MultiCurve,
 * MultiSurface and MultiGeometry, with {@code pos}/{@code posList} in the axis order the srsName implies.
 * Geometries are already in the output CRS, east/north.
 */
public final class GmlGeometryWriter {

    private final XmlOut xml;
    private final boolean northFirst;
    private final int decimals;

    public GmlGeometryWriter(XmlOut xml, boolean northFirst, boolean geographic) {
        this.xml = xml;
        this.northFirst = northFirst;
        // About a millimetre either way.
        this.decimals = geographic ? 8 : 3;
    }

    /** @param id the geometry's gml:id, which GML 3.2 requires */
    public void write(Geometry g, String id, String srsName) {
        String name = elementName(g);
        xml.start(name).attribute("gml:id", id);
        if (srsName != null) xml.attribute("srsName", srsName).attribute("srsDimension", 2);
        body(g, id);
        xml.end();
    }

    private void body(Geometry g, String id) {
        if (g instanceof Point p) {
            xml.element("gml:pos", positions(p.getCoordinates()));
        } else if (g instanceof Polygon polygon) {
            ring("gml:exterior", polygon.getExteriorRing());
            for (int i = 0; i < polygon.getNumInteriorRing(); i++) ring("gml:interior", polygon.getInteriorRingN(i));
        } else if (g instanceof LineString line) {
            xml.element("gml:posList", positions(line.getCoordinates()));
        } else if (g instanceof GeometryCollection collection) {
            String member = g instanceof MultiPoint ? "gml:pointMember" : g instanceof MultiLineString ? "gml:curveMember"
                    : g instanceof MultiPolygon ? "gml:surfaceMember" : "gml:geometryMember";
            for (int i = 0; i < collection.getNumGeometries(); i++) {
                xml.start(member);
                write(collection.getGeometryN(i), id + "." + i, null);
                xml.end();
            }
        }
    }

    private void ring(String boundary, LineString ring) {
        xml.start(boundary).start("gml:LinearRing").element("gml:posList", positions(ring.getCoordinates())).end().end();
    }

    private static String elementName(Geometry g) {
        if (g instanceof Point) return "gml:Point";
        if (g instanceof Polygon) return "gml:Polygon";
        if (g instanceof LineString) return "gml:LineString";
        if (g instanceof MultiPoint) return "gml:MultiPoint";
        if (g instanceof MultiLineString) return "gml:MultiCurve";
        if (g instanceof MultiPolygon) return "gml:MultiSurface";
        return "gml:MultiGeometry";
    }

    private String positions(Coordinate[] coordinates) {
        StringBuilder text = new StringBuilder(coordinates.length * 24);
        for (Coordinate c : coordinates) {
            if (!text.isEmpty()) text.append(' ');
            text.append(Numbers.format(northFirst ? c.y : c.x, decimals)).append(' ').append(Numbers.format(northFirst ? c.x : c.y, decimals));
        }
        return text.toString();
    }
}
