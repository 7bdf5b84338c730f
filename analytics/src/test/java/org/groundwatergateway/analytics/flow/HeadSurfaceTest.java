package org.groundwatergateway.analytics.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.groundwatergateway.analytics.spatial.RegularGrid;
import org.junit.jupiter.api.Test;

class HeadSurfaceTest {

    /** Heads on a plane: least squares returns the plane exactly (1e-9) and nothing is left to krige. */
    @Test
    void planarHeadsGiveThePlaneAndNoResiduals() {
        Random random = new Random(5);
        int n = 25;
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] heads = new double[n];
        for (int k = 0; k < n; k++) {
            xs[k] = 500_000 + random.nextDouble() * 2000;
            ys[k] = 3_600_000 + random.nextDouble() * 1500;
            heads[k] = 6.5 - 0.0015 * (xs[k] - 500_000) + 0.0008 * (ys[k] - 3_600_000);
        }
        HeadSurface surface = HeadSurface.fit(xs, ys, heads);
        assertThat(surface.trend().slopeX()).isCloseTo(-0.0015, within(1e-12));
        assertThat(surface.trend().slopeY()).isCloseTo(0.0008, within(1e-12));
        assertThat(surface.residualVariogram()).isEmpty();
        RegularGrid grid = surface.grid(500_000, 3_600_000, 100, 100, 21, 16);
        assertThat(grid.value(20, 15)).isCloseTo(6.5 - 0.0015 * 2000 + 0.0008 * 1500, within(1e-9));
    }

    /**
     * A sloping water table with a mound under a leaking pond: the surface honours every well (kriging is exact,
     * 1e-8 m), and far outside the wells its gradient is the plane's (the residual's influence has died away,
     * 1e-6 relative), so the flow direction does not turn at the edge of the map.
     */
    @Test
    void theSurfaceHonoursTheWellsAndKeepsTheRegionalGradientBeyondThem() {
        Random random = new Random(9);
        int n = 40;
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] heads = new double[n];
        for (int k = 0; k < n; k++) {
            xs[k] = random.nextDouble() * 1000;
            ys[k] = random.nextDouble() * 1000;
            double r2 = Math.pow(xs[k] - 400, 2) + Math.pow(ys[k] - 600, 2);
            heads[k] = 12 - 0.002 * xs[k] - 0.001 * ys[k] + 0.8 * Math.exp(-r2 / (2 * 150 * 150));
        }
        HeadSurface surface = HeadSurface.fit(xs, ys, heads);
        assertThat(surface.residualVariogram()).isPresent();
        for (int k = 0; k < n; k++) assertThat(surface.at(xs[k], ys[k])).as("well %d", k).isCloseTo(heads[k], within(1e-8));
        double farX = 1000 + 8 * surface.residualVariogram().get().range();
        double d = 1;
        double gx = (surface.at(farX + d, 500) - surface.at(farX - d, 500)) / (2 * d);
        double gy = (surface.at(farX, 500 + d) - surface.at(farX, 500 - d)) / (2 * d);
        assertThat(gx).isCloseTo(surface.trend().slopeX(), within(1e-6 * Math.abs(surface.trend().slopeX())));
        assertThat(gy).isCloseTo(surface.trend().slopeY(), within(1e-6 * Math.abs(surface.trend().slopeX())));
        // The mound shows: the head at the pond stands above the plane.
        assertThat(surface.at(400, 600) - surface.trend().at(400, 600)).isGreaterThan(0.3);
    }
}
