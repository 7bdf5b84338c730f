package org.groundwatergateway.core.demo;

import static org.groundwatergateway.core.demo.DemoPark.BENZENE_LEAK;
import static org.groundwatergateway.core.demo.DemoPark.CHROMIUM_LEAK;
import static org.groundwatergateway.core.demo.DemoPark.START;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Random;

/**
 * Hourly values of every demo datastream over the full demo year: heads from the regional gradient, the
 * season and rain recharge; water chemistry from the two plumes; instrument noise; then the injected faults.
 * Each stream has its own seeded random source, so its values do not depend on which others are generated.
 */
final class DemoSignals {

    static final int HOURS = DemoPark.FULL_DAYS * 24;
    private static final double TWO_PI = 2 * Math.PI;
    /** Water-table rise per mm of rain (recharge fraction 0.2 over specific yield 0.05 ≈ 4 mm per mm). */
    private static final double RISE_PER_MM = 0.004;
    /** Recession time constant of a recharge mound, hours. */
    private static final double RECESSION_HOURS = 6 * 24;
    /** Semi-diurnal lunar tide, hours: coastal confined aquifers show it. */
    private static final double M2_TIDE_HOURS = 12.42;

    private final double[] rainfall = rainfall();
    private final double[] rainRise = rainRise(rainfall);

    /** A datastream to generate: where, what, and whether it is the second sensor of a dual-sensor pair. */
    record Stream(String code, DemoPark.WellPlan well, String parameterCode, boolean secondSensor) {}

    /** Hourly values from {@link DemoPark#START}, {@code hours} long; NaN where no reading exists. */
    double[] series(Stream stream, int hours) {
        Random noise = new Random(stream.code().hashCode() * 31L + 20251101L);
        double[] values = new double[HOURS];
        for (int h = 0; h < HOURS; h++) {
            values[h] = value(stream, START.plusSeconds(h * 3600L), noise);
        }
        DemoFaults.apply(stream.code(), START, values);
        return java.util.Arrays.copyOf(values, Math.min(hours, HOURS));
    }

    /**
     * The value at any instant, also after the demo year (whose weather then repeats), with noise of its own
     * and without the injected faults: what the simulator sends live.
     */
    double valueAt(Stream stream, Instant at) {
        return value(stream, at, new Random(stream.code().hashCode() * 31L + at.getEpochSecond()));
    }

    private double value(Stream s, Instant at, Random noise) {
        double hoursSinceStart = (at.getEpochSecond() - START.getEpochSecond()) / 3600.0;
        int h = (int) Math.floorMod((long) Math.floor(hoursSinceStart), (long) HOURS);
        LocalDateTime local = LocalDateTime.ofInstant(at, DemoPark.CHINA);
        double hourOfDay = local.getHour() + local.getMinute() / 60.0;
        double dayOfYear = local.getDayOfYear() + hourOfDay / 24.0;
        DemoPark.WellPlan w = s.well();
        return switch (s.parameterCode()) {
            case "rainfall" -> rainfall[h];
            case "air-temperature" -> round(15.5 + 11 * Math.sin(TWO_PI * (dayOfYear - 110) / 365)
                    + 4 * Math.sin(TWO_PI * (hourOfDay - 9) / 24.0) + 0.8 * noise.nextGaussian(), 1);
            case "water-level" -> round(head(w, h, hoursSinceStart, dayOfYear) + 0.003 * noise.nextGaussian(), 3);
            case "water-temperature" -> round((w.confined() ? 17.6 + 0.15 * Math.sin(TWO_PI * (dayOfYear - 260) / 365)
                    : 16.8 + 1.3 * Math.sin(TWO_PI * (dayOfYear - 230) / 365)) + 0.02 * noise.nextGaussian(), 2);
            case "ph" -> round(7.55 + 0.1 * Math.sin(w.east() / 300.0) - 0.9 * chromium(w, at) / CHROMIUM_LEAK.sourceConcentration()
                    + 0.02 * noise.nextGaussian(), 2);
            case "conductivity" -> round((650 + 0.25 * w.east() + 1200 * chromium(w, at) / CHROMIUM_LEAK.sourceConcentration()
                    - (w.confined() ? 0 : 25 * rainRise[h])) * (1 + 0.01 * noise.nextGaussian()) + (s.secondSensor() ? 4 : 0), 0);
            case "benzene" -> round(Math.max(0, 1000 * benzene(w, at) * (1 + 0.02 * noise.nextGaussian()) + 0.05 * noise.nextGaussian()), 2);
            case "chromium-vi" -> round(Math.max(0, (0.002 + chromium(w, at)) * (1 + 0.02 * noise.nextGaussian())
                    + 0.0005 * noise.nextGaussian()), 4);
            default -> throw new IllegalArgumentException("the demo does not generate " + s.parameterCode());
        };
    }

    private double head(DemoPark.WellPlan w, int h, double hoursSinceStart, double dayOfYear) {
        if (w.confined()) {
            double coast = w.east() / 3000.0;
            return DemoPark.confinedBaseHead(w.east(), w.north()) + 0.2 * Math.sin(TWO_PI * (dayOfYear - 140) / 365)
                    + 0.03 * coast * Math.cos(TWO_PI * hoursSinceStart / M2_TIDE_HOURS);
        }
        return DemoPark.unconfinedBaseHead(w.east(), w.north()) + 0.45 * Math.sin(TWO_PI * (dayOfYear - 120) / 365) + rainRise[h];
    }

    private static double benzene(DemoPark.WellPlan w, Instant at) {
        return w.confined() ? 0 : BENZENE_LEAK.concentration(w.east(), w.north(), at);
    }

    private static double chromium(DemoPark.WellPlan w, Instant at) {
        return w.confined() ? 0 : CHROMIUM_LEAK.concentration(w.east(), w.north(), at);
    }

    /**
     * Hourly rainfall (mm) for a year on the Jiangsu coast: about 1,050 mm, wettest in the plum-rain
     * season (mid-June to mid-July) and with summer storms; storms last a few hours.
     */
    private static double[] rainfall() {
        // Probability that a day has rain, and mean rain on a wet day (mm), by calendar month.
        double[] wetDayChance = {0.25, 0.28, 0.33, 0.33, 0.33, 0.42, 0.48, 0.38, 0.30, 0.22, 0.22, 0.22};
        double[] meanWetDay = {6, 7, 8, 9, 10, 14, 15, 15, 10, 7, 6, 5};
        Random random = new Random(1050L);
        double[] rain = new double[HOURS];
        for (int day = 0; day < DemoPark.FULL_DAYS; day++) {
            int month = LocalDateTime.ofInstant(START.plusSeconds(day * 86400L), DemoPark.CHINA).getMonthValue() - 1;
            if (random.nextDouble() >= wetDayChance[month]) continue;
            double total = -meanWetDay[month] * Math.log(1 - random.nextDouble());
            int duration = 2 + random.nextInt(8);
            int first = day * 24 + random.nextInt(24 - duration);
            for (int h = 0; h < duration; h++) {
                rain[first + h] += round(total / duration, 1);
            }
        }
        return rain;
    }

    private static double[] rainRise(double[] rain) {
        double[] rise = new double[rain.length];
        double decay = Math.exp(-1 / RECESSION_HOURS);
        double mound = 0;
        for (int h = 0; h < rain.length; h++) {
            mound = mound * decay + RISE_PER_MM * rain[h];
            rise[h] = mound;
        }
        return rise;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
