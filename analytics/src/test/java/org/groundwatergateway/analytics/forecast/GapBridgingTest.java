package org.groundwatergateway.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reporting gaps (issue #16: a forecast was refused for 24 h after any gap). An hourly concentration rising e-fold every
 * 2,000 h with 2 % noise, with a 2-day gap every 200 h (a restart, a dead modem: 24 % of the hours missing): the
 * forecaster learns across the gaps, forecasts from the first reading after one, and its 95 % intervals still hold 95 % of
 * the held-out readings — also the forecasts made from the first day after a gap, whose features lean on the bridge.
 */
class GapBridgingTest {

    private static final int LENGTH = 8000;
    private static final int EVERY = 200;
    private static final int GAP = 48;
    private static final int HORIZON = 24;
    private static final ForecastSettings SETTINGS = ForecastSettings.of(FeatureDesign.of(6, 24), HORIZON)
            .withWidth(ForecastSettings.IntervalWidth.LOCAL);
    private static WellSeries gappy;

    @BeforeAll
    static void aSeriesWithTwoDayGaps() {
        Random random = new Random(16);
        double[] c = new double[LENGTH];
        for (int t = 0; t < LENGTH; t++) c[t] = 100 * Math.exp(t / 2000.0) * (1 + 0.02 * random.nextGaussian());
        for (int start = EVERY - GAP; start < LENGTH - 1; start += EVERY) Arrays.fill(c, start, Math.min(start + GAP, LENGTH - 1), Double.NaN);
        gappy = WellSeries.of(SyntheticWells.START, Duration.ofHours(1), c);
    }

    @Test
    void bridgingDrawsStraightLinesBetweenReadingsOnly() {
        WellSeries s = WellSeries.of(SyntheticWells.START, Duration.ofHours(1), new double[] {Double.NaN, 1, Double.NaN, Double.NaN, 4, Double.NaN});
        double[] b = s.bridged().values();
        assertThat(b[0]).isNaN();
        assertThat(b[2]).isCloseTo(2, within(1e-12));
        assertThat(b[3]).isCloseTo(3, within(1e-12));
        assertThat(b[5]).isNaN();
    }

    @Test
    void aForecastIsMadeFromTheFirstReadingAfterAGap() {
        // The series ends 3 h after a 2-day gap: 21 of the 24 hours the features look at are bridged.
        int end = 2 * EVERY + 3;
        WellSeries history = gappy.head(end);
        assertThat(history.value(end - 4)).isNaN();
        Forecast forecast = LearnedForecaster.train(history, SETTINGS).forecast(history);
        assertThat(forecast.origin()).isEqualTo(history.time(end - 1));
        Forecast.Point day = forecast.at(HORIZON);
        assertThat(day.lower()).isLessThan(day.value());
        assertThat(day.upper()).isGreaterThan(day.value());
    }

    @Test
    void ninetyFivePercentIntervalsHoldNinetyFivePercentAlsoRightAfterGaps() {
        Backtest backtest = Backtest.run(gappy, SETTINGS, 0.2, 0);
        Backtest.HorizonScore h = backtest.at(HORIZON);

        // The same held-out forecasts, counted only from origins in the first 24 h after a gap.
        int split = backtest.trainingSteps();
        LearnedForecaster forecaster = LearnedForecaster.train(gappy.head(split), SETTINGS);
        int afterGap = 0;
        int held = 0;
        for (int origin = split; origin + HORIZON < LENGTH; origin++) {
            int sinceGap = origin % EVERY;
            if (sinceGap >= 24 || !Double.isFinite(gappy.value(origin)) || !Double.isFinite(gappy.value(origin + HORIZON))) continue;
            Forecast.Point p = forecaster.forecastFrom(gappy, origin).at(HORIZON);
            double observed = gappy.value(origin + HORIZON);
            afterGap++;
            if (observed >= p.lower() && observed <= p.upper()) held++;
        }
        double coverageAfterGap = (double) held / afterGap;
        System.out.printf(Locale.ROOT, "2-day gaps every %d h: %d held-out forecasts 24 h ahead, coverage %.3f (model RMSE %.3f, persistence %.3f); "
                + "from the first day after a gap: %d forecasts, coverage %.3f%n", EVERY, h.forecasts(), h.coverage(), h.model().rmse(),
                h.persistence().rmse(), afterGap, coverageAfterGap);
        assertThat(h.coverage()).isBetween(0.925, 0.975);
        assertThat(afterGap).isGreaterThan(80);
        assertThat(coverageAfterGap).isBetween(0.9, 1.0);
    }
}
