package org.groundwatergateway.core.site;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.analytics.flow.FlowField;
import org.groundwatergateway.analytics.flow.UniformFlow;
import org.groundwatergateway.analytics.transport.FiniteVolumeTransport;
import org.groundwatergateway.analytics.transport.MonteCarloTransport;
import org.groundwatergateway.analytics.transport.ParameterDistribution;
import org.groundwatergateway.analytics.transport.PlumePoint;
import org.groundwatergateway.analytics.transport.TransportGrid;
import org.groundwatergateway.analytics.transport.TransportScenario;
import org.groundwatergateway.core.problem.InvalidInput;

/**
 * Plume forecasts: concentrations at points and times from releases into the groundwater, on a uniform seepage velocity
 * or on a park's flow field from its stored heads; deterministic, or with 5/50/95 % bands, the front's reach and arrival
 * times from a Monte Carlo over uncertain conductivity, porosity, dispersivity and source ({@link MonteCarloTransport}).
 * Coordinates are metres (on a park's flow field: east and north of the park's south-west corner), times days,
 * concentrations in the unit of the sources.
 */
public final class PlumeForecasts {

    /** Effective porosity of a uniform flow given none. */
    static final double POROSITY = 0.25;
    /** Heads averaged over this long up to the latest water level, for a flow field asked without a window. */
    static final Duration HEADS_WINDOW = Duration.ofDays(30);
    static final int REALIZATIONS = 200;
    /** The plume's front and arrival are where it reaches this share of the source's concentration, unless asked otherwise. */
    static final double THRESHOLD_SHARE = 0.01;
    /** The Monte Carlo's cells on a flow field asked without a grid, m: the field's 50 m would blur a plume tens of metres wide. */
    static final double MONTE_CARLO_CELL_M = 5;
    /** The Monte Carlo's grid reaches this many cells upgradient of the source (solute disperses against the flow too)... */
    static final int CELLS_UPGRADIENT = 10;
    /** ...and this many beyond the farthest point along the flow and the widest across it, on either side. */
    static final int CELLS_BEYOND = 20;

    public enum Method { NUMERICAL, ANALYTICAL }

    /** Where the water goes. */
    public sealed interface Flow permits UniformVelocity, ParkFlowField {

        /** Side of the Monte Carlo's square cells, m. */
        double monteCarloCellM();
    }

    /**
     * The same seepage velocity (m/d, east and north) in every cell of a grid.
     *
     * @param porosity effective porosity; null for {@link #POROSITY}
     */
    public record UniformVelocity(TransportGrid grid, double vx, double vy, Double porosity) implements Flow {

        @Override
        public double monteCarloCellM() {
            return Math.min(grid.dx(), grid.dy());
        }
    }

    /**
     * A park's flow field, from the heads its wells measured.
     *
     * @param aquifer the aquifer's code; null for the park's shallowest unconfined one
     * @param from    heads averaged from then to {@code to}; both null for the {@link #HEADS_WINDOW} to the latest water level
     * @param spacing the field's nodes {@code dx} apart and the Monte Carlo's cells the smaller side; null for
     *                {@link SiteFlow#CELL_M} and {@link #MONTE_CARLO_CELL_M}
     */
    public record ParkFlowField(String park, String aquifer, Instant from, Instant to, Spacing spacing) implements Flow {

        @Override
        public double monteCarloCellM() {
            return spacing == null ? MONTE_CARLO_CELL_M : Math.min(spacing.dx(), spacing.dy());
        }
    }

    /** Grid spacing east and north, m. */
    public record Spacing(double dx, double dy) {}

    /**
     * What is uncertain, for a Monte Carlo; a distribution left null is fixed at the deterministic input.
     *
     * @param realizations    null for {@link #REALIZATIONS}
     * @param seed            null for 1
     * @param hydraulicGradient null for the flow field's regional gradient (needed without one)
     * @param threshold       the concentration marking the front and arrival; null for {@link #THRESHOLD_SHARE} of the source's
     * @param horizonDays     how far ahead arrivals are sought; null for the last of the days asked
     */
    public record Uncertainty(Integer realizations, Long seed, Double hydraulicGradient, ParameterDistribution conductivity,
                              ParameterDistribution porosity, ParameterDistribution longitudinalDispersivity,
                              ParameterDistribution sourceConcentration, ParameterDistribution sourceStartDay, Double threshold,
                              Double horizonDays) {}

    /**
     * @param points      where concentrations are wanted, {x, y}
     * @param days        when, ascending
     * @param uncertainty null for one deterministic run
     */
    public record Question(Flow flow, FiniteVolumeTransport.Parameters parameters, List<FiniteVolumeTransport.Source> sources,
                           double[][] points, double[] days, Method method, Uncertainty uncertainty) {}

    /**
     * @param concentrations {@code [point][time]} of a deterministic run; null under uncertainty
     * @param bands          the Monte Carlo's bands, arrivals and fronts, in the question's order; null without uncertainty
     * @param threshold      the concentration the Monte Carlo took as the front; null without uncertainty
     */
    public record Forecast(Method method, UniformFlow flow, double[][] concentrations, MonteCarloTransport.Result bands, Double threshold) {}

    /**
     * A question checked and set up, to be run (for minutes, on a job's thread).
     *
     * @param flow       the regional flow that orients plume coordinates
     * @param monteCarlo null without uncertainty
     */
    public record Run(Question question, UniformFlow flow, TransportScenario scenario, MonteCarloTransport.Request monteCarlo) {

        public Forecast forecast(Progress progress) {
            if (monteCarlo != null) {
                return new Forecast(question.method(), flow, null, MonteCarloTransport.run(monteCarlo, progress), monteCarlo.threshold());
            }
            double[][] c = question.method() == Method.ANALYTICAL ? scenario.analytical(question.points(), question.days())
                    : scenario.numerical(question.points(), question.days(), progress);
            return new Forecast(question.method(), flow, c, null, null);
        }
    }

    /** The flow a question runs on, with the aquifer's conductivity and gradient where a flow field gives them (else null). */
    private record Conditions(TransportScenario scenario, UniformFlow regional, double porosity, Double conductivity, Double gradient) {}

    private final SiteRepository sites;
    private final SiteReadings readings;
    private final Clock clock;

    public PlumeForecasts(SiteRepository sites, SiteReadings readings, Clock clock) {
        this.sites = sites;
        this.readings = readings;
        this.clock = clock;
    }

    /** Checks the question and sets it up (a park's flow field is built from its heads here); refuses what it cannot answer. */
    public Run prepare(Question question) {
        Conditions conditions = question.flow() instanceof ParkFlowField park ? onFlowField(park, question)
                : onUniformFlow((UniformVelocity) question.flow(), question);
        MonteCarloTransport.Request monteCarlo = question.uncertainty() == null ? null : monteCarlo(question, conditions);
        return new Run(question, conditions.regional(), conditions.scenario(), monteCarlo);
    }

    private Conditions onFlowField(ParkFlowField asked, Question question) {
        Site site = sites.load(asked.park());
        var aquifer = site.aquiferOrShallowest(asked.aquifer());
        double cell = asked.spacing() == null ? SiteFlow.CELL_M : asked.spacing().dx();
        SiteFlow siteFlow = asked.from() == null ? SiteFlow.lastBefore(site, aquifer, readings, clock.instant(), HEADS_WINDOW, cell)
                : SiteFlow.of(site, aquifer, readings, asked.from(), asked.to(), cell);
        FlowField field = siteFlow.field();
        var scenario = new TransportScenario(field.transportGrid(), field.seepageVelocityX(), field.seepageVelocityY(), question.parameters(),
                question.sources());
        return new Conditions(scenario, siteFlow.regional(), field.effectivePorosity(), field.conductivity(), siteFlow.regionalGradient());
    }

    private static Conditions onUniformFlow(UniformVelocity asked, Question question) {
        var scenario = TransportScenario.uniform(asked.grid(), asked.vx(), asked.vy(), question.parameters(), question.sources());
        double speed = Math.hypot(asked.vx(), asked.vy());
        if (!(speed > 0)) throw new InvalidInput("core.transport.still", "velocity");
        double azimuth = new FlowField.FlowVector(0, 0, asked.vx(), asked.vy()).azimuthDegrees();
        return new Conditions(scenario, new UniformFlow(azimuth, speed), asked.porosity() == null ? POROSITY : asked.porosity(), null, null);
    }

    private static MonteCarloTransport.Request monteCarlo(Question question, Conditions conditions) {
        Uncertainty u = question.uncertainty();
        if (question.sources().size() != 1) throw new InvalidInput("core.transport.oneSource", "uncertainty", question.sources().size());
        FiniteVolumeTransport.Source source = question.sources().get(0);
        if (Double.isFinite(source.endDay())) throw new InvalidInput("core.transport.continuing", "uncertainty");
        double gradient = u.hydraulicGradient() != null ? u.hydraulicGradient() : conditions.gradient() == null ? Double.NaN : conditions.gradient();
        if (!(gradient > 0)) throw new InvalidInput("core.transport.gradient", "uncertainty.hydraulicGradient");
        double conductivity = conditions.conductivity() != null ? conditions.conductivity()
                : conductivity(conditions.regional().seepageVelocity(), conditions.porosity(), gradient);
        FiniteVolumeTransport.Parameters parameters = question.parameters();
        var uncertainty = new MonteCarloTransport.Uncertainty(
                orFixed(u.conductivity(), conductivity),
                orFixed(u.porosity(), conditions.porosity()),
                orFixed(u.longitudinalDispersivity(), parameters.longitudinalDispersivity()),
                orFixed(u.sourceConcentration(), source.concentration()),
                orFixed(u.sourceStartDay(), source.startDay()));
        // Only Domenico's 3-D solution, which no question here asks for, reads αV/αL and the source's depth: valid values suffice.
        double ratio = parameters.transverseDispersivity() / parameters.longitudinalDispersivity();
        var site = new MonteCarloTransport.Site(gradient, parameters.retardation(), parameters.decayPerDay(), ratio, ratio / 10,
                source.widthM(), Math.max(1, source.widthM() / 5));
        List<PlumePoint> points = new ArrayList<>();
        UniformFlow flow = conditions.regional();
        for (double[] p : question.points()) {
            points.add(new PlumePoint(flow.along(p[0] - source.x(), p[1] - source.y()), flow.across(p[0] - source.x(), p[1] - source.y())));
        }
        double[] days = question.days();
        double horizon = u.horizonDays() == null ? days[days.length - 1] : u.horizonDays();
        double threshold = u.threshold() == null ? THRESHOLD_SHARE * source.concentration() : u.threshold();
        boolean numerical = question.method() == Method.NUMERICAL;
        TransportGrid grid = numerical ? monteCarloGrid(question.flow().monteCarloCellM(), source.widthM(), points) : null;
        return new MonteCarloTransport.Request(uncertainty, site, numerical ? MonteCarloTransport.Method.FINITE_VOLUME : MonteCarloTransport.Method.WEXLER,
                grid, points, days, threshold, horizon, u.realizations() == null ? REALIZATIONS : u.realizations(), u.seed() == null ? 1 : u.seed());
    }

    /** Hydraulic conductivity from Darcy's law, K = v·nₑ/i (m/d), for a flow given by its seepage velocity. */
    static double conductivity(double seepageVelocity, double porosity, double gradient) {
        return seepageVelocity * porosity / gradient;
    }

    /**
     * The Monte Carlo's finite-volume cells in plume coordinates (the source at the origin, x along the flow): from
     * {@link #CELLS_UPGRADIENT} cells upgradient of the source to {@link #CELLS_BEYOND} beyond the farthest point, and
     * across the flow {@link #CELLS_BEYOND} beyond the farther of the source's width and the points on either side.
     */
    static TransportGrid monteCarloGrid(double cell, double sourceWidthM, List<PlumePoint> points) {
        double along = 0;
        double across = sourceWidthM;
        for (PlumePoint p : points) {
            along = Math.max(along, p.x());
            across = Math.max(across, Math.abs(p.y()));
        }
        int nx = (int) Math.ceil(along / cell) + CELLS_UPGRADIENT + CELLS_BEYOND;
        int ny = 2 * ((int) Math.ceil(across / cell) + CELLS_BEYOND);
        return new TransportGrid(-CELLS_UPGRADIENT * cell - cell / 2, -ny * cell / 2.0, cell, cell, nx, ny);
    }

    private static ParameterDistribution orFixed(ParameterDistribution asked, double value) {
        return asked != null ? asked : new ParameterDistribution.Fixed(value);
    }
}
