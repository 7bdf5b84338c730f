package org.groundwatergateway.analytics.forecast;

import java.util.ArrayList;
import java.util.List;
import org.groundwatergateway.analytics.InvalidArgument;

/**
 * A held-out test of a forecaster: it is trained on the series up to the tail, then forecasts from every origin in
 * the tail whose target also lies in it, with nothing after the origin in view (rolling origin, fixed model;
 * Tashman 2000, "Out-of-sample tests of forecasting accuracy: an analysis and review", Int. J. Forecasting 16).
 * Per horizon it reports MAE and RMSE of the model against the naive forecast (the last value) and, where the
 * series has a season of {@code seasonSteps}, the seasonal naive forecast y(t + h − m⌈h/m⌉) (Hyndman &amp;
 * Athanasopoulos, Forecasting: Principles and Practice, 3rd ed., §5.2 and §5.8), and how often the interval
 * held the observed value.
 */
public record Backtest(int trainingSteps, List<HorizonScore> horizons) {

    public record Errors(double mae, double rmse) {

        static Errors of(double[] errors, int n) {
            double absolute = 0;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                absolute += Math.abs(errors[i]);
                squares += errors[i] * errors[i];
            }
            return new Errors(absolute / n, Math.sqrt(squares / n));
        }
    }

    /** @param seasonalNaive null without a season */
    public record HorizonScore(int steps, int forecasts, Errors model, Errors persistence, Errors seasonalNaive, double coverage,
                               double meanIntervalWidth) {}

    public Backtest {
        horizons = List.copyOf(horizons);
    }

    /**
     * @param heldOutFraction the share of the series at its end kept out of training
     * @param seasonSteps the season in steps (24 for a daily cycle in hourly data), 0 for none
     */
    public static Backtest run(WellSeries series, ForecastSettings settings, double heldOutFraction, int seasonSteps) {
        if (!(heldOutFraction > 0 && heldOutFraction < 1)) throw new InvalidArgument("analytics.forecast.heldOut");
        if (seasonSteps < 0) throw new InvalidArgument("analytics.forecast.season");
        int split = (int) Math.round(series.length() * (1 - heldOutFraction));
        LearnedForecaster forecaster = LearnedForecaster.train(series.head(split), settings);
        int[] steps = settings.horizons();
        int capacity = series.length() - split + 1;
        double[][] model = new double[steps.length][capacity];
        double[][] naive = new double[steps.length][capacity];
        double[][] seasonal = new double[steps.length][capacity];
        double[] covered = new double[steps.length];
        double[] width = new double[steps.length];
        int[] count = new int[steps.length];
        // Origins are readings, their features taken across bridged gaps as the forecaster takes them; targets are readings.
        WellSeries bridged = series.bridged();
        for (int origin = split - 1; origin < series.length() - steps[0]; origin++) {
            if (!Double.isFinite(series.value(origin)) || settings.features().at(bridged, origin, steps[0]) == null) continue;
            Forecast forecast = forecaster.forecastFrom(series, bridged, origin);
            for (int k = 0; k < steps.length; k++) {
                int target = origin + steps[k];
                if (target >= series.length() || !Double.isFinite(series.value(target))) continue;
                double observed = series.value(target);
                Forecast.Point point = forecast.points().get(k);
                double seasonalValue = seasonSteps > 0 ? seasonalNaive(series, target, steps[k], seasonSteps) : 0;
                if (!Double.isFinite(seasonalValue)) continue;
                int i = count[k]++;
                model[k][i] = point.value() - observed;
                naive[k][i] = series.value(origin) - observed;
                seasonal[k][i] = seasonalValue - observed;
                if (observed >= point.lower() && observed <= point.upper()) covered[k]++;
                width[k] += point.upper() - point.lower();
            }
        }
        List<HorizonScore> scores = new ArrayList<>();
        for (int k = 0; k < steps.length; k++) {
            int n = count[k];
            if (n == 0) throw new InvalidArgument("analytics.forecast.noTailForecast", steps[k]);
            scores.add(new HorizonScore(steps[k], n, Errors.of(model[k], n), Errors.of(naive[k], n),
                    seasonSteps > 0 ? Errors.of(seasonal[k], n) : null, covered[k] / n, width[k] / n));
        }
        return new Backtest(split, scores);
    }

    /** y(t + h − m⌈h/m⌉): the value one or more whole seasons before the target, at or before the origin. */
    private static double seasonalNaive(WellSeries series, int target, int steps, int season) {
        int source = target - season * ((steps + season - 1) / season);
        return source >= 0 ? series.value(source) : Double.NaN;
    }

    public HorizonScore at(int steps) {
        return horizons.stream().filter(h -> h.steps() == steps).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no horizon of " + steps + " steps"));
    }
}
