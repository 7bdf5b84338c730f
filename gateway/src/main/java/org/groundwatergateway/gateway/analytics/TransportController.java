package org.groundwatergateway.gateway.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.groundwatergateway.analytics.InvalidArgument;
import org.groundwatergateway.analytics.flow.UniformFlow;
import org.groundwatergateway.analytics.transport.FiniteVolumeTransport;
import org.groundwatergateway.analytics.transport.MonteCarloTransport;
import org.groundwatergateway.analytics.transport.ParameterDistribution;
import org.groundwatergateway.analytics.transport.TransportGrid;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.site.PlumeForecasts;
import org.groundwatergateway.gateway.web.PublicBaseUrl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Plume forecasts ({@link PlumeForecasts}): concentrations at points and times from releases into the groundwater,
 * deterministic or with 5/50/95 % bands from a Monte Carlo over uncertain conductivity, porosity, dispersivity and source.
 * Coordinates are metres (on a park's flow field: east and north of the park's south-west corner), times days,
 * concentrations in the unit of the sources.
 */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "统计与趋势分析 / statistics and trends")
public class TransportController {

    private final AnalysisJobs jobs;
    private final PlumeForecasts forecasts;
    private final PublicBaseUrl publicBaseUrl;

    public TransportController(AnalysisJobs jobs, PlumeForecasts forecasts, PublicBaseUrl publicBaseUrl) {
        this.jobs = jobs;
        this.forecasts = forecasts;
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

    @PostMapping("/transport")
    @Operation(summary = "Plume forecast: concentrations at points and times, with 5/50/95 % bands under uncertainty",
            description = "Finite volumes (TVD advection, Bear's dispersion tensor, retardation, first-order decay) on uniform flow or a "
                    + "park's flow field, or Wexler's (1992) strip-source solution for uniform flow. With `uncertainty`, a Monte Carlo over "
                    + "lognormal/uniform/triangular inputs gives 5/50/95 % concentrations, the plume front's reach over time and the time "
                    + "to reach each point with its 95 % interval. Send `Prefer: respond-async` to follow progress as server-sent events.")
    public ResponseEntity<Object> transport(@RequestBody TransportRequest request, @RequestHeader(value = "Prefer", required = false) String prefer) {
        PlumeForecasts.Question question = question(request);
        PlumeForecasts.Run run = forecasts.prepare(question);
        return AnalysisJobController.respond(jobs, publicBaseUrl, prefer, "transport", progress -> answer(run.forecast(progress), question));
    }

    private static PlumeForecasts.Question question(TransportRequest request) {
        PlumeForecasts.Method method = request.method() == null ? PlumeForecasts.Method.NUMERICAL
                : AnalysisRequests.choice(PlumeForecasts.Method.class, request.method(), "method");
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
        return new PlumeForecasts.Question(flow(request), parameters, sources, points, days, method,
                request.uncertainty() == null ? null : uncertainty(request.uncertainty()));
    }

    private static PlumeForecasts.Flow flow(TransportRequest request) {
        Grid g = request.grid();
        if (request.flowField() != null) {
            FlowFieldWindow window = request.flowFieldWindow();
            return new PlumeForecasts.ParkFlowField(request.flowField(), request.aquifer(),
                    window == null ? null : AnalysisRequests.instant(window.from(), "flowFieldWindow.from"),
                    window == null ? null : AnalysisRequests.instant(window.to(), "flowFieldWindow.to"),
                    g == null ? null : new PlumeForecasts.Spacing(g.dx(), g.dy()));
        }
        if (request.velocity() == null) throw new InvalidInput("gateway.transport.velocity", "velocity");
        if (g == null) throw new InvalidInput("gateway.transport.grid", "grid");
        if ((long) g.nx() * g.ny() > 4_000_000) throw new InvalidInput("gateway.analysis.cells", "grid", 4_000_000, (long) g.nx() * g.ny());
        return new PlumeForecasts.UniformVelocity(new TransportGrid(g.x0(), g.y0(), g.dx(), g.dy(), g.nx(), g.ny()),
                request.velocity().vx(), request.velocity().vy(), request.porosity());
    }

    private static PlumeForecasts.Uncertainty uncertainty(Uncertainty u) {
        var conductivity = distribution(u.conductivity(), "conductivity");
        var porosity = distribution(u.porosity(), "porosity");
        var longitudinalDispersivity = distribution(u.longitudinalDispersivity(), "longitudinalDispersivity");
        var sourceConcentration = distribution(u.sourceConcentration(), "sourceConcentration");
        var sourceStartDay = distribution(u.sourceStartDay(), "sourceStartDay");
        if (u.realizations() != null && (u.realizations() < 10 || u.realizations() > 5000)) {
            throw new InvalidInput("gateway.range", "uncertainty.realizations", 10, 5000, u.realizations());
        }
        return new PlumeForecasts.Uncertainty(u.realizations(), u.seed(), u.hydraulicGradient(), conductivity, porosity, longitudinalDispersivity,
                sourceConcentration, sourceStartDay, u.threshold(), u.horizonDays());
    }

    private static TransportAnswer answer(PlumeForecasts.Forecast forecast, PlumeForecasts.Question question) {
        double[][] points = question.points();
        double[] days = question.days();
        String method = forecast.method().name().toLowerCase(Locale.ROOT);
        UniformFlow flow = forecast.flow();
        List<PointValue> values = new ArrayList<>();
        MonteCarloTransport.Result bands = forecast.bands();
        if (bands == null) {
            for (int p = 0; p < points.length; p++) {
                for (int t = 0; t < days.length; t++) {
                    values.add(new PointValue(points[p][0], points[p][1], days[t], forecast.concentrations()[p][t], null, null, null));
                }
            }
            return new TransportAnswer(method, flow.azimuthDegrees(), flow.seepageVelocity(), null, values, List.of(), List.of(), null);
        }
        List<Arrival> arrivals = new ArrayList<>();
        for (int p = 0; p < points.length; p++) {
            MonteCarloTransport.PointForecast at = bands.points().get(p);
            for (int t = 0; t < days.length; t++) {
                MonteCarloTransport.Band band = at.concentrations().get(t);
                values.add(new PointValue(points[p][0], points[p][1], days[t], band.p50(), band.p5(), band.p50(), band.p95()));
            }
            MonteCarloTransport.ArrivalTime a = at.arrival();
            arrivals.add(new Arrival(points[p][0], points[p][1], finite(a.p2_5()), finite(a.p50()), finite(a.p97_5()), a.fractionNotArriving()));
        }
        List<Front> fronts = new ArrayList<>();
        for (int t = 0; t < days.length; t++) {
            MonteCarloTransport.Band band = bands.frontDistances().get(t);
            fronts.add(new Front(days[t], band.p5(), band.p50(), band.p95()));
        }
        return new TransportAnswer(method, flow.azimuthDegrees(), flow.seepageVelocity(), bands.realisations(), values, arrivals, fronts,
                forecast.threshold());
    }

    /** An uncertain value as asked, or null where the request leaves it out (fixed at the deterministic input). */
    private static ParameterDistribution distribution(Distribution d, String field) {
        if (d == null) return null;
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
