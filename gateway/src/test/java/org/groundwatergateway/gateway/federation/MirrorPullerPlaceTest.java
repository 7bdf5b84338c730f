package org.groundwatergateway.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Where a partner's Location places its datastream here: a GeoJSON point, longitude first; anything else places nothing. */
class MirrorPullerPlaceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void aPointIsTakenLongitudeFirst() {
        var point = MirrorPuller.place(json("{\"type\": \"Point\", \"coordinates\": [121.0312, 32.5411]}"));
        assertThat(point.getX()).isEqualTo(121.0312);
        assertThat(point.getY()).isEqualTo(32.5411);
        assertThat(point.getSRID()).as("CGCS2000").isEqualTo(4490);
    }

    @Test
    void anythingElsePlacesNothing() {
        assertThat(MirrorPuller.place(json("{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}"))).isNull();
        assertThat(MirrorPuller.place(json("{\"type\": \"Point\", \"coordinates\": [32.5, 121.0]}"))).as("latitude first").isNull();
        assertThat(MirrorPuller.place(json("{\"type\": \"Point\", \"coordinates\": [\"121\", \"32\"]}"))).isNull();
        assertThat(MirrorPuller.place(json("{\"type\": \"Point\", \"coordinates\": [121.0]}"))).isNull();
        assertThat(MirrorPuller.place(json("{}").path("location"))).as("no Location").isNull();
    }
}
