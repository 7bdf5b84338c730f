package org.groundwatergateway.analytics.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.analytics.flow.UniformFlow;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.Candidate;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.CandidatePosterior;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.ErrorModel;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.Observation;
import org.groundwatergateway.analytics.transport.DomenicoSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A candidate's probability is that of a release the wells see ({@link MultiSourceTracer}): one whose plume adds at least
 * half the detection limit to some reading. A release that could reach no well, or only wells that read nothing, is no
 * explanation of the readings, however well it agrees with them. The readings come from Wexler's patch source
 * ({@link PatchSourcePlume}), not from the tracer's Domenico model.
 */
class SeenReleasesTest {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final double DETECTION_LIMIT = 0.001;

    @Test
    void onlyReleasesTheWellsSeeAreProbableSources() {
        // Flow to the east at 0.5 m/d. A (the true source, 500 days ago) is upstream of W1 and W4; B upstream of W2 and W5,
        // which read nothing; C lies downstream of every well, so no release there can reach one.
        UniformFlow flow = new UniformFlow(90, 0.5);
        PatchSourcePlume truth = new PatchSourcePlume(5, 15, 2, 0.5, 1.1, 0, 12, 1.5, 0.1);
        double[][] wells = {{180, 0}, {180, 260}, {180, -260}, {390, 0}, {390, 260}, {390, -260}};
        Random random = new Random(5);
        List<Observation> readings = new ArrayList<>();
        for (int w = 0; w < wells.length; w++) {
            for (int day = 0; day < 60; day++) {
                double c = truth.concentration(wells[w][0], wells[w][1], 1.0, 500 - day);
                double measured = c * Math.exp(0.2 * random.nextGaussian()) + 0.0003 * random.nextGaussian();
                readings.add(new Observation("W" + (w + 1), wells[w][0], wells[w][1], NOW.minus(Duration.ofDays(day)),
                        measured < DETECTION_LIMIT ? 0 : measured, 0, DETECTION_LIMIT));
            }
        }
        assertThat(readings.stream().filter(o -> o.wellCode().equals("W1") && o.value() > 0.1)).as("the premise: W1 sees A's plume").hasSize(60);
        assertThat(readings.stream().filter(o -> o.wellCode().equals("W2") && o.value() > 0)).as("the premise: W2 reads nothing").isEmpty();
        List<Candidate> candidates = List.of(candidate("A", 0, 0), candidate("B", 0, 260), candidate("C", 700, 0));

        DomenicoSource plume = new DomenicoSource(1, 20, 3, flow.seepageVelocity(), 1, 0, 5, 0.5, 0.05);
        var settings = new MultiSourceTracer.Settings(flow, plume, 0.5, 0.25, new ErrorModel(0.1, DETECTION_LIMIT / 10),
                new double[] {DETECTION_LIMIT, 100}, MultiSourceTracer.Priors.DEFAULTS, 2, 100, 3);
        MultiSourceTracer.Result result = new MultiSourceTracer(settings).trace(candidates, List.of(), readings,
                NOW.minus(Duration.ofDays(790)), NOW, 0.9, Progress.NONE);
        Map<String, Double> probability = result.candidates().stream()
                .collect(Collectors.toMap(p -> p.candidate().id(), CandidatePosterior::probability));

        assertThat(result.candidates().get(0).candidate().id()).isEqualTo("A");
        assertThat(probability.get("A")).isGreaterThan(0.95);
        // Models with a second release are probable (one that nothing contradicts costs little), but the second release is
        // at C, which no well can see, or at B, whose wells read nothing: neither explains a reading.
        assertThat(result.newSourceCount()[2]).as("P(two new releases)").isGreaterThan(0.05);
        assertThat(probability.get("C")).as("C: no release there reaches a well").isZero();
        // B: 0.011 (0.003 with the plume's spread beside its source untapered). The taper moves the spread at these wells
        // by millimetres (0.003 m at W2 between tapers of 0 and 0.01·αL) and B's probability with it from 0.003 to 0.005,
        // 0.009 at 0.05, 0.011 at 0.1 and 0.2. A change that small is no new evidence: at this level the figure follows how the
        // fit settles where B's release is unseen and its posterior flat (not traced further; 1,000 draws give the same 0.011).
        assertThat(probability.get("B")).as("B: a release there that W2 or W5 would see is contradicted").isLessThan(0.02);
        assertThat(result.enterprises().stream().collect(Collectors.toMap(e -> e.enterpriseId(), Function.identity())).get("E-C").probability()).isZero();
    }

    private static Candidate candidate(String id, double x, double y) {
        return new Candidate(id, "E-" + id, x, y, GEOMETRY.createPolygon(new Coordinate[] {new Coordinate(x - 10, y - 10),
                new Coordinate(x + 10, y - 10), new Coordinate(x + 10, y + 10), new Coordinate(x - 10, y + 10), new Coordinate(x - 10, y - 10)}), 1);
    }
}
