package org.groundwatergateway.analytics.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 200 wells scattered over 5 km × 5 km onto a 500 × 500 grid (10 m nodes), 16 nearest wells per node, the variogram
 * fitted automatically; the target is under 1 s for the fit and the grid together. Run with
 * {@code mvn -pl analytics test -Pbench -Dtest=KrigingBench}.
 */
@Tag("bench")
class KrigingBench {

    @Test
    void twoHundredWellsOntoFiveHundredSquaredNodes() {
        Random random = new Random(2024);
        int n = 200;
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            xs[k] = random.nextDouble() * 5000;
            ys[k] = random.nextDouble() * 5000;
            v[k] = Math.log(0.01 + 50 * Math.exp(-Math.pow((xs[k] - 2000) / 900, 2) - Math.pow((ys[k] - 2600) / 500, 2))) + 0.2 * random.nextGaussian();
        }
        double best = Double.POSITIVE_INFINITY;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            VariogramFit.Fitted fitted = VariogramFit.best(EmpiricalVariogram.of(xs, ys, v));
            long fittedAt = System.nanoTime();
            OrdinaryKriging.KrigedGrid grid = new OrdinaryKriging(xs, ys, v, fitted.model(), 16).grid(0, 0, 10, 10, 500, 500);
            long end = System.nanoTime();
            double seconds = (end - start) / 1e9;
            best = Math.min(best, seconds);
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (double[] row : grid.estimate().values()) {
                for (double e : row) {
                    low = Math.min(low, e);
                    high = Math.max(high, e);
                }
            }
            System.out.printf(Locale.ROOT, "kriging 200 wells onto 500x500 nodes: %.3f s (fit %.3f s; run %d; %s; estimates %.2f to %.2f)%n",
                    seconds, (fittedAt - start) / 1e9, run + 1, fitted.model(), low, high);
        }
        assertThat(best).isLessThan(1.0);
    }
}
