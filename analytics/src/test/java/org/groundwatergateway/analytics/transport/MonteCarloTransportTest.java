package org.groundwatergateway.analytics.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.analytics.Stage;
import org.groundwatergateway.analytics.transport.MonteCarloTransport.Band;
import org.groundwatergateway.analytics.transport.MonteCarloTransport.Method;
import org.groundwatergateway.analytics.transport.MonteCarloTransport.PointForecast;
import org.groundwatergateway.analytics.transport.MonteCarloTransport.Request;
import org.groundwatergateway.analytics.transport.MonteCarloTransport.Result;
import org.groundwatergateway.analytics.transport.MonteCarloTransport.Site;
import org.groundwatergateway.analytics.transport.MonteCarloTransport.Uncertainty;
import org.groundwatergateway.analytics.transport.ParameterDistribution.Fixed;
import org.groundwatergateway.analytics.transport.ParameterDistribution.LogNormal;
import org.groundwatergateway.analytics.transport.ParameterDistribution.Triangular;
import org.groundwatergateway.analytics.transport.ParameterDistribution.Uniform;
import org.junit.jupiter.api.Test;

class MonteCarloTransportTest {

    private static final Site SITE = new Site(0.005, 1.2, 0.0005, 0.1, 0.05, 10, 3);
    private static final TransportGrid GRID = new TransportGrid(-21, -40, 2, 2, 120, 40);
    private static final List<PlumePoint> POINTS = List.of(new PlumePoint(20, 0), new PlumePoint(60, 0), new PlumePoint(100, 4), new PlumePoint(200, 30));
    private static final double[] DAYS = {100, 365, 730};

    private static Uncertainty fixed() {
        return new Uncertainty(new Fixed(10), new Fixed(0.25), new Fixed(5), new Fixed(10), new Fixed(30));
    }

    private static Uncertainty uncertain() {
        return new Uncertainty(new LogNormal(10, 0.5), new Triangular(0.2, 0.25, 0.3), new Triangular(2, 5, 10),
                new Uniform(8, 12), new Uniform(0, 60));
    }

    private static Result quietly(Request request) {
        return MonteCarloTransport.run(request, Progress.NONE);
    }

    /**
     * Without variance every quantile is the one deterministic run: concentrations as the finite-volume model gives them
     * (within 0.1 % of C₀: the Monte Carlo run also stops at its arrival-time samples, which splits the steps differently),
     * the front where that run crosses the threshold, and one arrival day.
     */
    @Test
    void withoutVarianceEveryQuantileIsTheDeterministicRun() {
        Result result = quietly(new Request(fixed(), SITE, Method.FINITE_VOLUME, GRID, POINTS, DAYS, 0.5, 1000, 5, 1));
        FiniteVolumeTransport model = FiniteVolumeTransport.uniform(GRID, 10 * 0.005 / 0.25, 0,
                new FiniteVolumeTransport.Parameters(1.2, 0.0005, 5, 0.5, 0), List.of(new FiniteVolumeTransport.Source(0, 0, 10, 10, 30, 1e9)));
        List<double[]> fields = model.run(DAYS);
        for (int p = 0; p < POINTS.size(); p++) {
            PointForecast forecast = result.points().get(p);
            for (int d = 0; d < DAYS.length; d++) {
                Band band = forecast.concentrations().get(d);
                assertThat(band.p5()).isEqualTo(band.p50()).isEqualTo(band.p95());
                assertThat(band.p50()).as("point %s day %s", p, DAYS[d]).isCloseTo(model.at(fields.get(d), POINTS.get(p).x(), POINTS.get(p).y()), within(0.01));
            }
            MonteCarloTransport.ArrivalTime arrival = forecast.arrival();
            assertThat(arrival.p2_5()).isEqualTo(arrival.p50()).isEqualTo(arrival.p97_5());
        }
        for (int d = 0; d < DAYS.length; d++) {
            Band front = result.frontDistances().get(d);
            assertThat(front.p5()).isEqualTo(front.p50()).isEqualTo(front.p95());
            assertThat(model.at(fields.get(d), front.p50() - 2, 0)).isGreaterThanOrEqualTo(0.5);
            assertThat(model.at(fields.get(d), front.p50() + 2, 0)).isLessThan(0.5);
        }
        // The front passes 20 m within the horizon, never 30 m off the axis 200 m out.
        double near = result.points().get(0).arrival().p50();
        List<double[]> around = model.run(new double[] {near - 5, near + 5});
        assertThat(model.at(around.get(0), 20, 0)).isLessThan(0.5);
        assertThat(model.at(around.get(1), 20, 0)).isGreaterThanOrEqualTo(0.5);
        assertThat(result.points().get(0).arrival().fractionNotArriving()).isZero();
        assertThat(result.points().get(3).arrival().p50()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(result.points().get(3).arrival().fractionNotArriving()).isEqualTo(1.0);
    }

    /** Likewise with Wexler's solution: the front and the arrival are where and when it equals the threshold. */
    @Test
    void withoutVarianceTheAnalyticalFrontAndArrivalSitOnTheThreshold() {
        Result result = quietly(new Request(fixed(), SITE, Method.WEXLER, null, POINTS, DAYS, 0.5, 1000, 3, 1));
        WexlerStripSource wexler = new WexlerStripSource(10, 10, 0.2, 1.2, 0.0005, 5, 0.5);
        for (int d = 0; d < DAYS.length; d++) {
            double front = result.frontDistances().get(d).p50();
            assertThat(wexler.concentration(front, 0, DAYS[d] - 30)).isCloseTo(0.5, within(1e-6));
            assertThat(result.points().get(1).concentrations().get(d).p95()).isCloseTo(wexler.concentration(60, 0, DAYS[d] - 30), within(1e-12));
        }
        double arrival = result.points().get(2).arrival().p50();
        assertThat(wexler.concentration(100, 4, arrival - 30)).isCloseTo(0.5, within(1e-6));
    }

    /**
     * Pure advection (αL = 1 cm, a source far wider than the spreading): the front C₀/2 reaches x at t = x·R·nₑ/(K·i),
     * so with K lognormal (median 5 m/d, σ ln K = 0.5) the arrival quantiles are x·R·nₑ/(i·K_(1−p)): 600 d at the median,
     * 600·e^(∓1.96·0.5) d at 2.5 and 97.5 %. With 2,000 Domenico realisations the median is within 5 % (the sampling
     * error of a median is about 1.25·σ/√N = 1.4 %) and the tails within 10 % (about 3 %); with 400 finite-volume
     * realisations on a column of 1 m cells the median is within 10 %.
     */
    @Test
    void lognormalConductivityGivesTheAdvectiveArrivalTimeDistribution() {
        Uncertainty uncertainty = new Uncertainty(new LogNormal(5, 0.5), new Fixed(0.3), new Fixed(0.01), new Fixed(1), new Fixed(0));
        Site slab = new Site(0.01, 2, 0, 0.1, 0.1, 1e6, 1e6);
        List<PlumePoint> point = List.of(new PlumePoint(50, 0));
        double median = 50 * 2 * 0.3 / (5 * 0.01);
        double spread = Math.exp(1.959964 * 0.5);

        MonteCarloTransport.ArrivalTime analytical = quietly(new Request(uncertainty, slab, Method.DOMENICO, null, point, new double[] {600}, 0.5,
                5000, 2000, 7)).points().get(0).arrival();
        assertThat(analytical.p50()).isCloseTo(median, within(0.05 * median));
        assertThat(analytical.p2_5()).isCloseTo(median / spread, within(0.1 * median / spread));
        assertThat(analytical.p97_5()).isCloseTo(median * spread, within(0.1 * median * spread));
        assertThat(analytical.fractionNotArriving()).isZero();

        TransportGrid column = new TransportGrid(-0.5, -0.5, 1, 1, 100, 1);
        MonteCarloTransport.ArrivalTime numerical = quietly(new Request(uncertainty, slab, Method.FINITE_VOLUME, column, point, new double[] {600},
                0.5, 5000, 400, 7)).points().get(0).arrival();
        assertThat(numerical.p50()).isCloseTo(median, within(0.1 * median));
    }

    @Test
    void quantilesAreOrderedAndDoNotDependOnTheNumberOfThreads() {
        Request request = new Request(uncertain(), SITE, Method.FINITE_VOLUME, GRID, POINTS, DAYS, 0.5, 1000, 24, 42);
        Result two = MonteCarloTransport.run(request, 2, Progress.NONE);
        Result one = MonteCarloTransport.run(request, 1, Progress.NONE);
        assertThat(two).isEqualTo(one);
        for (PointForecast forecast : two.points()) {
            for (Band band : forecast.concentrations()) assertThat(band.p5()).isLessThanOrEqualTo(band.p50()).isLessThanOrEqualTo(band.p95());
            assertThat(forecast.arrival().p2_5()).isLessThanOrEqualTo(forecast.arrival().p50()).isLessThanOrEqualTo(forecast.arrival().p97_5());
        }
        for (Band front : two.frontDistances()) {
            assertThat(front.p5()).isLessThan(front.p95());
            assertThat(front.p50()).isBetween(front.p5(), front.p95());
        }
        // Real spread: at 60 m after a year the 5 % and 95 % differ, and the front advances with time.
        Band year = two.points().get(1).concentrations().get(1);
        assertThat(year.p95() - year.p5()).isGreaterThan(0.5);
        assertThat(two.frontDistances().get(2).p50()).isGreaterThan(two.frontDistances().get(0).p50());
    }

    @Test
    void progressRisesToOneAndCancellationStopsEarly() {
        Request request = new Request(uncertain(), SITE, Method.DOMENICO, null, POINTS, DAYS, 0.5, 1000, 400, 3);
        List<Double> reported = new ArrayList<>();
        MonteCarloTransport.run(request, 2, counting(reported::add, Integer.MAX_VALUE));
        assertThat(reported).hasSize(400).isSorted().last().isEqualTo(1.0);

        AtomicInteger done = new AtomicInteger();
        assertThatThrownBy(() -> MonteCarloTransport.run(request, 2, counting(fraction -> done.incrementAndGet(), 10)))
                .isInstanceOf(Progress.Cancelled.class);
        // Each of the two workers may finish the realisation it had begun.
        assertThat(done.get()).isBetween(10, 12);
    }

    @Test
    void distributionsHaveTheirTextbookQuantiles() {
        assertThat(new Uniform(2, 6).quantile(0.25)).isEqualTo(3);
        Triangular triangle = new Triangular(0, 0.5, 1);
        assertThat(triangle.quantile(0.5)).isCloseTo(0.5, within(1e-12));
        // F(x) = x²/(2·0.5) below the mode: F(0.25) = 0.125.
        assertThat(triangle.quantile(0.125)).isCloseTo(0.25, within(1e-12));
        assertThat(new Triangular(1, 1, 3).quantile(0.75)).isCloseTo(3 - Math.sqrt(0.25 * 2 * 2), within(1e-12));
        LogNormal k = new LogNormal(5, 0.5);
        assertThat(k.quantile(0.5)).isCloseTo(5, within(1e-12));
        assertThat(k.quantile(0.975)).isCloseTo(5 * Math.exp(1.959963985 * 0.5), within(1e-8));
        assertThat(new Fixed(3).quantile(0.9)).isEqualTo(3);
    }

    /** Hyndman &amp; Fan definition 7, e.g. numpy.percentile([1, 2, 3, 4], 5) = 1.15. */
    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        assertThat(MonteCarloTransport.quantile(new double[] {1, 2, 3, 4}, 0.05)).isCloseTo(1.15, within(1e-12));
        assertThat(MonteCarloTransport.quantile(new double[] {1, 2, 3, 4}, 0.5)).isCloseTo(2.5, within(1e-12));
        double inf = Double.POSITIVE_INFINITY;
        assertThat(MonteCarloTransport.quantile(new double[] {1, 2, inf, inf}, 0.5)).isEqualTo(inf);
        assertThat(MonteCarloTransport.quantile(new double[] {1, 2, inf, inf}, 0.975)).isEqualTo(inf);
        assertThat(MonteCarloTransport.quantile(new double[] {1, 2, 3, inf}, 0.025)).isCloseTo(1.075, within(1e-12));
    }

    @Test
    void rejectsInputsOutsideTheirPhysicalRange() {
        assertThatThrownBy(() -> new Uncertainty(new Fixed(1), new Uniform(0.2, 1.2), new Fixed(1), new Fixed(1), new Fixed(0)))
                .hasMessageContaining("porosity");
        assertThatThrownBy(() -> new Uncertainty(new Fixed(0), new Fixed(0.3), new Fixed(1), new Fixed(1), new Fixed(0)))
                .hasMessageContaining("conductivity");
        assertThatThrownBy(() -> new Request(fixed(), SITE, Method.FINITE_VOLUME, null, POINTS, DAYS, 0.5, 1000, 5, 1))
                .hasMessageContaining("grid");
        assertThatThrownBy(() -> new Request(fixed(), SITE, Method.FINITE_VOLUME, GRID, List.of(new PlumePoint(500, 0)), DAYS, 0.5, 1000, 5, 1))
                .hasMessageContaining("off the grid");
        assertThatThrownBy(() -> new Request(fixed(), SITE, Method.WEXLER, null, POINTS, new double[] {2000}, 0.5, 1000, 5, 1))
                .hasMessageContaining("horizon");
    }

    /** Hands each report on, and asks to stop once {@code reports} realisations are done. */
    private static Progress counting(DoubleConsumer reports, int stopAfter) {
        AtomicInteger seen = new AtomicInteger();
        return new Progress() {
            @Override
            public void report(double fraction, Stage stage) {
                seen.incrementAndGet();
                reports.accept(fraction);
            }

            @Override
            public boolean cancelled() {
                return seen.get() >= stopAfter;
            }
        };
    }
}
