package org.groundwatergateway.analytics.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class InverseDistanceWeightingTest {

    private final InverseDistanceWeighting idw = new InverseDistanceWeighting(new double[] {0, 10, 0}, new double[] {0, 0, 10},
            new double[] {1, 3, 5}, 2);

    @Test
    void exactAtTheSamplesAndBoundedByThem() {
        assertThat(idw.at(0, 0)).isEqualTo(1);
        assertThat(idw.at(10, 0)).isEqualTo(3);
        for (double x = -20; x <= 30; x += 2.5) {
            for (double y = -20; y <= 30; y += 2.5) assertThat(idw.at(x, y)).isBetween(1.0, 5.0);
        }
    }

    @Test
    void equidistantSamplesAverageAndTheWeightsFollowTheInverseSquare() {
        // (5, 5) is 50^0.5 from all three samples: the plain mean.
        assertThat(idw.at(5, 5)).isCloseTo(3, within(1e-12));
        // On the x axis at x = 2: distances 2, 8 and sqrt(104); weights 1/4, 1/64, 1/104.
        double expected = (1 / 4.0 * 1 + 1 / 64.0 * 3 + 1 / 104.0 * 5) / (1 / 4.0 + 1 / 64.0 + 1 / 104.0);
        assertThat(idw.at(2, 0)).isCloseTo(expected, within(1e-12));
    }
}
