package org.groundwatergateway.core.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.Candidate;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.Observation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bayesian tracing of the benzene leak over 50 candidate sources (the ten potential sources and forty 20 m cells
 * around the tank farm) from the daily means of the 30 unconfined wells' hourly readings in the 30 days after the
 * release (900 readings), as in {@link DemoParkTracingTest}. Run with {@code mvn -pl core test -Pbench -Dtest=DemoParkTracingBench}.
 */
@Tag("bench")
class DemoParkTracingBench {

    @Test
    void fiftyCandidatesOnThirtyDaysOfDailyMeans() {
        DemoPark.Leak leak = DemoPark.BENZENE_LEAK;
        List<Observation> observations = DemoParkTracingTest.dailyMeans(new DemoSignals(), "benzene", leak.start(), 30, 0.001, 0, 0.0002);
        List<Candidate> candidates = new ArrayList<>(DemoParkTracingTest.candidates(leak.widthM(), 0, 0, 0, 0));
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 5; j++) {
                double x = 580 + 20 * i;
                double y = 1250 + 20 * j;
                candidates.add(new Candidate("cell-" + i + "-" + j, "E01", x, y, DemoParkTracingTest.square(x, y, 20), 1));
            }
        }
        BayesianSourceTracer tracer = DemoParkTracingTest.tracer(leak, new BayesianSourceTracer.ErrorModel(0.1, 0.0001), new double[] {0.01, 1000});
        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            BayesianSourceTracer.Result result = tracer.trace(candidates, observations, leak.start().minus(Duration.ofDays(180)),
                    leak.start().plus(Duration.ofDays(30)), 0.9, Progress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "BENCH tracing %d candidates, %d readings: %.2f s (run %d; top %s p=%.3f, %d reach a well)%n",
                    candidates.size(), observations.size(), seconds, run, result.enterprises().get(0).enterpriseId(),
                    result.enterprises().get(0).probability(), result.reachedCandidates());
        }
    }
}
