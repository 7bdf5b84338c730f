package org.groundwatergateway.core.drill;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a drill's wells would read without any real plume: the background its simulated release adds to, so that a drill
 * rehearses the release it names and not a real leak already in the ground (issue #16: a drill at the wastewater plant was
 * "detected" by the real benzene leak at the tank farm).
 *
 * <p>A real plume only ever adds to a well's water, and it reaches a minority of an aquifer's wells: the median of the
 * wells' last real values is the aquifer's ambient level. A well whose last value stands out above it by Hampel's rule
 * (more than three robust standard deviations, 3 × 1.4826 × the median absolute deviation; Hampel 1974, J. Am. Stat.
 * Assoc. 69) reads the ambient level; every other well keeps its own value, natural scatter included.
 */
final class CounterfactualBackground {

    private static final double HAMPEL_K = 3;

    private CounterfactualBackground() {}

    /** Each datastream's background, from its last real value (by datastream id); a datastream with none reads the ambient level. */
    static Map<Long, Double> of(Map<Long, Double> lastReal) {
        double[] values = lastReal.values().stream().filter(v -> v != null && Double.isFinite(v)).mapToDouble(Double::doubleValue).sorted().toArray();
        double ambient = median(values);
        double[] deviations = Arrays.stream(values).map(v -> Math.abs(v - ambient)).sorted().toArray();
        double raised = ambient + HAMPEL_K * 1.4826 * median(deviations);
        Map<Long, Double> background = new LinkedHashMap<>();
        lastReal.forEach((stream, last) -> background.put(stream, last == null || !Double.isFinite(last) || last > raised ? ambient : last));
        return background;
    }

    private static double median(double[] sorted) {
        if (sorted.length == 0) return 0;
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
