package org.groundwatergateway.analytics.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * A daily water level with a known structure: y = μ + x + r, where x is AR(1), x(t) = φ·x(t−1) + σ·ε(t), and r is the
 * rain mound of a linear reservoir, r(t) = a·r(t−1) + b·R(t), a = exp(−1/τ), fed by rain R that falls on a day with
 * probability p and is then exponential with mean m. Both parts are linear processes driven by independent white
 * noise, so the errors of the best forecast and of persistence are known in closed form (Box, Jenkins &amp; Reinsel,
 * Time Series Analysis, 4th ed., §5.2: the h-step error variance of a linear process is σ²·Σ_{j<h} ψ_j²).
 * {@link #AR1_RAIN} has a slow drift (φ = 0.95) and a quick rain mound (τ = 3 days), so only a forecaster that
 * sees the rain can tell a receding mound from the drift.
 */
record SyntheticWells(double phi, double sigma, double tau, double risePerMm, double wetChance, double meanRain) {

    static final SyntheticWells AR1_RAIN = new SyntheticWells(0.95, 0.015, 3, 0.005, 0.3, 10);
    static final double MEAN_LEVEL = 3.0;
    static final Instant START = Instant.parse("2010-01-01T00:00:00Z");

    WellSeries generate(int days, long seed) {
        Random random = new Random(seed);
        double a = Math.exp(-1 / tau);
        double[] level = new double[days];
        double[] rain = new double[days];
        double x = 0;
        double r = 0;
        for (int t = 0; t < days; t++) {
            rain[t] = random.nextDouble() < wetChance ? -meanRain * Math.log(1 - random.nextDouble()) : 0;
            x = phi * x + sigma * random.nextGaussian();
            r = a * r + risePerMm * rain[t];
            level[t] = MEAN_LEVEL + x + r;
        }
        return WellSeries.of(START, Duration.ofDays(1), level).withCovariate("rainfall", rain);
    }

    private double rainVariance() {
        return wetChance * meanRain * meanRain * (2 - wetChance);
    }

    /** RMSE of the best h-step forecast given the whole past: σ²(1 − φ^2h)/(1 − φ²) + b²Var(R)(1 − a^2h)/(1 − a²). */
    double optimalRmse(int h) {
        double a = Math.exp(-1 / tau);
        return Math.sqrt(sigma * sigma * (1 - Math.pow(phi, 2 * h)) / (1 - phi * phi)
                + risePerMm * risePerMm * rainVariance() * (1 - Math.pow(a, 2 * h)) / (1 - a * a));
    }

    /** RMSE of persistence: Var(y(t + h) − y(t)) = 2γ_x(1 − φ^h) + 2γ_r(1 − a^h) for the two AR(1) parts. */
    double persistenceRmse(int h) {
        double a = Math.exp(-1 / tau);
        double gammaX = sigma * sigma / (1 - phi * phi);
        double gammaR = risePerMm * risePerMm * rainVariance() / (1 - a * a);
        return Math.sqrt(2 * gammaX * (1 - Math.pow(phi, h)) + 2 * gammaR * (1 - Math.pow(a, h)));
    }
}
