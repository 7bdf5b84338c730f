package org.groundwatergateway.analytics.statistics;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

/**
 * The k-th smallest of the pairwise slopes (x_j − x_i)/(t_j − t_i) over all pairs observed at different times,
 * without listing the n(n − 1)/2 slopes: the randomized slope selection of Dillencourt, Mount and Netanyahu (1992,
 * "A randomized algorithm for slope selection", Int. J. Computational Geometry & Applications 2:1–27), in expected
 * O(n log n) time and O(n) memory.
 *
 * <p>A slope s orders the points by x − s·t; a pair's slope lies below s exactly when that order puts the later
 * point first. So the slopes below s are the inversions of that order against the time order, counted in
 * O(n log n), and the slopes strictly between two thresholds lo and hi are the inversions of the lo order against
 * the hi order, which can be drawn uniformly at random. Each round draws n of them, narrows (lo, hi) to the sample's
 * neighbourhood of rank k (about √n/4 times fewer slopes each round), and once few enough remain lists them all.
 *
 * <p>Comparisons are exact: thresholds are slopes of point pairs kept as the pair, and the rare comparison that
 * floating point cannot settle is redone in {@link BigDecimal}. So the selected pair is the one an exact sort of the
 * real slopes would put at rank k; its slope is then computed as the pair loop computed it.
 */
final class SlopeSelection {

    /** Below this many candidate slopes the remaining ones are listed and sorted rather than sampled. */
    private static final int MIN_LISTED = 1 << 16;
    /** Relative error bound of the double evaluations below, generous (they are within 4 units of 2^-53). */
    private static final double ERROR = 0x1p-48;

    private final double[] t;
    private final double[] x;
    private final int n;
    private final long pairs;
    private final Random random = new Random(0x5e1ec7);
    /** The slopes last listed, sorted, and the rank of the first: the neighbouring rank Sen's interval needs is usually among them. */
    private double[] listed = new double[0];
    private long listedFrom;

    /** @param times any order; pairs observed at the same time have no slope and are left out */
    SlopeSelection(double[] times, double[] values) {
        n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> times[i] + 0.0).thenComparingDouble(i -> values[i] + 0.0));
        t = new double[n];
        x = new double[n];
        long sameTime = 0, run = 1;
        for (int i = 0; i < n; i++) {
            t[i] = times[order[i]] + 0.0;
            x[i] = values[order[i]] + 0.0;
            if (i > 0 && t[i] == t[i - 1]) sameTime += run++;
            else run = 1;
        }
        pairs = (long) n * (n - 1) / 2 - sameTime;
    }

    /** How many slopes there are: the pairs observed at different times. */
    long count() {
        return pairs;
    }

    /** The slope of 0-based rank k in ascending order. */
    double select(long k) {
        if (k < 0 || k >= pairs) throw new IndexOutOfBoundsException("rank " + k + " of " + pairs + " slopes");
        if (k >= listedFrom && k - listedFrom < listed.length) return listed[(int) (k - listedFrom)];
        Threshold lo = new Threshold(-1), hi = new Threshold(1);
        long below = 0, belowHi = pairs; // slopes ≤ lo, slopes < hi
        while (true) {
            Interval between = new Interval(lo, hi);
            long candidates = belowHi - below;
            if (between.size != candidates) throw new IllegalStateException("slope counts disagree: " + between.size + " vs " + candidates);
            if (candidates <= Math.max(MIN_LISTED, 4L * n)) {
                long[] offsets = new long[(int) candidates];
                for (int i = 0; i < offsets.length; i++) offsets[i] = i;
                int[][] all = between.pairs(offsets);
                sortBySlope(all);
                listed = new double[all.length];
                for (int i = 0; i < all.length; i++) listed[i] = slope(all[i][0], all[i][1]);
                listedFrom = below;
                return listed[(int) (k - below)];
            }
            int m = n;
            long[] offsets = new long[m];
            for (int i = 0; i < m; i++) offsets[i] = Math.floorMod(random.nextLong(), candidates);
            Arrays.sort(offsets);
            int[][] sample = between.pairs(offsets);
            sortBySlope(sample);
            double position = (double) (k - below) / candidates * m;
            // Two standard deviations of the sample rank at most; a bound that misses is only not taken this round.
            double spread = Math.sqrt(m);
            int lower = (int) Math.floor(position - spread), upper = (int) Math.ceil(position + spread);
            if (lower >= 0) {
                Threshold candidate = new Threshold(sample[lower][0], sample[lower][1]);
                long atMost = pairs - countAbove(candidate);
                if (atMost <= k) {
                    lo = candidate;
                    below = atMost;
                } else if (countBelow(candidate) <= k) {
                    return slope(candidate.from, candidate.to); // rank k is one of the slopes equal to it
                }
            }
            if (upper < m) {
                Threshold candidate = new Threshold(sample[upper][0], sample[upper][1]);
                long less = countBelow(candidate);
                if (k < less) {
                    hi = candidate;
                    belowHi = less;
                } else if (k < pairs - countAbove(candidate)) {
                    return slope(candidate.from, candidate.to);
                }
            }
        }
    }

    /** The slope of points i and j (t_i < t_j) as the pair loop computes it. */
    private double slope(int i, int j) {
        return (x[j] - x[i]) / (t[j] - t[i]);
    }

    private void sortBySlope(int[][] pairList) {
        Arrays.sort(pairList, (a, b) -> compareSlopes(a[0], a[1], b[0], b[1]));
    }

    /** The sign of slope(a, b) − slope(c, d), exactly: (x_b − x_a)(t_d − t_c) against (x_d − x_c)(t_b − t_a). */
    private int compareSlopes(int a, int b, int c, int d) {
        double rise = x[b] - x[a], run = t[b] - t[a], otherRise = x[d] - x[c], otherRun = t[d] - t[c];
        double left = rise * otherRun, right = otherRise * run;
        double bound = ERROR * (Math.abs(left) + Math.abs(right)) + Double.MIN_NORMAL;
        double difference = left - right;
        if (difference > bound) return 1;
        if (difference < -bound) return -1;
        if (exactDifference(x[b], x[a], rise) && exactDifference(t[b], t[a], run)
                && exactDifference(x[d], x[c], otherRise) && exactDifference(t[d], t[c], otherRun)) {
            // Near-ties are common (equal rises over equal runs). With exact differences each product is exactly
            // its rounded value plus the fma remainder, and rounding is monotone: compare the rounded, then the rest.
            if (left != right) return Double.compare(left, right);
            return Double.compare(Math.fma(rise, otherRun, -left), Math.fma(otherRise, run, -right));
        }
        BigDecimal exactLeft = exact(x[b]).subtract(exact(x[a])).multiply(exact(t[d]).subtract(exact(t[c])));
        BigDecimal exactRight = exact(x[d]).subtract(exact(x[c])).multiply(exact(t[b]).subtract(exact(t[a])));
        return exactLeft.compareTo(exactRight);
    }

    /** Whether difference = minuend − subtrahend holds exactly (the error term of Knuth's TwoSum is zero). */
    private static boolean exactDifference(double minuend, double subtrahend, double difference) {
        double virtual = minuend - difference;
        return (minuend - (difference + virtual)) + (virtual - subtrahend) == 0;
    }

    private static BigDecimal exact(double v) {
        return new BigDecimal(v);
    }

    /** Slopes strictly below the threshold: pairs the threshold's order puts later point first. */
    private long countBelow(Threshold s) {
        return countInversions(s, false);
    }

    /** Slopes strictly above the threshold, by the same count on the order reversed. */
    private long countAbove(Threshold s) {
        return countInversions(s, true);
    }

    /**
     * Pairs at different times whose order under the threshold is strictly inverted against time order (or, reversed,
     * strictly kept). Within a time the points are put in the threshold's order, so they add nothing.
     */
    private long countInversions(Threshold s, boolean reversed) {
        int[] rank = s.ranks(this);
        int[] sequence = new int[n];
        for (int start = 0, end; start < n; start = end) {
            end = start + 1;
            while (end < n && t[end] == t[start]) end++;
            for (int i = start; i < end; i++) sequence[i] = reversed ? n + 1 - rank[i] : rank[i];
            Arrays.sort(sequence, start, end);
        }
        long count = 0;
        long[] tree = new long[n + 2];
        for (int j = 0; j < n; j++) {
            count += j - prefix(tree, sequence[j]);
            add(tree, sequence[j]);
        }
        return count;
    }

    private static long prefix(long[] tree, int index) {
        long sum = 0;
        for (int i = index; i > 0; i -= i & -i) sum += tree[i];
        return sum;
    }

    private static void add(long[] tree, int index) {
        for (int i = index; i < tree.length; i += i & -i) tree[i]++;
    }

    /**
     * A slope threshold: either the slope of a pair of points, kept as the pair so that comparisons are exact, or
     * one below or above every slope.
     */
    private static final class Threshold {
        final int from, to, infinite;
        private int[] ranks;

        Threshold(int from, int to) {
            this.from = from;
            this.to = to;
            this.infinite = 0;
        }

        /** @param infinite −1 for one below every slope, +1 for one above */
        Threshold(int infinite) {
            this.from = -1;
            this.to = -1;
            this.infinite = infinite;
        }

        /** The points' order by x − s·t, as a comparator over point indices; ties compare equal. */
        Comparator<Integer> order(SlopeSelection p) {
            // As s runs to −∞, x − s·t orders by time; to +∞, by time reversed; values break ties either way.
            if (infinite != 0) {
                return (a, b) -> {
                    int byTime = Double.compare(p.t[a], p.t[b]) * -infinite;
                    return byTime != 0 ? byTime : Double.compare(p.x[a], p.x[b]);
                };
            }
            // Scaled by q = t_to − t_from > 0: compare q·x − p·t, where p = x_to − x_from.
            double q = p.t[to] - p.t[from], r = p.x[to] - p.x[from];
            BigDecimal exactQ = exact(p.t[to]).subtract(exact(p.t[from])), exactR = exact(p.x[to]).subtract(exact(p.x[from]));
            double[] key = new double[p.n];
            double[] error = new double[p.n];
            for (int i = 0; i < p.n; i++) {
                double scaledValue = q * p.x[i], scaledTime = r * p.t[i];
                key[i] = scaledValue - scaledTime;
                error[i] = ERROR * (Math.abs(scaledValue) + Math.abs(scaledTime)) + Double.MIN_NORMAL;
            }
            BigDecimal[] exactKey = new BigDecimal[p.n];
            return (a, b) -> {
                double difference = key[a] - key[b];
                double bound = error[a] + error[b];
                if (difference > bound) return 1;
                if (difference < -bound) return -1;
                for (int i : new int[] {a, b}) {
                    if (exactKey[i] == null) exactKey[i] = exactQ.multiply(exact(p.x[i])).subtract(exactR.multiply(exact(p.t[i])));
                }
                return exactKey[a].compareTo(exactKey[b]);
            };
        }

        /** Dense 1-based ranks of the points in this order, equal for ties; kept, as counting and sampling both need them. */
        int[] ranks(SlopeSelection p) {
            if (ranks != null) return ranks;
            Comparator<Integer> order = order(p);
            Integer[] sorted = new Integer[p.n];
            for (int i = 0; i < p.n; i++) sorted[i] = i;
            Arrays.sort(sorted, order);
            int[] rank = new int[p.n];
            for (int i = 0, current = 0; i < p.n; i++) {
                if (i == 0 || order.compare(sorted[i - 1], sorted[i]) != 0) current++;
                rank[sorted[i]] = current;
            }
            ranks = rank;
            return rank;
        }
    }

    /**
     * The slopes strictly between lo and hi: the pairs the lo order (ties put later point first, so a pair exactly
     * at lo is no inversion) has in the other order than the hi ranks, strictly.
     */
    private final class Interval {
        final int[] sequence;
        final int[] hiRank;
        final long[] before; // inversions ending at each position
        final long size;

        Interval(Threshold lo, Threshold hi) {
            // By lo rank, then later first: points are indexed in time order, and points tied at lo with equal
            // times are the same point, so the reversed index is the reversed time.
            int[] loRank = lo.ranks(SlopeSelection.this);
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) keys[i] = (long) loRank[i] * n + (n - 1 - i);
            Arrays.sort(keys);
            sequence = new int[n];
            for (int i = 0; i < n; i++) sequence[i] = n - 1 - (int) (keys[i] % n);
            hiRank = hi.ranks(SlopeSelection.this);
            before = new long[n];
            long[] tree = new long[n + 2];
            long total = 0;
            for (int j = 0; j < n; j++) {
                int r = hiRank[sequence[j]];
                before[j] = j - prefix(tree, r);
                total += before[j];
                add(tree, r);
            }
            size = total;
        }

        /**
         * The inversions at the given ascending offsets into their list (ordered by later position, then by hi rank
         * of the earlier point), each as {earlier-time point, later-time point}.
         */
        int[][] pairs(long[] offsets) {
            int[][] result = new int[offsets.length][];
            // Points seen so far, by hi rank: a Fenwick tree of counts and, per rank, the points in arrival order.
            long[] tree = new long[n + 2];
            int[] rankStart = new int[n + 2];
            for (int i = 0; i < n; i++) rankStart[hiRank[i] + 1]++;
            for (int r = 1; r < rankStart.length; r++) rankStart[r] += rankStart[r - 1];
            int[] filled = new int[n + 2];
            int[] byRank = new int[n];
            int log = Integer.highestOneBit(n + 1);
            long start = 0;
            int next = 0;
            for (int j = 0; j < n && next < offsets.length; j++) {
                int point = sequence[j], r = hiRank[point];
                while (next < offsets.length && offsets[next] < start + before[j]) {
                    // The (offset − start)-th earlier point of rank above r, counting up by rank.
                    long target = prefix(tree, r) + (offsets[next] - start) + 1;
                    int found = 0;
                    long seen = 0;
                    for (int step = log; step > 0; step >>= 1) {
                        if (found + step < tree.length && seen + tree[found + step] < target) {
                            found += step;
                            seen += tree[found];
                        }
                    }
                    int rank = found + 1;
                    int other = byRank[rankStart[rank] + (int) (target - seen - 1)];
                    result[next++] = t[other] < t[point] ? new int[] {other, point} : new int[] {point, other};
                }
                start += before[j];
                byRank[rankStart[r] + filled[r]++] = point;
                add(tree, r);
            }
            return result;
        }
    }
}
