package org.groundwatergateway.analytics.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One well's regularly spaced series (a concentration or a water level), with optional covariates on the same
 * time steps, such as rainfall at the nearest weather station. Missing values are NaN.
 *
 * @param covariates by name, each as long as {@code values}; kept in name order so features come out the same every time
 */
public record WellSeries(Instant start, Duration step, double[] values, Map<String, double[]> covariates) {

    public WellSeries {
        if (start == null || step == null || values == null) throw new IllegalArgumentException("start, step and values are needed");
        if (step.isNegative() || step.isZero()) throw new IllegalArgumentException("the step must be positive");
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

    double value(int index) {
        return values[index];
    }

    double covariate(String name, int index) {
        return covariates.get(name)[index];
    }
}
