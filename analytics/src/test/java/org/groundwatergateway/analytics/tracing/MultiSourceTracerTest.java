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
}
