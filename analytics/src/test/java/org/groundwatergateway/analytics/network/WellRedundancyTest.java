package org.groundwatergateway.analytics.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

class WellRedundancyTest {

    private static final WellRedundancy.Thresholds MAROS = WellRedundancy.Thresholds.maros();

    /**
     * SF by hand: well A at the origin inside the triangle B(10, 0), C(0, 20), D(−10, −10), its Delaunay neighbours.
     * Ĉ = (4/100 + 8/400 + 6/200) / (1/100 + 1/400 + 1/200) = 36/7, SF = (10 − 36/7)/10 = 17/35.
     */
    @Test
    void theSlopeFactorComparesAWellWithTheInverseDistanceEstimateFromItsNeighbours() {
        List<WellRedundancy.SlopeFactor> sf = WellRedundancy.slopeFactors(List.of(new WellRedundancy.Well("A", 0, 0, 10),
                new WellRedundancy.Well("B", 10, 0, 4), new WellRedundancy.Well("C", 0, 20, 8), new WellRedundancy.Well("D", -10, -10, 6)));
        assertThat(sf.get(0).estimate()).isCloseTo(36 / 7.0, within(1e-12));
        assertThat(sf.get(0).slopeFactor()).isCloseTo(17 / 35.0, within(1e-12));
        assertThat(sf.get(0).onHull()).isFalse();
        assertThat(sf.get(1).onHull()).isTrue();
    }

    /**
     * A centre well on the plane through its six neighbours on a regular hexagon: inverse-distance weighting of a
     * plane over a symmetric ring gives the centre's value, SF ≈ 0 (1e-12), and without it the triangulation still
     * integrates the plane exactly (area and concentration ratios 1). It goes; the hexagon stays.
     */
    @Test
    void aWellOnThePlaneThroughItsNeighboursIsRedundant() {
        List<WellRedundancy.Well> wells = hexagonAroundCentre((x, y) -> 20 + 0.05 * x + 0.03 * y);
        WellRedundancy.Assessment a = WellRedundancy.assess(wells, MAROS, Set.of());
        assertThat(a.slopeFactors().get(0).slopeFactor()).isCloseTo(0, within(1e-12));
        assertThat(a.removable()).containsExactly("centre");
        assertThat(a.areaRatio()).isCloseTo(1, within(1e-12));
        assertThat(a.concentrationRatio()).isCloseTo(1, within(1e-12));
    }

    @Test
    void aHotSpotIsNotRedundantAndNeitherIsAProtectedWell() {
        List<WellRedundancy.Well> hot = hexagonAroundCentre((x, y) -> x == 0 && y == 0 ? 200 : 20);
        WellRedundancy.Assessment a = WellRedundancy.assess(hot, MAROS, Set.of());
        assertThat(a.slopeFactors().get(0).slopeFactor()).isCloseTo(0.9, within(1e-12));
        assertThat(a.removable()).isEmpty();
        List<WellRedundancy.Well> flat = hexagonAroundCentre((x, y) -> 20 + 0.05 * x + 0.03 * y);
        assertThat(WellRedundancy.assess(flat, MAROS, Set.of("centre")).removable()).isEmpty();
    }

    /**
     * Equal concentrations everywhere: every SF is 0 (1e-12). Inner wells go one after the other; a hexagon corner would take a
     * sixth of the area (ratio 5/6 &lt; 0.95) and stays, but a well 1 m outside the middle of an edge, on the hull too,
     * takes only a sliver (ratio above 0.99) and goes.
     */
    @Test
    void theAreaRatioGuardsTheHullButLetsASliverGo() {
        List<WellRedundancy.Well> wells = new ArrayList<>(hexagonAroundCentre((x, y) -> 5));
        wells.add(new WellRedundancy.Well("inner", 30, 10, 5));
        double edgeMidX = 100 * (1 + Math.cos(Math.PI / 3)) / 2;
        double edgeMidY = 100 * Math.sin(Math.PI / 3) / 2;
        double outward = 1 / Math.hypot(edgeMidX, edgeMidY);
        wells.add(new WellRedundancy.Well("sliver", edgeMidX * (1 + outward), edgeMidY * (1 + outward), 5));
        WellRedundancy.Assessment a = WellRedundancy.assess(wells, MAROS, Set.of());
        assertThat(a.slopeFactors()).allSatisfy(sf -> assertThat(sf.slopeFactor()).isCloseTo(0, within(1e-12)));
        assertThat(a.slopeFactors().get(wells.size() - 1).onHull()).isTrue();
        assertThat(a.removable()).containsExactlyInAnyOrder("centre", "inner", "sliver");
        assertThat(a.areaRatio()).isGreaterThan(0.99).isLessThan(1);
        assertThat(a.concentrationRatio()).isCloseTo(1, within(1e-12));
    }

    private static List<WellRedundancy.Well> hexagonAroundCentre(DoubleBinaryOperator concentration) {
        List<WellRedundancy.Well> wells = new ArrayList<>();
        wells.add(new WellRedundancy.Well("centre", 0, 0, concentration.applyAsDouble(0, 0)));
        for (int k = 0; k < 6; k++) {
            double x = 100 * Math.cos(k * Math.PI / 3);
            double y = 100 * Math.sin(k * Math.PI / 3);
            wells.add(new WellRedundancy.Well("H" + k, x, y, concentration.applyAsDouble(x, y)));
        }
        return wells;
    }
}
