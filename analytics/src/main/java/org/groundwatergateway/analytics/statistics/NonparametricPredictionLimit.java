package org.groundwatergateway.analytics.statistics;

import java.util.Collections;
import java.util.List;
import org.groundwatergateway.analytics.InvalidArgument;

/**
 * The non-parametric upper prediction limit for background data that fit no distribution or are mostly non-detects:
 * the largest background result (USEPA 2009, "Unified Guidance", ch. 18, Examples 18-3 and 18-4). Its confidence is
 * not chosen but achieved: of n background and m future exchangeable values, the chance that the r largest of all are
 * future ones is C(m, r)/C(n + m, r), so the chance that at least {@code required} of the m future values lie at or below
 * the background maximum is 1 − C(m, r)/C(n + m, r) with r = m − required + 1 (n/(n + m) when all m must).
 *
 * @param limit    the largest background result; censored when that is a non-detect
 * @param required how many of the {@code futureCount} values must not exceed the limit
 */
public record NonparametricPredictionLimit(CensoredValue limit, int n, int futureCount, int required, double confidence) {

    /** The limit that every one of the future values must meet. */
    public static NonparametricPredictionLimit maximum(List<CensoredValue> background, int futureCount) {
        return maximum(background, futureCount, futureCount);
    }

    public static NonparametricPredictionLimit maximum(List<CensoredValue> background, int futureCount, int required) {
        if (background.isEmpty()) throw new InvalidArgument("analytics.statistics.noBackground");
        if (required < 1 || required > futureCount) throw new InvalidArgument("analytics.statistics.required");
        int n = background.size();
        int r = futureCount - required + 1;
        double allFuture = 1; // C(m, r)/C(n + m, r) as a product that cannot overflow
        for (int i = 0; i < r; i++) allFuture *= (double) (futureCount - i) / (n + futureCount - i);
        return new NonparametricPredictionLimit(Collections.max(background), n, futureCount, required, 1 - allFuture);
    }

    public boolean exceededBy(double future) {
        return future > limit.value();
    }
}
