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
import org.groundwatergateway.analytics.flow.FlowField;
import org.groundwatergateway.analytics.flow.ParticleTracker;
import org.groundwatergateway.analytics.tracing.BayesianSourceTracer;
import org.groundwatergateway.analytics.tracing.FingerprintMatcher;
import org.groundwatergateway.core.geo.GeoJson;
import org.groundwatergateway.core.site.Site;
import org.groundwatergateway.core.site.SiteFlow;
import org.groundwatergateway.core.site.SiteReadings;
import org.groundwatergateway.core.site.SiteRepository;
import org.groundwatergateway.core.site.SiteTracing;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Analyses of a park's stored readings: its groundwater flow and where a pollutant came from. Places come back in
 * longitude/latitude (CGCS2000, EPSG:4490) as GeoJSON, ready for a map; distances in metres, times in days.
 */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "统计与趋势分析 / statistics and trends")
public class SiteAnalysisController {

    private static final GeometryFactory LOCAL = new GeometryFactory();

    private final SiteRepository sites;
    private final SiteReadings readings;
    private final SiteTracing tracing;
    private final AnalysisJobs jobs;

    public SiteAnalysisController(SiteRepository sites, SiteReadings readings, SiteTracing tracing, AnalysisJobs jobs) {
        this.sites = sites;
        this.readings = readings;
        this.tracing = tracing;
        this.jobs = jobs;
    }

    @Schema(example = "{\"park\": \"HBDP\", \"aquifer\": \"Q1\", \"from\": \"2025-11-01T00:00:00+08:00\", \"to\": \"2025-11-03T00:00:00+08:00\", "
            + "\"cellSize\": 50, \"particles\": [{\"lon\": 121.00692, \"lat\": 32.551723, \"days\": 3650, \"direction\": \"FORWARD\"}]}")
    public record FlowRequest(String park, String aquifer, OffsetDateTime from, OffsetDateTime to,
                              @Schema(description = "grid spacing, m; default 50") Double cellSize,
                              @Schema(description = "an arrow every this many nodes; default 5") Integer arrowsEvery,
                              List<Particle> particles) {}

    public record Particle(double lon, double lat, double days, @Schema(description = "FORWARD (where it goes) or BACKWARD (where it came from)") String direction) {}

    public enum Direction { FORWARD, BACKWARD }

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
        Site site = sites.load(required(request.park(), "park"));
        var aquifer = request.aquifer() == null ? site.shallowestAquifer() : site.aquifer(request.aquifer());
        SiteFlow flow = SiteFlow.of(site, aquifer, readings, instant(request.from(), "from"), instant(request.to(), "to"),
                request.cellSize() == null ? 50 : request.cellSize());
        var regional = flow.regional();
        List<Map<String, Object>> arrows = new ArrayList<>();
        int every = request.arrowsEvery() == null ? 5 : request.arrowsEvery();
        if (every < 1) throw new IllegalArgumentException("arrowsEvery must be at least 1");
        for (FlowField.FlowVector v : flow.field().arrows(every)) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("vx", v.vx());
            properties.put("vy", v.vy());
            properties.put("speed", v.speed());
            properties.put("azimuth", v.azimuthDegrees());
            arrows.add(GeoJson.feature(null, flow.toLonLat(LOCAL.createPoint(new Coordinate(v.x(), v.y()))), properties));
        }
        List<Map<String, Object>> paths = new ArrayList<>();
        ParticleTracker tracker = new ParticleTracker(flow.field());
        List<Particle> particles = request.particles() == null ? List.of() : request.particles();
        for (int p = 0; p < particles.size(); p++) {
            Particle particle = particles.get(p);
            if (!(particle.days() > 0 && particle.days() <= 365 * 200)) throw new IllegalArgumentException("particles[" + p + "].days: 0 to 73000");
            double[] xy = site.grid().toLocal(particle.lon(), particle.lat());
            Direction direction = particle.direction() == null ? Direction.FORWARD
                    : AnalysisRequests.choice(Direction.class, particle.direction(), "particles[" + p + "].direction");
            ParticleTracker.Pathline line = direction == Direction.FORWARD ? tracker.forward(xy[0], xy[1], particle.days())
                    : tracker.backward(xy[0], xy[1], particle.days());
            paths.add(GeoJson.feature(p, flow.toLonLat(pathline(line)), Map.of("direction", direction.name(), "days", line.days(),
                    "lengthM", line.length(), "stop", line.stop().name(), "times", line.points().stream().map(ParticleTracker.PathPoint::days).toList())));
        }
        Map<String, Double> heads = new LinkedHashMap<>();
        flow.heads().forEach((well, head) -> heads.put(well.code(), head));
        double gradient = regional.seepageVelocity() * aquifer.effectivePorosity() / aquifer.hydraulicConductivity();
        return new FlowAnswer(site.park().code(), aquifer.code(), heads.size(), aquifer.hydraulicConductivity(), aquifer.effectivePorosity(),
                gradient, regional.azimuthDegrees(), regional.seepageVelocity(), heads, GeoJson.featureCollection(arrows),
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
                    + "back through the aquifer's regional flow with the Domenico transport model. Answers the enterprises ranked by "
                    + "posterior probability with 90 % credible intervals of release start and mass discharge, the source-probability "
                    + "heat map, the 90 % credible region, the back-tracked path, and the fingerprint ranking with its evidence. "
                    + "Send `Prefer: respond-async` to follow the run's progress at /api/v1/analytics/jobs/{id}/events.")
    public ResponseEntity<Object> trace(@RequestBody TraceRequest request, @RequestHeader(value = "Prefer", required = false) String prefer) {
        Site site = sites.load(required(request.park(), "park"));
        String parameter = required(request.parameter(), "parameter");
        Instant from = instant(request.from(), "from");
        Instant to = instant(request.to(), "to");
        SiteTracing.Model model = model(request.model());
        return AnalysisJobController.respond(jobs, prefer, "trace", progress ->
                traceAnswer(tracing.trace(site, request.aquifer(), parameter, from, to, model, progress)));
    }

    public record EnterpriseRank(String creditCode, String name, double probability, BayesianSourceTracer.TimeInterval releaseStart,
                                 BayesianSourceTracer.Interval massDischargeGramsPerDay) {}

    public record FingerprintRank(String creditCode, String name, double probability, List<FingerprintMatcher.Evidence> evidence) {}

    public record TraceAnswer(String park, String parameter, int observations, double flowAzimuthDegrees, double seepageVelocity,
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
        List<Map<String, Object>> cells = new ArrayList<>();
        for (BayesianSourceTracer.CandidatePosterior c : inversion.candidates()) {
            if (c.probability() < 1e-6) continue;
            cells.add(GeoJson.feature(c.candidate().id(), result.flow().toLonLat(c.candidate().footprint()),
                    Map.of("probability", c.probability(), "enterprise", String.valueOf(c.candidate().enterpriseId()))));
        }
        return new TraceAnswer(site.park().code(), result.parameter().code(), result.observations(), result.regionalFlow().azimuthDegrees(),
                result.regionalFlow().seepageVelocity(), enterprises, fingerprints, GeoJson.featureCollection(cells),
                GeoJson.geometry(result.flow().toLonLat(inversion.credibleRegion())),
                inversion.backTrack() == null ? null : GeoJson.geometry(result.flow().toLonLat(inversion.backTrack())), inversion.reachedCandidates());
    }

    private static SiteTracing.Model model(ModelRequest m) {
        SiteTracing.Model d = SiteTracing.Model.DEFAULTS;
        if (m == null) return d;
        return new SiteTracing.Model(or(m.longitudinalDispersivity(), d.longitudinalDispersivity()), or(m.transverseDispersivity(), d.transverseDispersivity()),
                or(m.verticalDispersivity(), d.verticalDispersivity()), or(m.sourceWidth(), d.sourceWidthM()), or(m.sourceDepth(), d.sourceDepthM()),
                or(m.retardation(), d.retardation()), or(m.decayPerDay(), d.decayPerDay()), or(m.sampleDepth(), d.sampleDepthM()),
                or(m.relativeError(), d.relativeError()), or(m.cellSize(), d.cellSizeM()));
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    private static LineString pathline(ParticleTracker.Pathline line) {
        List<Coordinate> points = new ArrayList<>();
        for (ParticleTracker.PathPoint p : line.points()) points.add(new Coordinate(p.x(), p.y()));
        if (points.size() == 1) points.add(points.get(0).copy());
        return LOCAL.createLineString(points.toArray(Coordinate[]::new));
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(field + " is required");
        return value;
    }

    static Instant instant(OffsetDateTime time, String field) {
        if (time == null) throw new IllegalArgumentException(field + " is required (ISO 8601 with offset, e.g. 2026-03-01T00:00:00+08:00)");
        return time.toInstant();
    }
}
