package org.groundwatergateway.catalog;

import java.util.function.BiFunction;
import org.groundwatergateway.policies.published.Door;

/**
 * How the catalog describes each door: the data service behind it (its endpoint, the description a client reads first
 * and the standard it conforms to) and the distribution a dataset has through it (where to reach the dataset, in which
 * media type, to which format standard). Paths are relative to the gateway's root; a dataset's path is built from its id
 * or, for a group member, the member's SensorThings id.
 *
 * @param label      the door's name in a distribution's title, the same in both languages ({@code WFS}, {@code GeoJSON})
 * @param serviceId  the data service's local name ({@code services/wfs}); doors sharing a service name it the same
 * @param standard   the standard the service conforms to
 * @param format     the standard the distribution's content conforms to; null when the media type says it all
 * @param accessPath the distribution's access URL path, from (dataset id, member id or null)
 */
record DoorService(Door door, String label, String serviceId, String titleZh, String titleEn, String endpointPath, String descriptionPath,
                   String standard, String mediaType, String format, BiFunction<String, Long, String> accessPath) {

    private static final String WFS_STANDARD = "http://www.opengis.net/def/docs/09-025r2";
    private static final String OGC_API_STANDARD = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core";
    private static final String WFS_CAPABILITIES = "/ows?service=WFS&version=2.0.0&request=GetCapabilities";
    private static final String OGC_API_ITEMS = "/ogcapi/collections/%s/items";

    static DoorService of(Door door) {
        return switch (door) {
            case WFS -> new DoorService(door, "WFS", "wfs", "WFS 2.0 网络要素服务", "Web Feature Service (WFS 2.0)", "/ows", WFS_CAPABILITIES,
                    WFS_STANDARD, "application/gml+xml", null,
                    (id, member) -> "/ows?service=WFS&version=2.0.0&request=GetFeature&typeNames=gw:" + id);
            case WMS -> new DoorService(door, "WMS", "wms", "WMS 1.3.0 网络地图服务", "Web Map Service (WMS 1.3.0)", "/ows",
                    "/ows?service=WMS&version=1.3.0&request=GetCapabilities", "http://www.opengis.net/def/docs/06-042", "image/png", null,
                    (id, member) -> "/ows?service=WMS&version=1.3.0&request=GetCapabilities");
            case OGC_API -> new DoorService(door, "OGC API – Features", "ogcapi", "OGC API – Features 要素接口", "OGC API – Features", "/ogcapi/", "/v3/api-docs",
                    OGC_API_STANDARD, "application/json", null, (id, member) -> "/ogcapi/collections/" + id);
            // GeoJSON and CSV are formats of the feature services, not services of their own: their distributions point there.
            case GEOJSON -> new DoorService(door, "GeoJSON", "ogcapi", "OGC API – Features 要素接口", "OGC API – Features", "/ogcapi/", "/v3/api-docs",
                    OGC_API_STANDARD, "application/geo+json", "https://www.rfc-editor.org/rfc/rfc7946",
                    (id, member) -> OGC_API_ITEMS.formatted(id) + "?f=json");
            case CSV -> new DoorService(door, "CSV", "wfs", "WFS 2.0 网络要素服务", "Web Feature Service (WFS 2.0)", "/ows", WFS_CAPABILITIES,
                    WFS_STANDARD, "text/csv", "https://www.rfc-editor.org/rfc/rfc4180",
                    (id, member) -> "/ows?service=WFS&version=2.0.0&request=GetFeature&typeNames=gw:" + id + "&outputFormat=text/csv");
            case SENSORTHINGS -> new DoorService(door, "SensorThings API", "sta", "SensorThings API 1.1 传感器观测接口", "SensorThings API 1.1", "/sta/v1.1",
                    "/sta/v1.1", "http://www.opengis.net/spec/iot_sensing/1.1/req/datamodel", "application/json", null,
                    (id, member) -> switch (id) {
                        case "datastreams_by_well" -> member == null ? "/sta/v1.1/Things" : "/sta/v1.1/Things(" + member + ")/Datastreams";
                        case "datastreams_by_parameter" -> member == null ? "/sta/v1.1/ObservedProperties"
                                : "/sta/v1.1/ObservedProperties(" + member + ")/Datastreams";
                        default -> "/sta/v1.1/Datastreams";
                    });
            case REPORT -> new DoorService(door, "PDF", "reports", "报告接口(REST)", "Reports (REST API)", "/api/v1/reports", "/v3/api-docs",
                    "https://spec.openapis.org/oas/v3.1.0", "application/pdf", null,
                    (id, member) -> switch (id) {
                        case "risk_reports" -> "/api/v1/reports/risk";
                        case "operations_reports" -> "/api/v1/reports/operations/archive";
                        default -> "/api/v1/reports";
                    });
        };
    }
}
