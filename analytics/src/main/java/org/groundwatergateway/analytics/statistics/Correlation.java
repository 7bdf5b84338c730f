package org.groundwatergateway.analytics.statistics;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.groundwatergateway.analytics.InvalidArgument;

/**
 * Pearson's product-moment correlation, and Spearman's rank correlation as Pearson's on mid-ranks (ties share the mean
 * of their ranks), each with the two-sided p of "no correlation" from t = r·√((n − 2)/(1 − r²)) on n − 2 degrees of
 * freedom (Helsel and Hirsch 2002, "Statistical Methods in Water Resources", USGS TWRI 4-A3, ch. 8). For Spearman
 * this t is the usual large-sample approximation, not the exact permutation distribution.
 */
public record Correlation(Method method, int n, double coefficient, double t, double pValue) {

    public enum Method { PEARSON, SPEARMAN }

    public static Correlation pearson(double[] x, double[] y) {
        return of(Method.PEARSON, x, y);
    }

    public static Correlation spearman(double[] x, double[] y) {
        NaturalRanking midRanks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);
        checkPairs(x, y);
        return of(Method.SPEARMAN, midRanks.rank(x), midRanks.rank(y));
    }

    private static Correlation of(Method method, double[] x, double[] y) {
        checkPairs(x, y);
        if (isConstant(x) || isConstant(y)) throw new InvalidArgument("analytics.statistics.constantSeries");
        int n = x.length;
        double r = new PearsonsCorrelation().correlation(x, y);
        double t = r * Math.sqrt((n - 2) / ((1 - r) * (1 + r)));
        double p = Double.isInfinite(t) ? 0 : 2 * new TDistribution(n - 2).cumulativeProbability(-Math.abs(t));
        return new Correlation(method, n, r, t, p);
    }

    private static void checkPairs(double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException("x and y differ in length");
        if (x.length < 3) throw new InvalidArgument("analytics.statistics.correlationPairs", x.length);
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) throw new InvalidArgument("analytics.statistics.pairNotFinite", (i + 1));
        }
    }

    private static boolean isConstant(double[] v) {
        for (double value : v) if (value != v[0]) return false;
        return true;
    }
}
