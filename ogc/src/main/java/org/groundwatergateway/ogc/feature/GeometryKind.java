package org.groundwatergateway.ogc.feature;

import org.groundwatergateway.policies.published.SpatialForm;

/** The geometry a feature type carries, with its GML 3.2 property type. */
public enum GeometryKind {
    POINT("gml:PointPropertyType"),
    POLYGON("gml:SurfacePropertyType"),
    ANY("gml:GeometryPropertyType");

    private final String gmlType;

    GeometryKind(String gmlType) {
        this.gmlType = gmlType;
    }

    /** The kind of a registry dataset's geometry; a dataset without one is no feature type. */
    public static GeometryKind of(SpatialForm form) {
        return switch (form) {
            case POINT -> POINT;
            case POLYGON -> POLYGON;
            case ANY -> ANY;
            case NONE -> throw new IllegalArgumentException("a feature type needs a geometry");
        };
    }

    public String gmlType() {
        return gmlType;
    }
}
