package org.groundwatergateway.core.emergency;

import org.groundwatergateway.analytics.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.groundwatergateway.analytics.InvalidArgument;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.analytics.flow.UniformFlow;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer.Candidate;
import org.groundwatergateway.analytics.tracing.MultiSourceTracer;
import org.groundwatergateway.analytics.transport.MonteCarloTransport;
import org.groundwatergateway.analytics.transport.ParameterDistribution;
import org.groundwatergateway.analytics.transport.PlumePoint;
import org.groundwatergateway.core.park.AquiferLayer;
import org.groundwatergateway.core.park.Receptor;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.site.Site;
import org.groundwatergateway.core.site.SiteFlow;
import org.groundwatergateway.core.site.SiteReadings;
import org.groundwatergateway.core.site.SiteTracing;
import org.groundwatergateway.core.site.SourceProbabilityRepository;
import org.groundwatergateway.core.site.TransportProperties;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.text.Shortened;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heavy part of opening an incident, run in the background: the regional flow from the stored heads of the 30 days
 * up to the last heads before it, source tracing over the window before it, and a Monte Carlo plume forecast (Wexler's strip source,
 * vertically mixed, on that flow) at points along the flow line and at the receptors, with the receptors' times of arrival.
 * The forecast starts from the traced most probable source with its estimated concentration and start, or, where tracing
 * finds none, from the incident's location and the concentration seen there, starting at opening. Day 0 is the opening.
 *
 * <p>The forecast takes no credit for decay (a response must not count on biodegradation it has not seen) and uses the
 * pollutant's retardation from {@code reference/transport_properties.csv} (1 where unknown: the fastest arrival). A
 * receptor's arrival is when the concentration passes the GB/T 14848 class III limit (drinking-water quality), else 1 %
 * of the source's.
 */
public final class IncidentAnalysis {

    /**
     * @param conductivitySigmaLn spread of ln K around the aquifer's K
     * @param porositySpread relative half-width of the uniform range around nₑ
     * @param dispersivitySigmaLn spread of ln αL
     * @param sourceSigmaLn spread of ln C₀ around the concentration seen (the source is at least as strong as the well shows)
     */
    public record Settings(int realizations, List<Double> forecastDays, List<Double> flowLineDistancesM, double horizonDays,
                           int traceWindowDays, double conductivitySigmaLn, double porositySpread, double dispersivitySigmaLn,
                           double sourceSigmaLn, long seed) {

        public static final Settings DEFAULTS = new Settings(300, List.of(30.0, 90.0, 365.0), List.of(10.0, 50.0, 100.0, 250.0, 500.0, 1000.0),
                100 * 365.25, 60, 0.5, 0.2, 0.5, 0.5, 1);

        public Settings withRealizations(int count) {
            return new Settings(count, forecastDays, flowLineDistancesM, horizonDays, traceWindowDays, conductivitySigmaLn, porositySpread,
                    dispersivitySigmaLn, sourceSigmaLn, seed);
        }

        public Settings {
            forecastDays = List.copyOf(forecastDays);
            flowLineDistancesM = List.copyOf(flowLineDistancesM);
            if (realizations < 10) throw new IllegalArgumentException("realizations: at least 10");
            if (traceWindowDays <= 10) throw new IllegalArgumentException("traceWindowDays: more than 10 days");
        }
    }

    /**
     * @param topSource the traced source whose plume explains the incident's well (a new release rather than a known plume
     *     where both reach it, issue #21); null where tracing found none
     * @param sources what the tracing found, in Chinese, for the timeline: every source of its most probable model
     */
    public record Result(Incident.Flow flow, double thresholdMgPerL, int realizations, PlumeForecast forecast, Incident.TopSource topSource,
                         String tracingProblem, Used used, String sources) {}

    /**
     * What an analysis ran on, for its provenance: the model and its version, and the windows of readings it read (the
     * aquifer's heads for the flow, the parameter's concentrations for tracing), from inclusive to exclusive.
     */
    public record Used(String model, String modelVersion, Instant headsFrom, Instant headsTo, Instant traceFrom, Instant traceTo) {}

    /** The model an incident's analysis runs, as its results' provenance names it. */
    public static final String MODEL = "regional flow from the heads' trend plane; Bayesian source tracing of the known plumes and up to "
            + "two new releases; Monte Carlo transport (Wexler 1992 strip source, vertically mixed)";
    /**
     * The version of that model, stored with every result: raise it whenever a change of this class, {@link SiteFlow},
     * {@link SiteTracing} or the transport it calls changes what an analysis computes from the same readings.
     */
    public static final String MODEL_VERSION = "7";

    private static final Duration FLOW_WINDOW = Duration.ofDays(30);
    /** How far down the flow a receptor is looked for on the plume's centre line. */
    private static final double CENTRE_LINE_M = 50_000;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final Logger log = LoggerFactory.getLogger(IncidentAnalysis.class);

    private final Database database;
    private final ParameterRepository parameters;
    private final SiteReadings readings;
    private final SiteTracing tracing;
    private final SourceProbabilityRepository heatMaps;
    private final Settings settings;

    public IncidentAnalysis(Database database, Settings settings) {
        this.database = database;
        this.parameters = new ParameterRepository(database);
        this.readings = new SiteReadings(database);
        this.tracing = new SiteTracing(database);
        this.heatMaps = new SourceProbabilityRepository(database);
        this.settings = settings;
    }

    /**
     * An incident's trace publishes its heat map (the source_probabilities layer); a drill's never, being traced on its
     * simulated readings. Publishing is not what the emergency waits for: where it fails, the analysis goes on.
     */
    private void publish(Incident incident, Parameter parameter, AquiferLayer aquifer, Instant from, SiteTracing.Result trace) {
        try {
            heatMaps.replace(new SourceProbabilityRepository.Trace(incident.parkId(), parameter.id(), aquifer.id(), from, incident.openedAt(),
                    incident.id(), MODEL_VERSION), Instant.now(), trace.heatMap());
        } catch (RuntimeException e) {
            log.warn("Incident {}: its source-probability heat map was not published: {}", incident.id(), e.getMessage());
        }
    }

    /** The readings an incident is analysed on: a drill's incident sees its drill's simulated readings. */
    public SiteReadings readingsOf(Incident.Drill drill) {
        return drill == null ? readings : SiteReadings.forDrill(database, drill.id());
    }

    /** The aquifer an incident is in: its well's, else the park's shallowest unconfined one. */
    public static AquiferLayer aquifer(Site site, Incident incident) {
        if (incident.wellId() != null) {
            long aquiferId = site.wells().stream().filter(w -> w.id().equals(incident.wellId())).findFirst().orElseThrow().aquiferId();
            return site.aquifers().stream().filter(a -> a.id() == aquiferId).findFirst().orElseThrow();
        }
        return site.shallowestAquifer();
    }

    public Result run(Site site, Incident incident, Progress progress) {
        Parameter parameter = parameters.findByCode(incident.parameterCode()).orElseThrow(() -> new InvalidInput("core.parameter.unknown", "parameter", incident.parameterCode()));
        AquiferLayer aquifer = aquifer(site, incident);
        Instant to = incident.openedAt();
        SiteReadings seen = readingsOf(incident.drill());
        SiteTracing tracer = incident.drill() == null ? tracing : new SiteTracing(database, seen);
        SiteFlow flow = SiteFlow.lastBefore(site, aquifer, seen, to, FLOW_WINDOW, 50);
        Instant headsTo = seen.latest(site, aquifer, "water-level", to).map(last -> last.plusSeconds(1)).orElse(to);
        Instant traceFrom = to.minus(Duration.ofDays(settings.traceWindowDays()));
        UniformFlow regional = flow.regional();
        progress.advance(0.05, Stage.of("core.stage.flow"));

        double retardation = TransportProperties.retardation(parameter.code());
        SiteTracing.Model model = SiteTracing.Model.DEFAULTS;

        // Tracing first: where and since when the release is, and how strong, is a better start for the forecast than the
        // well that saw it (a well 10 m downstream of a young release sees a fraction of the source).
        Incident.TopSource top = null;
        String problem = null;
        String sources = null;
        double[] origin = site.local(incident.location());
        double c0 = incident.concentrationMgPerL() == null ? 0 : incident.concentrationMgPerL();
        double startDay = 0;
        try {
            SiteTracing.Model traced = new SiteTracing.Model(model.longitudinalDispersivity(), model.transverseDispersivity(),
                    model.verticalDispersivity(), model.sourceWidthM(), model.sourceDepthM(), retardation, 0, model.sampleDepthM(),
                    model.relativeError(), model.cellSizeM());
            SiteTracing.Result trace = tracer.trace(site, aquifer.code(), parameter.code(), traceFrom, to, traced, progress.part(0.05, 0.6));
            if (incident.drill() == null) publish(incident, parameter, aquifer, traceFrom, trace);
            var inversion = trace.inversion();
            var source = incidentSource(site, incident, inversion);
            sources = describe(site, inversion);
            if (source != null) {
                var c = source.candidate();
                top = topSource(site, inversion, c, source.known(), source.probability());
                if (source.sourceConcentration() != null && source.start() != null) {
                    origin = new double[] {c.x(), c.y()};
                    // The tracer works in mg/L already.
                    c0 = source.sourceConcentration().median();
                    startDay = Math.min(0, Duration.between(to, source.start().median()).toSeconds() / 86400.0);
                }
            } else {
                // No source of the most probable model explains the incident's well (it may hold no new release: its error
                // term can carry a young plume's few detections), yet the incident says there is one: the place most
                // probably behind a new release, as the heat map ranks them, with that probability.
                top = inversion.candidates().stream().filter(p -> p.probability() > 0).findFirst()
                        .map(p -> topSource(site, inversion, p.candidate(), false, p.probability())).orElse(null);
                if (top != null) sources += "；事件来源取自热力图：最可能的模型未解释事件井的读数";
            }
        } catch (IllegalArgumentException e) {
            // Tracing needs readings the incident may not have (a declared spill with no wells nearby): forecast from the incident,
            // and say why in Chinese, as the timeline is written.
            problem = InvalidArgument.message(e, Locale.CHINESE);
        }
        if (!(c0 > 0)) throw new InvalidInput("core.incident.noConcentration", "concentration");
        double threshold = threshold(parameter, c0);
        List<String> labels = new ArrayList<>();
        List<PlumePoint> points = new ArrayList<>();
        for (double along : settings.flowLineDistancesM()) {
            labels.add(String.format(Locale.ROOT, "flow line %.0f m", along));
            points.add(new PlumePoint(along, 0));
        }
        List<Receptor> downstream = new ArrayList<>();
        for (Receptor receptor : site.receptors()) {
            Coordinate exposed = exposedPoint(site.toLocal(receptor.geometry()), origin, regional);
            double dx = exposed.x - origin[0];
            double dy = exposed.y - origin[1];
            PlumePoint p = new PlumePoint(regional.along(dx, dy), regional.across(dx, dy));
            if (p.x() <= 0) continue;
            downstream.add(receptor);
            labels.add(receptor.code());
            points.add(p);
        }
        double porosity = aquifer.effectivePorosity();
        double k = aquifer.hydraulicConductivity();
        double gradient = flow.regionalGradient();
        double ratio = model.transverseDispersivity() / model.longitudinalDispersivity();
        var uncertainty = new MonteCarloTransport.Uncertainty(
                new ParameterDistribution.LogNormal(k, settings.conductivitySigmaLn()),
                new ParameterDistribution.Uniform(porosity * (1 - settings.porositySpread()), Math.min(1, porosity * (1 + settings.porositySpread()))),
                new ParameterDistribution.LogNormal(model.longitudinalDispersivity(), settings.dispersivitySigmaLn()),
                new ParameterDistribution.LogNormal(c0, settings.sourceSigmaLn()),
                new ParameterDistribution.Fixed(startDay));
        var request = new MonteCarloTransport.Request(uncertainty,
                new MonteCarloTransport.Site(gradient, retardation, 0, ratio, model.verticalDispersivity() / model.longitudinalDispersivity(),
                        model.sourceWidthM(), model.sourceDepthM()),
                MonteCarloTransport.Method.WEXLER, null, points, settings.forecastDays().stream().mapToDouble(Double::doubleValue).toArray(),
                threshold, settings.horizonDays(), settings.realizations(), settings.seed());
        MonteCarloTransport.Result result = MonteCarloTransport.run(request, progress.part(0.6, 1));

        List<PlumeForecast.Band> bands = new ArrayList<>();
        List<PlumeForecast.ReceptorRisk> risks = new ArrayList<>();
        List<Double> days = settings.forecastDays();
        for (int i = 0; i < points.size(); i++) {
            MonteCarloTransport.PointForecast forecast = result.points().get(i);
            for (int t = 0; t < days.size(); t++) {
                MonteCarloTransport.Band b = forecast.concentrations().get(t);
                bands.add(new PlumeForecast.Band(PlumeForecast.Kind.POINT, labels.get(i), points.get(i).x(), points.get(i).y(), days.get(t),
                        b.p5(), b.p50(), b.p95()));
            }
            int r = i - settings.flowLineDistancesM().size();
            MonteCarloTransport.ArrivalTime arrival = forecast.arrival();
            if (r >= 0 && arrival.fractionNotArriving() < 1) {
                Receptor receptor = downstream.get(r);
                risks.add(new PlumeForecast.ReceptorRisk(receptor.id(), receptor.code(), receptor.nameZh(), points.get(i).x(), points.get(i).y(),
                        points.get(i).x() * retardation / regional.seepageVelocity(), finite(arrival.p2_5()), finite(arrival.p50()),
                        finite(arrival.p97_5()), arrival.fractionNotArriving()));
            }
        }
        for (int t = 0; t < days.size(); t++) {
            MonteCarloTransport.Band b = result.frontDistances().get(t);
            bands.add(new PlumeForecast.Band(PlumeForecast.Kind.FRONT, "front", 0, 0, days.get(t), b.p5(), b.p50(), b.p95()));
        }
        risks.sort((a, b) -> Double.compare(a.advectiveDays(), b.advectiveDays()));

        return new Result(new Incident.Flow(regional.azimuthDegrees(), regional.seepageVelocity()), threshold, result.realisations(),
                new PlumeForecast(bands, risks), top, problem, new Used(MODEL, MODEL_VERSION, headsTo.minus(FLOW_WINDOW), headsTo, traceFrom, to),
                sources);
    }

    /**
     * The traced source of the incident: of the most probable model's sources, the one that explains most readings of the
     * incident's well (detections first), a new release before a known plume on a tie, none if no source explains a
     * detection there; without a well, the first new source, else the first known plume.
     */
    /**
     * An incident's source as the incident keeps it: the enterprise (or the public area's candidate) and its probability; a
     * new release's probability is its enterprise's (its candidates together: neighbouring cells share the mass).
     */
    private static Incident.TopSource topSource(Site site, MultiSourceTracer.Result inversion, Candidate c, boolean known, double probability) {
        String enterprise = c.enterpriseId() != null ? c.enterpriseId() : c.id();
        String name = c.enterpriseId() == null ? "园区公共区域 " + c.id() : site.enterprises().stream()
                .filter(e -> e.creditCode().equals(c.enterpriseId())).findFirst().map(e -> e.nameZh()).orElse(c.enterpriseId());
        double shown = known || c.enterpriseId() == null ? probability : inversion.enterprises().stream()
                .filter(e -> e.enterpriseId().equals(c.enterpriseId())).mapToDouble(e -> e.probability()).findFirst().orElse(probability);
        return new Incident.TopSource(enterprise, name, shown);
    }

    static MultiSourceTracer.Source incidentSource(Site site, Incident incident, MultiSourceTracer.Result inversion) {
        String well = incident.wellId() == null ? null : site.wells().stream().filter(w -> w.id().equals(incident.wellId()))
                .findFirst().map(w -> w.code()).orElse(null);
        MultiSourceTracer.Source best = null;
        long[] bestScore = null;
        for (MultiSourceTracer.Source s : inversion.sources()) {
            long detections = 0;
            long readings = 0;
            for (MultiSourceTracer.Evidence e : s.evidence()) {
                if (e.wellCode().equals(well)) {
                    detections += e.detections();
                    readings += e.readings();
                }
            }
            long[] score = {detections, readings, s.known() ? 0 : 1};
            if (best == null || java.util.Arrays.compare(score, bestScore) > 0) {
                best = s;
                bestScore = score;
            }
        }
        // A source that explains none of the incident's well's detections is not its source (a known plume elsewhere).
        if (well != null && best != null && bestScore[0] == 0) return null;
        return best;
    }

    /** The sources of the most probable model, in Chinese, for the timeline. */
    private static String describe(Site site, MultiSourceTracer.Result inversion) {
        if (inversion.sources().isEmpty()) return "溯源：已知羽流之外未发现新的释放";
        StringBuilder text = new StringBuilder("溯源模型（已知羽流与新释放之和）：");
        for (MultiSourceTracer.Source s : inversion.sources()) {
            var c = s.candidate();
            String owner = c.enterpriseId() == null ? "园区公共区域" : site.enterprises().stream().filter(e -> e.creditCode().equals(c.enterpriseId()))
                    .findFirst().map(e -> e.nameZh()).orElse(c.enterpriseId());
            text.append(s.known() ? "已知羽流 " : "新释放 ").append(c.id()).append("（").append(owner);
            if (!s.known()) text.append(String.format(Locale.ROOT, "，概率 %.2f", s.probability()));
            if (s.start() != null) text.append("，起始约 ").append(s.start().median().toString(), 0, 10);
            if (s.massDischargeGramsPerDay() != null) {
                text.append(String.format(Locale.ROOT, "，排放通量 %.3g g/d（90%% 区间 %.3g–%.3g）", s.massDischargeGramsPerDay().median(),
                        s.massDischargeGramsPerDay().lower(), s.massDischargeGramsPerDay().upper()));
            }
            text.append("，依据 ").append(s.evidence().stream().map(MultiSourceTracer.Evidence::wellCode).toList()).append("）；");
        }
        return Shortened.to(text, 3900);
    }

    /**
     * Where a plume from {@code origin} meets a receptor: the first point of a river or an area on the plume's centre line
     * (the nearest point of a river crossed at a slant lies off the line, where the plume is far weaker), else the
     * receptor's point nearest the source.
     */
    static Coordinate exposedPoint(Geometry receptor, double[] origin, UniformFlow flow) {
        Coordinate start = new Coordinate(origin[0], origin[1]);
        double[] end = flow.downgradient(origin[0], origin[1], CENTRE_LINE_M);
        Coordinate far = new Coordinate(end[0], end[1]);
        Geometry crossing = receptor.intersection(GEOMETRY.createLineString(new Coordinate[] {start, far}));
        Coordinate first = null;
        for (Coordinate c : crossing.getCoordinates()) {
            if (first == null || c.distance(start) < first.distance(start)) first = c;
        }
        return first != null ? first : DistanceOp.nearestPoints(receptor, GEOMETRY.createPoint(start))[0];
    }

    private static double threshold(Parameter parameter, double sourceMgPerL) {
        var limits = parameter.classLimits();
        Double classIII = limits == null ? null : limits.bounds(3).upper();
        return classIII == null ? 0.01 * sourceMgPerL : classIII * SiteTracing.milligramsPerLitre(parameter);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
