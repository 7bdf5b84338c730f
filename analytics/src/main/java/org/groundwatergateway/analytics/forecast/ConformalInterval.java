package org.groundwatergateway.analytics.forecast;

import java.util.Arrays;
import org.groundwatergateway.analytics.InvalidArgument;

/**
 * A prediction interval from out-of-sample residuals (observed − forecast), split-conformal style (Lei, G'Sell,
 * Rinaldo, Tibshirani &amp; Wasserman 2018, "Distribution-free predictive inference for regression", JASA 113, §2.2):
 * with n residuals in ascending order the upper offset is the ⌈(n + 1)(1 − α/2)⌉-th and the lower the
 * ⌊(n + 1)·α/2⌋-th, so each tail holds at most α/2 for exchangeable errors. Taking the two tails separately keeps
 * the skew of rain-driven rises. Residuals of a time series are not exchangeable, so coverage is approximate;
 * the backtest measures it.
 *
 * @param lower added to the forecast for the lower limit (normally negative)
 */
public record ConformalInterval(double lower, double upper, double coverage, int residuals) {

    /** Whether {@code n} residuals are enough for an interval of this coverage (39 for 95 %). */
    public static boolean possible(int n, double coverage) {
        double tail = (1 - coverage) / 2;
        return Math.floor((n + 1) * tail + 1e-9) >= 1 && Math.ceil((n + 1) * (1 - tail) - 1e-9) <= n;
    }

    public static ConformalInterval of(double[] residuals, double coverage) {
        if (!(coverage > 0 && coverage < 1)) throw new InvalidArgument("analytics.forecast.coverage");
        double[] sorted = residuals.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double tail = (1 - coverage) / 2;
        // The nudge keeps exact ranks exact where (1 − coverage)/2 is not a binary fraction.
        int upperRank = (int) Math.ceil((n + 1) * (1 - tail) - 1e-9);
        int lowerRank = (int) Math.floor((n + 1) * tail + 1e-9);
        if (lowerRank < 1 || upperRank > n) {
            throw new InvalidArgument("analytics.forecast.fewResiduals", n, coverage);
        }
        return new ConformalInterval(sorted[lowerRank - 1], sorted[upperRank - 1], coverage, n);
    }
}
