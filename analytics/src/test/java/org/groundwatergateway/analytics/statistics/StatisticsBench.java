package org.groundwatergateway.analytics.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The sizes a well's datastream reaches: a year of hourly results with non-detects at two reporting limits, and ten
 * years of daily values tested for a seasonal trend by month; and (issue #15) a trend test of 100,000 values. Run with
 * {@code mvn -pl analytics test -Pbench -Dtest=StatisticsBench}.
 */
@Tag("bench")
class StatisticsBench {

    @Test
    void aYearOfHourlyResultsWithNonDetects() {
        Random random = new Random(42);
        List<CensoredValue> results = new ArrayList<>();
        for (int i = 0; i < 8760; i++) {
            double value = Math.exp(1 + 0.8 * random.nextGaussian());
            double limit = i < 4380 ? 2 : 1;
            results.add(value < limit ? CensoredValue.nonDetect(limit) : CensoredValue.detected(Math.round(value * 100) / 100.0));
        }
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            CensoredSummary ros = CensoredSummary.of(results);
            double rosSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            CensoredSummary km = CensoredSummary.of(results, CensoredSummary.Estimator.KAPLAN_MEIER);
            double kmSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "8760 results, %d detects: robust ROS %.3f s (mean %.3f), Kaplan-Meier %.3f s (mean %.3f) (run %d)%n",
                    ros.detects(), rosSeconds, ros.mean(), kmSeconds, km.mean(), run + 1);
        }
    }

    @Test
    void tenYearsOfDailyValuesBySeason() {
        Random random = new Random(7);
        int n = 3653;
        double[] times = new double[n];
        double[] values = new double[n];
        int[] month = new int[n];
        for (int i = 0; i < n; i++) {
            times[i] = 2015 + i / 365.25;
            month[i] = (int) ((times[i] - Math.floor(times[i])) * 12) + 1;
            values[i] = 5 + 0.1 * (times[i] - 2015) + Math.sin(2 * Math.PI * times[i]) + 0.5 * random.nextGaussian();
        }
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            SeasonalMannKendall test = SeasonalMannKendall.test(times, values, month);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "seasonal Kendall on %d daily values, 12 seasons: %.3f s (slope %.4f per year, Z %.1f) (run %d)%n",
                    n, seconds, test.senSlope().slope(), test.combined().z(), run + 1);
        }
    }

    /** Issue #15: pair by pair, 20,000 values ran out of memory; counted and selected, 100,000 take seconds. */
    @Test
    void trendOfAHundredThousandValues() {
        Random random = new Random(15);
        int n = 100_000;
        double[] times = new double[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = 2015 + i / 8766.0; // hourly, in decimal years
            values[i] = Math.round((5 + 0.1 * (times[i] - 2015) + 0.5 * random.nextGaussian()) * 100) / 100.0; // centimetres
        }
        // Memory as bytes allocated by the computation (garbage included); the peak is far lower: it runs in -Xmx32m.
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int run = 0; run < 3; run++) {
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            TrendAnalysis trend = TrendAnalysis.of(times, values);
            double seconds = (System.nanoTime() - start) / 1e9;
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            System.out.printf(Locale.ROOT, "BENCH trend of %d values: %.2f s, %d MB allocated (S %d, Sen slope %.4f [%.4f, %.4f] per year) (run %d)%n",
                    n, seconds, allocated >> 20, trend.mannKendall().s(), trend.senSlope().slope(),
                    trend.senSlope().lower(), trend.senSlope().upper(), run + 1);
        }
    }
}
