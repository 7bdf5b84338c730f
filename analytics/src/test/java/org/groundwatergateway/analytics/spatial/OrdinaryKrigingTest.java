package org.groundwatergateway.analytics.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class OrdinaryKrigingTest {

    /**
     * Isaaks &amp; Srivastava (1989), "An Introduction to Applied Geostatistics", ch. 12 "Ordinary Kriging", the worked
     * example: seven V values around the point (65E, 137N) with C(h) = 10·exp(−0.3h), i.e. an exponential model
     * with no nugget, sill 10 and practical range 10. The book prints the weights 0.173, 0.318, 0.129, 0.086, 0.151,
     * 0.057, 0.086, the estimate 592.7 ppm and the ordinary kriging variance 8.96 ppm²; tolerances are half a unit
     * of the last printed digit.
     */
    @Test
    void reproducesTheSevenSampleExampleOfIsaaksAndSrivastava() {
        double[] xs = {61, 63, 64, 68, 71, 73, 75};
        double[] ys = {139, 140, 129, 128, 140, 141, 128};
        double[] v = {477, 696, 227, 646, 606, 791, 783};
        OrdinaryKriging kriging = new OrdinaryKriging(xs, ys, v, new VariogramModel(VariogramModel.Shape.EXPONENTIAL, 0, 10, 10), 7);
        OrdinaryKriging.Estimate e = kriging.at(65, 137);
        double[] book = {0.173, 0.318, 0.129, 0.086, 0.151, 0.057, 0.086};
        for (int k = 0; k < 7; k++) assertThat(e.weights()[k]).as("weight %d", k + 1).isCloseTo(book[k], within(0.0005));
        assertThat(e.value()).isCloseTo(592.7, within(0.05));
        assertThat(e.variance()).isCloseTo(8.96, within(0.005));
    }

    @Test
    void honoursTheDataExactlyAndHasNoVarianceThereWithoutANugget() {
        Random random = new Random(7);
        int n = 60;
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            xs[k] = random.nextDouble() * 1000;
            ys[k] = random.nextDouble() * 1000;
            v[k] = 5 + Math.sin(xs[k] / 150) * Math.cos(ys[k] / 200) + 0.3 * random.nextGaussian();
        }
        for (VariogramModel model : new VariogramModel[] {new VariogramModel(VariogramModel.Shape.SPHERICAL, 0, 0.8, 400),
                new VariogramModel(VariogramModel.Shape.EXPONENTIAL, 0, 0.8, 600)}) {
            OrdinaryKriging kriging = new OrdinaryKriging(xs, ys, v, model, 16);
            for (int k = 0; k < n; k++) {
                OrdinaryKriging.Estimate e = kriging.at(xs[k], ys[k]);
                assertThat(e.value()).as("%s at sample %d", model.shape(), k).isCloseTo(v[k], within(1e-9));
                assertThat(e.variance()).as("%s variance at sample %d", model.shape(), k).isCloseTo(0, within(1e-9));
            }
            // Between the samples the variance is positive.
            assertThat(kriging.at(500.5, 500.5).variance()).isGreaterThan(0.01);
        }
        // With a nugget the estimate still honours the datum (the nugget is a jump just off the sample).
        OrdinaryKriging nugget = new OrdinaryKriging(xs, ys, v, new VariogramModel(VariogramModel.Shape.SPHERICAL, 0.2, 0.6, 400), 16);
        assertThat(nugget.at(xs[3], ys[3]).value()).isCloseTo(v[3], within(1e-9));
    }

    /**
     * Samples further apart than the range and a point out of reach of all of them: the weights are 1/n, the estimate
     * is the sample mean and σ² = C(0)·(1 + 1/n), the variance of estimating an independent value by a mean.
     */
    @Test
    void outOfRangeOfEverySampleTheEstimateIsTheMeanWithItsVariance() {
        double[] xs = {0, 100, 200, 0, 100};
        double[] ys = {0, 0, 0, 100, 100};
        double[] v = {1, 2, 3, 4, 10};
        VariogramModel model = new VariogramModel(VariogramModel.Shape.SPHERICAL, 0.5, 1.5, 50);
        OrdinaryKriging.Estimate e = new OrdinaryKriging(xs, ys, v, model, 5).at(300, 300);
        assertThat(e.value()).isCloseTo(4, within(1e-12));
        assertThat(e.variance()).isCloseTo(2 * (1 + 1 / 5.0), within(1e-12));
        for (double w : e.weights()) assertThat(w).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void aSingularSystemIsReportedAsAModelProblem() {
        double[] xs = new double[20];
        double[] ys = new double[20];
        for (int k = 0; k < 20; k++) xs[k] = k;
        OrdinaryKriging smooth = new OrdinaryKriging(xs, ys, xs.clone(), new VariogramModel(VariogramModel.Shape.GAUSSIAN, 0, 1, 5000), 20);
        assertThatThrownBy(() -> smooth.at(3.5, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nugget");
    }

    @Test
    void aGridMatchesPointByPointEstimates() {
        Random random = new Random(11);
        int n = 80;
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            xs[k] = random.nextDouble() * 500;
            ys[k] = random.nextDouble() * 300;
            v[k] = random.nextGaussian();
        }
        OrdinaryKriging kriging = new OrdinaryKriging(xs, ys, v, new VariogramModel(VariogramModel.Shape.GAUSSIAN, 0.1, 0.9, 150), 12);
        OrdinaryKriging.KrigedGrid grid = kriging.grid(-50, -40, 12.5, 9.5, 50, 40);
        for (int j = 0; j < 40; j += 3) {
            for (int i = 0; i < 50; i += 3) {
                OrdinaryKriging.Estimate e = kriging.at(-50 + i * 12.5, -40 + j * 9.5);
                assertThat(grid.estimate().value(i, j)).isCloseTo(e.value(), within(1e-10));
                assertThat(grid.variance().value(i, j)).isCloseTo(e.variance(), within(1e-10));
                double sum = 0;
                for (double w : e.weights()) sum += w;
                assertThat(sum).isCloseTo(1, within(1e-10));
            }
        }
    }

    @Test
    void theBucketIndexFindsTheSameNeighboursAsABruteForceSearch() {
        Random random = new Random(3);
        int n = 300;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int k = 0; k < n; k++) {
            // Clustered: most points in one corner, a few far out.
            double spread = k % 10 == 0 ? 5000 : 300;
            xs[k] = random.nextDouble() * spread;
            ys[k] = random.nextDouble() * spread * 0.5;
        }
        NearestPoints index = new NearestPoints(xs, ys);
        int k = 16;
        int[] found = new int[k];
        double[] squares = new double[k];
        for (int q = 0; q < 500; q++) {
            double x = -2000 + random.nextDouble() * 9000;
            double y = -2000 + random.nextDouble() * 6000;
            assertThat(index.nearest(x, y, k, found, squares)).isEqualTo(k);
            Integer[] order = new Integer[n];
            for (int p = 0; p < n; p++) order[p] = p;
            java.util.Arrays.sort(order, java.util.Comparator.comparingDouble((Integer p) -> Math.hypot(xs[p] - x, ys[p] - y)).thenComparing(p -> p));
            for (int m = 0; m < k; m++) assertThat(found[m]).as("query %d, neighbour %d", q, m).isEqualTo(order[m]);
        }
    }
}
