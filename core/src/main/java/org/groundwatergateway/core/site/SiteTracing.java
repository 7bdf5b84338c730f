package org.groundwatergateway.core.site;

import org.groundwatergateway.analytics.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer;
import org.groundwatergateway.analytics.tracing.MultiSourceTracer;
import org.groundwatergateway.core.plume.PlumeRepository;
import org.groundwatergateway.analytics.tracing.FingerprintLibrary;
import org.groundwatergateway.analytics.tracing.FingerprintMatcher;
import org.groundwatergateway.analytics.flow.PathlineBackTracker;
import org.groundwatergateway.analytics.flow.UniformFlow;
import org.groundwatergateway.analytics.transport.DomenicoSource;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.park.AquiferLayer;
import org.groundwatergateway.core.park.Enterprise;
import org.groundwatergateway.core.park.PotentialSource;
import org.groundwatergateway.core.parameter.GroundwaterClassLimits;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.parameter.PollutantFingerprints;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.storage.Database;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Where did a pollutant come from: the park's stored readings over a window traced back through the flow of the
 * aquifer, by fingerprint (what the impacted wells show against what each enterprise declares) and by Bayesian
 * inversion of the transport model ({@link MultiSourceTracer}): the readings are the sum of the known plumes — the
 * parameter's plumes documented (outlines stored) before the window, from their potential sources — and of up to two
 * new releases among the potential sources and a grid of cells (issue #21). The plumes are modelled in the regional
 * flow (the head surface's trend plane); each source's back-tracked path is the pathline on the head surface itself.
 */
public final class SiteTracing {

    /**
     * The transport model and error the inversion assumes.
     *
     * @param cellSizeM side of the grid cells tried besides the potential sources; 0 for the potential sources only
     * @param relativeError of the readings and the model together (σ = √((rel·μ)² + abs²)); the model's own error
     *     dominates on real sites, so 0.1 to 0.3 is sensible
     */
    public record Model(double longitudinalDispersivity, double transverseDispersivity, double verticalDispersivity,
                        double sourceWidthM, double sourceDepthM, double retardation, double decayPerDay, double sampleDepthM,
                        double relativeError, double cellSizeM) {

        public static final Model DEFAULTS = new Model(5, 0.5, 0.05, 20, 3, 1, 0, 0.5, 0.1, 40);
    }

    /**
     * @param heatMap every candidate at least {@link SourceProbabilityRepository#SMALLEST} probable as a new release the wells see, with its
     *     footprint in longitude/latitude: what the trace API answers and an incident's analysis publishes
     */
    public record Result(Site site, SiteFlow flow, UniformFlow regionalFlow, Parameter parameter, int observations,
                         List<FingerprintMatcher.Match> fingerprints, MultiSourceTracer.Result inversion,
                         List<SourceProbabilityRepository.Cell> heatMap) {}

    /** A known plume's release is taken to have started at most this long before its first documented outline. */
    private static final Duration KNOWN_PLUME_AGE = Duration.ofDays(3650);

    /** Days at the start of the window taken as before the release, and at its end as the present, for the fingerprint. */
    private static final int BASELINE_DAYS = 7;
    private static final int RECENT_DAYS = 3;
    /**
     * A rise counts when it exceeds a tenth of the GB/T 14848 class III limit (of the largest value seen where the
     * standard sets none), and three standard deviations of the baseline.
     */
    private static final double LIMIT_SHARE = 0.1;

    private final ParameterRepository parameters;
    private final MonitoringRepository monitoring;
    private final SiteReadings readings;
    private final PlumeRepository plumes;
    private final FingerprintLibrary library = PollutantFingerprints.load();
    private final GeometryFactory geometry = new GeometryFactory();

    public SiteTracing(Database database) {
        this(database, new SiteReadings(database));
    }

    /** Tracing over the given view of the readings (a drill's). */
    public SiteTracing(Database database, SiteReadings readings) {
        this.parameters = new ParameterRepository(database);
        this.monitoring = new MonitoringRepository(database);
        this.readings = readings;
        this.plumes = new PlumeRepository(database);
    }

    /**
     * The parameter to trace, once what can be refused without reading the data is checked: the window and the parameter.
     * A caller that queues the run checks this first, so a question that cannot be answered is refused when it is asked.
     */
    public Parameter traceable(String parameterCode, Instant from, Instant to) {
        if (!to.isAfter(from.plus(Duration.ofDays(BASELINE_DAYS + RECENT_DAYS)))) {
            throw new InvalidInput("core.tracing.window", "from/to", BASELINE_DAYS + RECENT_DAYS);
        }
        Parameter parameter = parameters.findByCode(parameterCode)
                .orElseThrow(() -> new InvalidInput("core.parameter.unknown", "parameter", parameterCode));
        milligramsPerLitre(parameter);
        return parameter;
    }

    public Result trace(Site site, String aquiferCode, String parameterCode, Instant from, Instant to, Model model, Progress progress) {
        Parameter parameter = traceable(parameterCode, from, to);
        AquiferLayer aquifer = site.aquiferOrShallowest(aquiferCode);
        SiteFlow flow = SiteFlow.of(site, aquifer, readings, from, to, 50);
        UniformFlow regional = flow.regional();
        progress.advance(0.05, Stage.of("core.stage.flowField"));

        Map<Well, List<SiteReadings.DailyMean>> series = readings.dailyMeans(site, aquifer, parameterCode, from, to);
        if (series.isEmpty()) throw new InvalidInput("core.tracing.noReadings", null, parameterCode, aquifer.code());
        double toMgPerL = milligramsPerLitre(parameter);
        double background = background(series) * toMgPerL;
        double threshold = rise(parameter, series) * toMgPerL;
        List<BayesianSourceTracer.Observation> observations = new ArrayList<>();
        series.forEach((well, days) -> {
            double[] xy = site.local(well.location());
            for (SiteReadings.DailyMean day : days) {
                observations.add(new BayesianSourceTracer.Observation(well.code(), xy[0], xy[1], day.midday(), day.value() * toMgPerL,
                        background, threshold / 10));
            }
        });
        FingerprintMatcher.ObservedProfile profile = profile(site, aquifer, parameter, series, from, to);
        List<FingerprintMatcher.Match> fingerprints = new FingerprintMatcher(library, regional, FingerprintMatcher.DEFAULTS)
                .rank(candidates(site, model), profile);
        progress.advance(0.1, Stage.of("core.stage.fingerprints"));

        DomenicoSource plume = new DomenicoSource(1, model.sourceWidthM(), model.sourceDepthM(), regional.seepageVelocity(),
                model.retardation(), model.decayPerDay(), model.longitudinalDispersivity(), model.transverseDispersivity(),
                model.verticalDispersivity());
        var settings = new MultiSourceTracer.Settings(regional, plume, model.sampleDepthM(), aquifer.effectivePorosity(),
                new BayesianSourceTracer.ErrorModel(model.relativeError(), Math.max(threshold / 10, 1e-9)),
                new double[] {threshold, 1e5 * threshold}, MultiSourceTracer.Priors.DEFAULTS, 2, 200, from.getEpochSecond());
        List<BayesianSourceTracer.Candidate> candidates = sources(site, model);
        var tracer = new MultiSourceTracer(settings, new PathlineBackTracker(flow.field()));
        var inversion = tracer.trace(candidates, known(site, parameter, candidates, from), observations, from.minus(Duration.ofDays(365)), to,
                0.9, progress.part(0.1, 1));
        List<SourceProbabilityRepository.Cell> heatMap = new ArrayList<>();
        for (BayesianSourceTracer.CandidatePosterior c : inversion.candidates()) {
            if (c.probability() < SourceProbabilityRepository.SMALLEST) continue;
            heatMap.add(new SourceProbabilityRepository.Cell(c.candidate().id(), c.candidate().enterpriseId(), c.probability(),
                    (Polygon) flow.toLonLat(c.candidate().footprint())));
        }
        return new Result(site, flow, regional, parameter, observations.size(), fingerprints, inversion, List.copyOf(heatMap));
    }

    /** The concentration factor to mg/L (g/m³), in which mass discharge comes out in g/d. */
    public static double milligramsPerLitre(Parameter parameter) {
        if (!isConcentration(parameter)) {
            throw new InvalidInput("core.tracing.notAConcentration", "parameter", parameter.code(), parameter.unit());
        }
        return switch (parameter.unit()) {
            case "mg/L" -> 1;
            case "ng/L" -> 1e-6;
            default -> 1e-3;
        };
    }

    /** Whether a parameter is a dissolved concentration (mg/L, µg/L, ng/L), not a level, pH, conductivity or temperature. */
    public static boolean isConcentration(Parameter parameter) {
        return switch (parameter.unit()) {
            case "mg/L", "ug/L", "µg/L", "μg/L", "ng/L" -> true;
            default -> false;
        };
    }

    /**
     * The rise that counts as a plume arriving, in the parameter's unit: a tenth of the GB/T 14848 class III limit, or,
     * for a pollutant the standard sets none for (aniline, nitrobenzene and the other GB 36600 compounds the fingerprint
     * library names), a tenth of the largest daily mean seen in the window.
     */
    private static double rise(Parameter parameter, Map<Well, List<SiteReadings.DailyMean>> series) {
        GroundwaterClassLimits limits = parameter.classLimits();
        Double classIII = limits == null ? null : limits.bounds(3).upper();
        if (classIII != null) return LIMIT_SHARE * classIII;
        double largest = series.values().stream().flatMap(List::stream).mapToDouble(SiteReadings.DailyMean::value).max().orElse(0);
        if (!(largest > 0)) throw new InvalidInput("core.tracing.noClassIII", "parameter", parameter.code());
        return LIMIT_SHARE * largest;
    }

    /** The background: the median of every well's baseline-days mean. */
    private static double background(Map<Well, List<SiteReadings.DailyMean>> series) {
        double[] baselines = series.values().stream().mapToDouble(days -> mean(days, 0, Math.min(BASELINE_DAYS, days.size()))).sorted().toArray();
        int n = baselines.length;
        return n % 2 == 1 ? baselines[n / 2] : (baselines[n / 2 - 1] + baselines[n / 2]) / 2;
    }

    private FingerprintMatcher.ObservedProfile profile(Site site, AquiferLayer aquifer, Parameter traced,
                                                        Map<Well, List<SiteReadings.DailyMean>> series, Instant from, Instant to) {
        double threshold = rise(traced, series);
        List<FingerprintMatcher.Well> impacted = new ArrayList<>();
        // Only what the impacted wells measure can be elevated or clear there: the other parameters are not read.
        Set<Long> measuredThere = new HashSet<>();
        for (Map.Entry<Well, List<SiteReadings.DailyMean>> well : series.entrySet()) {
            if (change(well.getValue()) > threshold) {
                double[] xy = site.local(well.getKey().location());
                impacted.add(new FingerprintMatcher.Well(well.getKey().code(), xy[0], xy[1]));
                monitoring.findDatastreamsOfWell(well.getKey().id()).forEach(d -> measuredThere.add(d.parameterId()));
            }
        }
        Set<String> impactedCodes = new LinkedHashSet<>();
        impacted.forEach(w -> impactedCodes.add(w.code()));
        Set<String> elevated = new LinkedHashSet<>(Set.of(traced.code()));
        Set<String> clear = new LinkedHashSet<>();
        Map<String, FingerprintLibrary.Shift> shifts = new HashMap<>();
        for (Parameter other : parameters.findAll()) {
            if (other.code().equals(traced.code()) || !measuredThere.contains(other.id())) continue;
            boolean field = other.code().equals("ph") || other.code().equals("conductivity");
            if (!field && (other.classLimits() == null || other.classLimits().bounds(3).upper() == null)) continue;
            Map<Well, List<SiteReadings.DailyMean>> measured = readings.dailyMeans(site, aquifer, other.code(), from, to);
            for (Map.Entry<Well, List<SiteReadings.DailyMean>> well : measured.entrySet()) {
                if (!impactedCodes.contains(well.getKey().code()) || well.getValue().size() < BASELINE_DAYS + RECENT_DAYS) continue;
                double change = change(well.getValue());
                if (other.code().equals("ph")) {
                    shifts.merge("ph", change < -0.1 ? FingerprintLibrary.Shift.DOWN : change > 0.1 ? FingerprintLibrary.Shift.UP
                            : FingerprintLibrary.Shift.NONE, SiteTracing::stronger);
                } else if (other.code().equals("conductivity")) {
                    double relative = change / mean(well.getValue(), 0, BASELINE_DAYS);
                    shifts.merge("conductivity", relative > 0.05 ? FingerprintLibrary.Shift.UP : relative < -0.05
                            ? FingerprintLibrary.Shift.DOWN : FingerprintLibrary.Shift.NONE, SiteTracing::stronger);
                } else if (change > LIMIT_SHARE * other.classLimits().bounds(3).upper()) {
                    elevated.add(other.code());
                    clear.remove(other.code());
                } else if (!elevated.contains(other.code())) {
                    clear.add(other.code());
                }
            }
        }
        return new FingerprintMatcher.ObservedProfile(impacted, elevated, clear, shifts);
    }

    private static FingerprintLibrary.Shift stronger(FingerprintLibrary.Shift a, FingerprintLibrary.Shift b) {
        return a == FingerprintLibrary.Shift.NONE ? b : a;
    }

    /** The last days' mean less the first days' mean. */
    private static double change(List<SiteReadings.DailyMean> days) {
        return mean(days, Math.max(0, days.size() - RECENT_DAYS), days.size()) - mean(days, 0, Math.min(BASELINE_DAYS, days.size()));
    }

    private static double mean(List<SiteReadings.DailyMean> days, int from, int to) {
        return days.subList(from, to).stream().mapToDouble(SiteReadings.DailyMean::value).average().orElse(Double.NaN);
    }

    private static List<FingerprintMatcher.Candidate> candidates(Site site, Model model) {
        List<FingerprintMatcher.Candidate> candidates = new ArrayList<>();
        for (Enterprise e : site.enterprises()) {
            List<FingerprintMatcher.SourceLocation> locations = new ArrayList<>();
            for (PotentialSource s : site.sources()) {
                if (!Long.valueOf(e.id()).equals(s.enterpriseId())) continue;
                double[] xy = site.local(s.geometry());
                locations.add(new FingerprintMatcher.SourceLocation(s.code(), xy[0], xy[1], model.sourceWidthM()));
            }
            if (locations.isEmpty()) {
                double[] xy = site.local(e.boundary());
                locations.add(new FingerprintMatcher.SourceLocation(e.creditCode(), xy[0], xy[1], model.sourceWidthM()));
            }
            candidates.add(new FingerprintMatcher.Candidate(e.creditCode(), e.nameZh(), e.industry(), e.processes(),
                    e.characteristicPollutants(), locations));
        }
        return candidates;
    }

    /** The plumes of the parameter documented before {@code from} whose source is one of the park's potential sources. */
    private List<MultiSourceTracer.KnownSource> known(Site site, Parameter parameter, List<BayesianSourceTracer.Candidate> candidates, Instant from) {
        List<MultiSourceTracer.KnownSource> known = new ArrayList<>();
        plumes.documentedSources(site.park().id(), parameter.id(), from).forEach((code, first) -> candidates.stream()
                .filter(c -> c.id().equals(code)).findFirst()
                .ifPresent(c -> known.add(new MultiSourceTracer.KnownSource(c, first.minus(KNOWN_PLUME_AGE), first))));
        return known;
    }

    /** Every potential source, and grid cells over the park, each cell belonging to the enterprise whose site holds it. */
    private List<BayesianSourceTracer.Candidate> sources(Site site, Model model) {
        List<BayesianSourceTracer.Candidate> candidates = new ArrayList<>();
        for (PotentialSource s : site.sources()) {
            double[] xy = site.local(s.geometry());
            String owner = s.enterpriseId() == null ? null : site.enterprise(s.enterpriseId()).creditCode();
            candidates.add(new BayesianSourceTracer.Candidate(s.code(), owner, xy[0], xy[1], square(xy[0], xy[1], model.sourceWidthM()), 1));
        }
        double cell = model.cellSizeM();
        if (cell > 0) {
            var extent = site.extent();
            List<Geometry> sites = site.enterprises().stream().map(e -> site.toLocal(e.boundary())).toList();
            for (double x = extent.getMinX() + cell / 2; x < extent.getMaxX(); x += cell) {
                for (double y = extent.getMinY() + cell / 2; y < extent.getMaxY(); y += cell) {
                    String owner = null;
                    var centre = geometry.createPoint(new Coordinate(x, y));
                    for (int i = 0; i < sites.size(); i++) if (sites.get(i).covers(centre)) owner = site.enterprises().get(i).creditCode();
                    candidates.add(new BayesianSourceTracer.Candidate(String.format(java.util.Locale.ROOT, "cell-%.0f-%.0f", x, y), owner,
                            x, y, square(x, y, cell), 1));
                }
            }
        }
        return candidates;
    }

    private Geometry square(double x, double y, double side) {
        double h = side / 2;
        return geometry.createPolygon(new Coordinate[] {new Coordinate(x - h, y - h), new Coordinate(x + h, y - h),
                new Coordinate(x + h, y + h), new Coordinate(x - h, y + h), new Coordinate(x - h, y - h)});
    }
}
