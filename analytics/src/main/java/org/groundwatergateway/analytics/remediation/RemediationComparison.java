package org.groundwatergateway.analytics.remediation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.DoubleStream;
import org.groundwatergateway.analytics.InvalidArgument;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.analytics.Stage;
import org.groundwatergateway.analytics.transport.FiniteVolumeTransport;
import org.groundwatergateway.analytics.transport.PlumePoint;
import org.groundwatergateway.analytics.transport.TransportGrid;

/**
 * Compares remediation alternatives on one site with the finite-volume transport model: the plume as it stands on day 0
 * (the source released since its start, left to itself), then each alternative from day 0 to the horizon. For each:
 * when every compliance point falls to the target concentration and stays there (sampled at {@value #SAMPLES} equal
 * steps, crossings interpolated linearly), the concentrations left at the horizon and the plume area still above the
 * target (residual risk), and the cost range (action plus monitoring of the compliance points). Alternatives are ranked
 * by the time to reach the target (never last), then the highest concentration left at a compliance point, then the
 * middle of the cost range.
 */
public final class RemediationComparison {

    static final int SAMPLES = 200;

    /** The compliance points, the concentration to reach there (mg/L), and how long to look (days from day 0). */
    public record Compliance(List<PlumePoint> points, double targetConcentration, double horizonDays) {
        public Compliance {
            points = List.copyOf(points);
            if (points.isEmpty()) throw new InvalidArgument("analytics.remediation.noPoints");
            if (!(targetConcentration > 0 && horizonDays > 0) || !Double.isFinite(horizonDays)) {
                throw new InvalidArgument("analytics.remediation.targetHorizon");
            }
        }
    }

    /**
     * @param daysToTarget day from which the point stays at or below the target until the horizon: 0 if it never exceeds
     *                     it, +∞ if it still does at the horizon
     */
    public record PointOutcome(PlumePoint point, double daysToTarget, double concentrationAtHorizon, double peakConcentration) {}

    /**
     * @param daysToTarget              the latest of the points' (+∞ if any never gets there)
     * @param maxConcentrationAtHorizon the highest at a compliance point at the horizon (mg/L)
     * @param areaAboveTargetAtHorizon  the plume's area above the target at the horizon (m²)
     * @param rank                      1 for the best
     */
    public record Outcome(Remediation remediation, int rank, List<PointOutcome> points, double daysToTarget, double maxConcentrationAtHorizon,
                          double areaAboveTargetAtHorizon, CostRange cost) {}

    private RemediationComparison() {}

    /**
     * The outcomes in the order the alternatives were given, each with its rank; progress is reported, and a cancel
     * honoured, at each sampled day of each alternative's run.
     */
    public static List<Outcome> compare(Site site, Compliance compliance, List<Remediation> alternatives, UnitCosts costs, Progress progress) {
        double[] today = plumeOnDayZero(site);
        List<Outcome> outcomes = new ArrayList<>();
        for (int a = 0; a < alternatives.size(); a++) {
            Stage stage = Stage.of("analytics.stage.remediationOption", a + 1, alternatives.size());
            outcomes.add(evaluate(site, compliance, alternatives.get(a), costs, today,
                    progress.part((double) a / alternatives.size(), (a + 1.0) / alternatives.size()), stage));
        }
        Comparator<Outcome> better = Comparator.comparingDouble(Outcome::daysToTarget).thenComparingDouble(Outcome::maxConcentrationAtHorizon)
                .thenComparingDouble(outcome -> outcome.cost().middle());
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < outcomes.size(); k++) order.add(k);
        order.sort(Comparator.comparing(outcomes::get, better));
        Outcome[] ranked = new Outcome[outcomes.size()];
        for (int place = 0; place < order.size(); place++) {
            Outcome outcome = outcomes.get(order.get(place));
            ranked[order.get(place)] = new Outcome(outcome.remediation(), place + 1, outcome.points(), outcome.daysToTarget(),
                    outcome.maxConcentrationAtHorizon(), outcome.areaAboveTargetAtHorizon(), outcome.cost());
        }
        return List.of(ranked);
    }

    /** The plume the source has made by day 0, with nothing done. */
    private static double[] plumeOnDayZero(Site site) {
        double[] empty = new double[site.grid().cells()];
        if (site.sourceStartDay() >= 0) return empty;
        double[][] field = new double[1][];
        site.naturalModel(site.source()).run(empty, site.sourceStartDay(), new double[] {0}, (index, day, c) -> field[0] = c.clone());
        return field[0];
    }

    private static Outcome evaluate(Site site, Compliance compliance, Remediation remediation, UnitCosts costs, double[] today,
                                    Progress progress, Stage stage) {
        Remediation.Plan plan = remediation.plan(site);
        double horizon = compliance.horizonDays();
        List<PlumePoint> points = compliance.points();
        double[] days = new double[SAMPLES + 1];
        for (int k = 0; k <= SAMPLES; k++) days[k] = horizon * k / SAMPLES;
        double[][] series = new double[points.size()][SAMPLES + 1];
        FiniteVolumeTransport.Observer sampler = (index, day, field) -> {
            int k = Arrays.binarySearch(days, day);
            if (k >= 0) {
                for (int p = 0; p < points.size(); p++) series[p][k] = plan.model().at(field, points.get(p).x(), points.get(p).y());
                progress.advance((double) k / SAMPLES, stage);
            }
        };
        double[] last;
        double treatment = plan.treatmentDay();
        if (plan.survivingShare() != null && treatment < horizon) {
            // The one-off treatment splits the run: up to its day, the dissolved plume treated, then on.
            double[] before = DoubleStream.concat(Arrays.stream(days).filter(day -> day < treatment), DoubleStream.of(treatment)).toArray();
            double[] treated = run(plan.model(), today, 0, before, sampler);
            for (int k = 0; k < treated.length; k++) treated[k] *= plan.survivingShare()[k];
            last = run(plan.model(), treated, treatment, Arrays.stream(days).filter(day -> day > treatment).toArray(), sampler);
        } else {
            last = run(plan.model(), today, 0, days, sampler);
        }
        double target = compliance.targetConcentration();
        List<PointOutcome> outcomes = new ArrayList<>();
        double latest = 0;
        double highest = 0;
        for (int p = 0; p < points.size(); p++) {
            double reached = daysToTarget(days, series[p], target);
            double atHorizon = series[p][SAMPLES];
            outcomes.add(new PointOutcome(points.get(p), reached, atHorizon, Arrays.stream(series[p]).max().orElse(0)));
            latest = Math.max(latest, reached);
            highest = Math.max(highest, atHorizon);
        }
        TransportGrid grid = site.grid();
        long above = Arrays.stream(last).filter(c -> c > target).count();
        CostRange cost = remediation.actionCost(site, costs, horizon).plus(costs.monitoring(points.size(), horizon));
        return new Outcome(remediation, 0, List.copyOf(outcomes), latest, highest, above * grid.dx() * grid.dy(), cost);
    }

    /** Runs from {@code initial} at {@code fromDay} through {@code days}, each handed to the sampler; returns the last field. */
    private static double[] run(FiniteVolumeTransport model, double[] initial, double fromDay, double[] days, FiniteVolumeTransport.Observer sampler) {
        double[][] last = {initial};
        model.run(initial, fromDay, days, (index, day, field) -> {
            sampler.reached(index, day, field);
            if (index == days.length - 1) last[0] = field.clone();
        });
        return last[0].clone();
    }

    /** The day from which a sampled series stays at or below the target: 0, a crossing between samples, or +∞. */
    static double daysToTarget(double[] days, double[] series, double target) {
        int lastAbove = -1;
        for (int k = 0; k < series.length; k++) if (series[k] > target) lastAbove = k;
        if (lastAbove < 0) return 0;
        if (lastAbove == series.length - 1) return Double.POSITIVE_INFINITY;
        double a = series[lastAbove];
        double b = series[lastAbove + 1];
        return days[lastAbove] + (days[lastAbove + 1] - days[lastAbove]) * (a - target) / (a - b);
    }
}
