package org.groundwatergateway.analytics.transport;

import static org.apache.commons.math3.special.Erf.erf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WexlerStripSourceTest {

    /**
     * Wexler (1992), STRIPI test problem: C₀ = 40 mg/L, vx = 1.42 ft/d, Dx = 100 ft²/d, Dy = 20 ft²/d, source from
     * y = 635 to 865 ft, t = 1,826 d; at x = 2,500 ft, y = 750 ft (the source's centre line) the program reports
     * 8.85856 mg/L (the value the adepy package, Neyens, carries in its tests of its STRIPI port). Tolerance: half the
     * last reported digit.
     */
    @Test
    void reproducesWexlersStripiTestProblem() {
        WexlerStripSource stripi = new WexlerStripSource(40, 865 - 635, 1.42, 1, 0, 100 / 1.42, 20 / 1.42);
        assertThat(stripi.concentration(2500, 750 - 750, 1826)).isCloseTo(8.85856, within(5e-6));
    }

    /**
     * A strip far wider than the lateral spreading is the one-dimensional column with a constant-concentration inlet,
     * whose exact solution is Ogata &amp; Banks (1961), both terms, with or without retardation; from Péclet numbers
     * x/αL of 0.1 to 2,000. Tolerance 1e-5 of C₀ (the Ogata–Banks class's own asymptotic form for its second term is
     * good to a few 1e-6).
     */
    @Test
    void aVeryWideStripIsOgataBanks() {
        for (double dispersivity : new double[] {0.05, 0.5, 5}) {
            for (double retardation : new double[] {1, 2.5}) {
                WexlerStripSource wide = new WexlerStripSource(1, 1e9, 0.3, retardation, 0, dispersivity, 0.1);
                OgataBanks column = new OgataBanks(1, 0.3, dispersivity * 0.3, retardation);
                for (double t : new double[] {10, 100, 1000}) {
                    for (double x = 0.5; x <= 100; x *= 1.5) {
                        assertThat(wide.concentration(x, 3, t)).as("aL=%s R=%s t=%s x=%s", dispersivity, retardation, t, x)
                                .isCloseTo(column.concentration(x, t), within(1e-5));
                    }
                }
            }
        }
    }

    /**
     * At steady state a very wide strip with decay gives Wexler's (1992) closed form for the semi-infinite column,
     * C = C₀ exp(x (v − √(v² + 4λD)) / (2D)) with v and D divided by R. Tolerance 1e-7 of C₀.
     */
    @Test
    void steadyStateWithDecayIsTheOneDimensionalClosedForm() {
        double v = 0.4 / 2;
        double d = 8 * 0.4 / 2;
        double lambda = 0.003;
        WexlerStripSource wide = new WexlerStripSource(1, 1e9, 0.4, 2, lambda, 8, 0.8);
        for (double x : new double[] {1, 10, 50, 200}) {
            double expected = Math.exp(x * (v - Math.sqrt(v * v + 4 * lambda * d)) / (2 * d));
            assertThat(wide.concentration(x, 0, Double.POSITIVE_INFINITY)).as("x=%s", x).isCloseTo(expected, within(1e-7));
            assertThat(wide.concentration(x, 0, 1e7)).as("x=%s at 1e7 d", x).isCloseTo(expected, within(1e-7));
        }
    }

    /**
     * On the centre line at steady state Domenico's (1987) approximation is exact for a wide source — both give
     * C₀ exp(x/(2αL)(1 − √(1 + 4λαL/v))) — and close for a narrow one, where it takes the lateral spreading at x as if
     * longitudinal dispersion were absent: within 1e-9 of C₀ for a 200 m strip, within 0.5 % of C₀ for a 10 m strip
     * from 10 to 200 m (αL = 1 m, αT = 0.1 m, λ = 0.002/d).
     */
    @Test
    void centreLineMatchesDomenicoAtSteadyState() {
        for (double width : new double[] {200, 10}) {
            WexlerStripSource exact = new WexlerStripSource(1, width, 0.2, 1, 0.002, 1, 0.1);
            DomenicoSource approximate = new DomenicoSource(1, width, 1e6, 0.2, 1, 0.002, 1, 0.1, 0.01);
            double tolerance = width > 100 ? 1e-9 : 0.005;
            for (double x = 10; x <= 200; x += 10) {
                assertThat(exact.concentration(x, 0, Double.POSITIVE_INFINITY)).as("Y=%s x=%s", width, x)
                        .isCloseTo(approximate.concentration(x, 0, 0, 1e9), within(tolerance));
            }
        }
    }

    /** Without longitudinal dispersion the steady plume of a strip is C₀/2 [erf((Y/2 + y)/(2√(αT x))) + erf((Y/2 − y)/(2√(αT x)))]. */
    @Test
    void steadyLateralProfileTendsToTheErrorFunctionWhenLongitudinalDispersionIsSmall() {
        WexlerStripSource sharp = new WexlerStripSource(1, 20, 0.5, 1, 0, 0.01, 0.5);
        for (double y : new double[] {0, 6, 10, 14, 20}) {
            double expected = 0.5 * (erf((10 + y) / (2 * Math.sqrt(0.5 * 50))) + erf((10 - y) / (2 * Math.sqrt(0.5 * 50))));
            // The neglected longitudinal spreading is of relative order αL/x = 2e-4.
            assertThat(sharp.concentration(50, y, Double.POSITIVE_INFINITY)).as("y=%s", y).isCloseTo(expected, within(1e-3));
        }
    }

    @Test
    void retardationSlowsTimeByItsFactorWithoutDecay() {
        WexlerStripSource free = new WexlerStripSource(5, 12, 0.25, 1, 0, 3, 0.3);
        WexlerStripSource retarded = new WexlerStripSource(5, 12, 0.25, 3, 0, 3, 0.3);
        for (double x : new double[] {2, 20, 60}) {
            for (double y : new double[] {0, 8}) {
                assertThat(retarded.concentration(x, y, 900)).isCloseTo(free.concentration(x, y, 300), within(1e-9));
            }
        }
    }

    @Test
    void sourceLineSymmetryAndStart() {
        WexlerStripSource strip = new WexlerStripSource(10, 20, 0.3, 1.2, 0.001, 2, 0.2);
        assertThat(strip.concentration(0, 5, 100)).isEqualTo(10);
        assertThat(strip.concentration(0, 10, 100)).isEqualTo(5);
        assertThat(strip.concentration(0, 15, 100)).isZero();
        assertThat(strip.concentration(30, 0, 0)).isZero();
        assertThat(strip.concentration(-1, 0, 100)).isZero();
        assertThat(strip.concentration(30, 7, 400)).isCloseTo(strip.concentration(30, -7, 400), within(1e-12));
        assertThat(strip.concentration(30, 0, 400)).isGreaterThan(strip.concentration(30, 12, 400));
        assertThat(strip.concentration(0.01, 0, 400)).isCloseTo(10, within(0.01));
    }

    @Test
    void rejectsPhysicallyMeaninglessParameters() {
        assertThatThrownBy(() -> new WexlerStripSource(1, 1, 0, 1, 0, 1, 1)).hasMessageContaining("seepage velocity");
        assertThatThrownBy(() -> new WexlerStripSource(1, 1, 1, 0.5, 0, 1, 1)).hasMessageContaining("retardation");
        assertThatThrownBy(() -> new WexlerStripSource(1, 1, 1, 1, -1, 1, 1)).hasMessageContaining("decay");
        assertThatThrownBy(() -> new WexlerStripSource(1, 0, 1, 1, 0, 1, 1)).hasMessageContaining("width");
    }
}
