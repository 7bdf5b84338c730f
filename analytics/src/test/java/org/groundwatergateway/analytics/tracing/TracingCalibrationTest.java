package org.groundwatergateway.analytics.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.Candidate;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.CandidatePosterior;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.ErrorModel;
import org.groundwatergateway.analytics.tracing.ReleaseScenarios.Kind;
import org.groundwatergateway.analytics.tracing.ReleaseScenarios.Release;
import org.groundwatergateway.analytics.tracing.ReleaseScenarios.Scenario;
import org.groundwatergateway.analytics.transport.DomenicoSource;
import org.junit.jupiter.api.Test;

/**
 * Issue #21's done-means, asserted: the multi-source tracer over the 36 {@link ReleaseScenarios} (seed 21; an
 * independent forward model, Wexler's 3-D patch source, parameters away from the tracer's, 200 m network, noise and
 * non-detects). The tracer is set up as {@code SiteTracing} sets it up ({@code SiteTracing.Model.DEFAULTS}: Domenico,
 * 20 × 3 m, αL 5, αT 0.5, αV 0.05 m, R 1, screens 0.5 m, relative error 0.1, absolute 0.1 µg/L; C₀ 1 µg/L – 100 mg/L;
 * {@link MultiSourceTracer.Priors#DEFAULTS}); it is told the fitted flow, each reading's detection limit, and, in the
 * beside-a-known-plume scenarios, the known plume's source (its start anywhere in the 2,000 days before now).
 *
 * <p>Targets (issue #21), how they are scored, and which are met (measured figures in docs/tracing.md):
 * <ul>
 *   <li>single releases (kinds single, weak, late-detected): the true source first by probability in ≥ 90 %;</li>
 *   <li>beside a known plume: the new source first among the candidates in ≥ 90 % (the known one is not a candidate);</li>
 *   <li>double releases: both true sources in the top 3 in ≥ 80 % of scenarios;</li>
 *   <li>every release: the true start and the true mass discharge inside the 90 % credible interval (given the true
 *       source: its candidate's intervals) in 80–97 % of releases each.</li>
 * </ul>
 * Met on this seed and asserted as the issue states them (no further tolerance): single releases first (23 of 24), doubles
 * (both in the top 3 in 6 of 6), beside a known plume (6 of 6 first), start covered (39 of 42) and mass discharge covered
 * (40 of 42); the sampler's convergence at its measured level. Over seeds 21–41 (docs/tracing.md) single releases are
 * first in 454 of 504 (90.1 %; Wilson 95 % 87.2–92.4 %): the target's figure by one release, so about it rather than
 * shown above it, and one seed alone would not show it. A candidate ranks first only if no
 * other is as probable (ties at 0, where nothing is seen, count against it). With 42
 * releases one release is 2.4 %; a calibrated tracer (true rate 90 %) falls outside 80–97 % with about 6 % probability (binomial). The seed
 * is fixed and the tracer seeded, so the test is deterministic. About 3.5 minutes on 2 cores. Set
 * {@code -Dtracing.scenarios=N} to run the first N only, {@code -Dtracing.kinds=DOUBLE,...} some kinds, {@code -Dtracing.numbers=32,33}
 * some scenarios by number (nothing is then asserted),
 * {@code -Dtracing.seeds=21,22} other seeds too (their scenarios are measured and printed; the levels are seed 21's),
 * {@code -Dtracing.priors="effectiveReadingsPerWell=6;wellBiasLnSd=0"} variants of the priors (measured; the defaults asserted).
 */
class TracingCalibrationTest {

    private static final double THRESHOLD = 0.001;

    /** One release's scores; rHat and ess are the sampler's on the scenario's most probable model (NaN where it has no source). */
    record Outcome(Kind kind, int number, boolean good, int rank, boolean startCovered, boolean massCovered, double probability,
                   double startWidthDays, double massRatio, double rHat, double ess) {}

    static List<Outcome> run(List<Scenario> scenarios, MultiSourceTracer.Priors priors, boolean print) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Scenario s : scenarios) {
            DomenicoSource plume = new DomenicoSource(1, 20, 3, s.fittedFlow().seepageVelocity(), 1, 0, 5, 0.5, 0.05);
            var settings = new MultiSourceTracer.Settings(s.fittedFlow(), plume, 0.5, ReleaseScenarios.POROSITY, new ErrorModel(0.1, THRESHOLD / 10),
                    new double[] {THRESHOLD, 1e5 * THRESHOLD}, priors, 2, Integer.getInteger("tracing.draws", 300), 11);
            Instant earliest = ReleaseScenarios.NOW.minus(Duration.ofDays(ReleaseScenarios.WINDOW_DAYS + ReleaseScenarios.START_PRIOR_DAYS));
            List<MultiSourceTracer.KnownSource> known = new ArrayList<>();
            if (s.known() != null) {
                Candidate c = s.candidates().stream().filter(x -> x.id().equals(s.known().candidateId())).findFirst().orElseThrow();
                known.add(new MultiSourceTracer.KnownSource(c, ReleaseScenarios.NOW.minus(Duration.ofDays(2000)), ReleaseScenarios.NOW));
            }
            long t0 = System.nanoTime();
            MultiSourceTracer.Result result = new MultiSourceTracer(settings).trace(s.candidates(), known, s.observations(), earliest,
                    ReleaseScenarios.NOW, 0.9, Progress.NONE);
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<String> ranking = result.candidates().stream().map(p -> p.candidate().id()).toList();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%2d %-12s %5.1f s P(k)=%s sources %s", s.number(), s.kind(), seconds,
                    Arrays.toString(Arrays.stream(result.newSourceCount()).map(v -> Math.round(v * 1000) / 1000.0).toArray()),
                    result.sources().stream().map(x -> x.candidate().id() + (x.known() ? "*" : "") + String.format(Locale.ROOT, "(%.2f, ess %.0f, R %.2f)",
                            x.probability(), x.effectiveSampleSize(), x.rHat())).toList()));
            for (Release r : s.releases()) {
                CandidatePosterior posterior = result.candidates().get(ranking.indexOf(r.candidateId()));
                // Ties count against the true source (several candidates at 0 where nothing is seen): its rank is how many are
                // at least as probable.
                int rank = (int) result.candidates().stream().filter(p -> p.probability() >= posterior.probability()).count();
                Instant trueStart = ReleaseScenarios.NOW.minus(Duration.ofMinutes(Math.round(r.startDaysAgo() * 1440)));
                boolean startIn = posterior.start() != null && !trueStart.isBefore(posterior.start().lower()) && !trueStart.isAfter(posterior.start().upper());
                var mass = posterior.massDischargeGramsPerDay();
                boolean massIn = mass != null && r.massDischargeGramsPerDay() >= mass.lower() && r.massDischargeGramsPerDay() <= mass.upper();
                double startWidth = posterior.start() == null ? Double.NaN
                        : Duration.between(posterior.start().lower(), posterior.start().upper()).toMinutes() / 1440.0;
                double ratio = mass == null ? Double.NaN : mass.upper() / mass.lower();
                boolean good = s.kind() == Kind.DOUBLE ? rank <= 3 : rank == 1;
                double rHat = result.sources().isEmpty() ? Double.NaN : result.sources().get(0).rHat();
                double ess = result.sources().isEmpty() ? Double.NaN : result.sources().get(0).effectiveSampleSize();
                outcomes.add(new Outcome(s.kind(), s.number(), good, rank, startIn, massIn, posterior.probability(), startWidth, ratio, rHat, ess));
                line.append(String.format(Locale.ROOT, " | true %s rank %d p=%.3f start %s (%.0f d ago; 90%% %s) mass %.3g g/d %s (90%% %s)",
                        r.candidateId(), rank, posterior.probability(), startIn ? "in" : "OUT", r.startDaysAgo(),
                        posterior.start() == null ? "none" : String.format(Locale.ROOT, "%.0f–%.0f d ago",
                                Duration.between(posterior.start().upper(), ReleaseScenarios.NOW).toMinutes() / 1440.0,
                                Duration.between(posterior.start().lower(), ReleaseScenarios.NOW).toMinutes() / 1440.0),
                        r.massDischargeGramsPerDay(), massIn ? "in" : "OUT",
                        mass == null ? "none" : String.format(Locale.ROOT, "%.3g–%.3g", mass.lower(), mass.upper())));
            }
            if (print) System.out.println(line);
        }
        return outcomes;
    }

    static void table(List<Outcome> outcomes) {
        Map<Kind, List<Outcome>> byKind = new EnumMap<>(Kind.class);
        for (Outcome o : outcomes) byKind.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add(o);
        System.out.println();
        System.out.println("| scenarios | releases | true source first (double: both in top 3) | start inside 90 % interval | "
                + "mass discharge inside 90 % interval | median P(true source) | median width of start interval | median mass interval upper/lower |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (var entry : byKind.entrySet()) print(entry.getKey().name(), entry.getValue());
        print("all", outcomes);
    }

    private static void print(String label, List<Outcome> outcomes) {
        String good = label.equals("DOUBLE") ? String.format(Locale.ROOT, "%d of %d scenarios", bothInTop3(outcomes), outcomes.size() / 2)
                : String.format(Locale.ROOT, "%d of %d", outcomes.stream().filter(Outcome::good).count(), outcomes.size());
        System.out.printf(Locale.ROOT, "| %s | %d | %s | %d of %d | %d of %d | %.3f | %.0f d | %.1f |%n", label, outcomes.size(), good,
                outcomes.stream().filter(Outcome::startCovered).count(), outcomes.size(),
                outcomes.stream().filter(Outcome::massCovered).count(), outcomes.size(),
                median(outcomes.stream().mapToDouble(Outcome::probability).toArray()),
                median(outcomes.stream().mapToDouble(Outcome::startWidthDays).filter(Double::isFinite).toArray()),
                median(outcomes.stream().mapToDouble(Outcome::massRatio).filter(Double::isFinite).toArray()));
    }

    /** The sampler's R̂ and bulk ESS per kind over the scenarios whose most probable model has a source. */
    static void convergence(List<Outcome> outcomes) {
        Map<Kind, List<Outcome>> byKind = new EnumMap<>(Kind.class);
        List<Outcome> all = new ArrayList<>();
        for (Outcome o : outcomes.stream().collect(java.util.stream.Collectors.toMap(Outcome::number, o -> o, (a, b) -> a,
                java.util.TreeMap::new)).values()) {
            if (Double.isNaN(o.rHat())) continue;
            byKind.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add(o);
            all.add(o);
        }
        System.out.println();
        System.out.println("| scenarios | traces | R̂ < 1.1 | bulk ESS ≥ 100 | both | R̂ (median, range) | ESS (median, range) |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        for (var entry : byKind.entrySet()) convergenceRow(entry.getKey().name(), entry.getValue());
        convergenceRow("all", all);
    }

    private static void convergenceRow(String label, List<Outcome> traces) {
        double[] rHat = traces.stream().mapToDouble(Outcome::rHat).sorted().toArray();
        double[] ess = traces.stream().mapToDouble(Outcome::ess).sorted().toArray();
        if (rHat.length == 0) return;
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %.2f (%.2f–%.2f) | %.0f (%.0f–%.0f) |%n", label, traces.size(),
                traces.stream().filter(o -> o.rHat() < 1.1).count(), traces.stream().filter(o -> o.ess() >= 100).count(),
                traces.stream().filter(o -> o.rHat() < 1.1 && o.ess() >= 100).count(), median(rHat), rHat[0], rHat[rHat.length - 1],
                median(ess), ess[0], ess[ess.length - 1]);
    }

    static long bothInTop3(List<Outcome> outcomes) {
        return outcomes.stream().filter(o -> o.kind() == Kind.DOUBLE).collect(java.util.stream.Collectors.groupingBy(Outcome::number))
                .values().stream().filter(pair -> pair.stream().allMatch(Outcome::good)).count();
    }

    private static double median(double[] values) {
        if (values.length == 0) return Double.NaN;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    @Test
    void theTracerFindsTheSourcesAndItsIntervalsAreCalibrated() {
        // -Dtracing.seeds=21,22 runs other seeds as well: measured and printed; the levels asserted below are seed 21's.
        // -Dtracing.priors="effectiveReadingsPerWell=6,transverseLnSd=1.5;wellBiasLnSd=0" runs variants of the priors (';' between
        // variants, ',' between a variant's changes to Priors.DEFAULTS, each a component's name): measured. Seed 21 is asserted
        // only for the defaults: an empty variant (a leading ';') runs them as well.
        for (String variant : System.getProperty("tracing.priors", "").split(";")) {
            MultiSourceTracer.Priors priors = priors(variant);
            for (String seed : System.getProperty("tracing.seeds", "21").split(",")) {
                calibrate(Long.parseLong(seed.trim()), priors, priors.equals(MultiSourceTracer.Priors.DEFAULTS));
            }
        }
    }

    /** {@link MultiSourceTracer.Priors#DEFAULTS} with the components named in {@code changes} ("name=value,…") set. */
    static MultiSourceTracer.Priors priors(String changes) {
        var components = MultiSourceTracer.Priors.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int k = 0; k < components.length; k++) {
                values[k] = components[k].getAccessor().invoke(MultiSourceTracer.Priors.DEFAULTS);
                types[k] = components[k].getType();
            }
            for (String change : changes.split(",")) {
                if (change.isBlank()) continue;
                String[] pair = change.split("=");
                if (pair.length != 2) throw new IllegalArgumentException("a change to the priors is name=value, not " + change);
                int k = Arrays.stream(components).map(java.lang.reflect.RecordComponent::getName).toList().indexOf(pair[0].trim());
                if (k < 0) throw new IllegalArgumentException("no prior " + pair[0]);
                values[k] = Double.parseDouble(pair[1].trim());
            }
            return MultiSourceTracer.Priors.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void calibrate(long seed, MultiSourceTracer.Priors priors, boolean asserted) {
        long began = System.nanoTime();
        List<Scenario> scenarios = new ReleaseScenarios(seed).generate();
        int limit = Integer.getInteger("tracing.scenarios", scenarios.size());
        String only = System.getProperty("tracing.kinds");
        if (only != null) scenarios = scenarios.stream().filter(s -> only.contains(s.kind().name())).toList();
        String numbers = System.getProperty("tracing.numbers");
        if (numbers != null) {
            List<Integer> wanted = Arrays.stream(numbers.split(",")).map(x -> Integer.parseInt(x.trim())).toList();
            scenarios = scenarios.stream().filter(s -> wanted.contains(s.number())).toList();
        }
        List<Outcome> outcomes = run(scenarios.subList(0, Math.min(limit, scenarios.size())), priors, true);
        table(outcomes);
        System.out.printf(Locale.ROOT, "%n%d scenarios (seed %d, %s) in %.0f s%n", Math.min(limit, scenarios.size()), seed, priors,
                (System.nanoTime() - began) / 1e9);
        convergence(outcomes);
        if (limit < 36 || only != null || numbers != null || seed != 21 || !asserted) return;

        // Issue #21's targets, met on this seed: single releases first in ≥ 90 %; both of a double in the top 3 in ≥ 80 %; a new
        // release beside a known plume first in ≥ 90 %; start and mass discharge inside their 90 % intervals in 80–97 %.
        List<Outcome> singles = outcomes.stream().filter(o -> o.kind() == Kind.SINGLE || o.kind() == Kind.WEAK || o.kind() == Kind.LATE).toList();
        assertThat(singles).hasSize(24);
        assertThat(singles.stream().filter(Outcome::good).count() / 24.0).as("single releases ranked first").isGreaterThanOrEqualTo(0.9);
        double mass = outcomes.stream().filter(Outcome::massCovered).count() / (double) outcomes.size();
        assertThat(mass).as("mass discharge inside the 90 %% interval").isBetween(0.8, 0.97);
        double start = outcomes.stream().filter(Outcome::startCovered).count() / (double) outcomes.size();
        assertThat(start).as("start inside the 90 %% interval").isBetween(0.8, 0.97);
        assertThat(bothInTop3(outcomes) / 6.0).as("double releases with both sources in the top 3").isGreaterThanOrEqualTo(0.8);
        // (4 of 6 while a candidate's probability counted releases the wells do not see: 32 and 33's new release, seen at one
        // well each, ranked below candidates that explain nothing.)
        List<Outcome> beside = outcomes.stream().filter(o -> o.kind() == Kind.BESIDE_KNOWN).toList();
        assertThat(beside.stream().filter(Outcome::good).count() / 6.0).as("new release beside a known plume ranked first").isGreaterThanOrEqualTo(0.9);
        // The sampler (DE-MCz): of the 35 scenarios whose most probable model has a source, rank-normalised R̂ < 1.1 in 35
        // and bulk ESS ≥ 100 in 32: three beside a known plume reach 72–99 in the 8,000 steps allowed (34 with the spread
        // beside the source before its taper, 32 before that spread; with 3 effective readings a well 34, 34 and 32; 28 and
        // 18 before each well had its own error; the adaptive Metropolis before: none); asserted at the measured level.
        List<Outcome> sampled = outcomes.stream().collect(java.util.stream.Collectors.toMap(Outcome::number, o -> o, (a, b) -> a))
                .values().stream().filter(o -> !Double.isNaN(o.rHat())).toList(); // NaN: no source sampled; +∞ (stuck) counts as not converged
        assertThat(sampled).hasSize(35);
        assertThat(sampled.stream().filter(o -> o.rHat() < 1.1).count()).as("traces with R-hat < 1.1").isGreaterThanOrEqualTo(35);
        assertThat(sampled.stream().filter(o -> o.ess() >= 100).count()).as("traces with ESS >= 100").isGreaterThanOrEqualTo(32);
    }
}
