package org.groundwatergateway.core.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.groundwatergateway.core.demo.GroundTruth.Fault;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.parameter.ParameterCatalog;
import org.groundwatergateway.core.park.UnifiedSocialCreditCode;
import org.junit.jupiter.api.Test;

/** The demo park is physically consistent and its ground truth is really in the data. */
class DemoParkTest {

    private final DemoSignals signals = new DemoSignals();
    private final List<DemoPark.WellPlan> wells = DemoPark.wells();
    private static final int YEAR = DemoSignals.HOURS;

    private double[] series(String wellCode, String parameter, boolean second) {
        DemoPark.WellPlan well = wells.stream().filter(w -> w.code().equals(wellCode)).findFirst().orElseThrow();
        return signals.series(new DemoSignals.Stream(wellCode + "/" + parameter + (second ? "/B" : ""), well, parameter, second), YEAR);
    }

    private static double mean(double[] values, int from, int to) {
        return Arrays.stream(values, from, to).filter(v -> !Double.isNaN(v)).average().orElseThrow();
    }

    private static int hourOf(java.time.Instant at) {
        return (int) Duration.between(DemoPark.START, at).toHours();
    }

    @Test
    void fortyWellsInTwoAquifersInsideThePark() {
        assertThat(wells).hasSize(40);
        assertThat(wells.stream().map(DemoPark.WellPlan::code).collect(Collectors.toSet())).hasSize(40);
        assertThat(wells.stream().filter(DemoPark.WellPlan::confined)).hasSize(10);
        assertThat(wells).allSatisfy(w -> {
            assertThat(w.east()).isBetween(0.0, 3000.0);
            assertThat(w.north()).isBetween(0.0, 2000.0);
        });
        assertThat(wells.stream().map(DemoPark.WellPlan::role).collect(Collectors.toSet())).containsAll(Set.of(Well.Role.values()));
    }

    @Test
    void enterprisesHaveValidCodesAndCataloguedPollutants() {
        Set<String> catalogue = ParameterCatalog.load().stream().map(Parameter::code).collect(Collectors.toSet());
        assertThat(DemoPark.ENTERPRISES).hasSizeGreaterThanOrEqualTo(8);
        assertThat(DemoPark.ENTERPRISES).allSatisfy(e -> {
            assertThat(UnifiedSocialCreditCode.isValid(e.creditCode())).isTrue();
            assertThat(catalogue).containsAll(e.pollutants());
        });
    }

    @Test
    void groundTruthNamesTheLeaksAndTheirMassDischarge() {
        GroundTruth truth = DemoPark.groundTruth();
        assertThat(truth.flow().seepageVelocity()).isCloseTo(30 * 0.0013 / 0.25, within(1e-12));
        assertThat(truth.releases()).extracting(GroundTruth.Release::parameterCode).containsExactly("benzene", "chromium-vi");
        GroundTruth.Release benzene = truth.releases().get(0);
        // C0 (g/m3) x v x ne x W x Z = 12 x 0.156 x 0.25 x 20 x 3
        assertThat(benzene.massDischargeGramsPerDay()).isCloseTo(12 * 0.156 * 0.25 * 20 * 3, within(1e-9));
        assertThat(benzene.enterpriseCreditCode()).isEqualTo(DemoPark.ENTERPRISES.get(0).creditCode());
        assertThat(benzene.lon()).isBetween(121.0, 121.04);
        assertThat(benzene.lat()).isBetween(32.54, 32.56);
        assertThat(truth.faults().stream().map(Fault::kind).collect(Collectors.toSet())).containsAll(Set.of(Fault.Kind.values()));
    }

    @Test
    void benzenePlumeArrivesInOrderDowngradientAndNeverUpgradient() {
        int release = hourOf(DemoPark.BENZENE_LEAK.start());
        double[] tenMetres = series("GW-U04", "benzene", false);
        double[] fortyFive = series("GW-U06", "benzene", false);
        double[] oneEighty = series("GW-U08", "benzene", false);
        double[] background = series("GW-U01", "benzene", false);
        assertThat(mean(tenMetres, 0, release)).isLessThan(0.5);
        assertThat(mean(tenMetres, YEAR - 168, YEAR)).isGreaterThan(1000);      // µg/L, far above class IV (120)
        assertThat(mean(fortyFive, YEAR - 168, YEAR)).isBetween(50.0, mean(tenMetres, YEAR - 168, YEAR));
        assertThat(mean(oneEighty, 0, YEAR)).isLessThan(0.5);
        assertThat(mean(background, 0, YEAR)).isLessThan(0.5);
        // Arrival at 45 m (first day above 10 µg/L) comes after arrival at 10 m.
        assertThat(firstAbove(fortyFive, 10)).isGreaterThan(firstAbove(tenMetres, 10));
    }

    @Test
    void chromiumPlumeRaisesConductivityAndLowersPh() {
        int release = hourOf(DemoPark.CHROMIUM_LEAK.start());
        double[] chromium = series("GW-U09", "chromium-vi", false);
        assertThat(mean(chromium, 0, release)).isLessThan(0.005);
        assertThat(mean(chromium, YEAR - 168, YEAR)).isGreaterThan(0.10);       // mg/L, class V
        double[] conductivity = series("GW-U09", "conductivity", false);
        assertThat(mean(conductivity, YEAR - 168, YEAR) - mean(conductivity, 0, 168)).isGreaterThan(500);
        double[] ph = series("GW-U09", "ph", false);
        assertThat(mean(ph, YEAR - 168, YEAR)).isLessThan(mean(ph, 0, 168) - 0.3);
    }

    @Test
    void headsFollowTheRegionalGradientTheSeasonAndTheRain() {
        double[] upgradient = series("GW-U02", "water-level", false);
        double[] downgradient = series("GW-U23", "water-level", false);
        assertThat(mean(upgradient, 0, YEAR) - mean(downgradient, 0, YEAR)).isGreaterThan(2);
        // Late-July high water against early-February low water.
        int july = hourOf(java.time.LocalDateTime.of(2026, 7, 20, 0, 0).toInstant(DemoPark.CHINA));
        int february = hourOf(java.time.LocalDateTime.of(2026, 2, 1, 0, 0).toInstant(DemoPark.CHINA));
        assertThat(mean(upgradient, july, july + 240) - mean(upgradient, february, february + 240)).isGreaterThan(0.5);
        double[] rain = signals.series(new DemoSignals.Stream("WS-01/rainfall", null, "rainfall", false), YEAR);
        assertThat(Arrays.stream(rain).sum()).isBetween(800.0, 1400.0);
    }

    @Test
    void injectedFaultsAreInTheSeries() {
        for (Fault fault : DemoFaults.ALL) {
            String[] parts = fault.datastreamCode().split("/");
            double[] faulty = series(parts[0], parts[1], parts.length == 3);
            int from = hourOf(fault.start());
            int to = hourOf(fault.end());
            switch (fault.kind()) {
                case GAP -> assertThat(Arrays.stream(faulty, from, to)).allMatch(v -> Double.isNaN(v));
                case FLATLINE -> assertThat(new HashSet<>(Arrays.stream(faulty, from - 1, to).boxed().toList())).hasSize(1);
                case OUT_OF_RANGE -> assertThat(Arrays.stream(faulty, from, to)).allMatch(v -> v == DemoFaults.OUT_OF_RANGE_VALUE);
                case SPIKE -> assertThat(faulty[from]).isGreaterThan(2 * Math.max(faulty[from - 1], 1));
                case DRIFT -> {
                    double[] first = series(parts[0], parts[1], false);
                    double before = mean(faulty, from - 240, from) / mean(first, from - 240, from);
                    double after = mean(faulty, from + 25 * 24, from + 30 * 24) / mean(first, from + 25 * 24, from + 30 * 24);
                    assertThat(before).isCloseTo(1.0, within(0.03));
                    assertThat(after).isGreaterThan(1.10);
                }
            }
        }
    }

    @Test
    void generationIsDeterministic() {
        assertThat(series("GW-U05", "benzene", false)).containsExactly(series("GW-U05", "benzene", false));
    }

    private static int firstAbove(double[] values, double threshold) {
        for (int i = 0; i < values.length; i++) if (values[i] > threshold) return i;
        return Integer.MAX_VALUE;
    }
}
