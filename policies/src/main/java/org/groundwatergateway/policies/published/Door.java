package org.groundwatergateway.policies.published;

/** A way a published dataset reaches its users; the catalog lists one distribution per door. */
public enum Door {
    /** OGC Web Feature Service 2.0 at {@code /ows}. */
    WFS,
    /** OGC Web Map Service 1.3.0 at {@code /ows}. */
    WMS,
    /** OGC API – Features at {@code /ogcapi/}. */
    OGC_API,
    /** OGC SensorThings API 1.1 at {@code /sta/v1.1/}. */
    SENSORTHINGS,
    /** CSV, through WFS ({@code outputFormat=text/csv}). */
    CSV,
    /** GeoJSON, through OGC API – Features and WFS. */
    GEOJSON,
    /** A report of the REST API, as PDF or JSON. */
    REPORT
}
