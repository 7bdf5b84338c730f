package org.groundwatergateway.analytics.transport;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 400 × 400 cells of 5 m, the demo park's unconfined flow (0.156 m/d towards azimuth 105°), 10 years with yearly
 * outputs. Run with {@code mvn -pl analytics test -Pbench -Dtest=TransportBench}; figures in docs/benchmarks.md.
 */
@Tag("bench")
class TransportBench {

    @Test
    void tenYearsOnFourHundredSquaredCells() {
        TransportGrid grid = new TransportGrid(-500, -1000, 5, 5, 400, 400);
        double azimuth = Math.toRadians(105);
        FiniteVolumeTransport.Parameters p = new FiniteVolumeTransport.Parameters(1.2, 0.0015, 5, 0.5, 0);
        double[] years = new double[10];
        for (int k = 0; k < 10; k++) years[k] = 365.25 * (k + 1);
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            FiniteVolumeTransport model = FiniteVolumeTransport.uniform(grid, 0.156 * Math.sin(azimuth), 0.156 * Math.cos(azimuth), p,
                    List.of(new FiniteVolumeTransport.Source(0, 0, 20, 12, 0, 3650)));
            List<double[]> fields = model.run(years);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(java.util.Locale.ROOT, "transport 400x400 cells, 10 years: %.2f s (run %d; C at 100 m downgradient after 10 years %.4f)%n",
                    seconds, run + 1, model.at(fields.get(9), 100 * Math.sin(azimuth), 100 * Math.cos(azimuth)));
        }
    }
}
