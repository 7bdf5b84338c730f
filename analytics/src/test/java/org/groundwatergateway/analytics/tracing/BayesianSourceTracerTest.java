package org.groundwatergateway.analytics.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.special.Erf;
import org.groundwatergateway.analytics.flow.UniformFlow;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.analytics.Stage;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.Candidate;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.ErrorModel;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.Observation;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.Result;
import org.groundwatergateway.analytics.transport.DomenicoSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Twin experiments: readings made by the forward model itself (with seeded noise) from a known source, traced back.
 * The posterior over candidates is checked against brute-force quadrature of the same posterior.
 */
class BayesianSourceTracerTest {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final Instant ORIGIN = Instant.parse("2026-01-01T00:00:00Z");
    private static final UniformFlow FLOW = new UniformFlow(90, 0.2);
    private static final DomenicoSource PLUME = new DomenicoSource(5, 10, 2, 0.2, 1, 0, 2, 0.2, 0.02);
    private static final double[][] WELLS = {{5, 0}, {15, 1}, {30, -2}, {15, 8}, {-10, 0}};
    private static final double TRUE_START = 20;

    private static Geometry square(double x, double y) {
        return GEOMETRY.createPolygon(new Coordinate[] {new Coordinate(x - 5, y - 5), new Coordinate(x + 5, y - 5),
                new Coordinate(x + 5, y + 5), new Coordinate(x - 5, y + 5), new Coordinate(x - 5, y - 5)});
    }

    private static List<Candidate> candidates() {
        return List.of(new Candidate("A", "E1", 0, 0, square(0, 0), 1), new Candidate("B", "E2", 0, 6, square(0, 6), 1),
                new Candidate("C", "E2", -20, 0, square(-20, 0), 1), new Candidate("D", null, 40, 0, square(40, 0), 1));
    }

    /** Daily readings from day 20 to day 60 of a 5 mg/L source at A, with relative noise, censored below 0.001. */
    private static List<Observation> readings(double noise) {
        Random random = new Random(7);
        List<Observation> observations = new ArrayList<>();
        for (double[] w : WELLS) {
            for (int day = 20; day <= 60; day += 2) {
                double c = FLOW.concentration(PLUME, 0, 0, w[0], w[1], 0.5, day - TRUE_START);
                double value = Math.max(0, c * (1 + noise * random.nextGaussian()));
                observations.add(new Observation("W", w[0], w[1], ORIGIN.plus(Duration.ofDays(day)), value, 0, 0.001));
            }
        }
        return observations;
    }

    private static BayesianSourceTracer tracer(double relative) {
        return new BayesianSourceTracer(new BayesianSourceTracer.Settings(FLOW, PLUME, 0.5, 0.3, new ErrorModel(relative, 0.001),
                new double[] {0.1, 100}, 40, 5, 11));
    }

    @Test
    void normalCdfLogarithmMatchesTablesAndItsAsymptote() {
        // Phi(-1.96) = 0.0249979 (standard normal table); far tail: log Phi(-40) = -804.6088 (Mills ratio series).
        assertThat(BayesianSourceTracer.logNormalCdf(-1.96)).isCloseTo(Math.log(0.0249979), within(1e-5));
        assertThat(BayesianSourceTracer.logNormalCdf(-40)).isCloseTo(-804.6088, within(1e-3));
        // The two branches meet at the switch.
        double exact = Math.log(0.5 * Erf.erfc(30.0001 / Math.sqrt(2)));
        assertThat(BayesianSourceTracer.logNormalCdf(-30.0001)).isCloseTo(exact, within(2e-3));
    }

    @Test
    void weightedQuantilesOfAUniformSample() {
        List<double[]> points = new ArrayList<>();
        for (int k = 100; k >= 1; k--) points.add(new double[] {k, 1});
        assertThat(BayesianSourceTracer.quantiles(points)).containsExactly(5, 50, 95);
    }

    @Test
    void exactReadingsIdentifyTheSourceItsStartAndItsStrength() {
        Result result = tracer(0.05).trace(candidates(), readings(0), ORIGIN, ORIGIN.plus(Duration.ofDays(60)), 0.9, Progress.NONE);
        BayesianSourceTracer.CandidatePosterior top = result.candidates().get(0);
        assertThat(top.candidate().id()).isEqualTo("A");
        assertThat(top.probability()).isGreaterThan(0.99);
        Instant start = ORIGIN.plus(Duration.ofDays(20));
        assertThat(top.start().lower()).isBeforeOrEqualTo(start.plus(Duration.ofHours(2)));
        assertThat(top.start().upper()).isAfterOrEqualTo(start.minus(Duration.ofHours(2)));
        // Source concentration 5 within its interval (node spacing of the refined quadrature is well under 1 %).
        assertThat(top.sourceConcentration().lower()).isLessThanOrEqualTo(5.02);
        assertThat(top.sourceConcentration().upper()).isGreaterThanOrEqualTo(4.98);
        assertThat(top.massDischargeGramsPerDay().median() / top.sourceConcentration().median())
                .isCloseTo(PLUME.massDischargeGramsPerDay(0.3) / 5, within(1e-9));
        assertThat(result.enterprises().get(0).enterpriseId()).isEqualTo("E1");
        assertThat(result.credibleRegion().covers(GEOMETRY.createPoint(new Coordinate(0, 0)))).isTrue();
        // Back-tracked from the most impacted well (5, 0) straight upgradient to the source at (0, 0).
        Coordinate[] path = result.backTrack().getCoordinates();
        assertThat(path[0].x).isEqualTo(5);
        assertThat(path[1].x).isCloseTo(0, within(1e-9));
        assertThat(path[1].y).isCloseTo(0, within(1e-9));
    }

    @Test
    void candidateProbabilitiesMatchBruteForceQuadrature() {
        // Few noisy readings on the axis and a loose error model leave A and B, 2 m further upgradient, both plausible.
        List<Observation> observations = readings(0.3).stream().filter(o -> o.y() < 3 && o.time().getEpochSecond() % (4 * 86400) == 0).toList();
        List<Candidate> pair = List.of(candidates().get(0), new Candidate("B", "E2", -2, 0, square(-2, 0), 1));
        Result result = tracer(0.3).trace(pair, observations, ORIGIN, ORIGIN.plus(Duration.ofDays(60)), 0.9, Progress.NONE);
        double logA = bruteForceLogEvidence(0, 0, observations, 0.3);
        double logB = bruteForceLogEvidence(-2, 0, observations, 0.3);
        double expectedA = 1 / (1 + Math.exp(logB - logA));
        double tracedA = result.candidates().stream().filter(c -> c.candidate().id().equals("A")).findFirst().orElseThrow().probability();
        System.out.printf("A: traced %.4f, quadrature %.4f%n", tracedA, expectedA);
        assertThat(expectedA).isBetween(0.02, 0.999);
        assertThat(tracedA).isCloseTo(expectedA, within(0.02));
    }

    /** log of the evidence on a dense trapezoid grid: 1,200 starts over 60 days × 300 nodes of log C0 in [log 0.1, log 100]. */
    private static double bruteForceLogEvidence(double x, double y, List<Observation> observations, double relative) {
        ErrorModel error = new ErrorModel(relative, 0.001);
        DomenicoSource unit = new DomenicoSource(1, 10, 2, 0.2, 1, 0, 2, 0.2, 0.02);
        int starts = 1200;
        int nodes = 300;
        double low = Math.log(0.1);
        double high = Math.log(100);
        double[] outer = new double[starts + 1];
        double[] f = new double[observations.size()];
        for (int s = 0; s <= starts; s++) {
            double start = 60.0 * s / starts;
            for (int i = 0; i < f.length; i++) {
                Observation o = observations.get(i);
                double t = Duration.between(ORIGIN, o.time()).toMillis() / 86_400_000.0;
                f[i] = FLOW.concentration(unit, x, y, o.x(), o.y(), 0.5, t - start);
            }
            double[] inner = new double[nodes + 1];
            for (int m = 0; m <= nodes; m++) {
                double c = Math.exp(low + (high - low) * m / nodes);
                double sum = 0;
                for (int i = 0; i < f.length; i++) {
                    Observation o = observations.get(i);
                    double mean = c * f[i];
                    double sigma = Math.hypot(relative * mean, error.absolute());
                    sum += o.value() < o.detectionLimit() ? BayesianSourceTracer.logNormalCdf((o.detectionLimit() - mean) / sigma)
                            : -0.5 * Math.pow((o.value() - mean) / sigma, 2) - Math.log(sigma) - 0.5 * Math.log(2 * Math.PI);
                }
                inner[m] = sum;
            }
            outer[s] = logTrapezoid(inner, 1.0 / nodes);
        }
        return logTrapezoid(outer, 1.0 / starts);
    }

    /** log of the trapezoid rule on [0, 1] for values given as logs. */
    private static double logTrapezoid(double[] logs, double step) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logs) max = Math.max(max, l);
        double sum = 0;
        for (int k = 0; k < logs.length; k++) sum += (k == 0 || k == logs.length - 1 ? 0.5 : 1) * Math.exp(logs[k] - max);
        return max + Math.log(sum * step);
    }

    @Test
    void reportsProgressAndStopsWhenCancelled() {
        List<Double> progress = new ArrayList<>();
        tracer(0.1).trace(candidates(), readings(0), ORIGIN, ORIGIN.plus(Duration.ofDays(60)), 0.9, watching(progress, Integer.MAX_VALUE));
        assertThat(progress).hasSize(4).isSorted();
        assertThat(progress.get(3)).isEqualTo(1.0);
        List<Double> beforeCancel = new ArrayList<>();
        assertThatThrownBy(() -> tracer(0.1).trace(candidates(), readings(0), ORIGIN, ORIGIN.plus(Duration.ofDays(60)), 0.9,
                watching(beforeCancel, 2))).isInstanceOf(Progress.Cancelled.class);
        assertThat(beforeCancel).hasSize(2);
    }

    /** Records what is reported, and asks to stop once {@code reports} have been made. */
    private static Progress watching(List<Double> reported, int reports) {
        return new Progress() {
            @Override
            public void report(double fraction, Stage stage) {
                reported.add(fraction);
            }

            @Override
            public boolean cancelled() {
                return reported.size() >= reports;
            }
        };
    }
}
