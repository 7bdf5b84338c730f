package org.groundwatergateway.analytics.statistics;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.DoubleFunction;
import org.apache.commons.math3.stat.StatUtils;
import org.groundwatergateway.analytics.InvalidArgument;

/**
 * Descriptive statistics of results that may contain non-detects, with the estimator that produced them. Without
 * non-detects they are the ordinary sample statistics. With them, robust ROS when there are at least
 * {@value #MIN_DETECTS_FOR_ROS} detects, all positive and not all equal, Kaplan–Meier otherwise (Helsel 2012, ch. 6, recommends both for
 * multiply censored data): a regression line through fewer detects is too loose to extrapolate below the detection
 * limits, while Kaplan–Meier only redistributes probability among what was measured. Without any detect only the
 * counts and the limits can be told.
 *
 * @param min         the lowest result as reported ("&lt;2" when a non-detect is lowest)
 * @param max         the highest result as reported
 * @param percentiles at {@link #PERCENTILES}; a censored percentile is only known to lie below its value
 */
public record CensoredSummary(Estimator estimator, int n, int detects, CensoredValue min, CensoredValue max, double mean,
        double sd, CensoredValue median, SortedMap<Double, CensoredValue> percentiles) {

    public enum Estimator { SAMPLE, KAPLAN_MEIER, ROBUST_ROS, NONE }

    public static final List<Double> PERCENTILES = List.of(0.10, 0.25, 0.50, 0.75, 0.90, 0.95);
    public static final int MIN_DETECTS_FOR_ROS = 5;

    public static CensoredSummary of(List<CensoredValue> data) {
        return of(data, choose(data));
    }

    public static CensoredSummary of(List<CensoredValue> data, Estimator estimator) {
        if (data.isEmpty()) throw new InvalidArgument("analytics.statistics.noResults");
        int detects = (int) data.stream().filter(v -> !v.censored()).count();
        CensoredValue min = Collections.min(data);
        CensoredValue max = Collections.max(data);
        switch (estimator) {
            case SAMPLE -> {
                if (detects < data.size()) throw new InvalidArgument("analytics.statistics.sampleNeedsDetects");
                double[] values = data.stream().mapToDouble(CensoredValue::value).toArray();
                double sd = values.length > 1 ? Math.sqrt(StatUtils.variance(values)) : Double.NaN;
                return summary(estimator, data.size(), detects, min, max, StatUtils.mean(values), sd,
                        DiscreteDistribution.empirical(values)::quantile);
            }
            case KAPLAN_MEIER -> {
                KaplanMeier km = KaplanMeier.fit(data);
                return summary(estimator, data.size(), detects, min, max, km.mean(), km.sd(), km::quantile);
            }
            case ROBUST_ROS -> {
                RobustRos ros = RobustRos.fit(data);
                return summary(estimator, data.size(), detects, min, max, ros.mean(), ros.sd(), ros::quantile);
            }
            default -> {
                if (detects > 0) throw new InvalidArgument("analytics.statistics.chooseEstimator");
                // Every result lies below the highest detection limit, and that is all that is known.
                return summary(estimator, data.size(), 0, min, max, Double.NaN, Double.NaN, p -> max);
            }
        }
    }

    static Estimator choose(List<CensoredValue> data) {
        double[] detected = data.stream().filter(v -> !v.censored()).mapToDouble(CensoredValue::value).toArray();
        if (detected.length == data.size()) return Estimator.SAMPLE;
        if (detected.length == 0) return Estimator.NONE;
        boolean regressable = Arrays.stream(detected).allMatch(x -> x > 0) && Arrays.stream(detected).distinct().count() >= 2;
        return detected.length >= MIN_DETECTS_FOR_ROS && regressable ? Estimator.ROBUST_ROS : Estimator.KAPLAN_MEIER;
    }

    private static CensoredSummary summary(Estimator estimator, int n, int detects, CensoredValue min,
            CensoredValue max, double mean, double sd, DoubleFunction<CensoredValue> quantile) {
        SortedMap<Double, CensoredValue> percentiles = new TreeMap<>();
        for (double p : PERCENTILES) percentiles.put(p, quantile.apply(p));
        return new CensoredSummary(estimator, n, detects, min, max, mean, sd, quantile.apply(0.5),
                Collections.unmodifiableSortedMap(percentiles));
    }
}
