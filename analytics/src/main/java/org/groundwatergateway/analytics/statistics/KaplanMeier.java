package org.groundwatergateway.analytics.statistics;

import java.util.Arrays;
import java.util.List;
import org.groundwatergateway.analytics.InvalidArgument;

/**
 * The Kaplan–Meier estimate of the distribution of left-censored concentrations with any number of detection limits
 * (Helsel 2012, "Statistics for Censored Environmental Data Using Minitab and R", 2nd ed., ch. 6; USEPA 2009,
 * "Unified Guidance", ch. 15, Example 15-1). Helsel's flip turns non-detects into right-censored survival times; the
 * same product limit read without the flip runs downwards from the largest detect: at each detected value t the
 * probability of lying below t is the probability at t times (1 − d/r), with d detects equal to t and r results at or
 * below t, a non-detect counting at its limit. The probability still left below the lowest detect sits on the lowest
 * reported value, which is then a censored point. Mean and standard deviation are the moments of that step
 * distribution, without an n/(n − 1) factor, as the Guidance computes them.
 */
public final class KaplanMeier {

    private final DiscreteDistribution distribution;

    private KaplanMeier(DiscreteDistribution distribution) {
        this.distribution = distribution;
    }

    public static KaplanMeier fit(List<CensoredValue> data) {
        double[] detected = data.stream().filter(v -> !v.censored()).mapToDouble(CensoredValue::value).sorted().toArray();
        if (detected.length == 0) throw new InvalidArgument("analytics.statistics.kaplanMeierDetect");
        double[] all = data.stream().mapToDouble(CensoredValue::value).sorted().toArray();
        // Filled from the top down, with one slot spare for what is left below the lowest detect.
        double[] points = new double[detected.length + 1];
        double[] masses = new double[detected.length + 1];
        int slot = points.length;
        int atOrBelow = all.length;
        double below = 1; // probability of lying at or below the current detect
        for (int j = detected.length - 1; j >= 0; ) {
            double t = detected[j];
            int d = 0;
            for (; j >= 0 && detected[j] == t; j--) d++;
            while (all[atOrBelow - 1] > t) atOrBelow--;
            double remaining = below * (1 - (double) d / atOrBelow);
            slot--;
            points[slot] = t;
            masses[slot] = below - remaining;
            below = remaining;
        }
        boolean remainder = below > 0;
        if (remainder) {
            slot--;
            points[slot] = all[0];
            masses[slot] = below;
        }
        return new KaplanMeier(new DiscreteDistribution(Arrays.copyOfRange(points, slot, points.length),
                Arrays.copyOfRange(masses, slot, masses.length), remainder));
    }

    public double mean() {
        return distribution.mean();
    }

    public double sd() {
        return Math.sqrt(distribution.variance());
    }

    /** The p-quantile; censored when it falls on the probability left below the lowest detect. */
    public CensoredValue quantile(double p) {
        return distribution.quantile(p);
    }
}
