package org.groundwatergateway.gateway.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.analytics.flow.ParticleTracker;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer;
import org.groundwatergateway.analytics.tracing.FingerprintMatcher;
import org.groundwatergateway.analytics.tracing.MultiSourceTracer;
import org.groundwatergateway.core.geo.GeoJson;
import org.groundwatergateway.core.parameter.GroundwaterClassLimits;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.site.SiteNetwork;
import org.groundwatergateway.core.site.SiteSurface;
import org.groundwatergateway.core.site.Site;
import org.groundwatergateway.core.site.SiteFlow;
import org.groundwatergateway.core.site.SiteReadings;
import org.groundwatergateway.core.site.SiteRepository;
import org.groundwatergateway.core.site.SiteTracing;
import org.groundwatergateway.core.site.SourceProbabilityRepository;
import org.groundwatergateway.gateway.web.PublicBaseUrl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Analyses of a park's stored readings: its groundwater flow, a parameter's surface, its monitoring network and where
 * a pollutant came from. Places come back in
 * longitude/latitude (CGCS2000, EPSG:4490) as GeoJSON, ready for a map; distances in metres, times in days.
 */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "统计与趋势分析 / statistics and trends")
public class SiteAnalysisController {

    private final SiteRepository sites;
    private final SiteReadings readings;
    private final SiteTracing tracing;
    private final ParkRepository parks;
    private final ParameterRepository parameters;
    private final AnalysisJobs jobs;
    private final PublicBaseUrl publicBaseUrl;

    public SiteAnalysisController(SiteRepository sites, SiteReadings readings, SiteTracing tracing, ParkRepository parks,
                                  ParameterRepository parameters, AnalysisJobs jobs, PublicBaseUrl publicBaseUrl) {
        this.sites = sites;
        this.readings = readings;
        this.tracing = tracing;
        this.parks = parks;
        this.parameters = parameters;
        this.jobs = jobs;
        this.publicBaseUrl = publicBaseUrl;
    }

    @Schema(example = "{\"park\": \"HBDP\", \"aquifer\": \"Q1\", \"parameter\": \"conductivity\", \"from\": \"2025-11-01T00:00:00+08:00\", "
            + "\"to\": \"2025-11-03T00:00:00+08:00\", \"method\": \"KRIGING\", \"cellSize\": 50}")
    public record SurfaceRequest(String park, String aquifer, String parameter, OffsetDateTime from, OffsetDateTime to,
                                 @Schema(description = "KRIGING (default; inverse distance below 8 wells) or INVERSE_DISTANCE") String method,
                                 @Schema(description = "grid spacing, m; default 50") Double cellSize,
                                 @Schema(description = "contour levels; default the parameter's GB/T 14848 class limits") List<Double> levels) {}

    /**
     * @param estimate values by row (south to north), each row west to east, at nodes x0 + i·dx, y0 + j·dy (local metres
     *     east/north of {@code origin}, the park's south-west corner in EPSG:4490)
     * @param contours where the estimate is at or above each level, EPSG:4490
     */
    public record SurfaceAnswer(String park, String aquifer, String parameter, String method, Object variogram, Map<String, Double> wells,
                                double[] origin, double x0, double y0, double dx, double dy, int nx, int ny, double[][] estimate,
                                double[][] variance, Map<String, Object> contours) {}

    @PostMapping("/interpolate")
    @Operation(summary = "Interpolate a parameter over a park: ordinary kriging with a fitted variogram and its variance, or inverse distance",
            description = "Each well's value is the mean of its daily means over the period. The variogram (spherical, exponential or "
                    + "Gaussian) is fitted by Cressie's weighted least squares; kriging uses the 16 nearest wells. Contours are the "
                    + "areas at or above each level — by default the parameter's GB/T 14848 class limits.")
    public SurfaceAnswer interpolate(@RequestBody SurfaceRequest request) {
        SiteSurface surface = surface(request);
        List<Double> levels = request.levels();
        if (levels == null) {
            levels = parameters.findByCode(surface.parameterCode()).map(Parameter::classLimits).map(GroundwaterClassLimits::upperLimits)
                    .orElse(List.of());
        } else if (levels.contains(null)) {
            throw new InvalidInput("gateway.analysis.levelMissing", "levels");
        }
        List<Map<String, Object>> contours = surface.contours(levels).stream()
                .map(c -> GeoJson.feature(null, c.area(), Map.<String, Object>of("atOrAbove", c.level()))).toList();
        var grid = surface.estimate();
        Map<String, Double> wells = new LinkedHashMap<>();
        surface.values().forEach((well, value) -> wells.put(well.code(), value));
        var origin = surface.site().grid().toLonLat(0, 0);
        return new SurfaceAnswer(surface.site().park().code(), surface.aquifer().code(), surface.parameterCode(), surface.method().name(),
                surface.variogram(), wells, new double[] {origin.x, origin.y}, grid.x0(), grid.y0(), grid.dx(), grid.dy(), grid.nx(), grid.ny(),
                grid.values(), surface.variance() == null ? null : surface.variance().values(), GeoJson.featureCollection(contours));
    }

    @Schema(example = "{\"park\": \"HBDP\", \"aquifer\": \"Q1\", \"parameter\": \"conductivity\", \"from\": \"2025-11-01T00:00:00+08:00\", "
            + "\"to\": \"2025-11-03T00:00:00+08:00\", \"newWells\": 3}")
    public record NetworkRequest(String park, String aquifer, String parameter, OffsetDateTime from, OffsetDateTime to, Double cellSize,
                                 @Schema(description = "how many new wells to place; default 3") Integer newWells,
                                 @Schema(description = "a node counts as covered where the kriging variance is at most this share of the sill; default 0.5")
                                 Double varianceShare) {}

    public record NetworkAnswer(String park, String aquifer, String parameter, Object redundancy, List<String> removable,
                                Map<String, Object> newWells, Object coverageBefore, Object coverageAfter) {}

    @PostMapping("/network")
    @Operation(summary = "Monitoring-network optimisation: redundant wells (MAROS Delaunay slope factors) and new wells where kriging variance × risk is highest",
            description = "Background and boundary-sentinel wells are always kept. Risk weights come from the park's risk zones (high 1, "
                    + "medium 0.5, low 0.2, elsewhere 0.1). Coverage is the share of the risk weight where the kriging variance is at most "
                    + "`varianceShare` of the sill, before and after the new wells.")
    public NetworkAnswer network(@RequestBody NetworkRequest request) {
        SiteSurface surface = surface(new SurfaceRequest(request.park(), request.aquifer(), request.parameter(), request.from(), request.to(),
                "KRIGING", request.cellSize(), List.of()));
        SiteNetwork.Review review = SiteNetwork.review(surface, parks.findRiskZones(surface.site().park().id()),
                request.newWells() == null ? 3 : request.newWells(), request.varianceShare() == null ? 0.5 : request.varianceShare());
        List<Map<String, Object>> wells = new ArrayList<>();
        for (var well : review.infill().wells()) {
            wells.add(GeoJson.feature(null, surface.site().grid().point(well.x(), well.y()), Map.of("variance", well.variance(), "score", well.score())));
        }
        return new NetworkAnswer(surface.site().park().code(), surface.aquifer().code(), surface.parameterCode(), review.redundancy().slopeFactors(),
                review.redundancy().removable(), GeoJson.featureCollection(wells), review.infill().before(), review.infill().after());
    }

    private SiteSurface surface(SurfaceRequest request) {
        Site site = sites.load(AnalysisRequests.required(request.park(), "park"));
        var aquifer = site.aquiferOrShallowest(request.aquifer());
        SiteSurface.Method method = request.method() == null ? SiteSurface.Method.KRIGING
                : AnalysisRequests.choice(SiteSurface.Method.class, request.method(), "method");
        return SiteSurface.of(site, aquifer, readings, AnalysisRequests.required(request.parameter(), "parameter"), AnalysisRequests.instant(request.from(), "from"),
                AnalysisRequests.instant(request.to(), "to"), method, request.cellSize() == null ? 50 : request.cellSize());
    }

    @Schema(example = "{\"park\": \"HBDP\", \"aquifer\": \"Q1\", \"from\": \"2025-11-01T00:00:00+08:00\", \"to\": \"2025-11-03T00:00:00+08:00\", "
            + "\"cellSize\": 50, \"particles\": [{\"lon\": 121.00692, \"lat\": 32.551723, \"days\": 3650, \"direction\": \"FORWARD\"}]}")
    public record FlowRequest(String park, String aquifer, OffsetDateTime from, OffsetDateTime to,
                              @Schema(description = "grid spacing, m; default 50") Double cellSize,
                              @Schema(description = "an arrow every this many nodes; default 5") Integer arrowsEvery,
                              List<Particle> particles) {}

    public record Particle(double lon, double lat, double days, @Schema(description = "FORWARD (where it goes) or BACKWARD (where it came from)") String direction) {}

    /**
     * @param gradient hydraulic gradient of the regional (trend-plane) flow
     * @param azimuthDegrees regional flow direction, clockwise from north
     * @param seepageVelocity regional seepage velocity, m/d
     */
    public record FlowAnswer(String park, String aquifer, int wells, double conductivity, double effectivePorosity, double gradient,
                             double azimuthDegrees, double seepageVelocity, Map<String, Double> heads, Map<String, Object> arrows,
                             Map<String, Object> pathlines) {}

    @PostMapping("/flow")
    @Operation(summary = "Groundwater flow of an aquifer: head surface, Darcy flux, seepage velocity arrows and particle paths",
            description = "Heads are the mean of each well's daily mean water levels over the period; the surface is a least-squares "
                    + "plane plus kriged residuals. q = −K∇h, v = q/nₑ with the aquifer's K and nₑ. Arrows and paths are GeoJSON in EPSG:4490; "
                    + "every path vertex carries its travel time in days.")
    public FlowAnswer flow(@RequestBody FlowRequest request) {
        Site site = sites.load(AnalysisRequests.required(request.park(), "park"));
        var aquifer = site.aquiferOrShallowest(request.aquifer());
        int every = request.arrowsEvery() == null ? SiteFlow.ARROWS_EVERY : request.arrowsEvery();
        if (every < 1) throw new InvalidInput("gateway.atLeast", "arrowsEvery", 1, every);
        List<Particle> particles = request.particles() == null ? List.of() : request.particles();
        List<SiteFlow.Direction> directions = new ArrayList<>();
        for (int p = 0; p < particles.size(); p++) {
            Particle particle = particles.get(p);
            if (!(particle.days() > 0 && particle.days() <= 365 * 200)) throw new InvalidInput("gateway.analysis.particleDays", "particles[" + p + "].days", 365 * 200, particle.days());
            directions.add(particle.direction() == null ? SiteFlow.Direction.FORWARD
                    : AnalysisRequests.choice(SiteFlow.Direction.class, particle.direction(), "particles[" + p + "].direction"));
        }
        SiteFlow flow = SiteFlow.of(site, aquifer, readings, AnalysisRequests.instant(request.from(), "from"), AnalysisRequests.instant(request.to(), "to"),
                request.cellSize() == null ? SiteFlow.CELL_M : request.cellSize());
        var regional = flow.regional();
        List<Map<String, Object>> arrows = new ArrayList<>();
        for (SiteFlow.Arrow arrow : flow.arrows(every)) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("vx", arrow.velocity().vx());
            properties.put("vy", arrow.velocity().vy());
            properties.put("speed", arrow.velocity().speed());
            properties.put("azimuth", arrow.velocity().azimuthDegrees());
            arrows.add(GeoJson.feature(null, arrow.lonLat(), properties));
        }
        List<Map<String, Object>> paths = new ArrayList<>();
        for (int p = 0; p < particles.size(); p++) {
            SiteFlow.Path path = flow.pathline(particles.get(p).lon(), particles.get(p).lat(), particles.get(p).days(), directions.get(p));
            ParticleTracker.Pathline line = path.line();
            paths.add(GeoJson.feature(p, path.lonLat(), Map.of("direction", path.direction().name(), "days", line.days(),
                    "lengthM", line.length(), "stop", line.stop().name(), "times", line.points().stream().map(ParticleTracker.PathPoint::days).toList())));
        }
        Map<String, Double> heads = new LinkedHashMap<>();
        flow.heads().forEach((well, head) -> heads.put(well.code(), head));
        return new FlowAnswer(site.park().code(), aquifer.code(), heads.size(), aquifer.hydraulicConductivity(), aquifer.effectivePorosity(),
                flow.regionalGradient(), regional.azimuthDegrees(), regional.seepageVelocity(), heads, GeoJson.featureCollection(arrows),
                GeoJson.featureCollection(paths));
    }

    @Schema(example = "{\"park\": \"HBDP\", \"parameter\": \"benzene\", \"from\": \"2026-02-01T00:00:00+08:00\", \"to\": \"2026-03-12T00:00:00+08:00\"}")
    public record TraceRequest(String park, String aquifer, String parameter, OffsetDateTime from, OffsetDateTime to,
                               @Schema(description = "transport model and error assumed; defaults as in SiteTracing.Model.DEFAULTS") ModelRequest model) {}

    public record ModelRequest(Double longitudinalDispersivity, Double transverseDispersivity, Double verticalDispersivity, Double sourceWidth,
                               Double sourceDepth, Double retardation, Double decayPerDay, Double sampleDepth, Double relativeError, Double cellSize) {}

    @PostMapping("/trace")
    @Operation(summary = "Source tracing: fingerprint ranking and Bayesian inversion over potential sources and grid cells",
            description = "Readings over the window (it should start before the release: its first 7 days are the baseline) are traced "
                    + "back through the aquifer's regional flow with Domenico's transport model (its spread beside a source widened: "
                    + "taken up to two longitudinal dispersivities further on, growing in from the source, an approximation), as the sum of the known plumes (the "
                    + "parameter's plumes documented before the window) and up to two new releases, with the transport's uncertainty "
                    + "and the model's own error admitted (docs/tracing.md). Answers the sources of the most probable model (known and "
                    + "new, each with its probability, 90 % credible intervals of release start and mass discharge, the wells and times "
                    + "it explains and its back-tracked path), the probabilities of 0, 1 and 2 new releases (seen by the wells or not), the "
                    + "enterprises ranked by probability of a new release the wells see, the source-probability heat map (each candidate's "
                    + "probability of being a new release the wells see), the 90 % credible region, the back-tracked path "
                    + "of the top new source (the pathline on the head surface from the well it impacts most, up to where the water "
                    + "passed nearest the source, then across to it), and the fingerprint ranking with its evidence. A run of this API "
                    + "answers its caller only; an incident's analysis publishes its trace's heat map (WMS layer "
                    + "source_probabilities.{parameter}.{aquifer} with TIME, feature type source_probabilities). "
                    + "Send `Prefer: respond-async` to follow the run's progress at /api/v1/analytics/jobs/{id}/events.")
    public ResponseEntity<Object> trace(@RequestBody TraceRequest request, @RequestHeader(value = "Prefer", required = false) String prefer) {
        Site site = sites.load(AnalysisRequests.required(request.park(), "park"));
        String parameter = AnalysisRequests.required(request.parameter(), "parameter");
        Instant from = AnalysisRequests.instant(request.from(), "from");
        Instant to = AnalysisRequests.instant(request.to(), "to");
        SiteTracing.Model model = model(request.model());
        tracing.traceable(parameter, from, to);
        return AnalysisJobController.respond(jobs, publicBaseUrl, prefer, "trace", progress ->
                traceAnswer(tracing.trace(site, request.aquifer(), parameter, from, to, model, progress)));
    }

    public record EnterpriseRank(String creditCode, String name, double probability, BayesianSourceTracer.TimeInterval releaseStart,
                                 BayesianSourceTracer.Interval massDischargeGramsPerDay) {}

    public record FingerprintRank(String creditCode, String name, double probability, List<FingerprintMatcher.Evidence> evidence) {}

    @Schema(description = "A source of the most probable model: a known plume (documented before the window; probability 1) or a "
            + "new release, with its release start and mass discharge (median and 90 % credible interval), the readings it explains "
            + "and the pathline on the head surface back from its most impacted well to where it passed nearest the source, then "
            + "across to it; effectiveSampleSize and rHat are its model's MCMC convergence "
            + "(smallest ESS, largest split-R-hat over the sources' starts and log C0), null where the model was not sampled "
            + "(rHat null and converged false also where the chains stayed apart or one never moved); converged: split-R-hat below 1.01 and ESS at "
            + "least 100 (Vehtari et al. 2021)")
    public record SourceRank(String code, String creditCode, String name, boolean known, double probability,
                             BayesianSourceTracer.TimeInterval releaseStart, BayesianSourceTracer.Interval massDischargeGramsPerDay,
                             List<MultiSourceTracer.Evidence> evidence, Map<String, Object> backTrack, Double effectiveSampleSize, Double rHat,
                             Boolean converged) {}

    /**
     * @param sources the most probable model's sources: the known plumes and the new releases (issue #21)
     * @param newSourceCount posterior probability of 0, 1 and 2 new releases
     * @param enterprises each enterprise's probability of a new release on its site that the wells see, with the release's start
     *     and mass discharge
     * @param heatMap each candidate's probability of being a new release the wells see
     */
    public record TraceAnswer(String park, String parameter, int observations, double flowAzimuthDegrees, double seepageVelocity,
                              List<SourceRank> sources, List<Double> newSourceCount,
                              List<EnterpriseRank> enterprises, List<FingerprintRank> fingerprints, Map<String, Object> heatMap,
                              Map<String, Object> credibleRegion, Map<String, Object> backTrack, int reachedCandidates) {}

    private static TraceAnswer traceAnswer(SiteTracing.Result result) {
        Site site = result.site();
        Map<String, String> names = new LinkedHashMap<>();
        site.enterprises().forEach(e -> names.put(e.creditCode(), e.nameZh()));
        var inversion = result.inversion();
        List<EnterpriseRank> enterprises = inversion.enterprises().stream()
                .map(e -> new EnterpriseRank(e.enterpriseId(), names.get(e.enterpriseId()), e.probability(), e.start(), e.massDischargeGramsPerDay()))
                .toList();
        List<FingerprintRank> fingerprints = result.fingerprints().stream()
                .map(m -> new FingerprintRank(m.candidate().id(), m.candidate().name(), m.probability(), m.evidence())).toList();
        List<SourceRank> sources = inversion.sources().stream().map(s -> new SourceRank(s.candidate().id(), s.candidate().enterpriseId(),
                s.candidate().enterpriseId() == null ? null : names.get(s.candidate().enterpriseId()), s.known(), s.probability(), s.start(),
                s.massDischargeGramsPerDay(), s.evidence(), s.backTrack() == null ? null : GeoJson.geometry(result.flow().toLonLat(s.backTrack())),
                finiteOrNull(s.effectiveSampleSize()), finiteOrNull(s.rHat()), converged(s.effectiveSampleSize(), s.rHat()))).toList();
        List<Map<String, Object>> cells = new ArrayList<>();
        for (SourceProbabilityRepository.Cell c : result.heatMap()) {
            cells.add(GeoJson.feature(c.candidate(), c.footprint(), Map.of("probability", c.probability(), "enterprise", String.valueOf(c.enterprise()))));
        }
        return new TraceAnswer(site.park().code(), result.parameter().code(), result.observations(), result.regionalFlow().azimuthDegrees(),
                result.regionalFlow().seepageVelocity(), sources, java.util.Arrays.stream(inversion.newSourceCount()).boxed().toList(),
                enterprises, fingerprints, GeoJson.featureCollection(cells),
                GeoJson.geometry(result.flow().toLonLat(inversion.credibleRegion())),
                inversion.backTrack() == null ? null : GeoJson.geometry(result.flow().toLonLat(inversion.backTrack())), inversion.reachedCandidates());
    }

    /** Null for a sampler statistic that is not a number: NaN where the model was not sampled, +∞ where chains stayed apart or one never moved. */
    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** Null where the model was not sampled; else whether split-R-hat < 1.01 and ESS ≥ 100 (Vehtari et al. 2021). */
    private static Boolean converged(double effectiveSampleSize, double rHat) {
        if (Double.isNaN(rHat) || Double.isNaN(effectiveSampleSize)) return null;
        return rHat < 1.01 && effectiveSampleSize >= 100;
    }

    private static SiteTracing.Model model(ModelRequest m) {
        SiteTracing.Model d = SiteTracing.Model.DEFAULTS;
        if (m == null) return d;
        return new SiteTracing.Model(AnalysisRequests.or(m.longitudinalDispersivity(), d.longitudinalDispersivity()), AnalysisRequests.or(m.transverseDispersivity(), d.transverseDispersivity()),
                AnalysisRequests.or(m.verticalDispersivity(), d.verticalDispersivity()), AnalysisRequests.or(m.sourceWidth(), d.sourceWidthM()), AnalysisRequests.or(m.sourceDepth(), d.sourceDepthM()),
                AnalysisRequests.or(m.retardation(), d.retardation()), AnalysisRequests.or(m.decayPerDay(), d.decayPerDay()), AnalysisRequests.or(m.sampleDepth(), d.sampleDepthM()),
                AnalysisRequests.or(m.relativeError(), d.relativeError()), AnalysisRequests.or(m.cellSize(), d.cellSizeM()));
    }
}
