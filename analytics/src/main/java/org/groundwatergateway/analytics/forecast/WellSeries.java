package org.groundwatergateway.analytics.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.groundwatergateway.analytics.InvalidArgument;

/**
 * One well's regularly spaced series (a concentration or a water level), with optional covariates on the same
 * time steps, such as rainfall at the nearest weather station. Missing values are NaN.
 *
 * @param covariates by name, each as long as {@code values}; kept in name order so features come out the same every time
 */
public record WellSeries(Instant start, Duration step, double[] values, Map<String, double[]> covariates) {

    public WellSeries {
        if (start == null || step == null || values == null) throw new InvalidArgument("analytics.forecast.series");
        if (step.isNegative() || step.isZero()) throw new InvalidArgument("analytics.forecast.step");
        TreeMap<String, double[]> copies = new TreeMap<>();
        for (Map.Entry<String, double[]> covariate : (covariates == null ? Map.<String, double[]>of() : covariates).entrySet()) {
            if (covariate.getValue().length != values.length) {
                throw new IllegalArgumentException("covariate " + covariate.getKey() + " has " + covariate.getValue().length
                        + " values, the series " + values.length);
            }
            copies.put(covariate.getKey(), covariate.getValue().clone());
        }
        values = values.clone();
        covariates = Collections.unmodifiableSortedMap(copies);
    }

    public static WellSeries of(Instant start, Duration step, double[] values) {
        return new WellSeries(start, step, values, Map.of());
    }

    public WellSeries withCovariate(String name, double[] covariate) {
        TreeMap<String, double[]> more = new TreeMap<>(covariates);
        more.put(name, covariate);
        return new WellSeries(start, step, values, more);
    }

    public int length() {
        return values.length;
    }

    public Instant time(int index) {
        return start.plus(step.multipliedBy(index));
    }

    /** The first {@code length} steps: what was known at the end of them. */
    public WellSeries head(int length) {
        TreeMap<String, double[]> cut = new TreeMap<>();
        covariates.forEach((name, covariate) -> cut.put(name, Arrays.copyOf(covariate, length)));
        return new WellSeries(start, step, Arrays.copyOf(values, length), cut);
    }

    /**
     * The series with each gap between two readings bridged by the straight line joining them (steps before the first
     * reading and after the last stay missing; covariates as they are). Forecast features are computed on it, so that a
     * reporting gap leaves the forecaster an origin as soon as readings resume; targets and origins stay real readings.
     * A step inside a gap is bridged only from readings on both sides of it, so nothing after an origin that is itself a
     * reading reaches its features.
     */
    public WellSeries bridged() {
        double[] bridged = values.clone();
        int previous = -1;
        for (int i = 0; i < bridged.length; i++) {
            if (!Double.isFinite(bridged[i])) continue;
            if (previous >= 0 && i - previous > 1) {
                for (int j = previous + 1; j < i; j++) {
                    bridged[j] = bridged[previous] + (bridged[i] - bridged[previous]) * (j - previous) / (i - previous);
                }
            }
            previous = i;
        }
        return new WellSeries(start, step, bridged, covariates);
    }

    double value(int index) {
        return values[index];
    }

    double covariate(String name, int index) {
        return covariates.get(name)[index];
    }
}
