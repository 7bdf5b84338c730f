package org.groundwatergateway.analytics.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.groundwatergateway.analytics.transport.DomenicoSource;
import org.junit.jupiter.api.Test;

class UniformFlowTest {

    @Test
    void plumeCoordinatesAreTheRotationOfGridOffsets() {
        // Flow to the east: x along is the east offset, y across is the north offset (left of the flow).
        UniformFlow east = new UniformFlow(90, 0.1);
        assertThat(east.along(30, 4)).isCloseTo(30, within(1e-12));
        assertThat(east.across(30, 4)).isCloseTo(4, within(1e-12));
        // Flow to the south: its left is the east.
        UniformFlow south = new UniformFlow(180, 0.1);
        assertThat(south.along(3, -20)).isCloseTo(20, within(1e-12));
        assertThat(south.across(3, -20)).isCloseTo(3, within(1e-12));
        // Azimuth 105: a rotation keeps distances.
        UniformFlow demo = new UniformFlow(105, 0.156);
        double x = demo.along(123, -45);
        double y = demo.across(123, -45);
        assertThat(x * x + y * y).isCloseTo(123 * 123 + 45 * 45, within(1e-9));
    }

    @Test
    void backTrackingRunsStraightUpgradient() {
        UniformFlow flow = new UniformFlow(105, 0.156);
        double[] up = flow.upgradient(660, 1297, 10);
        assertThat(flow.along(660 - up[0], 1297 - up[1])).isCloseTo(10, within(1e-9));
        assertThat(flow.across(660 - up[0], 1297 - up[1])).isCloseTo(0, within(1e-9));
    }

    @Test
    void concentrationIsTheDomenicoSolutionInPlumeCoordinates() {
        DomenicoSource plume = new DomenicoSource(12, 20, 3, 0.156, 1.2, 0.0015, 5, 0.5, 0.05);
        UniformFlow flow = new UniformFlow(105, 0.156);
        double[] well = {650 + 25 * Math.sin(Math.toRadians(105)), 1300 + 25 * Math.cos(Math.toRadians(105))};
        assertThat(flow.concentration(plume, 650, 1300, well[0], well[1], 0.5, 200))
                .isCloseTo(plume.concentration(25, 0, 0.5, 200), within(1e-9));
    }
}
