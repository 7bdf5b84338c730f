package org.groundwatergateway.analytics.statistics;

/**
 * The trend classes of MAROS (AFCEE 2000, "Monitoring and Remediation Optimization System", Mann–Kendall
 * decision matrix; Aziz et al. 2003, Ground Water 41(3)): the sign of S and the confidence in it, and for weak
 * non-increasing evidence the coefficient of variation, which tells a stable series (COV &lt; 1) from a
 * scattered one.
 */
public enum MarosTrend {
    INCREASING, PROBABLY_INCREASING, NO_TREND, STABLE, PROBABLY_DECREASING, DECREASING;

    private static final double STRONG = 0.95;
    private static final double PROBABLE = 0.90;

    /** @param coefficientOfVariation standard deviation over mean of the values */
    public static MarosTrend classify(MannKendall test, double coefficientOfVariation) {
        double confidence = test.confidence();
        if (test.s() > 0) {
            if (confidence > STRONG) return INCREASING;
            if (confidence >= PROBABLE) return PROBABLY_INCREASING;
            return NO_TREND;
        }
        if (test.s() < 0 && confidence > STRONG) return DECREASING;
        if (test.s() < 0 && confidence >= PROBABLE) return PROBABLY_DECREASING;
        return coefficientOfVariation >= 1 ? NO_TREND : STABLE;
    }

    public static double coefficientOfVariation(double[] values) {
        double mean = 0;
        for (double v : values) mean += v;
        mean /= values.length;
        double squares = 0;
        for (double v : values) squares += (v - mean) * (v - mean);
        double sd = Math.sqrt(squares / (values.length - 1));
        return mean == 0 ? Double.POSITIVE_INFINITY : sd / Math.abs(mean);
    }
}
