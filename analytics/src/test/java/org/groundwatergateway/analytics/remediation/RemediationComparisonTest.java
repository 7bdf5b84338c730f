package org.groundwatergateway.analytics.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.analytics.Stage;
import org.groundwatergateway.analytics.remediation.RemediationComparison.Compliance;
import org.groundwatergateway.analytics.remediation.RemediationComparison.Outcome;
import org.groundwatergateway.analytics.transport.DomenicoSource;
import org.groundwatergateway.analytics.transport.PlumePoint;
import org.groundwatergateway.analytics.transport.TransportGrid;
import org.junit.jupiter.api.Test;

class RemediationComparisonTest {

    /**
     * A benzene-like plume, 1,000 days old on day 0: K = 20 m/d, i = 0.003, nₑ = 0.3 (v = 0.2 m/d), B = 10 m, no decay,
     * αL = 5 m, αT = 0.5 m, a 10 m source at 10 mg/L; compliance at 150 m on the axis, target 0.05 mg/L, 3,000 days.
     */
    private static final Site SITE = new Site(new TransportGrid(-20, -60, 4, 4, 65, 30), 20, 0.003, 0.3, 10, 1, 0, 5, 0.5, 10, 10, -1000);
    private static final Compliance COMPLIANCE = new Compliance(List.of(new PlumePoint(150, 0)), 0.05, 3000);
    private static final Remediation NATURAL = new Remediation.MonitoredNaturalAttenuation();
    private static final Remediation PUMPING = new Remediation.PumpAndTreat(100, 0, 240);
    private static final Remediation BARRIER = new Remediation.PermeableReactiveBarrier(120, 0, 80, 4, 20);
    private static final Remediation OXIDATION = new Remediation.ChemicalOxidation(0, 0.9, 20, 0, 0);

    private static List<Outcome> compare(Site site, Compliance compliance, Remediation... alternatives) {
        return RemediationComparison.compare(site, compliance, List.of(alternatives), UnitCosts.DEFAULTS, Progress.NONE);
    }

    /**
     * With a continuous source and no decay only what cuts the plume off reaches the target: the barrier just upgradient
     * of the compliance point soonest, the well (whose capture zone, 200 m wide at the well with its stagnation point
     * 64 m beyond it, holds the compliance point) later; oxidation leaves a tenth of the source, above the target; natural
     * attenuation the most. Ranked in that order.
     */
    @Test
    void rankingOnAConstructedCaseIsSensible() {
        List<Outcome> outcomes = compare(SITE, COMPLIANCE, NATURAL, PUMPING, BARRIER, OXIDATION);
        Outcome natural = outcomes.get(0);
        Outcome pumping = outcomes.get(1);
        Outcome barrier = outcomes.get(2);
        Outcome oxidation = outcomes.get(3);
        assertThat(List.of(barrier.rank(), pumping.rank(), oxidation.rank(), natural.rank())).containsExactly(1, 2, 3, 4);
        assertThat(natural.daysToTarget()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(oxidation.daysToTarget()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(barrier.daysToTarget()).isLessThan(pumping.daysToTarget()).isGreaterThan(0);
        assertThat(pumping.daysToTarget()).isLessThan(3000);
        assertThat(natural.areaAboveTargetAtHorizon()).isGreaterThan(oxidation.areaAboveTargetAtHorizon());
        assertThat(((Remediation.PumpAndTreat) PUMPING).captureZone(SITE).stagnationDistance()).isCloseTo(240 / (2 * Math.PI * 10 * 0.06), within(1e-12));
    }

    /** Progress through each option's run in turn, and a cancel honoured inside a run, not only between options. */
    @Test
    void progressGoesThroughEachOptionAndACancelStopsTheRunItIsIn() {
        List<Double> fractions = new ArrayList<>();
        List<String> stages = new ArrayList<>();
        Progress watched = new Progress() {
            @Override
            public void report(double fraction, Stage stage) {
                fractions.add(fraction);
                stages.add(stage.key() + stage.arguments());
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
        RemediationComparison.compare(SITE, COMPLIANCE, List.of(NATURAL, BARRIER), UnitCosts.DEFAULTS, watched);
        assertThat(fractions).isSorted().first().isEqualTo(0.0);
        assertThat(fractions.get(fractions.size() - 1)).isCloseTo(1.0, within(1e-12));
        assertThat(stages).contains("analytics.stage.remediationOption[1, 2]", "analytics.stage.remediationOption[2, 2]");

        int[] reports = {0};
        Progress cancelledSoon = new Progress() {
            @Override
            public void report(double fraction, Stage stage) {
                reports[0]++;
            }

            @Override
            public boolean cancelled() {
                return reports[0] >= 3; // three sampled days into the first option's run
            }
        };
        assertThatThrownBy(() -> RemediationComparison.compare(SITE, COMPLIANCE, List.of(NATURAL, BARRIER), UnitCosts.DEFAULTS, cancelledSoon))
                .isInstanceOfSatisfying(Progress.Cancelled.class, c -> assertThat(c.stage().arguments()).containsExactly("1", "2"));
        assertThat(reports[0]).isEqualTo(3);
    }

    /** A barrier with a reaction half-life of about 50 minutes: downstream of it the plume is gone (below 1e-5 of what natural attenuation leaves). */
    @Test
    void aVeryReactiveBarrierCutsTheDownstreamConcentrationToNothing() {
        Compliance behind = new Compliance(List.of(new PlumePoint(130, 0), new PlumePoint(150, 0), new PlumePoint(150, 12)), 0.05, 3000);
        List<Outcome> outcomes = compare(SITE, behind, NATURAL, BARRIER);
        for (int p = 0; p < 3; p++) {
            double left = outcomes.get(0).points().get(p).concentrationAtHorizon();
            assertThat(left).isGreaterThan(0.1);
            assertThat(outcomes.get(1).points().get(p).concentrationAtHorizon()).isLessThan(1e-5 * left);
        }
    }

    /**
     * Transport is linear in the source: once the plume that was there on day 0 has gone by, oxidation that cuts the
     * source by 90 % for good leaves 10 % of natural attenuation's concentrations (within 1 %), and with full rebound
     * over a year the same as natural attenuation (within 1 %).
     */
    @Test
    void oxidationScalesTheLongTermPlumeByWhatStaysCutFromTheSource() {
        List<Outcome> outcomes = compare(SITE, COMPLIANCE, NATURAL, OXIDATION, new Remediation.ChemicalOxidation(0, 0.9, 20, 1, 365));
        double natural = outcomes.get(0).maxConcentrationAtHorizon();
        assertThat(outcomes.get(1).maxConcentrationAtHorizon()).isCloseTo(0.1 * natural, within(0.001 * natural));
        assertThat(outcomes.get(2).maxConcentrationAtHorizon()).isCloseTo(natural, within(0.01 * natural));
        // The oxidation also treats the dissolved plume near the source: just after day 0 it is lower there.
        assertThat(outcomes.get(1).points().get(0).peakConcentration()).isLessThanOrEqualTo(outcomes.get(0).points().get(0).peakConcentration());
    }

    /**
     * Natural attenuation with decay (λ = 0.002/d, R = 1) reaches the steady state of Domenico's solution, which for a
     * source as wide as the aquifer is the exact one-dimensional C₀ exp(x (v − √(v² + 4λD)) / (2D)) (Bear 1979): within
     * 2 % of C₀ on the axis from 10 to 200 m after 5,000 days.
     */
    @Test
    void naturalAttenuationWithDecayReachesDomenicosSteadyState() {
        Site decaying = new Site(new TransportGrid(-21, -20, 2, 2, 120, 20), 20, 0.003, 0.3, 10, 1, 0.002, 5, 0.5, 1000, 1, -5000);
        List<PlumePoint> axis = new ArrayList<>();
        for (double x = 10; x <= 200; x += 10) axis.add(new PlumePoint(x, 0));
        Outcome outcome = compare(decaying, new Compliance(axis, 0.01, 10), NATURAL).get(0);
        DomenicoSource steady = new DomenicoSource(1, 1e6, 1e6, 0.2, 1, 0.002, 5, 0.5, 0.05);
        for (RemediationComparison.PointOutcome point : outcome.points()) {
            assertThat(point.concentrationAtHorizon()).as("x=%s", point.point().x())
                    .isCloseTo(steady.concentration(point.point().x(), 0, 0, 1e9), within(0.02));
        }
    }

    /** Costs: the barrier's face (80 m × 10 m) at the unit cost, plus 33 quarterly events at the compliance well over 3,000 days. */
    @Test
    void costsFollowFromTheUnitCosts() {
        Outcome barrier = compare(SITE, COMPLIANCE, BARRIER).get(0);
        CostRange face = UnitCosts.DEFAULTS.barrierPerSquareMetre().times(800);
        CostRange monitoring = UnitCosts.DEFAULTS.monitoringPerWellEvent().times(33);
        assertThat(barrier.cost().low()).isCloseTo(face.low() + monitoring.low(), within(1e-6));
        assertThat(barrier.cost().high()).isCloseTo(face.high() + monitoring.high(), within(1e-6));
        // The documented defaults: $400,000 for 1,000 ft × 11 ft and $500,000 for 150 ft × 23 ft of barrier.
        assertThat(UnitCosts.DEFAULTS.barrierPerSquareMetre().low()).isCloseTo(391.4, within(0.1));
        assertThat(UnitCosts.DEFAULTS.barrierPerSquareMetre().high()).isCloseTo(1560.0, within(0.1));
        assertThat(UnitCosts.DEFAULTS.treatedWaterPerCubicMetre().high()).isCloseTo(1.664, within(0.001));
    }

    @Test
    void timeToTargetIsTheLastCrossingDownward() {
        double[] days = {0, 1, 2, 3, 4};
        assertThat(RemediationComparison.daysToTarget(days, new double[] {5, 3, 1, 0.5, 0.1}, 0.8)).isCloseTo(2.4, within(1e-12));
        assertThat(RemediationComparison.daysToTarget(days, new double[] {0.1, 3, 0.1, 0.1, 0.1}, 0.8)).isCloseTo(1 + 2.2 / 2.9, within(1e-12));
        assertThat(RemediationComparison.daysToTarget(days, new double[] {0.1, 0.2, 0.1, 0.1, 0.1}, 0.8)).isZero();
        assertThat(RemediationComparison.daysToTarget(days, new double[] {5, 3, 1, 0.5, 0.9}, 0.8)).isEqualTo(Double.POSITIVE_INFINITY);
    }
}
