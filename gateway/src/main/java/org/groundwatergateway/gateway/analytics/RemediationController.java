package org.groundwatergateway.gateway.analytics;

import org.groundwatergateway.analytics.Stage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.groundwatergateway.analytics.InvalidArgument;
import org.groundwatergateway.analytics.remediation.CaptureZone;
import org.groundwatergateway.analytics.remediation.CostRange;
import org.groundwatergateway.analytics.remediation.Remediation;
import org.groundwatergateway.analytics.remediation.RemediationComparison;
import org.groundwatergateway.analytics.remediation.Site;
import org.groundwatergateway.analytics.remediation.UnitCosts;
import org.groundwatergateway.analytics.transport.PlumePoint;
import org.groundwatergateway.analytics.transport.TransportGrid;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.gateway.web.PublicBaseUrl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Remediation options compared on the transport model: pump and treat, a permeable reactive barrier, in-situ chemical
 * oxidation and monitored natural attenuation — time to reach the target at the compliance points, what is left at the
 * horizon, and cost ranges. Plume coordinates: flow along +x from the source at (0, 0), metres, days, mg/L.
 */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "统计与趋势分析 / statistics and trends")
public class RemediationController {

    private final AnalysisJobs jobs;
    private final PublicBaseUrl publicBaseUrl;

    public RemediationController(AnalysisJobs jobs, PublicBaseUrl publicBaseUrl) {
        this.jobs = jobs;
        this.publicBaseUrl = publicBaseUrl;
    }

    public record SiteRequest(double conductivity, double gradient, double porosity, double thickness, Double retardation, Double decayPerDay,
                              double longitudinalDispersivity, double transverseDispersivity, double sourceWidth, double sourceConcentration,
                              @Schema(description = "day the release began; remediation starts on day 0, so an existing plume began before it") double sourceStartDay) {}

    @Schema(description = "the modelled area: from `upgradient` m behind the source to `length` m down the flow, `width` m across")
    public record GridRequest(double cellSize, double upgradient, double length, double width) {}

    public record ComplianceRequest(List<TransportController.Point> points, double target, double horizonDays) {}

    @Schema(description = "kind MNA; PUMP_AND_TREAT (x, y, pumpingRate m³/d); PRB (x, y, length, thickness, decayPerDay); "
            + "ISCO (treatmentDay, reduction 0-1, treatedLength, reboundShare, reboundDays)")
    public record Alternative(String kind, Double x, Double y, Double pumpingRate, Double length, Double thickness, Double decayPerDay,
                              Double treatmentDay, Double reduction, Double treatedLength, Double reboundShare, Double reboundDays) {}

    @Schema(example = "{\"site\": {\"conductivity\": 30, \"gradient\": 0.0013, \"porosity\": 0.25, \"thickness\": 11, \"retardation\": 1.2, "
            + "\"decayPerDay\": 0.0015, \"longitudinalDispersivity\": 5, \"transverseDispersivity\": 0.5, \"sourceWidth\": 20, "
            + "\"sourceConcentration\": 12, \"sourceStartDay\": -265}, \"grid\": {\"cellSize\": 5, \"upgradient\": 50, \"length\": 400, \"width\": 200}, "
            + "\"compliance\": {\"points\": [{\"x\": 90, \"y\": 0}], \"target\": 0.01, \"horizonDays\": 3650}, "
            + "\"alternatives\": [{\"kind\": \"MNA\"}, {\"kind\": \"PRB\", \"x\": 60, \"y\": 0, \"length\": 60, \"thickness\": 5, \"decayPerDay\": 5}, "
            + "{\"kind\": \"PUMP_AND_TREAT\", \"x\": 40, \"y\": 0, \"pumpingRate\": 50}, {\"kind\": \"ISCO\", \"treatmentDay\": 30, \"reduction\": 0.9, "
            + "\"treatedLength\": 60, \"reboundShare\": 0.2, \"reboundDays\": 180}]}")
    public record RemediationRequest(SiteRequest site, GridRequest grid, ComplianceRequest compliance, List<Alternative> alternatives) {}

    /**
     * @param daysToTarget null when the target is not reached within the horizon
     * @param costLow in US dollars of the year of each unit cost's source (see the README); replace with local prices
     */
    public record OutcomeView(String kind, int rank, Double daysToTarget, double maxConcentrationAtHorizon, double areaAboveTargetAtHorizon,
                              double costLow, double costHigh, CaptureZoneView captureZone, List<RemediationComparison.PointOutcome> points) {}

    /** Javandel and Tsang (1986): the capture zone of the pumping well. */
    public record CaptureZoneView(double upstreamWidth, double widthAtWell, double stagnationDistance) {}

    @PostMapping("/remediation")
    @Operation(summary = "Compare remediation options on the transport model: time to target, residual concentration and area, cost range",
            description = "Each option runs the finite-volume model on from the plume as it stands on day 0 (the release began at "
                    + "sourceStartDay). Ranked by time to target, then residual concentration, then mid cost. Costs use the sourced US "
                    + "unit costs of UnitCosts.DEFAULTS until local prices are configured. Send `Prefer: respond-async` to run it as a job.")
    public ResponseEntity<Object> compare(@RequestBody RemediationRequest request, @RequestHeader(value = "Prefer", required = false) String prefer) {
        SiteRequest s = AnalysisRequests.required(request.site(), "site");
        GridRequest g = AnalysisRequests.required(request.grid(), "grid");
        if (!(g.cellSize() > 0)) throw new InvalidInput("analytics.transport.cellSize", "grid.cellSize");
        if (!(g.length() > 0 && g.width() > 0 && g.upgradient() >= 0)) throw new InvalidInput("gateway.remediation.grid", "grid");
        int nx = (int) Math.ceil((g.upgradient() + g.length()) / g.cellSize());
        int ny = (int) Math.ceil(g.width() / g.cellSize());
        if ((long) nx * ny > 1_000_000) throw new InvalidInput("gateway.analysis.cells", "grid", 1_000_000, (long) nx * ny);
        TransportGrid grid = new TransportGrid(-g.upgradient() - g.cellSize() / 2, -ny * g.cellSize() / 2, g.cellSize(), g.cellSize(), nx, ny);
        Site site;
        try {
            site = new Site(grid, s.conductivity(), s.gradient(), s.porosity(), s.thickness(), AnalysisRequests.or(s.retardation(), 1),
                    AnalysisRequests.or(s.decayPerDay(), 0), s.longitudinalDispersivity(), s.transverseDispersivity(), s.sourceWidth(),
                    s.sourceConcentration(), s.sourceStartDay());
        } catch (InvalidArgument e) {
            // The library's check of the aquifer and the source: its reason names the quantities, the field names the part.
            throw InvalidInput.placed("site", e);
        }
        ComplianceRequest c = AnalysisRequests.required(request.compliance(), "compliance");
        if (c.points() == null || c.points().isEmpty()) throw new InvalidInput("gateway.atLeastOne", "compliance.points");
        RemediationComparison.Compliance compliance;
        try {
            compliance = new RemediationComparison.Compliance(c.points().stream().map(p -> new PlumePoint(p.x(), p.y())).toList(),
                    c.target(), c.horizonDays());
        } catch (InvalidArgument e) {
            throw InvalidInput.placed("compliance", e);
        }
        if (request.alternatives() == null || request.alternatives().isEmpty()) throw new InvalidInput("gateway.atLeastOne", "alternatives");
        List<Remediation> alternatives = new ArrayList<>();
        for (int a = 0; a < request.alternatives().size(); a++) alternatives.add(alternative(request.alternatives().get(a), "alternatives[" + a + "]"));
        return AnalysisJobController.respond(jobs, publicBaseUrl, prefer, "remediation", progress -> {
            progress.advance(0, Stage.of("gateway.stage.comparingOptions", alternatives.size()));
            List<OutcomeView> views = new ArrayList<>();
            for (RemediationComparison.Outcome o : RemediationComparison.compare(site, compliance, alternatives, UnitCosts.DEFAULTS, progress)) {
                CaptureZoneView zone = null;
                if (o.remediation() instanceof Remediation.PumpAndTreat pump) {
                    CaptureZone z = pump.captureZone(site);
                    zone = new CaptureZoneView(z.upstreamWidth(), z.widthAtWell(), z.stagnationDistance());
                }
                CostRange cost = o.cost();
                views.add(new OutcomeView(kind(o.remediation()), o.rank(), Double.isFinite(o.daysToTarget()) ? o.daysToTarget() : null,
                        o.maxConcentrationAtHorizon(), o.areaAboveTargetAtHorizon(), cost.low(), cost.high(), zone, o.points()));
            }
            return views;
        });
    }

    private static String kind(Remediation remediation) {
        if (remediation instanceof Remediation.PumpAndTreat) return "PUMP_AND_TREAT";
        if (remediation instanceof Remediation.PermeableReactiveBarrier) return "PRB";
        if (remediation instanceof Remediation.ChemicalOxidation) return "ISCO";
        return "MNA";
    }

    private static Remediation alternative(Alternative a, String field) {
        String kind = a.kind() == null ? "" : a.kind().toUpperCase(Locale.ROOT);
        try {
            switch (kind) {
                case "MNA": return new Remediation.MonitoredNaturalAttenuation();
                case "PUMP_AND_TREAT": return new Remediation.PumpAndTreat(AnalysisRequests.required(a.x(), "x"), AnalysisRequests.required(a.y(), "y"), AnalysisRequests.required(a.pumpingRate(), "pumpingRate"));
                case "PRB": return new Remediation.PermeableReactiveBarrier(AnalysisRequests.required(a.x(), "x"), AnalysisRequests.required(a.y(), "y"), AnalysisRequests.required(a.length(), "length"),
                        AnalysisRequests.required(a.thickness(), "thickness"), AnalysisRequests.required(a.decayPerDay(), "decayPerDay"));
                case "ISCO": return new Remediation.ChemicalOxidation(AnalysisRequests.required(a.treatmentDay(), "treatmentDay"), AnalysisRequests.required(a.reduction(), "reduction"),
                        AnalysisRequests.required(a.treatedLength(), "treatedLength"), AnalysisRequests.or(a.reboundShare(), 0),
                        AnalysisRequests.or(a.reboundDays(), 0));
                default: throw new InvalidInput("gateway.notOneOf", "kind", a.kind(), "[MNA, PUMP_AND_TREAT, PRB, ISCO]");
            }
        } catch (InvalidArgument e) {
            // A field of this request's or the alternative's own check (the analytics library's), placed where the caller put it.
            throw InvalidInput.placed(field, e);
        }
    }


}
