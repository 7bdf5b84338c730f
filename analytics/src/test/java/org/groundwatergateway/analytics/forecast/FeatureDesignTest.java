package org.groundwatergateway.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeatureDesignTest {

    /**
     * On a ramp y = 2 + 0.5t with one mm of rain each day: lag k is −0.5k, the window mean lies 0.5(w − 1)/2 below the
     * level, the slope is 0.5 a step, a rain sum over w days is w mm, and the year's phase at the target time is
     * 2π·(days since 1970)/365.2425.
     */
    @Test
    void featuresOfARampAreExact() {
        double[] ramp = new double[100];
        double[] rain = new double[100];
        for (int t = 0; t < 100; t++) {
            ramp[t] = 2 + 0.5 * t;
            rain[t] = 1;
        }
        WellSeries series = WellSeries.of(Instant.EPOCH, Duration.ofDays(1), ramp).withCovariate("rainfall", rain);
        FeatureDesign design = FeatureDesign.of(3, 8, 2, 10);
        assertThat(design.history()).isEqualTo(10);
        assertThat(design.names(series)).containsExactly("level", "lag-1", "lag-2", "lag-3", "window-mean", "window-slope",
                "year-sin", "year-cos", "rainfall-sum-2", "rainfall-sum-10");
        double[] x = design.at(series, 50, 40);
        double phase = 2 * Math.PI * 90 / 365.2425;
        assertThat(x).containsExactly(new double[] {27, -0.5, -1, -1.5, -0.5 * 7 / 2, 0.5, Math.sin(phase), Math.cos(phase), 2, 10},
                within(1e-12));
    }

    @Test
    void noFeaturesWithoutEnoughHistoryOrWithAGap() {
        double[] y = new double[30];
        WellSeries series = WellSeries.of(Instant.EPOCH, Duration.ofHours(1), y);
        FeatureDesign design = FeatureDesign.of(4, 6);
        assertThat(design.at(series, 4, 1)).isNull();
        assertThat(design.at(series, 5, 1)).isNotNull();
        y[20] = Double.NaN;
        WellSeries gappy = WellSeries.of(Instant.EPOCH, Duration.ofHours(1), y);
        assertThat(design.at(gappy, 22, 1)).isNull();
        assertThat(design.at(gappy, 26, 1)).isNotNull();
    }
}
