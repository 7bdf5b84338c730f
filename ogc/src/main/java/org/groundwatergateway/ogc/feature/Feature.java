package org.groundwatergateway.ogc.feature;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature as read: its identifier (unique within its type), property values by name in schema order
 * (null where the value is absent), and its geometry in CGCS2000 longitude/latitude.
 */
public record Feature(String id, Map<String, Object> properties, Geometry geometry) {}
