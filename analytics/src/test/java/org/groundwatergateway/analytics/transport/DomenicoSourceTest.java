package org.groundwatergateway.analytics.transport;

import static org.apache.commons.math3.special.Erf.erf;
import static org.apache.commons.math3.special.Erf.erfc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DomenicoSourceTest {

    private static final DomenicoSource PLUME = new DomenicoSource(10.0, 20, 3, 0.3, 1.2, 0, 10, 1, 0.1);

    @Test
    void steadyStateCentrelineMatchesTheClosedForm() {
        // t -> infinity, no decay: C = C0 erf(Y / (4 sqrt(ay x))) erf(Z / (2 sqrt(az x))) on the axis at z = 0.
        for (double x : new double[] {5, 25, 100, 400}) {
            double expected = 10.0 * erf(20 / (4 * Math.sqrt(1 * x))) * erf(3 / (2 * Math.sqrt(0.1 * x)));
            assertThat(PLUME.concentration(x, 0, 0, 1e7)).as("x=%s", x).isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void wideDeepSourceReducesToTheOneDimensionalFront() {
        // With lateral and vertical extents far larger than the spreading, both cross factors are 2 and the
        // solution is the leading term of Ogata-Banks: C0/2 erfc((x - v t / R) / (2 sqrt(ax v t / R))).
        DomenicoSource slab = new DomenicoSource(1.0, 1e6, 1e6, 0.5, 2.0, 0, 5, 0.5, 0.05);
        double v = 0.5 / 2.0;
        for (double t : new double[] {50, 200, 800}) {
            for (double x : new double[] {1, 10, 40, 120}) {
                double expected = 0.5 * erfc((x - v * t) / (2 * Math.sqrt(5 * v * t)));
                assertThat(slab.concentration(x, 0, 0, t)).as("x=%s t=%s", x, t).isCloseTo(expected, within(1e-9));
            }
        }
    }

    @Test
    void firstOrderDecayGivesTheExponentialSteadyProfile() {
        // Steady 1-D with decay: C = C0 exp(x / (2 ax) (1 - sqrt(1 + 4 lambda ax / v))) (v, lambda retarded).
        DomenicoSource slab = new DomenicoSource(1.0, 1e6, 1e6, 0.4, 1.0, 0.002, 8, 0.8, 0.08);
        double expected = Math.exp(60 / 16.0 * (1 - Math.sqrt(1 + 4 * 0.002 * 8 / 0.4)));
        assertThat(slab.concentration(60, 0, 0, 1e6)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void plumeIsSymmetricAndDecreasesAwayFromTheAxisAndTheSource() {
        double t = 365;
        assertThat(PLUME.concentration(30, 7, 0, t)).isCloseTo(PLUME.concentration(30, -7, 0, t), within(1e-12));
        assertThat(PLUME.concentration(30, 0, 0, t)).isGreaterThan(PLUME.concentration(30, 15, 0, t));
        assertThat(PLUME.concentration(20, 0, 0, t)).isGreaterThan(PLUME.concentration(60, 0, 0, t));
        assertThat(PLUME.concentration(30, 0, 0, 0)).isZero();
        assertThat(PLUME.concentration(-5, 0, 0, t)).isZero();
        // Long after the release began the source plane holds the source concentration.
        assertThat(PLUME.concentration(0.01, 0, 0, 1e5)).isCloseTo(10.0, within(0.01));
    }

    @Test
    void massDischargeIsConcentrationTimesDarcyFluxThroughTheSourcePlane() {
        // 10 g/m3 x 0.3 m/d x 0.25 x 20 m x 3 m = 45 g/d
        assertThat(PLUME.massDischargeGramsPerDay(0.25)).isCloseTo(45.0, within(1e-9));
    }

    @Test
    void rejectsPhysicallyMeaninglessParameters() {
        assertThatThrownBy(() -> new DomenicoSource(1, 1, 1, 0, 1, 0, 1, 1, 1)).hasMessageContaining("seepage velocity");
        assertThatThrownBy(() -> new DomenicoSource(1, 1, 1, 1, 0.5, 0, 1, 1, 1)).hasMessageContaining("retardation");
    }
}
