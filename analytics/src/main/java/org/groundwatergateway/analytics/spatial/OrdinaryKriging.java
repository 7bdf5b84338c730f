package org.groundwatergateway.analytics.spatial;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.groundwatergateway.analytics.InvalidArgument;

/**
 * Ordinary kriging in a moving neighbourhood (Isaaks &amp; Srivastava 1989, "An Introduction to Applied
 * Geostatistics", ch. 12; Deutsch &amp; Journel 1998, "GSLIB", ch. IV): the estimate at a point is Σ λ_i z_i over its
 * nearest samples, with weights from the system Σ_j λ_j C(x_i − x_j) + μ = C(x_i − x₀), Σ λ_j = 1, and the kriging
 * variance σ² = C(0) − Σ λ_i C(x_i − x₀) − μ.
 *
 * <p>Neighbouring grid nodes mostly share their set of nearest samples, so a grid solves each distinct set's system
 * once (its inverse is kept) and each node costs one matrix–vector product; rows run in parallel. The system is
 * built in units of the sill, which keeps its conditioning independent of the data's units.
 */
public final class OrdinaryKriging {

    /** The estimate and kriging variance at a point, with the weight of every sample (zero outside the neighbourhood). */
    public record Estimate(double value, double variance, double[] weights) {}

    /** Estimate and kriging variance at the nodes of one grid. */
    public record KrigedGrid(RegularGrid estimate, RegularGrid variance) {}

    private final double[] xs;
    private final double[] ys;
    private final double[] values;
    private final VariogramModel model;
    private final int neighbours;
    private final NearestPoints index;

    /** @param neighbours how many of the nearest samples each estimate uses (all of them when there are fewer) */
    public OrdinaryKriging(double[] xs, double[] ys, double[] values, VariogramModel model, int neighbours) {
        if (xs.length != ys.length || xs.length != values.length) throw new IllegalArgumentException("sample arrays differ in length");
        if (xs.length == 0) throw new InvalidArgument("analytics.spatial.noSamples");
        if (neighbours < 1) throw new InvalidArgument("analytics.spatial.neighbours");
        Set<String> places = new HashSet<>();
        for (int k = 0; k < xs.length; k++) {
            if (!Double.isFinite(xs[k]) || !Double.isFinite(ys[k]) || !Double.isFinite(values[k])) {
                throw new InvalidArgument("analytics.spatial.notFinite", k);
            }
            // Two samples at one place make the system singular; the caller decides how to merge them (+ 0.0 folds −0.0 into 0.0).
            if (!places.add((xs[k] + 0.0) + " " + (ys[k] + 0.0))) throw new InvalidArgument("analytics.spatial.samePlace", xs[k], ys[k]);
        }
        this.xs = xs.clone();
        this.ys = ys.clone();
        this.values = values.clone();
        this.model = model;
        this.neighbours = Math.min(neighbours, xs.length);
        this.index = new NearestPoints(this.xs, this.ys);
    }

    public VariogramModel model() {
        return model;
    }

    public Estimate at(double x, double y) {
        Node node = new Node();
        NeighbourSet set = node.neighbourhood(x, y);
        double[] lambda = node.solve(x, y, set, inverse(set));
        double[] weights = new double[xs.length];
        for (int m = 0; m < set.members.length; m++) weights[set.members[m]] = lambda[m];
        return new Estimate(node.estimate, node.variance, weights);
    }

    /** Kriges every node of a grid laid out like {@link RegularGrid#sample}. */
    public KrigedGrid grid(double x0, double y0, double dx, double dy, int nx, int ny) {
        double[][] estimate = new double[ny][nx];
        double[][] variance = new double[ny][nx];
        Map<NeighbourSet, double[]> inverses = new ConcurrentHashMap<>();
        IntStream.range(0, ny).parallel().forEach(j -> {
            Node node = new Node();
            NeighbourSet last = null;
            double[] inverse = null;
            for (int i = 0; i < nx; i++) {
                double x = x0 + i * dx;
                double y = y0 + j * dy;
                NeighbourSet set = node.neighbourhood(x, y);
                if (set != last) {
                    inverse = inverses.computeIfAbsent(set, this::inverse);
                    last = set;
                }
                node.solve(x, y, last, inverse);
                estimate[j][i] = node.estimate;
                variance[j][i] = node.variance;
            }
        });
        return new KrigedGrid(new RegularGrid(x0, y0, dx, dy, estimate), new RegularGrid(x0, y0, dx, dy, variance));
    }

    /** The inverse of a neighbourhood's kriging matrix, row-major, in units of the sill. */
    private double[] inverse(NeighbourSet set) {
        int k = set.members.length;
        double sill = model.sill();
        double[][] a = new double[k + 1][k + 1];
        for (int p = 0; p < k; p++) {
            int u = set.members[p];
            for (int q = 0; q < p; q++) {
                int v = set.members[q];
                a[p][q] = model.covariance(distance(xs[u] - xs[v], ys[u] - ys[v])) / sill;
                a[q][p] = a[p][q];
            }
            a[p][p] = 1;
            a[p][k] = 1;
            a[k][p] = 1;
        }
        RealMatrix inverse;
        try {
            inverse = new LUDecomposition(new Array2DRowRealMatrix(a, false)).getSolver().getInverse();
        } catch (SingularMatrixException singular) {
            throw new InvalidArgument("analytics.spatial.singular", model);
        }
        double[] flat = new double[(k + 1) * (k + 1)];
        for (int r = 0; r <= k; r++) {
            for (int c = 0; c <= k; c++) flat[r * (k + 1) + c] = inverse.getEntry(r, c);
        }
        return flat;
    }

    /** Math.hypot guards against overflow that map coordinates never reach, at many times the cost. */
    private static double distance(double dx, double dy) {
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** A sorted set of sample indices, the key under which a neighbourhood's inverse is kept. */
    private static final class NeighbourSet {
        final int[] members;
        final int hash;

        NeighbourSet(int[] members) {
            this.members = members;
            this.hash = Arrays.hashCode(members);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof NeighbourSet && Arrays.equals(members, ((NeighbourSet) other).members);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Scratch space for one thread's estimates. */
    private final class Node {
        /** One more than the neighbourhood, to know how far the query may move before the set can change. */
        final int search = Math.min(neighbours + 1, xs.length);
        final int[] found = new int[search];
        final double[] squares = new double[search];
        final double[] rhs = new double[neighbours + 1];
        final double[] lambda = new double[neighbours + 1];
        NeighbourSet current;
        double anchorX;
        double anchorY;
        double margin;
        double estimate;
        double variance;

        /**
         * The nearest samples to (x, y). Moving the query by δ changes every distance by at most δ, so the set found at
         * an anchor still holds while δ &lt; (d₍ₖ₊₁₎ − dₖ)/2: along a grid row most nodes skip the search.
         */
        NeighbourSet neighbourhood(double x, double y) {
            if (current != null && distance(x - anchorX, y - anchorY) < margin) return current;
            index.nearest(x, y, search, found, squares);
            margin = search > neighbours ? (Math.sqrt(squares[neighbours]) - Math.sqrt(squares[neighbours - 1])) / 2 : Double.POSITIVE_INFINITY;
            anchorX = x;
            anchorY = y;
            int[] members = Arrays.copyOf(found, neighbours);
            Arrays.sort(members);
            if (current == null || !Arrays.equals(members, current.members)) current = new NeighbourSet(members);
            return current;
        }

        /** Weights (and μ last) for the point, leaving the estimate and variance in the fields. */
        double[] solve(double x, double y, NeighbourSet set, double[] inverse) {
            int k = set.members.length;
            double sill = model.sill();
            for (int m = 0; m < k; m++) {
                int s = set.members[m];
                rhs[m] = model.covariance(distance(xs[s] - x, ys[s] - y)) / sill;
            }
            rhs[k] = 1;
            double value = 0;
            double explained = 0;
            for (int r = 0; r <= k; r++) {
                double sum = 0;
                int row = r * (k + 1);
                for (int c = 0; c <= k; c++) sum += inverse[row + c] * rhs[c];
                lambda[r] = sum;
                explained += sum * rhs[r];
                if (r < k) value += sum * values[set.members[r]];
            }
            estimate = value;
            // σ²/sill = 1 − Σλρ − μ; rounding can leave a hair below zero at a sample.
            variance = Math.max(0, sill * (1 - explained));
            return lambda;
        }
    }
}
