package org.groundwatergateway.ogc.feature;

/** The geometry a feature type carries, with its GML 3.2 property type. */
public enum GeometryKind {
    POINT("gml:PointPropertyType"),
    POLYGON("gml:SurfacePropertyType"),
    ANY("gml:GeometryPropertyType");

    private final String gmlType;

    GeometryKind(String gmlType) {
        this.gmlType = gmlType;
    }

    public String gmlType() {
        return gmlType;
    }
}
