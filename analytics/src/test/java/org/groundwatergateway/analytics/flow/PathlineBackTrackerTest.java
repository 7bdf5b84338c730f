package org.groundwatergateway.analytics.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.groundwatergateway.analytics.spatial.RegularGrid;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

class PathlineBackTrackerTest {

    private static final double K = 10;
    private static final double POROSITY = 0.25;

    /**
     * A planar water table is uniform flow, whose back-tracked path is the straight flow line up to the source's
     * cross-section and then across (Bear 1972, §4.1): the pathline gives the same three points. Tolerance 1 mm.
     */
    @Test
    void onAPlanarWaterTableThePathIsTheUniformFlowLine() {
        double i = 0.002;
        double azimuth = 105;
        double toward = Math.toRadians(azimuth);
        // The head falls towards the azimuth (clockwise from north): along (sin, cos).
        RegularGrid head = RegularGrid.sample(0, 0, 50, 50, 41, 31, (x, y) -> 30 - i * (x * Math.sin(toward) + y * Math.cos(toward)));
        PathlineBackTracker tracker = new PathlineBackTracker(new FlowField(head, K, POROSITY));
        UniformFlow uniform = new UniformFlow(azimuth, K * i / POROSITY);

        Coordinate[] path = tracker.toSource(1500, 700, 600, 850).getCoordinates();
        Coordinate[] straight = uniform.toSource(1500, 700, 600, 850).getCoordinates();
        assertThat(path[0]).isEqualTo(straight[0]);
        assertThat(path[path.length - 2].x).isCloseTo(straight[1].x, within(1e-3));
        assertThat(path[path.length - 2].y).isCloseTo(straight[1].y, within(1e-3));
        assertThat(path[path.length - 1]).isEqualTo(straight[2]);
        for (int k = 0; k < path.length - 1; k++) {
            assertThat(uniform.across(path[k].x - 1500, path[k].y - 700)).as("off the flow line at %s", path[k]).isCloseTo(0, within(1e-3));
        }
    }

    /**
     * h = 10 − 0.01x + 4·10⁻⁶(x² − y²) (see {@link ParticleTrackerTest}): the pathlines are the hyperbolas
     * (1250 − x)·y = const, along which the water flows east and north. The water at a well at (900, 700) came from
     * (1250 − x)·y = 245,000; a source on that hyperbola at x = 500 is reached to within 0.1 m, every vertex on the way lies
     * on it to 0.1 m (in y), and the path ends at the source. A straight line in the flow's direction at the well would
     * miss the source by 191 m.
     */
    @Test
    void onACurvedWaterTableThePathFollowsTheAnalyticalPathlineToTheSource() {
        RegularGrid head = RegularGrid.sample(0, 0, 10, 10, 121, 121, FlowFieldTest::quadratic);
        FlowField field = new FlowField(head, K, POROSITY);
        PathlineBackTracker tracker = new PathlineBackTracker(field);
        double constant = (1250 - 900) * 700;
        double sourceX = 500;
        double sourceY = constant / (1250 - sourceX);

        LineString line = tracker.toSource(900, 700, sourceX, sourceY);
        Coordinate[] path = line.getCoordinates();
        assertThat(path[0]).isEqualTo(new Coordinate(900, 700));
        assertThat(path[path.length - 1]).isEqualTo(new Coordinate(sourceX, sourceY));
        for (Coordinate c : path) {
            assertThat((1250 - c.x) * c.y).as("on the pathline at %s", c).isCloseTo(constant, within(0.1 * (1250 - c.x)));
        }
        Coordinate passing = path[path.length - 2];
        assertThat(passing.distance(path[path.length - 1])).isLessThan(0.1);
        // Bent: the path turns from the well's direction by more than 20°.
        double first = Math.atan2(path[1].y - path[0].y, path[1].x - path[0].x);
        double last = Math.atan2(passing.y - path[path.length - 3].y, passing.x - path[path.length - 3].x);
        assertThat(Math.toDegrees(Math.abs(first - last))).isGreaterThan(20);

        FlowField.FlowVector atWell = field.velocityAt(900, 700);
        UniformFlow straightOn = new UniformFlow(atWell.azimuthDegrees(), atWell.speed());
        Coordinate[] straight = straightOn.toSource(900, 700, sourceX, sourceY).getCoordinates();
        assertThat(straight[1].distance(straight[2])).isCloseTo(191, within(1.0));
    }

    /** A source off the path: the path ends at the point nearest it, then crosses to it; the crossing is the miss. */
    @Test
    void aSourceOffThePathIsReachedAcrossFromItsNearestPoint() {
        RegularGrid head = RegularGrid.sample(0, 0, 10, 10, 121, 121, FlowFieldTest::quadratic);
        PathlineBackTracker tracker = new PathlineBackTracker(new FlowField(head, K, POROSITY));
        double sourceX = 500;
        double sourceY = 245_000 / (1250 - sourceX) + 40;
        Coordinate[] path = tracker.toSource(900, 700, sourceX, sourceY).getCoordinates();
        Coordinate passing = path[path.length - 2];
        // 40 m above the hyperbola where its slope is 0.4356: 40·cos(atan 0.4356) = 36.7 m from it.
        assertThat(passing.distance(path[path.length - 1])).isCloseTo(36.7, within(0.3));
        assertThat((1250 - passing.x) * passing.y).isCloseTo(245_000, within(0.1 * (1250 - passing.x)));
    }

    /**
     * A source downstream of the well, or at it, is nearest the water's path at the well: the path crosses straight to
     * it, on the head surface and in uniform flow alike; water standing still at the well has no path either.
     */
    @Test
    void aSourceTheWaterDidNotComeFromIsReachedStraightFromTheWell() {
        RegularGrid planar = RegularGrid.sample(0, 0, 10, 10, 101, 101, (x, y) -> 10 - 0.002 * x);
        PathlineBackTracker tracker = new PathlineBackTracker(new FlowField(planar, K, POROSITY));
        UniformFlow east = new UniformFlow(90, K * 0.002 / POROSITY);
        for (BackTracker paths : List.of(tracker, east)) {
            assertThat(paths.toSource(500, 500, 700, 520).getCoordinates()).as("downstream")
                    .containsExactly(new Coordinate(500, 500), new Coordinate(700, 520));
        }
        assertThat(tracker.toSource(500, 500, 500, 500).getCoordinates()).containsExactly(new Coordinate(500, 500), new Coordinate(500, 500));
        RegularGrid flat = RegularGrid.sample(0, 0, 10, 10, 11, 11, (x, y) -> 3);
        assertThat(new PathlineBackTracker(new FlowField(flat, K, POROSITY)).toSource(50, 50, 20, 20).getCoordinates())
                .containsExactly(new Coordinate(50, 50), new Coordinate(20, 20));
    }

    /** A well outside the head surface has no pathline: a straight line to the source. */
    @Test
    void aWellOutsideTheSurfaceIsDrawnStraightToTheSource() {
        RegularGrid head = RegularGrid.sample(0, 0, 10, 10, 11, 11, (x, y) -> 10 - 0.01 * x);
        Coordinate[] path = new PathlineBackTracker(new FlowField(head, K, POROSITY)).toSource(500, 500, 50, 50).getCoordinates();
        assertThat(path).containsExactly(new Coordinate(500, 500), new Coordinate(50, 50));
    }
}
