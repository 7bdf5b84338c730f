package org.groundwatergateway.analytics.transport;

import org.groundwatergateway.analytics.Stage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.groundwatergateway.analytics.InvalidArgument;
import org.groundwatergateway.analytics.Progress;

/**
 * Monte Carlo propagation of parameter uncertainty through a plume model (e.g. US EPA, Guiding Principles for Monte
 * Carlo Analysis, EPA/630/R-97/001, 1997): each realisation draws hydraulic conductivity, effective porosity,
 * longitudinal dispersivity, source concentration and source start from their distributions (one seeded random stream,
 * drawn before any run, so results do not depend on the number of threads), runs the forward model, and the runs are
 * summarised by quantiles (Hyndman &amp; Fan 1996, definition 7): the 5/50/95 % concentration at each point and time,
 * the 5/50/95 % distance the front (C ≥ threshold) has reached along the flow, and the 2.5/50/97.5 % time the front
 * reaches each point, with the share of realisations in which it does not within the horizon.
 *
 * <p>Plume coordinates: the source strip is centred at (0, 0) across the flow, which runs along +x with seepage velocity
 * K·i/nₑ. Times are days from a reference day 0 (a source may start before it); distances in metres.
 */
public final class MonteCarloTransport {

    /** The forward model of each realisation. */
    public enum Method { FINITE_VOLUME, DOMENICO, WEXLER }

    /** The uncertain inputs; K in m/d, dispersivity in m, concentration in mg/L, start in days from day 0. */
    public record Uncertainty(ParameterDistribution hydraulicConductivity, ParameterDistribution effectivePorosity,
                              ParameterDistribution longitudinalDispersivity, ParameterDistribution sourceConcentration,
                              ParameterDistribution sourceStartDay) {
        public Uncertainty {
            if (!positive(hydraulicConductivity)) throw new InvalidArgument("analytics.transport.conductivity");
            if (!positive(effectivePorosity)) throw new InvalidArgument("analytics.transport.porosity");
            if (effectivePorosity.highest() > 1) throw new InvalidArgument("analytics.transport.porosityAbove1");
            if (!positive(longitudinalDispersivity)) throw new InvalidArgument("analytics.transport.dispersivity");
            if (sourceConcentration.lowest() < 0) throw new InvalidArgument("analytics.transport.negativeConcentration");
            if (!Double.isFinite(sourceStartDay.lowest()) || !Double.isFinite(sourceStartDay.highest())) {
                throw new InvalidArgument("analytics.transport.unboundedStart");
            }
        }

        private static boolean positive(ParameterDistribution distribution) {
            // Draws are strictly inside (0, 1), so a support starting at 0 still yields positive values.
            return distribution.lowest() >= 0 && distribution.highest() > 0;
        }
    }

    /**
     * What is taken as known: hydraulic gradient along the flow, retardation, first-order decay of dissolved and sorbed
     * solute alike (1/d), dispersivity ratios αT/αL and αV/αL, the source's width across the flow and (Domenico only)
     * its depth below the water table (m).
     */
    public record Site(double hydraulicGradient, double retardation, double decayPerDay, double transverseDispersivityRatio,
                       double verticalDispersivityRatio, double sourceWidth, double sourceDepth) {
        public Site {
            if (!(hydraulicGradient > 0)) throw new InvalidArgument("analytics.transport.gradient");
            if (!(retardation >= 1)) throw new InvalidArgument("analytics.transport.retardation");
            if (!(decayPerDay >= 0)) throw new InvalidArgument("analytics.transport.decay");
            if (!(transverseDispersivityRatio > 0 && verticalDispersivityRatio > 0)) throw new InvalidArgument("analytics.transport.dispersivityRatios");
            if (!(sourceWidth > 0 && sourceDepth > 0)) throw new InvalidArgument("analytics.transport.sourceSize");
        }
    }

    /**
     * @param grid       cells for {@link Method#FINITE_VOLUME} (plume coordinates, holding the source at (0, 0)); unused otherwise
     * @param days       output times, each in [0, horizonDays]
     * @param threshold  concentration that marks the front (mg/L)
     * @param horizonDays end of the arrival-time search
     */
    public record Request(Uncertainty uncertainty, Site site, Method method, TransportGrid grid, List<PlumePoint> points, double[] days,
                          double threshold, double horizonDays, int realisations, long seed) {
        public Request {
            points = List.copyOf(points);
            days = days.clone();
            if (realisations < 1) throw new InvalidArgument("analytics.transport.realisations");
            if (!(threshold > 0)) throw new InvalidArgument("analytics.transport.threshold");
            if (!(horizonDays > 0) || !Double.isFinite(horizonDays)) throw new InvalidArgument("analytics.transport.horizon");
            if (days.length == 0) throw new InvalidArgument("analytics.transport.noTimes");
            for (double day : days) {
                if (!(day >= 0 && day <= horizonDays)) throw new InvalidArgument("analytics.transport.timeBeyondHorizon", day);
            }
            if (method == Method.FINITE_VOLUME) {
                if (grid == null || !grid.contains(0, 0)) {
                    throw new InvalidArgument("analytics.transport.gridSource");
                }
                for (PlumePoint point : points) {
                    if (!grid.contains(point.x(), point.y())) throw new InvalidArgument("analytics.transport.pointOffGrid", point);
                }
            }
        }

        @Override
        public double[] days() {
            return days.clone();
        }
    }

    /** One realisation's inputs. */
    record Draw(double hydraulicConductivity, double effectivePorosity, double longitudinalDispersivity, double sourceConcentration,
                double sourceStartDay) {}

    /** 5, 50 and 95 % quantiles over the realisations. */
    public record Band(double p5, double p50, double p95) {}

    /**
     * Quantiles of the day the front reaches a point; {@code Double.POSITIVE_INFINITY} where that share of realisations
     * does not arrive within the horizon.
     */
    public record ArrivalTime(double p2_5, double p50, double p97_5, double fractionNotArriving) {}

    /** @param concentrations one band per requested day, in the request's order */
    public record PointForecast(PlumePoint point, List<Band> concentrations, ArrivalTime arrival) {}

    /** @param frontDistances one band per requested day: how far along the flow C ≥ threshold reaches (m) */
    public record Result(int realisations, List<PointForecast> points, List<Band> frontDistances) {}

    private MonteCarloTransport() {}

    /** Runs on all the machine's processors. */
    public static Result run(Request request, Progress progress) {
        return run(request, Runtime.getRuntime().availableProcessors(), progress);
    }

    /**
     * Runs the realisations on {@code threads} threads. {@code progress} hears the share done, increasing, after each
     * realisation (from the worker threads), and is asked before each realisation whether to stop; a cancelled run
     * throws {@link Progress.Cancelled}.
     */
    public static Result run(Request request, int threads, Progress progress) {
        Draw[] draws = draw(request);
        int n = draws.length;
        ForwardRun.Outcome[] outcomes = new ForwardRun.Outcome[n];
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        int[] done = {0};
        int workers = Math.max(1, Math.min(threads, n));
        ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "monte-carlo-transport");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                running.add(pool.submit(() -> {
                    while (!stop.get()) {
                        if (progress.cancelled()) {
                            stop.set(true);
                            return;
                        }
                        int r = next.getAndIncrement();
                        if (r >= n) return;
                        outcomes[r] = ForwardRun.simulate(request, draws[r]);
                        synchronized (done) {
                            ++done[0];
                            progress.report((double) done[0] / n, Stage.of("analytics.stage.realisation", done[0], n));
                        }
                    }
                }));
            }
            for (Future<?> future : running) future.get();
        } catch (ExecutionException e) {
            stop.set(true);
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            stop.set(true);
            Thread.currentThread().interrupt();
            throw new Progress.Cancelled(Stage.of("analytics.stage.realisation", done[0], n));
        } finally {
            pool.shutdownNow();
        }
        if (Arrays.asList(outcomes).contains(null)) {
            throw new Progress.Cancelled(Stage.of("analytics.stage.realisation", done[0], n));
        }
        return summarise(request, outcomes);
    }

    /** All realisations' inputs from one stream, in a fixed order. */
    static Draw[] draw(Request request) {
        SplittableRandom random = new SplittableRandom(request.seed());
        Uncertainty u = request.uncertainty();
        Draw[] draws = new Draw[request.realisations()];
        for (int r = 0; r < draws.length; r++) {
            draws[r] = new Draw(u.hydraulicConductivity().quantile(open(random)), u.effectivePorosity().quantile(open(random)),
                    u.longitudinalDispersivity().quantile(open(random)), u.sourceConcentration().quantile(open(random)),
                    u.sourceStartDay().quantile(open(random)));
        }
        return draws;
    }

    /** A uniform draw strictly inside (0, 1): the midpoints of 2⁵³ equal intervals. */
    private static double open(SplittableRandom random) {
        return ((random.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
    }

    private static Result summarise(Request request, ForwardRun.Outcome[] outcomes) {
        int n = outcomes.length;
        int days = request.days.length;
        double[] values = new double[n];
        List<PointForecast> points = new ArrayList<>();
        for (int p = 0; p < request.points().size(); p++) {
            List<Band> bands = new ArrayList<>();
            for (int d = 0; d < days; d++) {
                for (int r = 0; r < n; r++) values[r] = outcomes[r].concentrations()[p][d];
                bands.add(band(values));
            }
            int never = 0;
            for (int r = 0; r < n; r++) {
                values[r] = outcomes[r].arrivals()[p];
                if (values[r] == Double.POSITIVE_INFINITY) never++;
            }
            Arrays.sort(values);
            ArrivalTime arrival = new ArrivalTime(quantile(values, 0.025), quantile(values, 0.5), quantile(values, 0.975), (double) never / n);
            points.add(new PointForecast(request.points().get(p), List.copyOf(bands), arrival));
        }
        List<Band> fronts = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            for (int r = 0; r < n; r++) values[r] = outcomes[r].fronts()[d];
            fronts.add(band(values));
        }
        return new Result(n, List.copyOf(points), List.copyOf(fronts));
    }

    private static Band band(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Band(quantile(sorted, 0.05), quantile(sorted, 0.5), quantile(sorted, 0.95));
    }

    /**
     * Hyndman &amp; Fan (1996) definition 7 (linear between order statistics, the default of R and NumPy) on sorted values;
     * between a finite value and +∞ the quantile is +∞.
     */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        double fraction = h - below;
        if (fraction == 0 || below + 1 >= sorted.length) return sorted[below];
        double a = sorted[below];
        double b = sorted[below + 1];
        return a == b ? a : a + fraction * (b - a);
    }
}
