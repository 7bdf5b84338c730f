package org.groundwatergateway.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.groundwatergateway.core.geo.Cgcs2000;
import org.groundwatergateway.core.geo.GeoJson;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class GeoJsonTest {

    private final WKTReader wkt = new WKTReader(Cgcs2000.GEOMETRY_FACTORY);

    @Test
    void writesLongitudeFirstForEveryGeometryType() throws ParseException {
        assertThat(GeoJson.geometry(wkt.read("POINT (121.01 32.55)")))
                .isEqualTo(Map.of("type", "Point", "coordinates", List.of(121.01, 32.55)));
        assertThat(GeoJson.geometry(wkt.read("LINESTRING (1 2, 3 4)")).get("coordinates"))
                .isEqualTo(List.of(List.of(1.0, 2.0), List.of(3.0, 4.0)));
        assertThat(GeoJson.geometry(wkt.read("POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 1))")).get("coordinates"))
                .asList().hasSize(2);
        assertThat(GeoJson.geometry(wkt.read("MULTIPOINT ((1 2), (3 4))")).get("coordinates"))
                .isEqualTo(List.of(List.of(1.0, 2.0), List.of(3.0, 4.0)));
        Map<String, Object> collection = GeoJson.geometry(wkt.read("GEOMETRYCOLLECTION (POINT (1 2))"));
        assertThat(collection.get("geometries")).isEqualTo(List.of(Map.of("type", "Point", "coordinates", List.of(1.0, 2.0))));
    }

    @Test
    void wrapsFeaturesInACollection() {
        Map<String, Object> feature = GeoJson.feature("W1", null, Map.of("code", "W1"));
        assertThat(GeoJson.featureCollection(List.of(feature))).containsEntry("type", "FeatureCollection")
                .containsEntry("features", List.of(feature));
    }
}
