package org.groundwatergateway.analytics.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.groundwatergateway.analytics.spatial.RegularGrid;
import org.groundwatergateway.analytics.spatial.VariogramModel;
import org.junit.jupiter.api.Test;

class NetworkInfillTest {

    private final NetworkInfill infill = new NetworkInfill(new VariogramModel(VariogramModel.Shape.EXPONENTIAL, 0, 1, 60), 16);

    /**
     * One well in a corner and uniform risk: with one datum σ² = 2(C(0) − C(h)), rising with the distance h, so the
     * new well goes to the farthest node, the opposite corner.
     */
    @Test
    void withOneWellTheNewWellGoesToTheFarthestCorner() {
        RegularGrid risk = RegularGrid.sample(0, 0, 5, 5, 21, 21, (x, y) -> 1);
        NetworkInfill.Plan plan = infill.plan(new double[] {0}, new double[] {0}, risk, 1, 0.5);
        assertThat(plan.wells()).hasSize(1);
        assertThat(plan.wells().get(0).x()).isEqualTo(100);
        assertThat(plan.wells().get(0).y()).isEqualTo(100);
        double h = Math.hypot(100, 100);
        assertThat(plan.wells().get(0).variance()).isCloseTo(2 * (1 - Math.exp(-3 * h / 60)), within(1e-12));
    }

    /**
     * A 20 m lattice of wells over 100 m × 100 m with two missing, at (40, 40) and (60, 80): the gaps are the largest
     * holes in the network. The first new well goes into the gap whose zone carries the higher risk, and swapping the
     * weights swaps the choice; the plan's coverage improves.
     */
    @Test
    void theNewWellGoesIntoTheLargestGapWeightedByRisk() {
        List<double[]> lattice = new ArrayList<>();
        for (int i = 0; i <= 5; i++) {
            for (int j = 0; j <= 5; j++) {
                if ((i == 2 && j == 2) || (i == 3 && j == 4)) continue;
                lattice.add(new double[] {20 * i, 20 * j});
            }
        }
        double[] xs = lattice.stream().mapToDouble(p -> p[0]).toArray();
        double[] ys = lattice.stream().mapToDouble(p -> p[1]).toArray();
        RegularGrid northRisky = RegularGrid.sample(0, 0, 5, 5, 21, 21, (x, y) -> y > 60 ? 3 : 1);
        NetworkInfill.Plan north = infill.plan(xs, ys, northRisky, 2, 0.3);
        assertThat(north.wells().get(0).x()).isEqualTo(60);
        assertThat(north.wells().get(0).y()).isEqualTo(80);
        RegularGrid southRisky = RegularGrid.sample(0, 0, 5, 5, 21, 21, (x, y) -> y > 60 ? 1 : 3);
        NetworkInfill.Plan south = infill.plan(xs, ys, southRisky, 1, 0.3);
        assertThat(south.wells().get(0).x()).isEqualTo(40);
        assertThat(south.wells().get(0).y()).isEqualTo(40);

        assertThat(north.after().meanVariance()).isLessThan(north.before().meanVariance());
        assertThat(north.after().maxVariance()).isLessThan(north.before().maxVariance());
        assertThat(north.after().coveredFraction()).isGreaterThan(north.before().coveredFraction());
        // The second well does not return to the first gap, where the variance is now zero.
        assertThat(north.wells().get(1).x() == 60 && north.wells().get(1).y() == 80).isFalse();
        assertThat(north.wells().get(1).score()).isLessThan(north.wells().get(0).score());
    }

    /** Coverage by hand: a threshold above every variance covers all the weight, one below every positive variance none but the wells' nodes. */
    @Test
    void coverageCountsTheRiskWeightUnderTheThreshold() {
        RegularGrid risk = RegularGrid.sample(0, 0, 10, 10, 3, 3, (x, y) -> x == 0 && y == 0 ? 4 : 1);
        NetworkInfill.Plan all = infill.plan(new double[] {0}, new double[] {0}, risk, 0, 10);
        assertThat(all.before().coveredFraction()).isEqualTo(1);
        NetworkInfill.Plan none = infill.plan(new double[] {0}, new double[] {0}, risk, 0, 1e-9);
        // Only the well's own node, weight 4 of 12, has no variance.
        assertThat(none.before().coveredFraction()).isCloseTo(4 / 12.0, within(1e-12));
        RegularGrid variance = infill.variance(new double[] {0}, new double[] {0}, risk);
        double sum = 0;
        for (int j = 0; j < 3; j++) for (int i = 0; i < 3; i++) sum += variance.value(i, j);
        assertThat(all.before().meanVariance()).isCloseTo(sum / 9, within(1e-12));
        assertThat(all.before().maxVariance()).isCloseTo(2 * (1 - Math.exp(-3 * Math.hypot(20, 20) / 60)), within(1e-12));
    }
}
