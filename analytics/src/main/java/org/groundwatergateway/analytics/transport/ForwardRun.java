package org.groundwatergateway.analytics.transport;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.DoubleStream;

/**
 * One Monte Carlo realisation: the forward model run with one draw of the inputs, reduced to what the summary needs —
 * concentrations at the points and days asked for, the front's reach on those days, and the day the front reaches each
 * point.
 *
 * <p>The analytical models are continuous sources whose concentration rises with time and falls along the centre line,
 * so the front and arrival are found by bisection. The finite-volume run is sampled at the days asked for and at
 * {@value #ARRIVAL_STEPS} equal steps up to the horizon, a point's arrival interpolated linearly between the two samples
 * that straddle the threshold, the front between the last cell at or above it and the next along each row.
 */
final class ForwardRun {

    static final int ARRIVAL_STEPS = 100;
    private static final int BISECTIONS = 60;

    /** @param concentrations [point][day]; arrivals per point, +∞ when not within the horizon */
    record Outcome(double[][] concentrations, double[] fronts, double[] arrivals) {}

    /** Concentration at plume coordinates a time after the release began. */
    @FunctionalInterface
    private interface Plume {
        double concentration(double x, double y, double daysSinceRelease);
    }

    private ForwardRun() {}

    static Outcome simulate(MonteCarloTransport.Request request, MonteCarloTransport.Draw draw) {
        MonteCarloTransport.Site site = request.site();
        double velocity = draw.hydraulicConductivity() * site.hydraulicGradient() / draw.effectivePorosity();
        double longitudinal = draw.longitudinalDispersivity();
        double transverse = longitudinal * site.transverseDispersivityRatio();
        switch (request.method()) {
            case DOMENICO: {
                // DomenicoSource decays dissolved solute only; R·λ makes sorbed solute decay too, as in the other methods.
                DomenicoSource domenico = new DomenicoSource(draw.sourceConcentration(), site.sourceWidth(), site.sourceDepth(), velocity,
                        site.retardation(), site.decayPerDay() * site.retardation(), longitudinal, transverse,
                        longitudinal * site.verticalDispersivityRatio());
                return analytical(request, draw, (x, y, t) -> domenico.concentration(x, y, 0, t), velocity / site.retardation());
            }
            case WEXLER: {
                WexlerStripSource wexler = new WexlerStripSource(draw.sourceConcentration(), site.sourceWidth(), velocity, site.retardation(),
                        site.decayPerDay(), longitudinal, transverse);
                return analytical(request, draw, wexler::concentration, velocity / site.retardation());
            }
            default:
                return finiteVolume(request, draw, velocity, new FiniteVolumeTransport.Parameters(site.retardation(), site.decayPerDay(),
                        longitudinal, transverse, 0));
        }
    }

    private static Outcome analytical(MonteCarloTransport.Request request, MonteCarloTransport.Draw draw, Plume plume, double frontSpeed) {
        double start = draw.sourceStartDay();
        double threshold = request.threshold();
        double[] days = request.days();
        List<PlumePoint> points = request.points();
        double[][] concentrations = new double[points.size()][days.length];
        double[] arrivals = new double[points.size()];
        for (int p = 0; p < points.size(); p++) {
            PlumePoint point = points.get(p);
            for (int d = 0; d < days.length; d++) concentrations[p][d] = plume.concentration(point.x(), point.y(), days[d] - start);
            arrivals[p] = arrival(t -> plume.concentration(point.x(), point.y(), t - start), start, request.horizonDays(), threshold);
        }
        double[] fronts = new double[days.length];
        for (int d = 0; d < days.length; d++) {
            double elapsed = days[d] - start;
            // Next to the source line the plume has the source's concentration.
            if (elapsed > 0 && draw.sourceConcentration() >= threshold) {
                fronts[d] = reach(x -> plume.concentration(x, 0, elapsed), Math.max(1, frontSpeed * elapsed), threshold);
            }
        }
        return new Outcome(concentrations, fronts, arrivals);
    }

    /** The first day in (from, until] at which a rising concentration reaches the threshold, or +∞. */
    private static double arrival(DoubleUnaryOperator concentrationOnDay, double from, double until, double threshold) {
        if (concentrationOnDay.applyAsDouble(until) < threshold) return Double.POSITIVE_INFINITY;
        double lo = from;
        double hi = until;
        for (int k = 0; k < BISECTIONS; k++) {
            double mid = (lo + hi) / 2;
            if (concentrationOnDay.applyAsDouble(mid) >= threshold) hi = mid;
            else lo = mid;
        }
        return hi;
    }

    /** How far along the centre line a concentration falling with distance, and above the threshold at 0, stays so. */
    private static double reach(DoubleUnaryOperator concentrationAt, double guess, double threshold) {
        double lo = 0;
        double hi = guess;
        while (concentrationAt.applyAsDouble(hi) >= threshold) {
            lo = hi;
            hi *= 2;
            if (Double.isInfinite(hi)) return Double.POSITIVE_INFINITY;
        }
        for (int k = 0; k < BISECTIONS; k++) {
            double mid = (lo + hi) / 2;
            if (concentrationAt.applyAsDouble(mid) >= threshold) lo = mid;
            else hi = mid;
        }
        return lo;
    }

    private static Outcome finiteVolume(MonteCarloTransport.Request request, MonteCarloTransport.Draw draw, double velocity,
                                        FiniteVolumeTransport.Parameters parameters) {
        TransportGrid grid = request.grid();
        double start = draw.sourceStartDay();
        FiniteVolumeTransport model = FiniteVolumeTransport.uniform(grid, velocity, 0, parameters, List.of(
                new FiniteVolumeTransport.Source(0, 0, request.site().sourceWidth(), draw.sourceConcentration(), start, Double.POSITIVE_INFINITY)));
        double from = Math.min(0, start);
        double horizon = request.horizonDays();
        double[] days = request.days();
        double[] schedule = DoubleStream.concat(Arrays.stream(days),
                DoubleStream.iterate(1, k -> k + 1).limit(ARRIVAL_STEPS).map(k -> from + (horizon - from) * k / ARRIVAL_STEPS))
                .sorted().distinct().toArray();
        List<PlumePoint> points = request.points();
        double[][] concentrations = new double[points.size()][days.length];
        double[] fronts = new double[days.length];
        double[] arrivals = new double[points.size()];
        Arrays.fill(arrivals, Double.POSITIVE_INFINITY);
        double[] previous = new double[points.size()];
        double[] previousDay = {from};
        double threshold = request.threshold();
        model.run(new double[grid.cells()], from, schedule, (index, day, field) -> {
            for (int p = 0; p < points.size(); p++) {
                double c = model.at(field, points.get(p).x(), points.get(p).y());
                if (arrivals[p] == Double.POSITIVE_INFINITY && c >= threshold) {
                    arrivals[p] = previousDay[0] + (day - previousDay[0]) * (threshold - previous[p]) / (c - previous[p]);
                }
                previous[p] = c;
                for (int d = 0; d < days.length; d++) if (days[d] == day) concentrations[p][d] = c;
            }
            for (int d = 0; d < days.length; d++) if (days[d] == day) fronts[d] = reach(grid, field, threshold);
            previousDay[0] = day;
        });
        return new Outcome(concentrations, fronts, arrivals);
    }

    /** The farthest x at which a row of cells is at or above the threshold, between cell centres linearly (0 if nowhere). */
    private static double reach(TransportGrid grid, double[] field, double threshold) {
        double farthest = 0;
        for (int j = 0; j < grid.ny(); j++) {
            int row = j * grid.nx();
            for (int i = grid.nx() - 1; i >= 0; i--) {
                double c = field[row + i];
                if (c < threshold) continue;
                double beyond = i + 1 < grid.nx() ? field[row + i + 1] : c;
                double x = grid.centreX(i) + (beyond < c ? grid.dx() * (c - threshold) / (c - beyond) : 0);
                farthest = Math.max(farthest, x);
                break;
            }
        }
        return farthest;
    }
}
