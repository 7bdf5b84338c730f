package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.groundwatergateway.policies.AccessPolicy;
import org.groundwatergateway.policies.Disclosure;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/**
 * One restrictive policy, every door: the public may not see enterprises or sensors at all, sees wells without
 * their screen depths and only those of aquifer Q1. WFS, WMS, OGC API – Features and SensorThings must all agree.
 */
class PolicyEnforcementTest extends RunningGateway {

    @TestBean
    AccessPolicy accessPolicy;

    static AccessPolicy accessPolicy() {
        return (viewer, dataset) -> {
            if (!viewer.isAnonymous()) return Disclosure.full();
            return switch (dataset) {
                case "enterprises", "Sensors" -> Disclosure.none();
                case "wells" -> new Disclosure(true, Set.of("screen_top_depth_m", "screen_bottom_depth_m"), Map.of("aquifer", Set.of("Q1")), 0);
                default -> Disclosure.full();
            };
        };
    }

    @Test
    void wfsHidesTheTypeThePropertiesAndTheRows() {
        Document caps = Xml.parse(http.anonymous().get("/wfs?SERVICE=WFS&REQUEST=GetCapabilities").body());
        assertThat(Xml.texts(caps, Xml.WFS, "Name")).contains("gw:wells").doesNotContain("gw:enterprises");
        assertThat(http.anonymous().get("/wfs?SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=gw:enterprises").body()).contains("Unknown feature type");
        String schema = http.anonymous().get("/wfs?SERVICE=WFS&REQUEST=DescribeFeatureType&TYPENAMES=gw:wells").body();
        assertThat(schema).contains("name=\"code\"").doesNotContain("screen_top_depth_m");
        JsonNode wells = http.anonymous().get("/wfs?SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=gw:wells&OUTPUTFORMAT=json").json();
        assertThat(wells.get("numberMatched").asInt()).isEqualTo(30);
        wells.get("features").forEach(f -> {
            assertThat(f.get("properties").get("aquifer").asString()).isEqualTo("Q1");
            assertThat(f.get("properties").has("screen_top_depth_m")).isFalse();
        });
        // The withheld property cannot be probed through a filter either.
        String probe = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsGreaterThan><fes:ValueReference>screen_top_depth_m"
                + "</fes:ValueReference><fes:Literal>20</fes:Literal></fes:PropertyIsGreaterThan></fes:Filter>";
        Http.Response probed = http.anonymous().get("/wfs?SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=gw:wells&FILTER=" + URLEncoder.encode(probe, StandardCharsets.UTF_8));
        assertThat(probed.status()).isEqualTo(400);
        assertThat(probed.body()).contains("has no property 'screen_top_depth_m'");
    }

    @Test
    void wmsAndOgcApiAgree() {
        Document caps = Xml.parse(http.anonymous().get("/wms?SERVICE=WMS&REQUEST=GetCapabilities").body());
        assertThat(Xml.texts(caps, Xml.WMS, "Name")).contains("wells").doesNotContain("enterprises");
        assertThat(http.anonymous().get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=enterprises&STYLES=&CRS=CRS:84&BBOX=120.99,32.53,121.05,32.57"
                + "&WIDTH=256&HEIGHT=256&FORMAT=image/png").body()).contains("LayerNotDefined");
        String info = http.anonymous().get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=wells&QUERY_LAYERS=wells&STYLES=&CRS=CRS:84"
                + "&BBOX=120.99,32.53,121.05,32.57&WIDTH=256&HEIGHT=256&FORMAT=image/png&I=128&J=128&FEATURE_COUNT=100&INFO_FORMAT=text/plain").body();
        assertThat(info).doesNotContain("screen_top_depth_m");

        List<String> collections = new ArrayList<>();
        http.anonymous().get("/ogcapi/collections").json().get("collections").forEach(c -> collections.add(c.get("id").asString()));
        assertThat(collections).contains("wells").doesNotContain("enterprises");
        assertThat(http.anonymous().get("/ogcapi/collections/enterprises/items").status()).isEqualTo(404);
        JsonNode items = http.anonymous().get("/ogcapi/collections/wells/items?limit=100").json();
        assertThat(items.get("numberMatched").asInt()).isEqualTo(30);
        assertThat(items.get("features").get(0).get("properties").has("screen_bottom_depth_m")).isFalse();
        assertThat(http.anonymous().get("/ogcapi/collections/wells/items?screen_top_depth_m=3").status()).isEqualTo(400);
    }

    @Test
    void sensorThingsAgreesAndAnAdministratorSeesEverything() {
        assertThat(http.anonymous().get("/sta/v1.1/Sensors").status()).isEqualTo(404);
        assertThat(http.anonymous().get("/sta/v1.1/Datastreams?$top=1&$expand=Sensor").body()).doesNotContain("\"Sensor\":");
        JsonNode asAdmin = http.getAs("/ogcapi/collections/enterprises/items", "admin", "demo-admin").json();
        assertThat(asAdmin.get("numberMatched").asInt()).isEqualTo(10);
    }
}
