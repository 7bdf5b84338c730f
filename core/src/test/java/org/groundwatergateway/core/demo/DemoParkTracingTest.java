package org.groundwatergateway.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.Candidate;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.Observation;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.Result;
import org.groundwatergateway.analytics.transport.DomenicoSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The Bayesian tracer finds the demo park's leaks from the first 30 days of online readings after each release
 * (DemoSignals, no database): the true enterprise first, its source inside the 90 % credible region.
 */
class DemoParkTracingTest {

    static final GeometryFactory GEOMETRY = new GeometryFactory();
    private final DemoSignals signals = new DemoSignals();

    /** Daily means of the hourly readings of every unconfined well, from {@code from} for {@code days} days. */
    static List<Observation> dailyMeans(DemoSignals signals, String parameter, Instant from, int days, double scale,
                                        double background, double detectionLimit) {
        int first = (int) Duration.between(DemoPark.START, from).toHours();
        List<Observation> observations = new ArrayList<>();
        for (DemoPark.WellPlan well : DemoPark.wells()) {
            if (well.confined()) continue;
            String code = well.code() + "/" + parameter;
            double[] hourly = signals.series(new DemoSignals.Stream(code, well, parameter, false), first + days * 24);
            for (int d = 0; d < days; d++) {
                double sum = 0;
                int n = 0;
                for (int h = first + 24 * d; h < first + 24 * (d + 1); h++) {
                    if (!Double.isNaN(hourly[h])) {
                        sum += hourly[h];
                        n++;
                    }
                }
                if (n == 0) continue;
                observations.add(new Observation(well.code(), well.east(), well.north(), from.plusSeconds(86400L * d + 43200),
                        sum / n * scale, background, detectionLimit));
            }
        }
        return observations;
    }

    /** Each enterprise's main potential source (a square of the source width) and 40 m cells around both leaks. */
    static List<Candidate> candidates(double sourceWidth, double west, double south, double east, double north) {
        List<Candidate> candidates = new ArrayList<>();
        for (DemoPark.EnterprisePlan e : DemoPark.ENTERPRISES) {
            candidates.add(new Candidate(e.sourceCode(), e.number(), e.sourceEast(), e.sourceNorth(),
                    square(e.sourceEast(), e.sourceNorth(), sourceWidth), 1));
        }
        double cell = 40;
        for (double x = west + cell / 2; x < east; x += cell) {
            for (double y = south + cell / 2; y < north; y += cell) {
                candidates.add(new Candidate(String.format(Locale.ROOT, "cell-%.0f-%.0f", x, y), owner(x, y), x, y, square(x, y, cell), 1));
            }
        }
        return candidates;
    }

    private static String owner(double x, double y) {
        for (DemoPark.EnterprisePlan e : DemoPark.ENTERPRISES) {
            if (x >= e.west() && x <= e.east() && y >= e.south() && y <= e.north()) return e.number();
        }
        return null;
    }

    static Geometry square(double x, double y, double side) {
        double h = side / 2;
        return GEOMETRY.createPolygon(new Coordinate[] {new Coordinate(x - h, y - h), new Coordinate(x + h, y - h),
                new Coordinate(x + h, y + h), new Coordinate(x - h, y + h), new Coordinate(x - h, y - h)});
    }

    static BayesianSourceTracer tracer(DemoPark.Leak leak, BayesianSourceTracer.ErrorModel error, double[] bounds) {
        DomenicoSource plume = leak.model();
        return new BayesianSourceTracer(new BayesianSourceTracer.Settings(DemoPark.FLOW, plume, DemoPark.WATER_TABLE_DEPTH,
                DemoPark.NE_UNCONFINED, error, bounds, 40, 5, 20260210L));
    }

    static void print(String title, Result result) {
        System.out.println(title + ": " + result.reachedCandidates() + " candidates reach a well; credible set " + result.credibleSet().size());
        result.enterprises().stream().limit(3).forEach(e -> System.out.printf(Locale.ROOT, "  %s p=%.3g start %s mass %s g/d%n",
                e.enterpriseId(), e.probability(), e.start(), e.massDischargeGramsPerDay()));
        result.candidates().stream().limit(5).forEach(c -> System.out.printf(Locale.ROOT, "  %s p=%.3f%n", c.candidate().id(), c.probability()));
    }

    @Test
    void thirtyDaysOfBenzeneReadingsPointToTheAromaticsTankFarm() {
        DemoPark.Leak leak = DemoPark.BENZENE_LEAK;
        // Analyser: ±2 % + 0.05 µg/L per hourly reading; 10 % allows for the model's own error. Readings in mg/L.
        List<Observation> observations = dailyMeans(signals, "benzene", leak.start(), 30, 0.001, 0, 0.0002);
        Result result = tracer(leak, new BayesianSourceTracer.ErrorModel(0.1, 0.0001), new double[] {0.01, 1000})
                .trace(candidates(leak.widthM(), 400, 1100, 1200, 1500), observations, leak.start().minus(Duration.ofDays(180)),
                        leak.start().plus(Duration.ofDays(30)), 0.9, Progress.NONE);
        print("benzene", result);
        assertThat(result.enterprises().get(0).enterpriseId()).isEqualTo("E01");
        assertThat(result.enterprises().get(0).probability()).isGreaterThanOrEqualTo(0.6);
        assertThat(result.credibleRegion().covers(GEOMETRY.createPoint(new Coordinate(leak.east(), leak.north())))).isTrue();
        BayesianSourceTracer.EnterprisePosterior e01 = result.enterprises().get(0);
        assertThat(e01.start().lower()).isBefore(leak.start().plus(Duration.ofDays(1)));
        assertThat(e01.start().upper()).isAfter(leak.start().minus(Duration.ofDays(1)));
        double discharge = leak.model().massDischargeGramsPerDay(DemoPark.NE_UNCONFINED);
        assertThat(discharge).isBetween(e01.massDischargeGramsPerDay().lower() * 0.8, e01.massDischargeGramsPerDay().upper() * 1.25);
    }

    @Test
    void thirtyDaysOfChromiumReadingsPointToThePlatingLagoon() {
        DemoPark.Leak leak = DemoPark.CHROMIUM_LEAK;
        // Background: the upgradient background wells' mean over the same 30 days.
        List<Observation> raw = dailyMeans(signals, "chromium-vi", leak.start(), 30, 1, 0, 0.001);
        double background = raw.stream().filter(o -> o.wellCode().compareTo("GW-U04") < 0).mapToDouble(Observation::value).average().orElseThrow();
        List<Observation> observations = raw.stream().map(o -> new Observation(o.wellCode(), o.x(), o.y(), o.time(), o.value(), background,
                o.detectionLimit())).toList();
        Result result = tracer(leak, new BayesianSourceTracer.ErrorModel(0.1, 0.0005), new double[] {0.01, 1000})
                .trace(candidates(leak.widthM(), 1200, 400, 2000, 800), observations, leak.start().minus(Duration.ofDays(180)),
                        leak.start().plus(Duration.ofDays(30)), 0.9, Progress.NONE);
        print("chromium (VI)", result);
        assertThat(background).isBetween(0.0015, 0.0025);
        assertThat(result.enterprises().get(0).enterpriseId()).isEqualTo("E05");
        assertThat(result.enterprises().get(0).probability()).isGreaterThanOrEqualTo(0.6);
        assertThat(result.credibleRegion().covers(GEOMETRY.createPoint(new Coordinate(leak.east(), leak.north())))).isTrue();
        BayesianSourceTracer.EnterprisePosterior e05 = result.enterprises().get(0);
        assertThat(e05.start().lower()).isBefore(leak.start().plus(Duration.ofDays(1)));
        assertThat(e05.start().upper()).isAfter(leak.start().minus(Duration.ofDays(1)));
    }
}
