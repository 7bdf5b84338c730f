package org.groundwatergateway.analytics.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.groundwatergateway.analytics.Progress;
import org.junit.jupiter.api.Test;

/**
 * A scenario in any flow direction: the analytical answer is Wexler's solution in the source's own plume coordinates,
 * and the finite-volume answer follows it along the centre line.
 */
class TransportScenarioTest {

    private static final double C0 = 100;
    private static final FiniteVolumeTransport.Parameters SAND = new FiniteVolumeTransport.Parameters(1.5, 0.001, 4, 0.4, 0);
    private static final double AZIMUTH = Math.toRadians(60);

    /** A point {@code along} the flow and {@code across} it (left positive) from the source, in grid metres. */
    private static double[] at(double along, double across) {
        return new double[] {along * Math.sin(AZIMUTH) - across * Math.cos(AZIMUTH), along * Math.cos(AZIMUTH) + across * Math.sin(AZIMUTH)};
    }

    @Test
    void obliqueFlowIsTurnedIntoPlumeCoordinatesAndTheSolverFollowsTheCentreLine() {
        double vx = 0.5 * Math.sin(AZIMUTH);
        double vy = 0.5 * Math.cos(AZIMUTH);
        TransportGrid grid = new TransportGrid(-20, -20, 1, 1, 200, 140);
        var release = new FiniteVolumeTransport.Source(0, 0, 12, C0, 10, Double.POSITIVE_INFINITY);
        TransportScenario scenario = TransportScenario.uniform(grid, vx, vy, SAND, List.of(release));
        double[] days = {100, 200, 300};
        double[][] offsets = {{15, -4}, {40, 3}, {70, 7}, {25, 0}};
        double[][] points = new double[offsets.length][];
        for (int p = 0; p < offsets.length; p++) points[p] = at(offsets[p][0], offsets[p][1]);
        double[][] analytical = scenario.analytical(points, days);
        WexlerStripSource wexler = new WexlerStripSource(C0, 12, 0.5, 1.5, 0.001, 4, 0.4);
        for (int p = 0; p < offsets.length; p++) {
            for (int t = 0; t < days.length; t++) {
                // Exact up to the rounding of the rotation.
                assertThat(analytical[p][t]).isCloseTo(wexler.concentration(offsets[p][0], offsets[p][1], days[t] - 10), within(1e-9));
            }
        }

        double[][] centreLine = {at(15, 0), at(40, 0), at(70, 0)};
        double[][] numerical = scenario.numerical(centreLine, days, Progress.NONE);
        double[][] exact = scenario.analytical(centreLine, days);
        for (int p = 0; p < centreLine.length; p++) {
            for (int t = 0; t < days.length; t++) {
                // 3 % of C0: the solver's strip is a staircase of 1 m cells across oblique flow, and it has no clean line
                // beside the strip as Wexler's boundary does (FiniteVolumeTransportTest holds that line clean and meets 2 %).
                assertThat(numerical[p][t]).as("along %s m, day %s", new double[] {15, 40, 70}[p], days[t])
                        .isCloseTo(exact[p][t], within(0.03 * C0));
            }
        }
        var stopping = new FiniteVolumeTransport.Source(0, 0, 12, C0, 10, 150);
        assertThatThrownBy(() -> TransportScenario.uniform(grid, vx, vy, SAND, List.of(stopping)).analytical(points, days))
                .hasMessageContaining("numerical");
    }

    @Test
    void twoSourcesAddUp() {
        TransportGrid grid = new TransportGrid(-10, -50, 2, 2, 100, 50);
        var a = new FiniteVolumeTransport.Source(0, -20, 10, C0, 0, Double.POSITIVE_INFINITY);
        var b = new FiniteVolumeTransport.Source(0, 20, 10, C0 / 2, 0, Double.POSITIVE_INFINITY);
        double[][] points = {{50, -20}, {50, 20}, {50, 0}};
        double[] days = {200};
        double[][] both = TransportScenario.uniform(grid, 0.4, 0, SAND, List.of(a, b)).analytical(points, days);
        double[][] first = TransportScenario.uniform(grid, 0.4, 0, SAND, List.of(a)).analytical(points, days);
        double[][] second = TransportScenario.uniform(grid, 0.4, 0, SAND, List.of(b)).analytical(points, days);
        for (int p = 0; p < points.length; p++) assertThat(both[p][0]).isEqualTo(first[p][0] + second[p][0]);
        assertThatThrownBy(() -> TransportScenario.uniform(grid, 0, 0, SAND, List.of(a)).analytical(points, days))
                .hasMessageContaining("flowing");
    }
}
