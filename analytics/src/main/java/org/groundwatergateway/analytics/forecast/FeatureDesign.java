package org.groundwatergateway.analytics.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.groundwatergateway.analytics.InvalidArgument;

/**
 * What a forecast from step t to step t + h sees: the level y(t); the lags y(t−k) − y(t), k = 1..{@code lags}; the mean of
 * the last {@code window} values less y(t) and their least-squares slope per step; the day of the year of the target
 * time as sin and cos (the annual cycle of recharge and temperature); and, for every covariate, its sums over the last
 * {@code covariateWindows} steps (for rainfall, the recent recharge that is still arriving at the water table).
 * Lags are taken relative to y(t) so that trees, which cannot extrapolate, see the same shapes at any level
 * (Hyndman &amp; Athanasopoulos, Forecasting: Principles and Practice, 3rd ed., §7.4 and §12.4 on lagged and
 * calendar predictors).
 */
public record FeatureDesign(int lags, int window, int[] covariateWindows) {

    private static final double SECONDS_PER_YEAR = 365.2425 * 86_400;

    public FeatureDesign {
        if (lags < 0 || window < 2) throw new InvalidArgument("analytics.forecast.lags");
        covariateWindows = covariateWindows == null ? new int[0] : covariateWindows.clone();
        for (int w : covariateWindows) if (w < 1) throw new InvalidArgument("analytics.forecast.covariateWindows");
    }

    public static FeatureDesign of(int lags, int window, int... covariateWindows) {
        return new FeatureDesign(lags, window, covariateWindows);
    }

    /** Steps of history a forecast needs, the origin included. */
    public int history() {
        int steps = Math.max(lags + 1, window);
        for (int w : covariateWindows) steps = Math.max(steps, w);
        return steps;
    }

    /** The features' names, in the order of {@link #at}. */
    List<String> names(WellSeries series) {
        List<String> names = new ArrayList<>(List.of("level"));
        for (int k = 1; k <= lags; k++) names.add("lag-" + k);
        names.addAll(List.of("window-mean", "window-slope", "year-sin", "year-cos"));
        for (String covariate : series.covariates().keySet()) {
            for (int w : covariateWindows) names.add(covariate + "-sum-" + w);
        }
        return names;
    }

    int size(WellSeries series) {
        return 1 + lags + 4 + series.covariates().size() * covariateWindows.length;
    }

    /** The features of a forecast from {@code origin} to {@code origin + horizon}; null when a value they need is missing. */
    double[] at(WellSeries series, int origin, int horizon) {
        if (origin + 1 < history() || origin >= series.length()) return null;
        double level = series.value(origin);
        double[] x = new double[size(series)];
        int i = 0;
        x[i++] = level;
        for (int k = 1; k <= lags; k++) x[i++] = series.value(origin - k) - level;
        double[] recent = Arrays.copyOfRange(series.values(), origin - window + 1, origin + 1);
        x[i++] = mean(recent) - level;
        x[i++] = slope(recent);
        double phase = 2 * Math.PI * series.time(origin + horizon).getEpochSecond() / SECONDS_PER_YEAR;
        x[i++] = Math.sin(phase);
        x[i++] = Math.cos(phase);
        for (String covariate : series.covariates().keySet()) {
            for (int w : covariateWindows) {
                double sum = 0;
                for (int j = origin - w + 1; j <= origin; j++) sum += series.covariate(covariate, j);
                x[i++] = sum;
            }
        }
        for (double v : x) if (!Double.isFinite(v)) return null;
        return x;
    }

    /** Whether the steps the features of {@code origin} look at hold a gap (which {@link WellSeries#bridged} bridges). */
    boolean hasGap(WellSeries series, int origin) {
        for (int i = Math.max(0, origin - history() + 1); i <= origin; i++) if (!Double.isFinite(series.value(i))) return true;
        return false;
    }

    /**
     * The mean absolute step-to-step change over the window ending at {@code origin}: how restless the series is
     * just now (instrument noise grows with a concentration, a water table moves more while a recharge mound recedes).
     * Only pairs of real readings count (a bridged gap is a straight line, which would make the series look calm);
     * NaN when the window holds no such pair.
     */
    double variability(WellSeries series, int origin) {
        double sum = 0;
        int pairs = 0;
        for (int i = Math.max(1, origin - window + 2); i <= origin; i++) {
            double change = Math.abs(series.value(i) - series.value(i - 1));
            if (Double.isFinite(change)) {
                sum += change;
                pairs++;
            }
        }
        return pairs == 0 ? Double.NaN : sum / pairs;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) sum += v;
        return sum / values.length;
    }

    /** Least-squares slope against the step index. */
    private static double slope(double[] values) {
        double tMean = (values.length - 1) / 2.0;
        double yMean = mean(values);
        double sxy = 0;
        double sxx = 0;
        for (int t = 0; t < values.length; t++) {
            sxy += (t - tMean) * (values[t] - yMean);
            sxx += (t - tMean) * (t - tMean);
        }
        return sxy / sxx;
    }
}
