package org.groundwatergateway.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.groundwatergateway.analytics.forecast.Backtest;
import org.groundwatergateway.analytics.forecast.FeatureDesign;
import org.groundwatergateway.analytics.forecast.ForecastSettings;
import org.groundwatergateway.analytics.forecast.WellSeries;
import org.junit.jupiter.api.Test;

/**
 * The learned forecaster on the demo year (docs/demo-park.md), trained on the first 80 % and scored on the last
 * 20 % (2026-08-20 to 2026-11-01): it must beat persistence, the forecast a duty officer makes by reading the
 * last value.
 */
class DemoForecastTest {

    private static final double HELD_OUT = 0.2;
    private final DemoSignals signals = new DemoSignals();

    private double[] series(String wellCode, String parameter) {
        DemoPark.WellPlan well = wellCode.startsWith("WS-") ? null
                : DemoPark.wells().stream().filter(w -> w.code().equals(wellCode)).findFirst().orElseThrow();
        return signals.series(new DemoSignals.Stream(wellCode + "/" + parameter, well, parameter, false), DemoSignals.HOURS);
    }

    private static Backtest backtest(String label, WellSeries series, ForecastSettings settings) {
        long start = System.nanoTime();
        Backtest backtest = Backtest.run(series, settings, HELD_OUT, 0);
        double seconds = (System.nanoTime() - start) / 1e9;
        for (Backtest.HorizonScore h : backtest.horizons()) {
            System.out.printf(Locale.ROOT, "%s, %d h ahead, %d forecasts: model MAE %.5g RMSE %.5g; persistence MAE %.5g RMSE %.5g;"
                            + " 95 %% interval coverage %.3f, mean width %.4g (trained on %d h in %.1f s)%n",
                    label, h.steps(), h.forecasts(), h.model().mae(), h.model().rmse(), h.persistence().mae(), h.persistence().rmse(),
                    h.coverage(), h.meanIntervalWidth(), backtest.trainingSteps(), seconds);
        }
        return backtest;
    }

    /** The water table at GW-U01 answers WS-01's rain (4 mm per mm, 6-day recession) on top of the seasonal swing. */
    @Test
    void unconfinedWaterLevelWithRainfallBeatsPersistence() {
        WellSeries level = WellSeries.of(DemoPark.START, Duration.ofHours(1), series("GW-U01", "water-level"))
                .withCovariate("rainfall", series("WS-01", "rainfall"));
        FeatureDesign design = FeatureDesign.of(6, 24, 1, 3, 6, 12, 24, 48, 96, 168, 336);
        Backtest backtest = backtest("GW-U01 water level (m)", level, ForecastSettings.of(design, 24, 72));
        // Rain still to fall is unforeseeable; what can be foreseen is the recession of past recharge and the season,
        // worth a few per cent of the error a day ahead and more over three days.
        assertThat(backtest.at(24).model().rmse()).isLessThan(0.97 * backtest.at(24).persistence().rmse());
        assertThat(backtest.at(24).model().mae()).isLessThan(0.97 * backtest.at(24).persistence().mae());
        assertThat(backtest.at(72).model().rmse()).isLessThan(0.9 * backtest.at(72).persistence().rmse());
        assertThat(backtest.at(72).model().mae()).isLessThan(0.9 * backtest.at(72).persistence().mae());
    }

    /**
     * Benzene 25 m downgradient of the leaking tank farm, rising through the held-out months, with 2 % noise: intervals
     * scaled by the recent variability, since the noise grows with the concentration.
     */
    @Test
    void benzeneAfterTheReleaseBeatsPersistence() {
        WellSeries benzene = WellSeries.of(DemoPark.START, Duration.ofHours(1), series("GW-U05", "benzene"));
        ForecastSettings settings = ForecastSettings.of(FeatureDesign.of(6, 48), 24).withWidth(ForecastSettings.IntervalWidth.LOCAL);
        Backtest backtest = backtest("GW-U05 benzene (µg/L)", benzene, settings);
        Backtest.HorizonScore day = backtest.at(24);
        // Persistence carries one reading's noise plus the rise; the model averages the noise away (best case 1/√2).
        assertThat(day.model().rmse()).isLessThan(0.8 * day.persistence().rmse());
        assertThat(day.model().mae()).isLessThan(0.8 * day.persistence().mae());
        assertThat(day.coverage()).isBetween(0.9, 0.99);
    }
}
