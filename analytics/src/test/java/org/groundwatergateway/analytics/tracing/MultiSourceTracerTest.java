package org.groundwatergateway.analytics.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.special.Erf;
import org.groundwatergateway.analytics.statistics.DifferentialEvolutionMcmc;
import org.junit.jupiter.api.Test;

/** The tracer's numerical parts: its plume near the source, its fast error function and its convergence diagnostics. */
class MultiSourceTracerTest {

    /**
     * The tracer's plume beside its source: its lateral fall-off C(x, y)/C(x, 0) against the exact steady plume of a
     * continuous point source in uniform flow (Wilson &amp; Miller 1978, J. Hydraul. Div. 104, 503),
     * C ∝ exp(x/2αL) K₀(√(x² + y²αL/αT)/2αL), with K₀ from Abramowitz &amp; Stegun 9.8.5–9.8.6 (relative error below 2e-7).
     */
    @Test
    void aWellBesideASourceIsWithinTheTracersReachAndFarOffItsPlumeIsDomenicos() {
        double aL = 13, aT = 2;
        // 4 m along, 25 m across: the exact plume is 0.033 of its centre line there; Domenico's spread at x gives 4e-9.
        double exact = pointSourceLateral(4, 25, aL, aT);
        assertThat(exact).isCloseTo(0.0327, within(0.0005));
        assertThat(lateral(4, 25, aL, aT) / exact).as("within a factor 3 beside the source").isBetween(1 / 3.0, 3.0);
        // From ten longitudinal dispersivities on, wherever the plume is at least a tenth of its centre line: within 21 %.
        for (double[] dispersivities : new double[][] {{5, 0.5}, {13, 2}, {20, 3}}) {
            for (double x = 10 * dispersivities[0]; x <= 1000; x += 7) {
                for (double y = 0; y <= 200; y += 3) {
                    double truth = pointSourceLateral(x, y, dispersivities[0], dispersivities[1]);
                    if (truth < 0.1) continue;
                    assertThat(lateral(x, y, dispersivities[0], dispersivities[1]) / truth).as("x %s, y %s", x, y).isCloseTo(1, within(0.21));
                }
            }
        }
    }

    /**
     * At the source plane the tracer's plume is the patch itself, as the exact solution of a patch source (Wexler 1992,
     * the release scenarios' truth) has it by its boundary condition: C₀ on the patch, nothing beside it and nothing
     * upstream. Off the patch it fades in continuously from 0 as x grows, where it used to start at its full spread, so
     * that a well beside a source at the edge of the flow does not see it switch on and off as the azimuth turns.
     */
    @Test
    void atTheSourcePlaneThePlumeIsThePatchAndBesideItFadesInWithoutAStep() {
        double aL = 13, aT = 2;
        for (double y : new double[] {0, 0.4}) {
            assertThat(MultiSourceTracer.domenico(1e-6, y, 0, 1e6, 0.2, 1, 0, aL, aT, 0.05, 1, 3)).as("on the patch, %s m across", y)
                    .isCloseTo(1, within(1e-6));
        }
        for (double days : new double[] {30, 300, 1e6}) {
            double previous = 0;
            for (double x : new double[] {1e-6, 1e-3, 0.01, 0.1, 0.5, 1, 2, 4}) {
                double beside = MultiSourceTracer.domenico(x, 25, 0, days, 0.2, 1, 0, aL, aT, 0.05, 1, 3);
                if (x == 1e-6) assertThat(beside).as("beside the patch at the source plane, after %s days", days).isLessThan(1e-12);
                assertThat(beside).as("x %s, after %s days", x, days).isGreaterThanOrEqualTo(previous);
                previous = beside;
            }
            assertThat(previous).as("4 m along, after %s days", days).isGreaterThan(1e-6);
            assertThat(MultiSourceTracer.domenico(-1e-6, 25, 0, days, 0.2, 1, 0, aL, aT, 0.05, 1, 3)).as("upstream").isZero();
        }
    }

    /** The tracer's unit plume of a 1 m wide source at steady state, across over along its centre line. */
    private static double lateral(double x, double y, double aL, double aT) {
        return MultiSourceTracer.domenico(x, y, 0, 1e6, 0.2, 1, 0, aL, aT, 0.05, 1, 3)
                / MultiSourceTracer.domenico(x, 0, 0, 1e6, 0.2, 1, 0, aL, aT, 0.05, 1, 3);
    }

    private static double pointSourceLateral(double x, double y, double aL, double aT) {
        return besselK0(Math.sqrt(x * x + y * y * aL / aT) / (2 * aL)) / besselK0(x / (2 * aL));
    }

    /** K₀ by Abramowitz &amp; Stegun 9.8.5 (with I₀ by 9.8.1) below 2 and 9.8.6 above. */
    private static double besselK0(double x) {
        if (x <= 2) {
            double t = x * x / 14.0625;
            double i0 = 1 + t * (3.5156229 + t * (3.0899424 + t * (1.2067492 + t * (0.2659732 + t * (0.0360768 + t * 0.0045813)))));
            double y = x * x / 4;
            return -Math.log(x / 2) * i0
                    + (-0.57721566 + y * (0.42278420 + y * (0.23069756 + y * (0.03488590 + y * (0.00262698 + y * (0.00010750 + y * 0.0000074))))));
        }
        double y = 2 / x;
        return Math.exp(-x) / Math.sqrt(x) * (1.25331414 + y * (-0.07832358 + y * (0.02189568 + y * (-0.01062446 + y * (0.00587872
                + y * (-0.00251540 + y * 0.00053208))))));
    }

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
