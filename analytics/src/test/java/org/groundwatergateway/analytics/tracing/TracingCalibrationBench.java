package org.groundwatergateway.analytics.tracing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.CandidatePosterior;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.ErrorModel;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.Result;
import org.groundwatergateway.analytics.tracing.ReleaseScenarios.Kind;
import org.groundwatergateway.analytics.tracing.ReleaseScenarios.Release;
import org.groundwatergateway.analytics.tracing.ReleaseScenarios.Scenario;
import org.groundwatergateway.analytics.transport.DomenicoSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue #21 item 1, first step: how the current tracer does on {@link ReleaseScenarios} (36 scenarios, seed 21) — how
 * often the true source ranks first (both in the top 3 for two releases) and how often the 90 % credible intervals of
 * release start and mass discharge, given the true source, contain the truth. A measurement, not a pass/fail test:
 * the table goes in docs/tracing.md as the baseline before the likelihood work. Run with
 * {@code mvn -o -pl analytics test -Pbench -Dtest=TracingCalibrationBench}.
 *
 * <p>The tracer is set up as {@code SiteTracing} sets it up with {@code SiteTracing.Model.DEFAULTS}: Domenico's plume
 * 20 m wide and 3 m deep, αL 5, αT 0.5, αV 0.05 m, R 1, no decay, screens 0.5 m deep, relative error 0.1, absolute
 * error a tenth of the rise threshold (1 µg/L, a tenth of benzene's class III limit), C₀ between 1 µg/L and 100 mg/L,
 * 40 draws × 5 rounds. It is told the fitted flow and the detection limit of each reading; the candidates are the 14
 * potential sources (no grid cells), with equal prior weights; release starts from 730 days before the window on.
 */
@Tag("bench")
class TracingCalibrationBench {

    private static final double THRESHOLD = 0.001;

    private record Outcome(Kind kind, boolean firstOrTop3, boolean startCovered, boolean massCovered, double truthProbability,
                           double startWidthDays, double massRatio) {}

    @Test
    void baselineOverTheReleaseScenarios() {
        long began = System.nanoTime();
        List<Scenario> scenarios = new ReleaseScenarios(21).generate();
        List<Outcome> outcomes = new ArrayList<>();
        for (Scenario s : scenarios) {
            DomenicoSource plume = new DomenicoSource(1, 20, 3, s.fittedFlow().seepageVelocity(), 1, 0, 5, 0.5, 0.05);
            var settings = new BayesianSourceTracer.Settings(s.fittedFlow(), plume, 0.5, ReleaseScenarios.POROSITY,
                    new ErrorModel(0.1, THRESHOLD / 10), new double[] {THRESHOLD, 1e5 * THRESHOLD}, 40, 5, 11);
            Instant earliest = ReleaseScenarios.NOW.minus(Duration.ofDays(ReleaseScenarios.WINDOW_DAYS + ReleaseScenarios.START_PRIOR_DAYS));
            long t0 = System.nanoTime();
            Result result = new BayesianSourceTracer(settings).trace(s.candidates(), s.observations(), earliest, ReleaseScenarios.NOW, 0.9,
                    Progress.NONE);
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<String> ranking = result.candidates().stream().map(p -> p.candidate().id()).toList();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%2d %-12s %5.1f s top %s p=%.3f", s.number(), s.kind(), seconds,
                    ranking.get(0), result.candidates().get(0).probability()));
            for (Release r : s.releases()) {
                int rank = ranking.indexOf(r.candidateId()) + 1;
                CandidatePosterior posterior = result.candidates().get(rank - 1);
                Instant trueStart = ReleaseScenarios.NOW.minus(Duration.ofMinutes(Math.round(r.startDaysAgo() * 1440)));
                boolean startIn = posterior.start() != null && !trueStart.isBefore(posterior.start().lower()) && !trueStart.isAfter(posterior.start().upper());
                var mass = posterior.massDischargeGramsPerDay();
                boolean massIn = mass != null && r.massDischargeGramsPerDay() >= mass.lower() && r.massDischargeGramsPerDay() <= mass.upper();
                double startWidth = posterior.start() == null ? Double.NaN
                        : Duration.between(posterior.start().lower(), posterior.start().upper()).toMinutes() / 1440.0;
                double ratio = mass == null ? Double.NaN : mass.upper() / mass.lower();
                boolean good = s.kind() == Kind.DOUBLE ? rank <= 3 : rank == 1;
                outcomes.add(new Outcome(s.kind(), good, startIn, massIn, posterior.probability(), startWidth, ratio));
                line.append(String.format(Locale.ROOT, " | true %s rank %d p=%.3f start %s (%.0f d ago; 90%% %s) mass %.3g g/d (90%% %s)",
                        r.candidateId(), rank, posterior.probability(), startIn ? "in" : "out", r.startDaysAgo(),
                        posterior.start() == null ? "none" : String.format(Locale.ROOT, "%.0f–%.0f d ago",
                                Duration.between(posterior.start().upper(), ReleaseScenarios.NOW).toMinutes() / 1440.0,
                                Duration.between(posterior.start().lower(), ReleaseScenarios.NOW).toMinutes() / 1440.0),
                        r.massDischargeGramsPerDay(), mass == null ? "none" : String.format(Locale.ROOT, "%.3g–%.3g", mass.lower(), mass.upper())));
            }
            if (s.known() != null) line.append(" | known ").append(s.known().candidateId()).append(" rank ").append(ranking.indexOf(s.known().candidateId()) + 1);
            System.out.println(line);
        }
        Map<Kind, List<Outcome>> byKind = new EnumMap<>(Kind.class);
        for (Outcome o : outcomes) byKind.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add(o);
        System.out.println();
        System.out.println("| scenarios | releases | true source first (double: in top 3) | start inside 90 % interval | mass discharge inside 90 % interval | median P(true source) | median start interval width | median mass interval upper/lower |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (var entry : byKind.entrySet()) print(entry.getKey().name(), entry.getValue());
        print("all", outcomes);
        System.out.printf(Locale.ROOT, "%n%d scenarios in %.0f s%n", scenarios.size(), (System.nanoTime() - began) / 1e9);
    }

    private static void print(String label, List<Outcome> outcomes) {
        long scenarios = label.equals("DOUBLE") ? outcomes.size() / 2 : outcomes.size();
        System.out.printf(Locale.ROOT, "| %s | %d | %d of %d | %d of %d | %d of %d | %.3f | %.1f d | %.2f |%n", label, outcomes.size(),
                outcomes.stream().filter(Outcome::firstOrTop3).count(), outcomes.size(),
                outcomes.stream().filter(Outcome::startCovered).count(), outcomes.size(),
                outcomes.stream().filter(Outcome::massCovered).count(), outcomes.size(),
                median(outcomes.stream().mapToDouble(Outcome::truthProbability).toArray()),
                median(outcomes.stream().mapToDouble(Outcome::startWidthDays).filter(Double::isFinite).toArray()),
                median(outcomes.stream().mapToDouble(Outcome::massRatio).filter(Double::isFinite).toArray()));
    }

    private static double median(double[] values) {
        if (values.length == 0) return Double.NaN;
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
