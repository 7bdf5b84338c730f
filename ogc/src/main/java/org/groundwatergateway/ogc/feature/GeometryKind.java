package org.groundwatergateway.ogc.feature;

/** The geometry a feature type carries, with its GML 3.2 property type and GeoJSON name. */
public enum GeometryKind {
    POINT("gml:PointPropertyType", "Point"),
    LINE("gml:CurvePropertyType", "LineString"),
    POLYGON("gml:SurfacePropertyType", "Polygon"),
    MULTI_POLYGON("gml:MultiSurfacePropertyType", "MultiPolygon"),
    ANY("gml:GeometryPropertyType", "Geometry");

    private final String gmlType;
    private final String geoJsonType;

    GeometryKind(String gmlType, String geoJsonType) {
        this.gmlType = gmlType;
        this.geoJsonType = geoJsonType;
    }

    public String gmlType() {
        return gmlType;
    }

    public String geoJsonType() {
        return geoJsonType;
    }
}
