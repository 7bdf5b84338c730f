package org.groundwatergateway.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The forecaster on series whose best possible forecast errors are known in closed form ({@link SyntheticWells}):
 * 5,000 days, the last 20 % held out.
 */
class LearnedForecasterTest {

    private static final SyntheticWells WELL = SyntheticWells.AR1_RAIN;
    private static final FeatureDesign DESIGN = FeatureDesign.of(5, 7, 1, 2, 3, 5, 8, 13, 21, 34);
    private static final ForecastSettings SETTINGS = ForecastSettings.of(DESIGN, 1, 3, 7);
    private static WellSeries series;
    private static Backtest backtest;

    @BeforeAll
    static void trainOnceForAllChecks() {
        series = WELL.generate(5000, 7);
        backtest = Backtest.run(series, SETTINGS, 0.2, 0);
        for (Backtest.HorizonScore h : backtest.horizons()) {
            System.out.printf(Locale.ROOT, "AR(1)+rain h=%d: model RMSE %.4f (best possible %.4f), persistence %.4f (theory %.4f), coverage %.3f%n",
                    h.steps(), h.model().rmse(), WELL.optimalRmse(h.steps()), h.persistence().rmse(), WELL.persistenceRmse(h.steps()),
                    h.coverage());
        }
    }

    @Test
    void persistenceScoresAsTheoryPredicts() {
        // Sampling error of an RMSE over ~1,000 autocorrelated forecasts: a few per cent.
        for (Backtest.HorizonScore h : backtest.horizons()) {
            assertThat(h.forecasts()).isBetween(990, 1000);
            assertThat(h.persistence().rmse() / WELL.persistenceRmse(h.steps())).isBetween(0.92, 1.08);
        }
    }

    @Test
    void modelNearlyReachesTheBestPossibleForecastAndBeatsPersistence() {
        for (Backtest.HorizonScore h : backtest.horizons()) {
            // It cannot do better than the conditional mean (up to sampling), and should lose at most 5 % to it.
            assertThat(h.model().rmse() / WELL.optimalRmse(h.steps())).isBetween(0.93, 1.05);
        }
        // Theory: best/persistence = 0.935, 0.851 and 0.785; the test asks for most of that margin.
        assertThat(backtest.at(1).model().rmse()).isLessThan(0.97 * backtest.at(1).persistence().rmse());
        assertThat(backtest.at(3).model().rmse()).isLessThan(0.90 * backtest.at(3).persistence().rmse());
        assertThat(backtest.at(7).model().rmse()).isLessThan(0.85 * backtest.at(7).persistence().rmse());
        assertThat(backtest.at(7).model().mae()).isLessThan(0.85 * backtest.at(7).persistence().mae());
    }

    @Test
    void ninetyFivePercentIntervalsHoldNinetyFivePercentOfHeldOutValues() {
        for (Backtest.HorizonScore h : backtest.horizons()) {
            // ±2.5 points: about twice the binomial standard error at n = 1,000, widened for autocorrelated misses.
            assertThat(h.coverage()).isBetween(0.925, 0.975);
            // A 95 % interval of Gaussian-like errors spans about 2 × 1.96 RMSE: not vacuously wide.
            assertThat(h.meanIntervalWidth()).isLessThan(5 * h.model().rmse());
        }
    }

    @Test
    void eightyPercentIntervalsHoldEightyPercent() {
        Backtest narrow = Backtest.run(series, ForecastSettings.of(DESIGN, 7).withCoverage(0.8), 0.2, 0);
        assertThat(narrow.at(7).coverage()).isBetween(0.76, 0.84);
        assertThat(narrow.at(7).meanIntervalWidth()).isLessThan(backtest.at(7).meanIntervalWidth());
    }

    /**
     * A concentration growing e-fold every 1,000 hours with 2 % noise: the held-out tail is noisier than the calibration
     * folds, so constant offsets fall short, while offsets in units of the recent variability keep 95 %.
     */
    @Test
    void localIntervalsKeepTheirCoverageWhenNoiseGrowsWithTheLevel() {
        Random random = new Random(2026);
        double[] c = new double[4000];
        for (int t = 0; t < c.length; t++) c[t] = 100 * Math.exp(t / 1000.0) * (1 + 0.02 * random.nextGaussian());
        WellSeries rising = WellSeries.of(SyntheticWells.START, Duration.ofHours(1), c);
        ForecastSettings settings = ForecastSettings.of(FeatureDesign.of(6, 48), 24);
        Backtest local = Backtest.run(rising, settings.withWidth(ForecastSettings.IntervalWidth.LOCAL), 0.2, 0);
        Backtest constant = Backtest.run(rising, settings, 0.2, 0);
        System.out.printf(Locale.ROOT, "rising concentration: coverage %.3f with local, %.3f with constant width%n",
                local.at(24).coverage(), constant.at(24).coverage());
        assertThat(local.at(24).coverage()).isBetween(0.925, 0.975);
        assertThat(constant.at(24).coverage()).isLessThan(0.9);
        assertThat(local.at(24).model().rmse()).isLessThan(local.at(24).persistence().rmse());
    }

    @Test
    void rainfallIsWhatTheModelLearnsFrom() {
        WellSeries withoutRain = WellSeries.of(series.start(), series.step(), series.values());
        Backtest blind = Backtest.run(withoutRain, ForecastSettings.of(DESIGN, 3), 0.2, 0);
        System.out.printf(Locale.ROOT, "AR(1)+rain h=3 without the rain: model RMSE %.4f%n", blind.at(3).model().rmse());
        assertThat(backtest.at(3).model().rmse()).isLessThan(0.95 * blind.at(3).model().rmse());
    }

    @Test
    void sameSeriesSameForecasts() {
        WellSeries history = WELL.generate(1500, 11);
        assertThat(WELL.generate(1500, 11).values()).containsExactly(history.values());
        Forecast first = LearnedForecaster.train(history, SETTINGS).forecast(history);
        Forecast second = LearnedForecaster.train(history, SETTINGS).forecast(history);
        assertThat(second).isEqualTo(first);
        assertThat(first.origin()).isEqualTo(history.time(1499));
        assertThat(first.at(7).time()).isEqualTo(history.time(1499).plus(Duration.ofDays(7)));
        assertThat(first.points()).allSatisfy(p -> assertThat(p.lower()).isLessThan(p.value()).satisfies(
                lower -> assertThat(p.upper()).isGreaterThan(p.value())));
    }

    @Test
    void forecastingNeedsTheTrainedCovariatesAReadingAtTheOriginAndHistoryBeforeIt() {
        WellSeries history = WELL.generate(1500, 3);
        LearnedForecaster forecaster = LearnedForecaster.train(history, SETTINGS);
        assertThatThrownBy(() -> forecaster.forecast(WellSeries.of(history.start(), history.step(), history.values())))
                .hasMessageContaining("covariates");
        // A gap before the origin is bridged; an origin in a gap, or a history starting in one, is refused.
        double[] gap = history.values().clone();
        gap[1497] = Double.NaN;
        assertThat(forecaster.forecast(new WellSeries(history.start(), history.step(), gap, history.covariates())).points()).hasSize(3);
        gap[1499] = Double.NaN;
        assertThatThrownBy(() -> forecaster.forecast(new WellSeries(history.start(), history.step(), gap, history.covariates())))
                .hasMessageContaining("must be a reading");
        double[] late = history.values().clone();
        java.util.Arrays.fill(late, 0, 1495, Double.NaN);
        assertThatThrownBy(() -> forecaster.forecast(new WellSeries(history.start(), history.step(), late, history.covariates())))
                .hasMessageContaining("must all have values");
    }

    /**
     * A pure daily cycle in white noise, y = A·sin(2πt/24) + σε: seasonal naive errs by σ√2, persistence h steps ahead
     * by √(A²(1 − cos(2πh/24)) + 2σ²), since the mean of (sin α − sin β)² over a cycle is 1 − cos(α − β).
     */
    @Test
    void baselinesOfADailyCycleScoreAsTheoryPredicts() {
        double amplitude = 0.2;
        double sigma = 0.01;
        Random random = new Random(24);
        double[] y = new double[4000];
        for (int t = 0; t < y.length; t++) y[t] = 5 + amplitude * Math.sin(2 * Math.PI * t / 24) + sigma * random.nextGaussian();
        WellSeries hourly = WellSeries.of(SyntheticWells.START, Duration.ofHours(1), y);
        Backtest cycle = Backtest.run(hourly, ForecastSettings.of(FeatureDesign.of(24, 24), 6), 0.2, 24);
        Backtest.HorizonScore six = cycle.at(6);
        assertThat(six.seasonalNaive().rmse() / (sigma * Math.sqrt(2))).isBetween(0.95, 1.05);
        double persistence = Math.sqrt(amplitude * amplitude * (1 - Math.cos(2 * Math.PI * 6 / 24)) + 2 * sigma * sigma);
        assertThat(six.persistence().rmse() / persistence).isBetween(0.97, 1.03);
        // With a full day of lags the model can do what seasonal naive does, and average out some noise.
        assertThat(six.model().rmse()).isLessThan(six.seasonalNaive().rmse());
    }

    @Test
    void aSeriesTooShortToLearnFromIsRefusedWithTheReason() {
        double[] values = new double[60];
        for (int k = 0; k < values.length; k++) values[k] = Math.sin(k / 5.0);
        WellSeries tooShort = WellSeries.of(Instant.EPOCH, Duration.ofHours(1), values);
        assertThatThrownBy(() -> LearnedForecaster.train(tooShort, ForecastSettings.of(FeatureDesign.of(6, 24), 24)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("training samples").hasMessageContaining("at least 100");
    }
}
