package org.groundwatergateway.core.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import org.groundwatergateway.core.problem.InvalidInput;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class RoadNetworkTest {

    private static List<Coordinate> road(double... xy) {
        Coordinate[] c = new Coordinate[xy.length / 2];
        for (int i = 0; i < c.length; i++) c[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        return List.of(c);
    }

    /** A 100 m square A(0,0) B(100,0) C(100,100) D(0,100), a road B–E(200,0) and a long way round A–(50,−200)–E. */
    private final RoadNetwork square = new RoadNetwork(List.of(road(0, 0, 100, 0), road(100, 0, 100, 100), road(100, 100, 0, 100),
            road(0, 100, 0, 0), road(100, 0, 200, 0), road(0, 0, 50, -200, 200, 0)));

    @Test
    void takesTheShortestWayAsWorkedOutByHand() {
        // From 10 m west of A to a point on B–C 60 m up: 10 off-road + A–B 100 + 60 = 170; via D it would be 10 + 100 + 100 + 40 = 250.
        RoadNetwork.Route route = square.route(new Coordinate(-10, 0), new Coordinate(100, 60));
        assertThat(route.lengthM()).isCloseTo(170, within(1e-9));
        assertThat(route.path()).containsExactly(new Coordinate(-10, 0), new Coordinate(0, 0), new Coordinate(100, 0), new Coordinate(100, 60));
        // From 5 m north of B–E at x = 150 to 5 m east of C–B at y = 95: 5 + 50 + 95 + 5 = 155.
        assertThat(square.route(new Coordinate(150, 5), new Coordinate(105, 95)).lengthM()).isCloseTo(155, within(1e-9));
        // E to A: along B (200) beats the long way round (≈ 206 + 250).
        assertThat(square.route(new Coordinate(200, 0), new Coordinate(0, 0)).lengthM()).isCloseTo(200, within(1e-9));
        // ETA = length / speed: 170 m at 30 km/h is 0.34 min.
        assertThat(route.minutesAt(30)).isCloseTo(0.34, within(1e-12));
    }

    @Test
    void onOneEdgeGoesStraightAlongIt() {
        RoadNetwork.Route route = square.route(new Coordinate(20, -3), new Coordinate(80, 4));
        assertThat(route.lengthM()).isCloseTo(3 + 60 + 4, within(1e-9));
    }

    @Test
    void aPlaceNoRoadConnectsIsAnError() {
        RoadNetwork split = new RoadNetwork(List.of(road(0, 0, 100, 0), road(500, 0, 600, 0)));
        assertThatThrownBy(() -> split.route(new Coordinate(0, 1), new Coordinate(600, 1))).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.getMessage()).isEqualTo("no road connects the depot at (0, 1) with the incident at (600, 1) (local metres); the park's road network has a gap");
            assertThat(e.message(Locale.CHINESE)).isEqualTo("位于 (0, 1) 的储备点与位于 (600, 1) 的事件之间没有道路相连（本地坐标，米）；园区路网存在断口");
        });
        assertThatThrownBy(() -> new RoadNetwork(List.of())).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.message(Locale.CHINESE)).isEqualTo("园区没有可供调度应急资源的道路"));
    }
}
