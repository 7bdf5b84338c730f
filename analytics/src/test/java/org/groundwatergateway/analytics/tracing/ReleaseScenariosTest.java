package org.groundwatergateway.analytics.tracing;

import static org.apache.commons.math3.special.Erf.erfc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.groundwatergateway.analytics.tracing.ReleaseScenarios.Kind;
import org.groundwatergateway.analytics.tracing.ReleaseScenarios.Scenario;
import org.groundwatergateway.analytics.transport.WexlerStripSource;
import org.junit.jupiter.api.Test;

/** The scenario generator's forward model is right, and its scenarios are what issue #21 asks for. */
class ReleaseScenariosTest {

    /**
     * A patch far wider and deeper than the spreading is the 1-D column with a constant-concentration inlet: Ogata &amp;
     * Banks (1961), C/C₀ = ½[erfc((Rx − vt)/(2√(DRt))) + exp(vx/D)·erfc((Rx + vt)/(2√(DRt)))], written out here.
     * Tolerance 1e-4 of C₀.
     */
    @Test
    void aWideDeepPatchIsOgataBanks() {
        double v = 0.3;
        double r = 1.5;
        double dispersivity = 4;
        PatchSourcePlume wide = new PatchSourcePlume(1, 1e7, 1e7, v, r, 0, dispersivity, 0.5, 0.05);
        double d = dispersivity * v;
        for (double t : new double[] {50, 300, 1500}) {
            for (double x : new double[] {1, 10, 40, 100, 250}) {
                double spread = 2 * Math.sqrt(d * r * t);
                double expected = 0.5 * (erfc((r * x - v * t) / spread) + Math.exp(v * x / d) * erfc((r * x + v * t) / spread));
                assertThat(wide.concentration(x, 3, 2, t)).as("t=%s x=%s", t, x).isCloseTo(expected, within(1e-4));
            }
        }
    }

    /**
     * A patch far deeper than the vertical spreading is Wexler's (1992) strip, here {@link WexlerStripSource} (checked
     * against his STRIPI test problem), across and along the plume, with retardation and decay. Tolerance 1e-4 of C₀.
     */
    @Test
    void aDeepPatchIsWexlersStrip() {
        PatchSourcePlume deep = new PatchSourcePlume(1, 20, 1e7, 0.25, 1.2, 0.001, 10, 1.5, 0.1);
        WexlerStripSource strip = new WexlerStripSource(1, 20, 0.25, 1.2, 0.001, 10, 1.5);
        for (double t : new double[] {100, 700}) {
            for (double x : new double[] {5, 50, 150}) {
                for (double y : new double[] {0, 8, 25}) {
                    assertThat(deep.concentration(x, y, 1, t)).as("t=%s x=%s y=%s", t, x, y).isCloseTo(strip.concentration(x, y, t), within(1e-4));
                }
            }
        }
    }

    /** Thin sources dilute downward: the mirrored patch halves at its own depth near the source and thins with depth. */
    @Test
    void aShallowPatchThinsWithDepth() {
        PatchSourcePlume shallow = new PatchSourcePlume(1, 30, 2, 0.3, 1, 0, 10, 1, 0.05);
        assertThat(shallow.concentration(0.5, 0, 0, 1000)).isGreaterThan(0.9);
        assertThat(shallow.concentration(0.5, 0, 2, 1000)).isCloseTo(0.5, within(0.05));
        assertThat(shallow.concentration(200, 0, 0, 3000)).isGreaterThan(shallow.concentration(200, 0, 6, 3000));
    }

    @Test
    void scenariosAreSparseNoisyAndHaveTheAskedKinds() {
        List<Scenario> scenarios = new ReleaseScenarios(21).generate();
        assertThat(scenarios).hasSizeGreaterThanOrEqualTo(30);
        assertThat(scenarios.stream().filter(s -> s.kind() == Kind.SINGLE)).hasSize(12);
        for (Kind kind : List.of(Kind.WEAK, Kind.LATE, Kind.DOUBLE, Kind.BESIDE_KNOWN)) {
            assertThat(scenarios.stream().filter(s -> s.kind() == kind)).as(kind.name()).hasSize(6);
        }
        for (Scenario s : scenarios) {
            for (double[] w : s.wells()) {
                double nearest = Double.POSITIVE_INFINITY;
                for (double[] o : s.wells()) if (o != w) nearest = Math.min(nearest, Math.hypot(o[0] - w[0], o[1] - w[1]));
                assertThat(nearest).as("scenario %d", s.number()).isBetween(100.0, 300.0);
            }
            assertThat(s.observations()).as("detections in %d", s.number()).anyMatch(o -> o.value() >= ReleaseScenarios.DETECTION_LIMIT);
            assertThat(s.observations()).as("non-detects in %d", s.number()).anyMatch(o -> o.value() == 0);
            assertThat(s.releases()).hasSize(s.kind() == Kind.DOUBLE ? 2 : 1);
            assertThat(s.releases()).allSatisfy(r -> assertThat(s.candidates()).anyMatch(c -> c.id().equals(r.candidateId())));
            assertThat(s.known() != null).isEqualTo(s.kind() == Kind.BESIDE_KNOWN);
        }
    }
}
