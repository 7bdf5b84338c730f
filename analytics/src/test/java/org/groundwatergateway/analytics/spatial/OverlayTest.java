package org.groundwatergateway.analytics.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class OverlayTest {

    private final GeometryFactory factory = new GeometryFactory();

    /**
     * A square of side s grown by d: the square, four d-wide strips along its sides and four quarter circles at the
     * corners, drawn as a regular 64-gon of circumradius d: s² + 4sd + 32·d²·sin(π/32). Tolerance 1e-9 relative.
     */
    @Test
    void aBufferedSquareHasTheAreaOfItsStripsAndInscribedCorners() {
        double s = 100;
        double d = 25;
        Geometry buffered = Overlay.buffer(square(0, 0, s, s), d);
        double expected = s * s + 4 * s * d + 32 * d * d * Math.sin(Math.PI / 32);
        assertThat(buffered.getArea()).isCloseTo(expected, within(1e-9 * expected));
        // Shrinking by less than half the side leaves a smaller square.
        assertThat(Overlay.buffer(square(0, 0, s, s), -10).getArea()).isCloseTo(80 * 80, within(1e-9));
    }

    @Test
    void overlapOfTwoSquaresIsTheirCommonRectangle() {
        assertThat(Overlay.overlapArea(square(0, 0, 10, 10), square(4, 6, 20, 20))).isCloseTo(6 * 4, within(1e-12));
        assertThat(Overlay.overlapArea(square(0, 0, 10, 10), square(11, 0, 20, 10))).isEqualTo(0);
    }

    /**
     * A 100 m square plume with a 20 m margin. Zone A (x 90–200, y 0–100) overlaps the grown plume on x 90–120 for its
     * whole height: 3000 m² of its 11000 m². The well at 10 m is reached, the one at 50 m is not; the river segment
     * from y = −30 to y = −10 under the plume is half within the 20 m margin.
     */
    @Test
    void exposuresListWhatTheGrownPlumeReachesWithDistanceAndShare() {
        Map<String, Geometry> targets = new LinkedHashMap<>();
        targets.put("zone A", square(90, 0, 200, 100));
        targets.put("far well", factory.createPoint(new Coordinate(150, 50)));
        targets.put("near well", factory.createPoint(new Coordinate(110, 50)));
        targets.put("river", factory.createLineString(new Coordinate[] {new Coordinate(50, -30), new Coordinate(50, -10)}));
        List<Overlay.Exposure> exposures = Overlay.exposures(square(0, 0, 100, 100), 20, targets);
        assertThat(exposures).extracting(Overlay.Exposure::id).containsExactly("zone A", "near well", "river");
        Overlay.Exposure zone = exposures.get(0);
        assertThat(zone.distance()).isEqualTo(0);
        assertThat(zone.overlapArea()).isCloseTo(3000, within(1e-9));
        assertThat(zone.overlapFraction()).isCloseTo(3000 / 11000.0, within(1e-12));
        assertThat(exposures.get(1).distance()).isCloseTo(10, within(1e-12));
        assertThat(exposures.get(1).overlapFraction()).isEqualTo(1);
        assertThat(exposures.get(2).distance()).isCloseTo(10, within(1e-12));
        assertThat(exposures.get(2).overlapFraction()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void aWeightGridTakesTheHeaviestZoneCoveringEachNode() {
        List<Overlay.Zone> zones = List.of(new Overlay.Zone(square(0, 0, 50, 50), 2), new Overlay.Zone(square(25, 25, 100, 100), 5));
        RegularGrid w = Overlay.weights(zones, 0.5, 0, 0, 10, 10, 11, 11);
        assertThat(w.value(1, 1)).isEqualTo(2);
        assertThat(w.value(4, 4)).isEqualTo(5);
        assertThat(w.value(8, 1)).isEqualTo(0.5);
        assertThat(w.value(5, 0)).as("on the boundary of the first zone").isEqualTo(2);
        assertThat(w.value(10, 10)).isEqualTo(5);
    }

    private Geometry square(double x1, double y1, double x2, double y2) {
        return factory.createPolygon(new Coordinate[] {new Coordinate(x1, y1), new Coordinate(x2, y1), new Coordinate(x2, y2),
                new Coordinate(x1, y2), new Coordinate(x1, y1)});
    }
}
