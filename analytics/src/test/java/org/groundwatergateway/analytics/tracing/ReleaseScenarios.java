package org.groundwatergateway.analytics.tracing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.groundwatergateway.analytics.flow.UniformFlow;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.Candidate;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.Observation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Release scenarios nobody tuned the tracer to (issue #21): readings made by an independent forward model
 * ({@link PatchSourcePlume}, Wexler's exact 3-D patch source) whose transport parameters are drawn away from the
 * tracer's defaults, on sparse networks, with instrument noise and non-detects.
 *
 * <ul>
 *   <li>Park: 1,500 × 1,000 m, flow towards azimuth 100° ± 10° at 0.15–0.35 m/d. The tracer is told a "fitted" flow:
 *       the azimuth off by N(0, 4°), the speed by a factor exp(N(0, 0.15)).</li>
 *   <li>Network: 40 wells on a 200 m grid, each moved up to ±40 m, so neighbours are about 120–280 m apart; nothing
 *       is placed below a source on purpose. Daily means at every well over the last 60 days.</li>
 *   <li>Candidates: 14 potential sources, at least 100 m apart, over the upgradient 1,000 m.</li>
 *   <li>Truth, per release: αL 8–20 m, αT 1–3 m, αV 0.02–0.2 m, source 6–40 m wide and 1–5 m deep, R 1–1.3,
 *       decay 0–0.001 /d, screens 0.5–3 m below the water table. (The tracer's defaults, as in
 *       {@code SiteTracing.Model.DEFAULTS}: αL 5, αT 0.5, αV 0.05 m, 20 × 3 m, R 1, no decay, 0.5 m.)</li>
 *   <li>Readings: c·exp(N(0, 0.2)) + N(0, 0.3 µg/L); below the detection limit of 1 µg/L a non-detect (reported 0 with
 *       that limit). Concentrations in mg/L, background zero.</li>
 * </ul>
 * Kinds: {@link Kind#SINGLE} (C₀ 10–100 mg/L, at least 50× the detection limit somewhere now), {@link Kind#WEAK}
 * (C₀ 0.2–3 mg/L, peak now 2–10× the limit), {@link Kind#LATE} (first above the limit at any well only within the
 * observation window), {@link Kind#DOUBLE} (two releases at once from two candidates, each seen on its own),
 * {@link Kind#BESIDE_KNOWN} (an old plume from a candidate started 1,000–1,500 days ago, and a new release from
 * another candidate 100–350 m from it). Starts are drawn from the 730 days before the window on.
 */
final class ReleaseScenarios {

    enum Kind { SINGLE, WEAK, LATE, DOUBLE, BESIDE_KNOWN }

    static final Instant NOW = Instant.parse("2026-10-01T00:00:00Z");
    static final int WINDOW_DAYS = 60;
    static final double DETECTION_LIMIT = 0.001;
    static final double POROSITY = 0.25;
    /** The tracer is given release starts from this many days before the window on. */
    static final int START_PRIOR_DAYS = 730;

    /** A release: the candidate it comes from, its start (days before now), its plume and its true mass discharge. */
    record Release(String candidateId, double x, double y, double startDaysAgo, PatchSourcePlume plume, double screenDepth,
                   double massDischargeGramsPerDay) {}

    /**
     * @param releases the releases to find (one, or two for {@link Kind#DOUBLE})
     * @param known the old plume beside which the new release happens, or null
     */
    record Scenario(int number, Kind kind, UniformFlow trueFlow, UniformFlow fittedFlow, double[][] wells, List<Candidate> candidates,
                    List<Observation> observations, List<Release> releases, Release known) {}

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final Random random;

    ReleaseScenarios(long seed) {
        this.random = new Random(seed);
    }

    /** 12 single, 6 weak, 6 late, 6 double and 6 beside-a-known-plume scenarios. */
    List<Scenario> generate() {
        List<Scenario> scenarios = new ArrayList<>();
        int number = 1;
        for (Kind kind : Kind.values()) {
            int count = kind == Kind.SINGLE ? 12 : 6;
            for (int k = 0; k < count; k++) scenarios.add(scenario(number++, kind));
        }
        return scenarios;
    }

    private Scenario scenario(int number, Kind kind) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            UniformFlow truth = new UniformFlow(100 + uniform(-10, 10), uniform(0.15, 0.35));
            UniformFlow fitted = new UniformFlow(truth.azimuthDegrees() + 4 * random.nextGaussian(),
                    truth.seepageVelocity() * Math.exp(0.15 * random.nextGaussian()));
            double[][] wells = wells();
            List<Candidate> candidates = candidates();
            List<Release> releases = new ArrayList<>();
            Release known = null;
            boolean accepted = switch (kind) {
                case SINGLE -> accept(releases, release(truth, candidates, uniform(10, 100), -1), truth, wells, 50, Double.POSITIVE_INFINITY, false);
                case WEAK -> accept(releases, release(truth, candidates, uniform(0.2, 3), -1), truth, wells, 2, 10, false);
                case LATE -> accept(releases, release(truth, candidates, uniform(10, 100), -1), truth, wells, 1, Double.POSITIVE_INFINITY, true);
                case DOUBLE -> {
                    Release first = release(truth, candidates, uniform(10, 100), -1);
                    Release second = release(truth, candidates, uniform(10, 100), -1);
                    yield !first.candidateId().equals(second.candidateId())
                            && accept(releases, first, truth, wells, 10, Double.POSITIVE_INFINITY, false)
                            && accept(releases, second, truth, wells, 10, Double.POSITIVE_INFINITY, false);
                }
                case BESIDE_KNOWN -> {
                    known = release(truth, candidates, uniform(10, 100), uniform(1000, 1500));
                    Release old = known;
                    Release fresh = release(truth, candidates, uniform(10, 100), -1);
                    double apart = Math.hypot(fresh.x() - old.x(), fresh.y() - old.y());
                    yield apart >= 100 && apart <= 350 && peak(old, truth, wells, 0) >= 10 * DETECTION_LIMIT
                            && accept(releases, fresh, truth, wells, 10, Double.POSITIVE_INFINITY, false);
                }
            };
            if (!accepted) continue;
            List<Release> all = new ArrayList<>(releases);
            if (known != null) all.add(known);
            return new Scenario(number, kind, truth, fitted, wells, candidates, readings(truth, wells, all), List.copyOf(releases), known);
        }
        throw new IllegalStateException("no " + kind + " scenario found");
    }

    /** Adds the release if its largest concentration at a well now is within [low, high] × the detection limit (and, for a late one, was below it at the window's start). */
    private boolean accept(List<Release> releases, Release release, UniformFlow flow, double[][] wells, double low, double high, boolean late) {
        double now = peak(release, flow, wells, 0);
        if (now < low * DETECTION_LIMIT || now > high * DETECTION_LIMIT) return false;
        if (late && peak(release, flow, wells, WINDOW_DAYS) >= DETECTION_LIMIT) return false;
        releases.add(release);
        return true;
    }

    /** @param startDaysAgo the start, or negative for one drawn from the tracer's start window */
    private Release release(UniformFlow flow, List<Candidate> candidates, double c0, double startDaysAgo) {
        Candidate at = candidates.get(random.nextInt(candidates.size()));
        double start = startDaysAgo >= 0 ? startDaysAgo : uniform(0, WINDOW_DAYS + START_PRIOR_DAYS);
        PatchSourcePlume plume = new PatchSourcePlume(c0, uniform(6, 40), uniform(1, 5), flow.seepageVelocity(), uniform(1, 1.3),
                uniform(0, 0.001), uniform(8, 20), uniform(1, 3), uniform(0.02, 0.2));
        return new Release(at.id(), at.x(), at.y(), start, plume, uniform(0.5, 3), plume.massDischargeGramsPerDay(POROSITY));
    }

    /** The largest concentration over the wells {@code daysAgo} days before now. */
    private static double peak(Release release, UniformFlow flow, double[][] wells, double daysAgo) {
        double peak = 0;
        for (double[] w : wells) peak = Math.max(peak, concentration(release, flow, w, release.startDaysAgo() - daysAgo));
        return peak;
    }

    private static double concentration(Release release, UniformFlow flow, double[] well, double elapsed) {
        double dx = well[0] - release.x();
        double dy = well[1] - release.y();
        return release.plume().concentration(flow.along(dx, dy), flow.across(dx, dy), release.screenDepth(), elapsed);
    }

    private List<Observation> readings(UniformFlow flow, double[][] wells, List<Release> releases) {
        List<Observation> observations = new ArrayList<>();
        for (int w = 0; w < wells.length; w++) {
            for (int day = WINDOW_DAYS - 1; day >= 0; day--) {
                double c = 0;
                for (Release r : releases) c += concentration(r, flow, wells[w], r.startDaysAgo() - day - 0.5);
                double measured = c * Math.exp(0.2 * random.nextGaussian()) + 0.0003 * random.nextGaussian();
                double value = measured < DETECTION_LIMIT ? 0 : measured;
                observations.add(new Observation(String.format("W%02d", w + 1), wells[w][0], wells[w][1],
                        NOW.minus(Duration.ofHours(24L * day + 12)), value, 0, DETECTION_LIMIT));
            }
        }
        return observations;
    }

    private double[][] wells() {
        List<double[]> wells = new ArrayList<>();
        for (double x = 100; x < 1600; x += 200) {
            for (double y = 100; y < 1000; y += 200) wells.add(new double[] {x + uniform(-40, 40), y + uniform(-40, 40)});
        }
        return wells.toArray(double[][]::new);
    }

    private List<Candidate> candidates() {
        List<Candidate> candidates = new ArrayList<>();
        while (candidates.size() < 14) {
            double x = uniform(50, 1050);
            double y = uniform(100, 900);
            if (candidates.stream().anyMatch(c -> Math.hypot(c.x() - x, c.y() - y) < 100)) continue;
            String id = String.format("S%02d", candidates.size() + 1);
            candidates.add(new Candidate(id, "E-" + id, x, y, GEOMETRY.createPolygon(new Coordinate[] {new Coordinate(x - 10, y - 10),
                    new Coordinate(x + 10, y - 10), new Coordinate(x + 10, y + 10), new Coordinate(x - 10, y + 10), new Coordinate(x - 10, y - 10)}), 1));
        }
        return candidates;
    }

    private double uniform(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }
}
