package org.groundwatergateway.analytics.forecast;

import java.util.Arrays;
import org.groundwatergateway.analytics.InvalidArgument;

/**
 * How a forecaster is built: its features, the horizons (in steps of the series) it forecasts, the interval coverage,
 * how the interval's width follows the series and how many rolling-origin folds calibrate the intervals.
 */
public record ForecastSettings(FeatureDesign features, int[] horizons, double coverage, IntervalWidth width, int calibrationFolds) {

    public enum IntervalWidth {
        /** The same offsets from every origin: for errors of one size throughout, such as a water level's. */
        CONSTANT,
        /**
         * Offsets in units of the series' recent {@linkplain FeatureDesign#variability variability}, the locally
         * weighted split conformal interval of Lei et al. (2018, §5.2): for a concentration whose noise grows with it.
         */
        LOCAL
    }

    public static final double DEFAULT_COVERAGE = 0.95;
    public static final int DEFAULT_FOLDS = 4;

    public ForecastSettings {
        if (features == null || width == null) throw new InvalidArgument("analytics.forecast.settings");
        horizons = Arrays.stream(horizons).sorted().distinct().toArray();
        if (horizons.length == 0 || horizons[0] < 1) throw new InvalidArgument("analytics.forecast.horizons");
        if (!(coverage > 0 && coverage < 1)) throw new InvalidArgument("analytics.forecast.coverage");
        if (calibrationFolds < 1) throw new InvalidArgument("analytics.forecast.folds");
    }

    /** Constant-width 95 % intervals calibrated on {@value #DEFAULT_FOLDS} folds. */
    public static ForecastSettings of(FeatureDesign features, int... horizons) {
        return new ForecastSettings(features, horizons, DEFAULT_COVERAGE, IntervalWidth.CONSTANT, DEFAULT_FOLDS);
    }

    public ForecastSettings withCoverage(double other) {
        return new ForecastSettings(features, horizons, other, width, calibrationFolds);
    }

    public ForecastSettings withWidth(IntervalWidth other) {
        return new ForecastSettings(features, horizons, coverage, other, calibrationFolds);
    }

    public ForecastSettings withCalibrationFolds(int other) {
        return new ForecastSettings(features, horizons, coverage, width, other);
    }
}
