package org.groundwatergateway.analytics.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.groundwatergateway.analytics.InvalidArgument;
import org.groundwatergateway.analytics.spatial.OrdinaryKriging;
import org.groundwatergateway.analytics.spatial.RegularGrid;
import org.groundwatergateway.analytics.spatial.VariogramModel;

/**
 * Where to add monitoring wells: greedily, each at the node where the ordinary kriging variance times the risk weight
 * is largest, the variance recomputed with the new well before the next is placed. The kriging variance depends on
 * where the wells are, not on what they measure, so a design can be judged before drilling: the idea of Rouhani's
 * variance reduction analysis for groundwater networks (Rouhani 1985, Water Resour. Res. 21(6)), here with the simple
 * greedy criterion of the largest weighted variance. Weighting by risk puts the wells where uncertainty matters: near
 * sources, receptors, the downgradient edge.
 */
public final class NetworkInfill {

    /**
     * How well a network covers the area with a positive risk weight.
     *
     * @param meanVariance mean kriging variance over the nodes with positive weight
     * @param maxVariance largest kriging variance there
     * @param coveredFraction share of the risk weight on nodes whose variance is at most the threshold
     */
    public record Coverage(double meanVariance, double maxVariance, double coveredFraction) {}

    /** A proposed well, with the variance and the variance × risk score at its place before it was added. */
    public record NewWell(double x, double y, double variance, double score) {}

    public record Plan(List<NewWell> wells, Coverage before, Coverage after) {}

    private static final double NEGLIGIBLE = 1e-12;

    private final VariogramModel model;
    private final int neighbours;

    /** @param neighbours the kriging neighbourhood, as in {@link OrdinaryKriging} */
    public NetworkInfill(VariogramModel model, int neighbours) {
        this.model = model;
        this.neighbours = neighbours;
    }

    /**
     * Up to {@code count} new wells at nodes of the risk grid (fewer if every node already has zero score).
     *
     * @param risk weights ≥ 0 at the candidate nodes; its extent is the area judged
     * @param varianceThreshold the variance at or below which a node counts as covered
     */
    public Plan plan(double[] xs, double[] ys, RegularGrid risk, int count, double varianceThreshold) {
        double totalWeight = 0;
        for (double[] row : risk.values()) {
            for (double w : row) {
                if (!(w >= 0)) throw new InvalidArgument("analytics.network.negativeWeight");
                totalWeight += w;
            }
        }
        if (!(totalWeight > 0)) throw new InvalidArgument("analytics.network.noWeight");
        double[] wx = xs.clone();
        double[] wy = ys.clone();
        RegularGrid variance = variance(wx, wy, risk);
        Coverage before = coverage(variance, risk, varianceThreshold, totalWeight);
        List<NewWell> added = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            int bestI = -1;
            int bestJ = -1;
            double best = 0;
            for (int j = 0; j < risk.ny(); j++) {
                for (int i = 0; i < risk.nx(); i++) {
                    double score = variance.value(i, j) * risk.value(i, j);
                    // Rounding leaves a trace of variance at the wells themselves; a node there is no candidate.
                    if (score > best && variance.value(i, j) > NEGLIGIBLE * model.sill()) {
                        best = score;
                        bestI = i;
                        bestJ = j;
                    }
                }
            }
            if (bestI < 0) break;
            double x = risk.x0() + bestI * risk.dx();
            double y = risk.y0() + bestJ * risk.dy();
            added.add(new NewWell(x, y, variance.value(bestI, bestJ), best));
            wx = append(wx, x);
            wy = append(wy, y);
            variance = variance(wx, wy, risk);
        }
        return new Plan(added, before, coverage(variance, risk, varianceThreshold, totalWeight));
    }

    /** The kriging variance of a network at the nodes of a grid: the values measured play no part in it. */
    public RegularGrid variance(double[] xs, double[] ys, RegularGrid grid) {
        return new OrdinaryKriging(xs, ys, new double[xs.length], model, neighbours)
                .grid(grid.x0(), grid.y0(), grid.dx(), grid.dy(), grid.nx(), grid.ny()).variance();
    }

    private static Coverage coverage(RegularGrid variance, RegularGrid risk, double threshold, double totalWeight) {
        double sum = 0;
        double max = 0;
        int nodes = 0;
        double covered = 0;
        for (int j = 0; j < risk.ny(); j++) {
            for (int i = 0; i < risk.nx(); i++) {
                double w = risk.value(i, j);
                if (w == 0) continue;
                double v = variance.value(i, j);
                sum += v;
                max = Math.max(max, v);
                nodes++;
                if (v <= threshold) covered += w;
            }
        }
        return new Coverage(sum / nodes, max, covered / totalWeight);
    }

    private static double[] append(double[] values, double value) {
        double[] longer = Arrays.copyOf(values, values.length + 1);
        longer[values.length] = value;
        return longer;
    }
}
