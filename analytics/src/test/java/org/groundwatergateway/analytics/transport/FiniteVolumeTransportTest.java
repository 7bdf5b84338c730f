package org.groundwatergateway.analytics.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FiniteVolumeTransportTest {

    /**
     * A 1-D column (one row of 1 m cells) fed at x = 0 with C₀ = 1: the numerical solution must match Ogata &amp;
     * Banks (1961) within 2 % of C₀ at every benchmark point, with and without retardation.
     */
    @Test
    void matchesOgataBanksWithinTwoPercentOfTheSourceConcentration() {
        for (double retardation : new double[] {1.0, 2.0}) {
            TransportGrid column = new TransportGrid(-0.5, -0.5, 1, 1, 300, 1);
            FiniteVolumeTransport model = FiniteVolumeTransport.uniform(column, 0.5, 0,
                    new FiniteVolumeTransport.Parameters(retardation, 0, 2.0, 0.2, 0),
                    List.of(new FiniteVolumeTransport.Source(0, 0, 1, 1.0, 0, 1e9)));
            double[] days = {40, 120, 200};
            List<double[]> fields = model.run(days);
            OgataBanks exact = new OgataBanks(1.0, 0.5, 1.0, retardation);
            for (int k = 0; k < days.length; k++) {
                for (double x = 5; x <= 120; x += 5) {
                    assertThat(model.at(fields.get(k), x, 0)).as("R=%s t=%s x=%s", retardation, days[k], x)
                            .isCloseTo(exact.concentration(x, days[k]), within(0.02));
                }
            }
        }
    }

    @Test
    void ogataBanksIsHalfTheSourceAtTheAdvectiveFrontForLargePecletNumbers() {
        OgataBanks sharp = new OgataBanks(10, 1, 0.01, 1);
        assertThat(sharp.concentration(100, 100)).isCloseTo(5, within(0.05));
        assertThat(sharp.concentration(90, 100)).isCloseTo(10, within(1e-6));
        assertThat(sharp.concentration(110, 100)).isCloseTo(0, within(1e-6));
        assertThat(new OgataBanks(1, 0.5, 1, 1).concentration(0, 10)).isEqualTo(1);
    }

    /** Flow along a diagonal must carry a plume the same way as flow along an axis: the dispersion cross terms at work. */
    @Test
    void aPlumeDoesNotDependOnTheDirectionOfFlowOnTheGrid() {
        TransportGrid grid = new TransportGrid(-100, -100, 2, 2, 100, 100);
        FiniteVolumeTransport.Parameters p = new FiniteVolumeTransport.Parameters(1, 0, 5, 1, 0);
        double speed = 0.4;
        FiniteVolumeTransport east = FiniteVolumeTransport.uniform(grid, speed, 0, p, List.of(new FiniteVolumeTransport.Source(-60, 0, 6, 1, 0, 30)));
        double d = Math.sqrt(0.5);
        FiniteVolumeTransport diagonal = FiniteVolumeTransport.uniform(grid, speed * d, speed * d, p,
                List.of(new FiniteVolumeTransport.Source(-60 * d, -60 * d, 6, 1, 0, 30)));
        double[] alongX = east.run(new double[] {200}).get(0);
        double[] alongDiagonal = diagonal.run(new double[] {200}).get(0);
        double peak = 0;
        for (double s = -60; s <= 60; s += 4) {
            for (double n = -20; n <= 20; n += 4) {
                double a = east.at(alongX, s, n);
                double b = diagonal.at(alongDiagonal, (s - n) * d, (s + n) * d);
                peak = Math.max(peak, a);
                assertThat(b).as("s=%s n=%s", s, n).isCloseTo(a, within(0.1 * 0.05 + 0.15 * a));
            }
        }
        assertThat(peak).isGreaterThan(0.01);
    }

    @Test
    void decayRemovesMassAtItsRate() {
        TransportGrid grid = new TransportGrid(0, 0, 1, 1, 50, 1);
        FiniteVolumeTransport model = FiniteVolumeTransport.uniform(grid, 0.0, 0,
                new FiniteVolumeTransport.Parameters(1, 0.01, 0, 0, 0.5),
                List.of(new FiniteVolumeTransport.Source(25, 0.5, 1, 1.0, 0, 1)));
        List<double[]> fields = model.run(new double[] {1, 101});
        double before = java.util.Arrays.stream(fields.get(0)).sum();
        double after = java.util.Arrays.stream(fields.get(1)).sum();
        // Diffusion alone keeps the mass (no flow, no flux across the edges); decay takes exp(-0.01 · 100) of it.
        assertThat(after / before).isCloseTo(Math.exp(-1), within(1e-9));
    }
}
