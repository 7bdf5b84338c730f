package org.groundwatergateway.core.geo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * GeoJSON (RFC 7946) geometry objects as plain maps and lists, ready for any JSON writer. Positions are
 * longitude, latitude, as RFC 7946 requires whatever the CRS's own axis order.
 */
public final class GeoJson {

    private GeoJson() {}

    public static Map<String, Object> geometry(Geometry g) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", g.getGeometryType());
        if (g instanceof Point p) {
            json.put("coordinates", position(p.getCoordinate()));
        } else if (g instanceof LineString l) {
            json.put("coordinates", positions(l.getCoordinates()));
        } else if (g instanceof Polygon p) {
            json.put("coordinates", rings(p));
        } else {
            // Multi* and GeometryCollection: members in order.
            List<Object> members = new ArrayList<>();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Object member = geometry(g.getGeometryN(i));
                members.add(g.getGeometryType().equals("GeometryCollection") ? member
                        : ((Map<?, ?>) member).get("coordinates"));
            }
            json.put(g.getGeometryType().equals("GeometryCollection") ? "geometries" : "coordinates", members);
        }
        return json;
    }

    public static Map<String, Object> feature(Object id, Geometry geometry, Map<String, Object> properties) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "Feature");
        json.put("id", id);
        json.put("geometry", geometry == null ? null : geometry(geometry));
        json.put("properties", properties);
        return json;
    }

    public static Map<String, Object> featureCollection(List<Map<String, Object>> features) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "FeatureCollection");
        json.put("features", features);
        return json;
    }

    private static List<List<List<Double>>> rings(Polygon p) {
        List<List<List<Double>>> rings = new ArrayList<>();
        rings.add(positions(p.getExteriorRing().getCoordinates()));
        for (int i = 0; i < p.getNumInteriorRing(); i++) rings.add(positions(p.getInteriorRingN(i).getCoordinates()));
        return rings;
    }

    private static List<Double> position(Coordinate c) {
        return List.of(c.x, c.y);
    }

    private static List<List<Double>> positions(Coordinate[] coordinates) {
        List<List<Double>> list = new ArrayList<>(coordinates.length);
        for (Coordinate c : coordinates) list.add(position(c));
        return list;
    }
}
