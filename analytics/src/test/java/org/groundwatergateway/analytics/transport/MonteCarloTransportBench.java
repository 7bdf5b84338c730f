package org.groundwatergateway.analytics.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.analytics.transport.MonteCarloTransport.Method;
import org.groundwatergateway.analytics.transport.MonteCarloTransport.Request;
import org.groundwatergateway.analytics.transport.MonteCarloTransport.Result;
import org.groundwatergateway.analytics.transport.MonteCarloTransport.Site;
import org.groundwatergateway.analytics.transport.MonteCarloTransport.Uncertainty;
import org.groundwatergateway.analytics.transport.ParameterDistribution.LogNormal;
import org.groundwatergateway.analytics.transport.ParameterDistribution.Triangular;
import org.groundwatergateway.analytics.transport.ParameterDistribution.Uniform;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 200 finite-volume realisations on 200 × 120 cells of 5 m over 5 years, on all processors: K lognormal (median 8 m/d,
 * σ ln K 0.5), i = 0.003, nₑ triangular 0.2–0.25–0.3, αL triangular 5–10–20 m (αT = αL/10), a 20 m benzene source of
 * 5–10–15 mg/L starting within the first half year, R = 1.2, λ = 0.0005/d; five receptors, yearly outputs, front at
 * 0.01 mg/L (GB/T 14848 class III for benzene). Run with
 * {@code mvn -pl analytics test -Pbench -Dtest=MonteCarloTransportBench}. Target: under 60 s on 2 cores.
 */
@Tag("bench")
class MonteCarloTransportBench {

    @Test
    void twoHundredRealisationsOfFiveYearsOnTwoHundredByOneHundredTwentyCells() {
        Uncertainty uncertainty = new Uncertainty(new LogNormal(8, 0.5), new Triangular(0.2, 0.25, 0.3), new Triangular(5, 10, 20),
                new Triangular(5, 10, 15), new Uniform(0, 180));
        Site site = new Site(0.003, 1.2, 0.0005, 0.1, 0.05, 20, 5);
        TransportGrid grid = new TransportGrid(-100, -300, 5, 5, 200, 120);
        List<PlumePoint> receptors = List.of(new PlumePoint(50, 0), new PlumePoint(150, 0), new PlumePoint(300, 0), new PlumePoint(150, 40), new PlumePoint(600, 0));
        double[] years = {365.25, 730.5, 1095.75, 1461, 1826.25};
        Request request = new Request(uncertainty, site, Method.FINITE_VOLUME, grid, receptors, years, 0.01, 1826.25, 200, 2026);
        for (int run = 0; run < 2; run++) {
            long start = System.nanoTime();
            Result result = MonteCarloTransport.run(request, Progress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "Monte Carlo 200 x FV 200x120 cells, 5 years, %d threads: %.1f s (run %d; front after 5 years %.0f/%.0f/%.0f m;"
                            + " arrival at 150 m %.0f/%.0f/%.0f d, not arriving %.2f)%n",
                    Runtime.getRuntime().availableProcessors(), seconds, run + 1, result.frontDistances().get(4).p5(), result.frontDistances().get(4).p50(),
                    result.frontDistances().get(4).p95(), result.points().get(1).arrival().p2_5(), result.points().get(1).arrival().p50(),
                    result.points().get(1).arrival().p97_5(), result.points().get(1).arrival().fractionNotArriving());
            assertThat(seconds).isLessThan(60);
        }
    }
}
