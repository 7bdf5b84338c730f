package org.groundwatergateway.analytics.statistics;

import java.util.Arrays;
import org.groundwatergateway.analytics.InvalidArgument;

/**
 * A distribution on finitely many ascending points, as the censored-data estimators produce it. Its lowest point may
 * stand for "somewhere below this detection limit" (Kaplan–Meier's remainder), which quantiles then report as censored.
 */
final class DiscreteDistribution {

    /** Cumulative probabilities closer than this to a requested one count as equal to it. */
    private static final double TIE = 1e-12;

    private final double[] points;
    private final double[] masses;
    private final boolean lowestCensored;

    DiscreteDistribution(double[] points, double[] masses, boolean lowestCensored) {
        this.points = points;
        this.masses = masses;
        this.lowestCensored = lowestCensored;
    }

    /** Equal masses on the given values. */
    static DiscreteDistribution empirical(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] masses = new double[sorted.length];
        Arrays.fill(masses, 1.0 / sorted.length);
        return new DiscreteDistribution(sorted, masses, false);
    }

    double mean() {
        double mean = 0;
        for (int i = 0; i < points.length; i++) mean += masses[i] * points[i];
        return mean;
    }

    /** Σ mass·(point − mean)², the variance of the distribution itself (no n/(n − 1) factor). */
    double variance() {
        double mean = mean();
        double variance = 0;
        for (int i = 0; i < points.length; i++) variance += masses[i] * (points[i] - mean) * (points[i] - mean);
        return variance;
    }

    /**
     * The smallest point whose cumulative probability reaches p; where it reaches p exactly, the midpoint to the next
     * point, so that equal masses give the usual median (Hyndman and Fan 1996, definition 2). A quantile that falls on
     * a censored lowest point is censored too: it is known only to lie below the value reported.
     */
    CensoredValue quantile(double p) {
        if (!(p > 0 && p < 1)) throw new InvalidArgument("analytics.statistics.quantile", p);
        double cumulative = 0;
        for (int i = 0; i < points.length; i++) {
            cumulative += masses[i];
            if (cumulative < p - TIE) continue;
            boolean censored = i == 0 && lowestCensored;
            boolean between = cumulative <= p + TIE && i + 1 < points.length;
            return new CensoredValue(between ? (points[i] + points[i + 1]) / 2 : points[i], censored);
        }
        return CensoredValue.detected(points[points.length - 1]);
    }
}
