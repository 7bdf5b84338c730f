package org.groundwatergateway.analytics.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The training samples of one horizon: every origin whose features and target are known, in time order. */
final class Samples {

    private final int horizon;
    private final int[] origins;
    private final List<double[]> features;
    private final double[] targets;
    private final double[] variabilities;
    private final boolean[] bridged;

    private Samples(int horizon, int[] origins, List<double[]> features, double[] targets, double[] variabilities, boolean[] bridged) {
        this.horizon = horizon;
        this.origins = origins;
        this.features = features;
        this.targets = targets;
        this.variabilities = variabilities;
        this.bridged = bridged;
    }

    /** Targets and origins are real readings; features are taken from the series with its gaps bridged ({@link WellSeries#bridged}). */
    static Samples of(WellSeries series, FeatureDesign design, int horizon) {
        WellSeries bridged = series.bridged();
        int[] origins = new int[series.length()];
        double[] targets = new double[series.length()];
        double[] variabilities = new double[series.length()];
        boolean[] acrossGap = new boolean[series.length()];
        List<double[]> features = new ArrayList<>();
        int n = 0;
        for (int t = 0; t + horizon < series.length(); t++) {
            double change = series.value(t + horizon) - series.value(t);
            double[] x = Double.isFinite(change) ? design.at(bridged, t, horizon) : null;
            if (x == null) continue;
            origins[n] = t;
            targets[n] = change;
            variabilities[n] = design.variability(series, t);
            acrossGap[n] = design.hasGap(series, t);
            features.add(x);
            n++;
        }
        return new Samples(horizon, Arrays.copyOf(origins, n), features, Arrays.copyOf(targets, n), Arrays.copyOf(variabilities, n),
                Arrays.copyOf(acrossGap, n));
    }

    int size() {
        return origins.length;
    }

    int origin(int i) {
        return origins[i];
    }

    double[] features(int i) {
        return features.get(i);
    }

    /** y(t + h) − y(t). */
    double target(int i) {
        return targets[i];
    }

    /** {@link FeatureDesign#variability} at the origin. */
    double variability(int i) {
        return variabilities[i];
    }

    /** Whether the sample's features look across a bridged gap. */
    boolean bridged(int i) {
        return bridged[i];
    }

    /** How many samples have their target observed by step {@code step}: those a model trained then may use. */
    int knownBy(int step) {
        int i = 0;
        while (i < origins.length && origins[i] + horizon <= step) i++;
        return i;
    }
}
