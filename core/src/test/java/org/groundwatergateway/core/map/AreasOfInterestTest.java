package org.groundwatergateway.core.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.core.problem.InvalidInput;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygon;

/** What an area of interest may be: each refusal names the field, and the position, at fault. */
class AreasOfInterestTest {

    private static Map<String, Object> polygon(List<?>... rings) {
        return Map.of("type", "Polygon", "coordinates", List.of(rings));
    }

    private static List<List<Double>> ring(double... lonLat) {
        List<List<Double>> ring = new ArrayList<>();
        for (int i = 0; i < lonLat.length; i += 2) ring.add(List.of(lonLat[i], lonLat[i + 1]));
        return ring;
    }

    private static void refused(Object geometry, String key, String field) {
        assertThatThrownBy(() -> AreasOfInterest.polygon(geometry)).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.key()).isEqualTo(key);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    @Test
    void aSquareOfAboutFourHundredMetresIsReadAsDrawn() {
        Polygon area = AreasOfInterest.polygon(polygon(ring(121.0, 32.55, 121.0043, 32.55, 121.0043, 32.5536, 121.0, 32.5536, 121.0, 32.55)));
        assertThat(area.getExteriorRing().getNumPoints()).isEqualTo(5);
        // 0.0043° of longitude at 32.55° N is 403.6 m, 0.0036° of latitude 400.8 m (111.32 km per degree): 0.1618 km².
        double km2 = area.getArea() * 111.32 * 111.32 * Math.cos(Math.toRadians(32.5518));
        assertThat(km2).isCloseTo(0.1618, within(0.0005));
    }

    @Test
    void eachMistakeIsNamedWithItsField() {
        refused("POLYGON((0 0, 1 0, 1 1, 0 0))", "core.area.geometry", "geometry");
        refused(Map.of("type", "LineString", "coordinates", List.of()), "core.area.type", "geometry.type");
        refused(Map.of("type", "Polygon"), "core.area.coordinates", "geometry.coordinates");
        refused(polygon(ring(121.0, 32.55, 121.001, 32.55, 121.0, 32.55)), "core.area.ring", "geometry.coordinates[0]");
        refused(polygon(ring(121.0, 32.55, 121.001, 32.55, 121.001, 32.551, 121.0, 32.551)), "core.area.ring", "geometry.coordinates[0]");
        refused(polygon(List.of(List.of(121.0, 32.55), List.of("121.001", 32.55), List.of(121.001, 32.551), List.of(121.0, 32.55))),
                "core.area.position", "geometry.coordinates[0][1]");
        refused(polygon(ring(121.0, 32.55, 121.001, 32.55, 121.001, 92.0, 121.0, 32.55)), "core.area.range", "geometry.coordinates[0][2]");
        // A bow tie: the outline crosses itself.
        refused(polygon(ring(121.0, 32.55, 121.001, 32.551, 121.001, 32.55, 121.0, 32.551, 121.0, 32.55)), "core.area.invalid",
                "geometry.coordinates");
        // A vertex dragged half across China.
        refused(polygon(ring(121.0, 32.55, 122.0, 32.55, 101.0, 22.0, 121.0, 32.55)), "core.area.tooLarge", "geometry.coordinates");
        double[] many = new double[2 * 1002];
        for (int i = 0; i < 1001; i++) {
            double angle = 2 * Math.PI * i / 1001;
            many[2 * i] = 121.0 + 0.001 * Math.cos(angle);
            many[2 * i + 1] = 32.55 + 0.001 * Math.sin(angle);
        }
        many[2002] = many[0];
        many[2003] = many[1];
        refused(polygon(ring(many)), "core.area.positions", "geometry.coordinates");
    }
}
