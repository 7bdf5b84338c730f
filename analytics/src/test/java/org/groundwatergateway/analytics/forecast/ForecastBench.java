package org.groundwatergateway.analytics.forecast;

import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Training on a year of hourly readings with a rainfall covariate (8,760 values, 5 lags, 9 rain sums), three horizons,
 * each with four calibration folds: fifteen elastic-net fits. Run with
 * {@code mvn -pl analytics test -Pbench -Dtest=ForecastBench}.
 */
@Tag("bench")
class ForecastBench {

    @Test
    void aYearOfHourlyReadings() {
        WellSeries year = SyntheticWells.AR1_RAIN.generate(8760, 1);
        ForecastSettings settings = ForecastSettings.of(FeatureDesign.of(5, 24, 1, 3, 6, 12, 24, 48, 96, 168, 336), 24, 72, 168);
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            LearnedForecaster forecaster = LearnedForecaster.train(year, settings);
            double seconds = (System.nanoTime() - start) / 1e9;
            long forecastStart = System.nanoTime();
            Forecast forecast = forecaster.forecast(year);
            double micros = (System.nanoTime() - forecastStart) / 1e3;
            System.out.printf(Locale.ROOT, "forecaster, 8,760 hourly values, 3 horizons: trained in %.2f s, one forecast in %.0f µs"
                    + " (run %d; 168 h ahead %.3f)%n", seconds, micros, run + 1, forecast.at(168).value());
        }
    }
}
