package org.groundwatergateway.analytics.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VariogramTest {

    /** z = x along a line: every pair at separation h differs by h, so Matheron's estimator gives exactly h²/2. */
    @Test
    void matheronsEstimatorOnALinearDriftIsHalfTheSquaredLag() {
        double[] xs = new double[11];
        double[] ys = new double[11];
        for (int k = 0; k <= 10; k++) xs[k] = k;
        EmpiricalVariogram v = EmpiricalVariogram.of(xs, ys, xs.clone(), 1, 6);
        // Class 0 holds separations below 1: there are none.
        assertThat(v.classes()).isEqualTo(5);
        for (int h = 1; h <= 5; h++) {
            assertThat(v.lags()[h - 1]).isEqualTo(h);
            assertThat(v.pairs()[h - 1]).isEqualTo(11 - h);
            assertThat(v.semivariances()[h - 1]).isCloseTo(h * h / 2.0, within(1e-12));
        }
    }

    /** The model formulas at points where they are known in closed form (Isaaks &amp; Srivastava 1989, ch. 16). */
    @Test
    void modelsReachTheirDefiningValues() {
        VariogramModel spherical = new VariogramModel(VariogramModel.Shape.SPHERICAL, 1, 4, 100);
        assertThat(spherical.semivariance(0)).isEqualTo(0);
        assertThat(spherical.covariance(0)).isEqualTo(5);
        assertThat(spherical.semivariance(50)).isCloseTo(1 + 4 * (0.75 - 0.0625), within(1e-12));
        assertThat(spherical.semivariance(100)).isCloseTo(5, within(1e-12));
        assertThat(spherical.semivariance(250)).isEqualTo(5);
        for (VariogramModel.Shape shape : new VariogramModel.Shape[] {VariogramModel.Shape.EXPONENTIAL, VariogramModel.Shape.GAUSSIAN}) {
            VariogramModel m = new VariogramModel(shape, 0, 2, 30);
            // The practical range: 95 % of the sill (1 − e⁻³ = 0.9502).
            assertThat(m.semivariance(30)).isCloseTo(2 * (1 - Math.exp(-3)), within(1e-12));
            assertThat(m.covariance(30) + m.semivariance(30)).isCloseTo(m.sill(), within(1e-12));
        }
        assertThat(new VariogramModel(VariogramModel.Shape.GAUSSIAN, 0, 2, 30).semivariance(15)).isCloseTo(2 * (1 - Math.exp(-0.75)), within(1e-12));
    }

    /**
     * An experimental variogram lying exactly on a model (pair counts falling with the lag as in real data): the
     * fit must return that model, and {@link VariogramFit#best} must pick its shape. Tolerance 0.1 % on each parameter.
     */
    @Test
    void theFitRecoversTheModelThatMadeTheVariogramAndPicksItsShape() {
        VariogramModel[] truths = {new VariogramModel(VariogramModel.Shape.SPHERICAL, 0.3, 2.2, 420),
                new VariogramModel(VariogramModel.Shape.EXPONENTIAL, 0.05, 1.5, 800),
                new VariogramModel(VariogramModel.Shape.GAUSSIAN, 0.4, 3.0, 300)};
        for (VariogramModel truth : truths) {
            EmpiricalVariogram v = onModel(truth, 50, 12);
            VariogramFit.Fitted fitted = VariogramFit.fit(v, truth.shape(), true);
            assertThat(fitted.model().nugget()).as("%s nugget", truth.shape()).isCloseTo(truth.nugget(), within(1e-3 * truth.sill()));
            assertThat(fitted.model().partialSill()).as("%s partial sill", truth.shape()).isCloseTo(truth.partialSill(), within(1e-3 * truth.sill()));
            assertThat(fitted.model().range()).as("%s range", truth.shape()).isCloseTo(truth.range(), within(1e-3 * truth.range()));
            assertThat(fitted.weightedSse()).isLessThan(1e-8);
            assertThat(VariogramFit.best(v).model().shape()).isEqualTo(truth.shape());
        }
    }

    @Test
    void withoutANuggetTheNuggetStaysZeroAndTheCriterionIsCressies() {
        VariogramModel truth = new VariogramModel(VariogramModel.Shape.EXPONENTIAL, 0, 1.2, 600);
        EmpiricalVariogram v = onModel(truth, 40, 10);
        VariogramFit.Fitted fitted = VariogramFit.best(v, false);
        assertThat(fitted.model().nugget()).isEqualTo(0);
        assertThat(fitted.model().range()).isCloseTo(600, within(0.6));
        // Cressie's criterion by hand for a model off by 10 % in the sill: Σ N (γ̂/γ − 1)² = Σ N (1/1.1 − 1)².
        VariogramModel off = new VariogramModel(VariogramModel.Shape.EXPONENTIAL, 0, 1.32, 600);
        double expected = 0;
        for (int n : v.pairs()) expected += n * Math.pow(1 / 1.1 - 1, 2);
        assertThat(VariogramFit.weightedSse(v, off)).isCloseTo(expected, within(1e-9));
    }

    /** A Gaussian keeps a nugget of 1 % of its sill even where the data show none (tolerance 1e-9). */
    @Test
    void aGaussianModelKeepsItsLeastNugget() {
        EmpiricalVariogram v = onModel(new VariogramModel(VariogramModel.Shape.GAUSSIAN, 0, 2, 300), 40, 12);
        for (boolean nugget : new boolean[] {true, false}) {
            VariogramModel fitted = VariogramFit.fit(v, VariogramModel.Shape.GAUSSIAN, nugget).model();
            assertThat(fitted.nugget() / fitted.sill()).as("nugget allowed: %s", nugget).isCloseTo(0.01, within(1e-9));
            assertThat(fitted.sill()).isCloseTo(2, within(0.1));
        }
    }

    private static EmpiricalVariogram onModel(VariogramModel model, double width, int classes) {
        double[] lags = new double[classes];
        double[] gammas = new double[classes];
        int[] pairs = new int[classes];
        for (int k = 0; k < classes; k++) {
            lags[k] = (k + 0.5) * width;
            gammas[k] = model.semivariance(lags[k]);
            pairs[k] = 400 - 25 * k;
        }
        return new EmpiricalVariogram(lags, gammas, pairs);
    }
}
