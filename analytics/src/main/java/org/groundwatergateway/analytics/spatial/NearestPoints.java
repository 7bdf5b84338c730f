package org.groundwatergateway.analytics.spatial;

/**
 * The k points nearest a query, by a bucket grid holding about two points per bucket, searched in rings outward from
 * the query's bucket until no unvisited bucket can hold a nearer point (Bentley, Weide &amp; Yao 1980, "Optimal
 * expected-time algorithms for closest point problems", ACM TOMS 6(4)): expected time O(k) per query for points
 * spread over an area.
 */
final class NearestPoints {

    private static final double POINTS_PER_BUCKET = 2;

    private final double[] xs;
    private final double[] ys;
    private final double x0;
    private final double y0;
    private final double side;
    private final int columns;
    private final int rows;
    /** Bucket b holds the points {@code members[first[b]]} to {@code members[first[b + 1] - 1]}. */
    private final int[] first;
    private final int[] members;

    NearestPoints(double[] xs, double[] ys) {
        this.xs = xs;
        this.ys = ys;
        int n = xs.length;
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            minX = Math.min(minX, xs[k]);
            maxX = Math.max(maxX, xs[k]);
            minY = Math.min(minY, ys[k]);
            maxY = Math.max(maxY, ys[k]);
        }
        double width = maxX - minX;
        double height = maxY - minY;
        double extent = Math.max(width, height);
        double s = width * height > 0 ? Math.sqrt(width * height * POINTS_PER_BUCKET / n) : extent * POINTS_PER_BUCKET / n;
        this.side = s > 0 ? Math.max(s, extent / 4096) : 1;
        this.x0 = minX;
        this.y0 = minY;
        this.columns = (int) (width / side) + 1;
        this.rows = (int) (height / side) + 1;
        this.first = new int[columns * rows + 1];
        int[] bucketOf = new int[n];
        for (int k = 0; k < n; k++) {
            bucketOf[k] = bucket(column(xs[k]), row(ys[k]));
            first[bucketOf[k] + 1]++;
        }
        for (int b = 0; b < columns * rows; b++) first[b + 1] += first[b];
        this.members = new int[n];
        int[] fill = first.clone();
        for (int k = 0; k < n; k++) members[fill[bucketOf[k]]++] = k;
    }

    /**
     * Writes the indices of the {@code k} nearest points, nearest first (equal distances by index), into
     * {@code found} and their squared distances into {@code squares}; returns how many were found (fewer than k
     * only when there are fewer points).
     */
    int nearest(double x, double y, int k, int[] found, double[] squares) {
        int count = 0;
        long ci = cell(x, x0);
        long cj = cell(y, y0);
        long lastRing = Math.max(Math.max(ci, columns - 1 - ci), Math.max(cj, rows - 1 - cj));
        long firstRing = Math.max(Math.max(-ci, ci - (columns - 1)), Math.max(-cj, cj - (rows - 1)));
        for (long r = Math.max(0, firstRing); r <= lastRing; r++) {
            for (long j = Math.max(0, cj - r); j <= Math.min(rows - 1, cj + r); j++) {
                if (j == cj - r || j == cj + r) {
                    for (long i = Math.max(0, ci - r); i <= Math.min(columns - 1, ci + r); i++) {
                        count = offerBucket((int) i, (int) j, x, y, k, count, found, squares);
                    }
                } else {
                    // Between its top and bottom rows a ring has only its two side columns.
                    if (ci - r >= 0 && ci - r < columns) count = offerBucket((int) (ci - r), (int) j, x, y, k, count, found, squares);
                    if (ci + r >= 0 && ci + r < columns) count = offerBucket((int) (ci + r), (int) j, x, y, k, count, found, squares);
                }
            }
            // Any bucket beyond ring r is at least r bucket sides away.
            double reach = r * side;
            if (count == k && squares[k - 1] <= reach * reach) break;
        }
        return count;
    }

    private int offerBucket(int i, int j, double x, double y, int k, int count, int[] found, double[] squares) {
        int b = bucket(i, j);
        for (int m = first[b]; m < first[b + 1]; m++) count = offer(members[m], x, y, k, count, found, squares);
        return count;
    }

    private int offer(int point, double x, double y, int k, int count, int[] found, double[] squares) {
        double dx = xs[point] - x;
        double dy = ys[point] - y;
        double d2 = dx * dx + dy * dy;
        if (count == k && !before(d2, point, squares[k - 1], found[k - 1])) return count;
        int slot = count == k ? k - 1 : count;
        while (slot > 0 && before(d2, point, squares[slot - 1], found[slot - 1])) {
            squares[slot] = squares[slot - 1];
            found[slot] = found[slot - 1];
            slot--;
        }
        squares[slot] = d2;
        found[slot] = point;
        return count == k ? k : count + 1;
    }

    private static boolean before(double d2, int point, double otherD2, int other) {
        return d2 < otherD2 || (d2 == otherD2 && point < other);
    }

    private long cell(double v, double origin) {
        double c = Math.floor((v - origin) / side);
        return (long) Math.max(-(1L << 40), Math.min(1L << 40, c));
    }

    private int column(double x) {
        return (int) Math.min(columns - 1, cell(x, x0));
    }

    private int row(double y) {
        return (int) Math.min(rows - 1, cell(y, y0));
    }

    private int bucket(int i, int j) {
        return i + j * columns;
    }
}
