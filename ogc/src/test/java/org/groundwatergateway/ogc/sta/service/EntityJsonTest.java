package org.groundwatergateway.ogc.sta.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.core.geo.GeoJson;
import org.groundwatergateway.ogc.sta.model.EntityType;
import org.groundwatergateway.ogc.sta.persistence.Entity;
import org.groundwatergateway.ogc.sta.persistence.EntityPage;
import org.groundwatergateway.policies.Disclosure;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EntityJsonTest {

    /** The geometry nodes built directly are what Jackson's own conversion of GeoJson's maps gives, for every kind. */
    @Test
    void geometriesAreTheGeoJsonJacksonWouldWrite() throws Exception {
        WKTReader wkt = new WKTReader();
        for (String geometry : List.of("POINT (121.1 30.5)", "LINESTRING (121 30, 121.5 30.5, 122 31)",
                "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 1))", "MULTIPOINT ((1 2), (3 4))",
                "MULTILINESTRING ((0 0, 1 1), (2 2, 3 3))", "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((2 2, 3 2, 3 3, 2 2)))",
                "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1))", "LINESTRING EMPTY", "MULTIPOLYGON EMPTY")) {
            var g = wkt.read(geometry);
            assertThat(EntityJson.geoJson(g, 0)).as(geometry).isEqualTo(EntityJson.JSON.valueToTree(GeoJson.geometry(g)));
        }
    }

    /**
     * A FeatureOfInterest that a page's Observations share is read once and given to each as the same entity: each
     * Observation still carries it whole, and an Observation expanded by it with other options gets its own JSON.
     */
    @Test
    void anEntitySharedByRowsIsWrittenWholeUnderEachOfThem() throws Exception {
        var well = new WKTReader().read("POINT (121.1 30.5)");
        Map<String, Object> foiValues = new HashMap<>(Map.of("name", "W01", "feature", well));
        Entity foi = new Entity(EntityType.FEATURE_OF_INTEREST, 7, foiValues, Map.of());
        Entity first = new Entity(EntityType.OBSERVATION, 1, Map.of("result", 1.5), Map.of("FeatureOfInterest", foi));
        Entity second = new Entity(EntityType.OBSERVATION, 2, Map.of("result", 2.5), Map.of("FeatureOfInterest", foi));
        EntityJson json = new EntityJson("http://x/sta/v1.1", type -> Disclosure.full());

        ObjectNode page = json.page(new EntityPage(List.of(first, second), null, false), List.of(),
                org.groundwatergateway.ogc.sta.query.StaQuery.parse("/Observations", "$expand=FeatureOfInterest", 100).options().expand(), null);

        JsonNode a = page.path("value").get(0).path("FeatureOfInterest");
        JsonNode b = page.path("value").get(1).path("FeatureOfInterest");
        assertThat(a.path("@iot.id").asLong()).isEqualTo(7);
        assertThat(a.path("name").asString()).isEqualTo("W01");
        assertThat(a.path("feature").path("coordinates").get(0).asDouble()).isEqualTo(121.1);
        assertThat(b).isEqualTo(a);
        assertThat(page.path("value").get(1).path("result").asDouble()).isEqualTo(2.5);

        ObjectNode selected = json.page(new EntityPage(List.of(first), null, false), List.of(),
                org.groundwatergateway.ogc.sta.query.StaQuery.parse("/Observations", "$expand=FeatureOfInterest($select=name)", 100).options().expand(), null);
        JsonNode onlyName = selected.path("value").get(0).path("FeatureOfInterest");
        assertThat(onlyName.has("name")).isTrue();
        assertThat(onlyName.has("feature")).as("written again for its own $select, not taken from the first answer").isFalse();
    }
}
