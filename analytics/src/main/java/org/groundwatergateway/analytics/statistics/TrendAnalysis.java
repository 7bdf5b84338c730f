package org.groundwatergateway.analytics.statistics;

import org.groundwatergateway.analytics.InvalidArgument;

/**
 * Everything a trend question gets answered with: the Mann–Kendall test, Sen's slope with its 95 % interval
 * and the MAROS class.
 */
public record TrendAnalysis(MannKendall mannKendall, SenSlope senSlope, MarosTrend trend) {

    public static final double CONFIDENCE = 0.95;

    /** @param times null for 1..n */
    public static TrendAnalysis of(double[] times, double[] values) {
        double[] t = times == null ? SenSlope.indices(values.length) : times;
        for (int i = 1; i < t.length; i++) {
            if (t[i] < t[i - 1]) throw new InvalidArgument("analytics.statistics.timesDecrease", (i + 1));
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) throw new InvalidArgument("analytics.statistics.notFinite", (i + 1));
        }
        MannKendall test = MannKendall.test(t, values);
        SenSlope slope = SenSlope.estimate(t, values, test.varS(), CONFIDENCE);
        return new TrendAnalysis(test, slope, MarosTrend.classify(test, MarosTrend.coefficientOfVariation(values)));
    }
}
