package org.groundwatergateway.gateway.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.groundwatergateway.analytics.InvalidArgument;
import org.groundwatergateway.analytics.flow.FlowField;
import org.groundwatergateway.analytics.flow.UniformFlow;
import org.groundwatergateway.analytics.transport.FiniteVolumeTransport;
import org.groundwatergateway.analytics.transport.MonteCarloTransport;
import org.groundwatergateway.analytics.transport.ParameterDistribution;
import org.groundwatergateway.analytics.transport.PlumePoint;
import org.groundwatergateway.analytics.transport.TransportGrid;
import org.groundwatergateway.analytics.transport.TransportScenario;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.site.Site;
import org.groundwatergateway.core.site.SiteFlow;
import org.groundwatergateway.core.site.SiteReadings;
import org.groundwatergateway.core.site.SiteRepository;
import org.groundwatergateway.gateway.web.PublicBaseUrl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Plume forecasts: concentrations at points and times from releases into the groundwater, deterministic or with 5/50/95 %
 * bands from a Monte Carlo over uncertain conductivity, porosity, dispersivity and source. Coordinates are metres (on a
 * park's flow field: east and north of the park's south-west corner), times days, concentrations in the unit of the sources.
 */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "统计与趋势分析 / statistics and trends")
public class TransportController {

    private final AnalysisJobs jobs;
    private final SiteRepository sites;
    private final SiteReadings readings;
    private final Clock clock;
    private final PublicBaseUrl publicBaseUrl;

    public TransportController(AnalysisJobs jobs, SiteRepository sites, SiteReadings readings, Clock clock, PublicBaseUrl publicBaseUrl) {
        this.jobs = jobs;
        this.sites = sites;
        this.readings = readings;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    public record Grid(double x0, double y0, double dx, double dy, int nx, int ny) {}

    public record Velocity(double vx, double vy) {}

    public record Dispersivity(double longitudinal, double transverse) {}

    @Schema(description = "A release along a strip `widthM` wide across the flow through (x, y). Numerical: inside the grid the cells "
            + "the strip crosses, one cell along the flow, are held at `concentration` (solute also disperses upgradient of them); on the "
            + "grid's inflow edge the edge faces are held instead, a Dirichlet inflow boundary. Analytical (Wexler): the concentration is "
            + "given on the source line, with no aquifer upgradient and the line held at zero beside the strip; to compare the two, put "
            + "the grid's inflow edge on the source line.")
    public record Source(double x, double y, double widthM, double concentration, double startDay,
                         @Schema(description = "when the release stops; absent: it goes on") Double endDay) {}

    public record Point(double x, double y) {}

    /** A value that is uncertain: {"distribution": "LOGNORMAL", "median", "sigmaLn"}, "UNIFORM" (min, max), "TRIANGULAR" (min, mode, max) or "FIXED" (value). */
    public record Distribution(String distribution, Double value, Double median, Double sigmaLn, Double min, Double mode, Double max) {}

    @Schema(description = "Monte Carlo over the uncertain inputs; needs one source. Distributions left out are fixed at the deterministic inputs.")
    public record Uncertainty(Integer realizations, Long seed,
                              @Schema(description = "hydraulic gradient (needed unless a flow field gives it)") Double hydraulicGradient,
                              Distribution conductivity, Distribution porosity, Distribution longitudinalDispersivity,
                              Distribution sourceConcentration, Distribution sourceStartDay,
                              @Schema(description = "concentration marking the plume front and arrival; default 1 % of the source's") Double threshold,
                              @Schema(description = "how far ahead arrival times are sought, days; default the last of `times`") Double horizonDays) {}

    public record FlowFieldWindow(OffsetDateTime from, OffsetDateTime to) {}

    @Schema(example = "{\"grid\": {\"x0\": -50, \"y0\": -100, \"dx\": 5, \"dy\": 5, \"nx\": 140, \"ny\": 40}, \"velocity\": {\"vx\": 0.156, \"vy\": 0}, "
            + "\"porosity\": 0.25, \"retardation\": 1.2, \"decayPerDay\": 0.0015, \"dispersivity\": {\"longitudinal\": 5, \"transverse\": 0.5}, "
            + "\"sources\": [{\"x\": 0, \"y\": 0, \"widthM\": 20, \"concentration\": 12, \"startDay\": 0}], \"times\": [365, 730], "
            + "\"points\": [{\"x\": 25, \"y\": 0}, {\"x\": 90, \"y\": 5}], \"method\": \"numerical\"}")
    public record TransportRequest(Grid grid, Velocity velocity,
                                   @Schema(description = "a park code: run on that park's flow field from its stored heads instead of `velocity`") String flowField,
                                   @Schema(description = "the park's aquifer; default its shallowest unconfined one") String aquifer,
                                   @Schema(description = "heads averaged over this window; default the 30 days to the latest water level") FlowFieldWindow flowFieldWindow,
                                   Double porosity, Double retardation, Double decayPerDay, Dispersivity dispersivity, List<Source> sources,
                                   List<Double> times, List<Point> points, Uncertainty uncertainty,
                                   @Schema(description = "numerical (finite volumes, default) or analytical (Wexler strip source, uniform flow)") String method) {}

    /** @param c the concentration (the median under uncertainty); p05/p50/p95 only under uncertainty */
    public record PointValue(double x, double y, double t, double c, Double p05, Double p50, Double p95) {}

    /** Time for the plume front (C ≥ threshold) to reach a point: 2.5/50/97.5 % (null: not within the horizon). */
    public record Arrival(double x, double y, Double p2_5, Double p50, Double p97_5, double fractionNotArriving) {}

    /** How far along the flow from the source the front reaches at a time, m. */
    public record Front(double t, double p05, double p50, double p95) {}

    public record TransportAnswer(String method, double flowAzimuthDegrees, double seepageVelocity, Integer realizations,
                                  List<PointValue> points, List<Arrival> arrivals, List<Front> fronts, Double threshold) {}

    public enum Method { NUMERICAL, ANALYTICAL }

    @PostMapping("/transport")
    @Operation(summary = "Plume forecast: concentrations at points and times, with 5/50/95 % bands under uncertainty",
            description = "Finite volumes (TVD advection, Bear's dispersion tensor, retardation, first-order decay) on uniform flow or a "
                    + "park's flow field, or Wexler's (1992) strip-source solution for uniform flow. With `uncertainty`, a Monte Carlo over "
                    + "lognormal/uniform/triangular inputs gives 5/50/95 % concentrations, the plume front's reach over time and the time "
                    + "to reach each point with its 95 % interval. Send `Prefer: respond-async` to follow progress as server-sent events.")
    public ResponseEntity<Object> transport(@RequestBody TransportRequest request, @RequestHeader(value = "Prefer", required = false) String prefer) {
        Method method = request.method() == null ? Method.NUMERICAL : AnalysisRequests.choice(Method.class, request.method(), "method");
        double[] days = AnalysisRequests.numbers(request.times(), "times");
        if (days.length == 0) throw new InvalidInput("gateway.atLeastOne", "times");
        for (int t = 0; t < days.length; t++) {
            if (days[t] < 0 || (t > 0 && days[t] < days[t - 1])) throw new InvalidInput("gateway.transport.times", "times[" + t + "]");
        }
        if (request.points() == null || request.points().isEmpty()) throw new InvalidInput("gateway.atLeastOne", "points");
        double[][] points = request.points().stream().map(p -> new double[] {p.x(), p.y()}).toArray(double[][]::new);
        if (request.sources() == null || request.sources().isEmpty()) throw new InvalidInput("gateway.atLeastOne", "sources");
        List<FiniteVolumeTransport.Source> sources = new ArrayList<>();
        for (int s = 0; s < request.sources().size(); s++) {
            Source source = request.sources().get(s);
            if (!(source.widthM() > 0 && source.concentration() >= 0)) throw new InvalidInput("gateway.transport.source", "sources[" + s + "]");
            sources.add(new FiniteVolumeTransport.Source(source.x(), source.y(), source.widthM(), source.concentration(), source.startDay(),
                    source.endDay() == null ? Double.POSITIVE_INFINITY : source.endDay()));
        }
        if (request.dispersivity() == null) throw new InvalidInput("gateway.transport.dispersivity", "dispersivity");
        var parameters = new FiniteVolumeTransport.Parameters(AnalysisRequests.or(request.retardation(), 1), AnalysisRequests.or(request.decayPerDay(), 0),
                request.dispersivity().longitudinal(), request.dispersivity().transverse(), 0);

        TransportScenario scenario;
        double porosity;
        Double gradient = null;
        Double conductivity = null;
        UniformFlow flow;
        if (request.flowField() != null) {
            SiteFlow siteFlow = siteFlow(request);
            FlowField field = siteFlow.field();
            scenario = new TransportScenario(field.transportGrid(), field.seepageVelocityX(), field.seepageVelocityY(), parameters, sources);
            porosity = field.effectivePorosity();
            flow = siteFlow.regional();
            conductivity = field.conductivity();
            gradient = siteFlow.regionalGradient();
        } else {
            if (request.velocity() == null) throw new InvalidInput("gateway.transport.velocity", "velocity");
            Grid g = request.grid();
            if (g == null) throw new InvalidInput("gateway.transport.grid", "grid");
            if ((long) g.nx() * g.ny() > 4_000_000) throw new InvalidInput("gateway.analysis.cells", "grid", 4_000_000, (long) g.nx() * g.ny());
            scenario = TransportScenario.uniform(new TransportGrid(g.x0(), g.y0(), g.dx(), g.dy(), g.nx(), g.ny()),
                    request.velocity().vx(), request.velocity().vy(), parameters, sources);
            porosity = AnalysisRequests.or(request.porosity(), 0.25);
            double speed = Math.hypot(request.velocity().vx(), request.velocity().vy());
            if (!(speed > 0)) throw new InvalidInput("gateway.transport.still", "velocity");
            FlowField.FlowVector v = new FlowField.FlowVector(0, 0, request.velocity().vx(), request.velocity().vy());
            flow = new UniformFlow(v.azimuthDegrees(), speed);
        }
        if (request.uncertainty() == null) {
            return AnalysisJobController.respond(jobs, publicBaseUrl, prefer, "transport", progress -> {
                double[][] c = method == Method.ANALYTICAL ? scenario.analytical(points, days) : scenario.numerical(points, days, progress);
                List<PointValue> values = new ArrayList<>();
                for (int p = 0; p < points.length; p++) {
                    for (int t = 0; t < days.length; t++) values.add(new PointValue(points[p][0], points[p][1], days[t], c[p][t], null, null, null));
                }
                return new TransportAnswer(method.name().toLowerCase(Locale.ROOT), flow.azimuthDegrees(), flow.seepageVelocity(), null, values,
                        List.of(), List.of(), null);
            });
        }
        MonteCarloTransport.Request monteCarlo = monteCarlo(request, method, sources, parameters, points, days, flow, porosity, gradient, conductivity);
        return AnalysisJobController.respond(jobs, publicBaseUrl, prefer, "transport", progress ->
                uncertain(MonteCarloTransport.run(monteCarlo, progress), monteCarlo, request, sources.get(0), points, days, flow));
    }

    private SiteFlow siteFlow(TransportRequest request) {
        Site site = sites.load(request.flowField());
        var aquifer = site.aquiferOrShallowest(request.aquifer());
        double cell = request.grid() == null ? 50 : request.grid().dx();
        if (request.flowFieldWindow() == null) return SiteFlow.lastBefore(site, aquifer, readings, clock.instant(), Duration.ofDays(30), cell);
        Instant from = AnalysisRequests.instant(request.flowFieldWindow().from(), "flowFieldWindow.from");
        Instant to = AnalysisRequests.instant(request.flowFieldWindow().to(), "flowFieldWindow.to");
        return SiteFlow.of(site, aquifer, readings, from, to, cell);
    }

    private static MonteCarloTransport.Request monteCarlo(TransportRequest request, Method method, List<FiniteVolumeTransport.Source> sources,
                                                          FiniteVolumeTransport.Parameters parameters, double[][] points, double[] days,
                                                          UniformFlow flow, double porosity, Double fieldGradient, Double fieldConductivity) {
        Uncertainty u = request.uncertainty();
        if (sources.size() != 1) throw new InvalidInput("gateway.transport.oneSource", "uncertainty", sources.size());
        FiniteVolumeTransport.Source source = sources.get(0);
        if (Double.isFinite(source.endDay())) throw new InvalidInput("gateway.transport.continuing", "uncertainty");
        double gradient = u.hydraulicGradient() != null ? u.hydraulicGradient() : fieldGradient == null ? Double.NaN : fieldGradient;
        if (!(gradient > 0)) throw new InvalidInput("gateway.transport.gradient", "uncertainty.hydraulicGradient");
        double conductivity = fieldConductivity != null ? fieldConductivity : flow.seepageVelocity() * porosity / gradient;
        var uncertainty = new MonteCarloTransport.Uncertainty(
                distribution(u.conductivity(), conductivity, "conductivity"),
                distribution(u.porosity(), porosity, "porosity"),
                distribution(u.longitudinalDispersivity(), parameters.longitudinalDispersivity(), "longitudinalDispersivity"),
                distribution(u.sourceConcentration(), source.concentration(), "sourceConcentration"),
                distribution(u.sourceStartDay(), source.startDay(), "sourceStartDay"));
        double ratio = parameters.transverseDispersivity() / parameters.longitudinalDispersivity();
        var site = new MonteCarloTransport.Site(gradient, parameters.retardation(), parameters.decayPerDay(), ratio, ratio / 10,
                source.widthM(), Math.max(1, source.widthM() / 5));
        List<PlumePoint> plumePoints = new ArrayList<>();
        double maxAlong = 0;
        double maxAcross = source.widthM();
        for (double[] p : points) {
            PlumePoint q = new PlumePoint(flow.along(p[0] - source.x(), p[1] - source.y()), flow.across(p[0] - source.x(), p[1] - source.y()));
            plumePoints.add(q);
            maxAlong = Math.max(maxAlong, q.x());
            maxAcross = Math.max(maxAcross, Math.abs(q.y()));
        }
        int realizations = u.realizations() == null ? 200 : u.realizations();
        if (realizations < 10 || realizations > 5000) throw new InvalidInput("gateway.range", "uncertainty.realizations", 10, 5000, realizations);
        double horizon = u.horizonDays() == null ? days[days.length - 1] : u.horizonDays();
        double threshold = u.threshold() == null ? 0.01 * source.concentration() : u.threshold();
        TransportGrid grid = null;
        if (method == Method.NUMERICAL) {
            double d = request.grid() == null ? 5 : Math.min(request.grid().dx(), request.grid().dy());
            int before = 10;
            int nx = (int) Math.ceil(maxAlong / d) + before + 20;
            int ny = 2 * ((int) Math.ceil(maxAcross / d) + 20);
            grid = new TransportGrid(-before * d - d / 2, -ny * d / 2.0, d, d, nx, ny);
        }
        return new MonteCarloTransport.Request(uncertainty, site, method == Method.NUMERICAL ? MonteCarloTransport.Method.FINITE_VOLUME
                : MonteCarloTransport.Method.WEXLER, grid, plumePoints, days, threshold, horizon, realizations, u.seed() == null ? 1 : u.seed());
    }

    private static TransportAnswer uncertain(MonteCarloTransport.Result result, MonteCarloTransport.Request request, TransportRequest asked,
                                             FiniteVolumeTransport.Source source, double[][] points, double[] days, UniformFlow flow) {
        List<PointValue> values = new ArrayList<>();
        List<Arrival> arrivals = new ArrayList<>();
        for (int p = 0; p < points.length; p++) {
            MonteCarloTransport.PointForecast forecast = result.points().get(p);
            for (int t = 0; t < days.length; t++) {
                MonteCarloTransport.Band band = forecast.concentrations().get(t);
                values.add(new PointValue(points[p][0], points[p][1], days[t], band.p50(), band.p5(), band.p50(), band.p95()));
            }
            MonteCarloTransport.ArrivalTime a = forecast.arrival();
            arrivals.add(new Arrival(points[p][0], points[p][1], finite(a.p2_5()), finite(a.p50()), finite(a.p97_5()), a.fractionNotArriving()));
        }
        List<Front> fronts = new ArrayList<>();
        for (int t = 0; t < days.length; t++) {
            MonteCarloTransport.Band band = result.frontDistances().get(t);
            fronts.add(new Front(days[t], band.p5(), band.p50(), band.p95()));
        }
        String method = request.method() == MonteCarloTransport.Method.FINITE_VOLUME ? "numerical" : "analytical";
        return new TransportAnswer(method, flow.azimuthDegrees(), flow.seepageVelocity(), result.realisations(), values, arrivals, fronts,
                request.threshold());
    }

    private static ParameterDistribution distribution(Distribution d, double fixed, String field) {
        if (d == null) return new ParameterDistribution.Fixed(fixed);
        String kind = d.distribution() == null ? "FIXED" : d.distribution().toUpperCase(Locale.ROOT);
        try {
            switch (kind) {
                case "FIXED": return new ParameterDistribution.Fixed(AnalysisRequests.required(d.value(), "value"));
                case "UNIFORM": return new ParameterDistribution.Uniform(AnalysisRequests.required(d.min(), "min"), AnalysisRequests.required(d.max(), "max"));
                case "TRIANGULAR": return new ParameterDistribution.Triangular(AnalysisRequests.required(d.min(), "min"), AnalysisRequests.required(d.mode(), "mode"),
                        AnalysisRequests.required(d.max(), "max"));
                case "LOGNORMAL": return new ParameterDistribution.LogNormal(AnalysisRequests.required(d.median(), "median"), AnalysisRequests.required(d.sigmaLn(), "sigmaLn"));
                default: throw new InvalidInput("gateway.notOneOf", "distribution", d.distribution(), "[FIXED, UNIFORM, TRIANGULAR, LOGNORMAL]");
            }
        } catch (InvalidArgument e) {
            // A field of this request's or the distribution's own check (the analytics library's), placed where the caller put it.
            throw InvalidInput.placed("uncertainty." + field, e);
        }
    }


    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

}
