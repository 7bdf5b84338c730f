package org.groundwatergateway.analytics.spatial;

import org.groundwatergateway.analytics.InvalidArgument;

/**
 * The experimental semivariogram by Matheron's (1962) method of moments, γ̂(h) = Σ (z_i − z_j)² / (2·N(h)) over the
 * N(h) pairs whose separation falls in a distance class (Matheron 1962, "Traité de géostatistique appliquée"; Cressie 1993, "Statistics for Spatial Data", ch. 2).
 * Classes are of equal width from 0; each reports the mean separation of its pairs as its lag, and empty classes are
 * left out. Coincident samples form no pair.
 *
 * @param lags mean separation of the pairs in each class
 * @param semivariances γ̂ of each class
 * @param pairs N(h) of each class
 */
public record EmpiricalVariogram(double[] lags, double[] semivariances, int[] pairs) {

    private static final int DEFAULT_CLASSES = 12;

    public EmpiricalVariogram {
        if (lags.length != semivariances.length || lags.length != pairs.length) throw new IllegalArgumentException("class arrays differ in length");
    }

    /**
     * Twelve classes up to half the largest separation of the samples, the customary limit beyond which too few
     * pairs remain for a reliable estimate (Journel &amp; Huijbregts 1978).
     */
    public static EmpiricalVariogram of(double[] xs, double[] ys, double[] values) {
        double largest = 0;
        for (int i = 0; i < xs.length; i++) {
            for (int j = i + 1; j < xs.length; j++) largest = Math.max(largest, separation(xs, ys, i, j));
        }
        if (largest == 0) throw new InvalidArgument("analytics.spatial.twoPlaces");
        return of(xs, ys, values, largest / 2 / DEFAULT_CLASSES, DEFAULT_CLASSES);
    }

    /** {@code classes} classes of width {@code classWidth}: class k holds separations in [k·w, (k+1)·w). */
    public static EmpiricalVariogram of(double[] xs, double[] ys, double[] values, double classWidth, int classes) {
        if (xs.length != ys.length || xs.length != values.length) throw new IllegalArgumentException("sample arrays differ in length");
        if (!(classWidth > 0) || classes < 1) throw new InvalidArgument("analytics.spatial.classWidth");
        double[] distance = new double[classes];
        double[] squares = new double[classes];
        int[] count = new int[classes];
        for (int i = 0; i < xs.length; i++) {
            for (int j = i + 1; j < xs.length; j++) {
                double h = separation(xs, ys, i, j);
                int k = (int) (h / classWidth);
                if (h == 0 || k >= classes) continue;
                double difference = values[i] - values[j];
                distance[k] += h;
                squares[k] += difference * difference;
                count[k]++;
            }
        }
        int filled = 0;
        for (int n : count) if (n > 0) filled++;
        double[] lags = new double[filled];
        double[] gammas = new double[filled];
        int[] pairs = new int[filled];
        int m = 0;
        for (int k = 0; k < classes; k++) {
            if (count[k] == 0) continue;
            lags[m] = distance[k] / count[k];
            gammas[m] = squares[k] / (2.0 * count[k]);
            pairs[m] = count[k];
            m++;
        }
        return new EmpiricalVariogram(lags, gammas, pairs);
    }

    private static double separation(double[] xs, double[] ys, int i, int j) {
        double dx = xs[i] - xs[j];
        double dy = ys[i] - ys[j];
        return Math.sqrt(dx * dx + dy * dy);
    }

    public int classes() {
        return lags.length;
    }
}
