package org.groundwatergateway.analytics.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.special.Erf;
import org.groundwatergateway.analytics.statistics.DifferentialEvolutionMcmc;
import org.junit.jupiter.api.Test;

/** The tracer's numerical parts: its fast error function and its convergence diagnostics. */
class MultiSourceTracerTest {

    /** Numerical Recipes' erfcc promises a fractional error below 1.2e-7; checked against commons-math over 0–8. */
    @Test
    void fastErfcIsWithinItsStatedError() {
        for (double x = -3; x <= 8; x += 0.01) {
            double exact = Erf.erfc(x);
            assertThat(MultiSourceTracer.erfc(x)).as("erfc(%s)", x).isCloseTo(exact, within(1.2e-7 * exact + 1e-300));
        }
        // In logs far beyond double's range: ln Φ(−40) = −804.6088 (Mills ratio series).
        assertThat(MultiSourceTracer.logPhi(-40)).isCloseTo(-804.6088, within(1e-3));
        assertThat(MultiSourceTracer.logPhi(-1.96)).isCloseTo(Math.log(0.0249979), within(1e-5));
        assertThat(MultiSourceTracer.erfDifference(6, 5.9)).isCloseTo(Erf.erfc(5.9) - Erf.erfc(6), within(1e-22));
    }

    /** Independent draws: split-R̂ near 1 and an effective sample size near the number of draws; stuck chains: R̂ far above 1. */
    @Test
    void splitRhatAndEffectiveSampleSize() {
        Random random = new Random(3);
        // Independent draws are worth about as many: Geyer's initial positive sequence adds the noise of the first
        // autocorrelations until a pair turns negative, so on 4 × 500 draws it gives anywhere from 1,150 to 2,100 by the
        // seed; on 4 × 2,000 it stays within 7,400–8,000 (checked over seeds), hence the longer chains.
        double[][] independent = new double[4][2000];
        for (double[] chain : independent) for (int t = 0; t < chain.length; t++) chain[t] = random.nextGaussian();
        double[] good = DifferentialEvolutionMcmc.splitRhatAndEss(independent);
        assertThat(good[0]).isCloseTo(1, within(0.02));
        assertThat(good[1]).isBetween(0.85 * 8000, 8000.0);
        double[][] apart = new double[4][500];
        for (int c = 0; c < 4; c++) for (int t = 0; t < 500; t++) apart[c][t] = 3 * c + random.nextGaussian();
        assertThat(DifferentialEvolutionMcmc.splitRhatAndEss(apart)[0]).isGreaterThan(2);
        // A slowly mixing AR(1) chain (ρ = 0.9) is worth about (1 − ρ)/(1 + ρ) ≈ 1/19 of its draws.
        double[][] sticky = new double[4][2000];
        for (double[] chain : sticky) for (int t = 1; t < chain.length; t++) chain[t] = 0.9 * chain[t - 1] + Math.sqrt(1 - 0.81) * random.nextGaussian();
        double ess = DifferentialEvolutionMcmc.splitRhatAndEss(sticky)[1];
        assertThat(ess).isBetween(8000 / 19.0 * 0.6, 8000 / 19.0 * 1.6);
    }

    /**
     * The well bias's closed form against the integral itself (Simpson over b in ±12 τ, 4,000 panels), for readings whose
     * misfits rᵢ, plume shares sᵢ and standard deviations σᵢ are drawn at random, tempered by ω.
     */
    @Test
    void wellBiasIsTheIntegralOverTheBias() {
        Random random = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + random.nextInt(12);
            double[] r = new double[n];
            double[] share = new double[n];
            double[] sigma = new double[n];
            double rs = 0;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                r[i] = 2 * random.nextGaussian();
                share[i] = random.nextDouble();
                sigma[i] = 0.1 + 0.5 * random.nextDouble();
                rs += r[i] * share[i] / (sigma[i] * sigma[i]);
                ss += share[i] * share[i] / (sigma[i] * sigma[i]);
            }
            double omega = 0.25 + random.nextDouble();
            double tau = 0.3 + 2 * random.nextDouble();
            // ln of the integrand, less the readings' misfit at b = 0; the range: ±15 sd about the bias's posterior mode.
            java.util.function.DoubleUnaryOperator logIntegrand = b -> {
                double log = -0.5 * b * b / (tau * tau) - Math.log(tau * Math.sqrt(2 * Math.PI));
                for (int i = 0; i < n; i++) {
                    double z0 = r[i] / sigma[i];
                    double z = (r[i] - b * share[i]) / sigma[i];
                    log += -0.5 * omega * (z * z - z0 * z0);
                }
                return log;
            };
            double precision = omega * ss + 1 / (tau * tau);
            double mode = omega * rs / precision;
            double sd = 1 / Math.sqrt(precision);
            int panels = 2000;
            double lo = mode - 15 * sd;
            double h = 30 * sd / panels;
            double[] logs = new double[panels + 1];
            for (int k = 0; k <= panels; k++) logs[k] = logIntegrand.applyAsDouble(lo + k * h);
            double top = java.util.Arrays.stream(logs).max().orElseThrow();
            double sum = 0;
            for (int k = 0; k <= panels; k++) sum += (k == 0 || k == panels ? 1 : k % 2 == 1 ? 4 : 2) * Math.exp(logs[k] - top);
            double integral = top + Math.log(sum * h / 3);
            assertThat(MultiSourceTracer.wellBias(omega, rs, ss, tau * tau)).as("trial %d", trial).isCloseTo(integral, within(1e-6));
        }
    }
}
