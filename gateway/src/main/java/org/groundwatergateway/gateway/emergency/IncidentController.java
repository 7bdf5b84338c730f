package org.groundwatergateway.gateway.emergency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.emergency.Camera;
import org.groundwatergateway.core.emergency.Dispatch;
import org.groundwatergateway.core.emergency.DisposalPlan;
import org.groundwatergateway.core.emergency.Incident;
import org.groundwatergateway.core.emergency.IncidentEvaluation;
import org.groundwatergateway.core.emergency.IncidentService;
import org.groundwatergateway.core.emergency.IncidentTask;
import org.groundwatergateway.core.emergency.PlumeForecast;
import org.groundwatergateway.core.emergency.ResponseLevel;
import org.groundwatergateway.core.emergency.TimelineEntry;
import org.groundwatergateway.core.geo.Cgcs2000;
import org.groundwatergateway.core.geo.GeoJson;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.gateway.analytics.AnalysisRequests;
import org.groundwatergateway.gateway.web.RequestValues;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Emergency incidents: declared or opened by severe alerts, with their forecast, plan, tasks, timeline, dispatches and cameras. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Emergency", description = "应急事件 / emergency incidents, plans, dispatch and cameras")
public class IncidentController {

    private final IncidentService incidents;

    public IncidentController(IncidentService incidents) {
        this.incidents = incidents;
    }

    /** An incident without its attachments; coordinates lon/lat (EPSG:4490). */
    public record IncidentView(long id, String parameter, Long wellId, double[] location, String level, String levelZh, String severity,
                               String status, Double concentrationMgPerL, String plan, Instant openedAt, Instant containedAt,
                               Instant closedAt, String closingNote, Incident.Analysis analysis, Incident.Flow flow,
                               Incident.TopSource topSource, Long alertId,
                               @Schema(description = "the drill this incident rehearses; null for a real one") Long drillId) {

        static IncidentView of(Incident i) {
            return new IncidentView(i.id(), i.parameterCode(), i.wellId(), lonLat(i.location().getCoordinate()), i.level().name(),
                    i.level().nameZh(), i.severity().name(), i.status().name(), i.concentrationMgPerL(), i.planCode(), i.openedAt(),
                    i.containedAt(), i.closedAt(), i.closingNote(), i.analysis(), i.flow(), i.topSource(), i.alertId(),
                    i.drill() == null ? null : i.drill().id());
        }
    }

    public record DispatchView(long id, String resource, String resourceName, String kind, double quantity, String unit, String depot,
                               String depotName, Map<String, Object> route, double lengthM, double etaMinutes, String status, Instant updatedAt,
                               Instant onSiteAt) {

        static DispatchView of(Dispatch d) {
            return new DispatchView(d.id(), d.resource().code(), d.resource().nameZh(), d.resource().kind().name(), d.resource().quantity(),
                    d.resource().unit(), d.depot().code(), d.depot().nameZh(), GeoJson.geometry(d.route()), d.lengthM(), d.etaMinutes(),
                    d.status().name(), d.updatedAt(), d.onSiteAt());
        }
    }

    public record CameraView(String deviceId, String nameZh, double[] location) {

        static CameraView of(Camera c) {
            return new CameraView(c.deviceId(), c.nameZh(), lonLat(c.location().getCoordinate()));
        }
    }

    public record DetailsView(IncidentView incident, String park, DisposalPlan plan, DisposalPlan.Dose dose, PlumeForecast forecast,
                              List<IncidentTask> tasks, List<TimelineEntry> timeline, List<DispatchView> dispatches, List<CameraView> cameras,
                              IncidentEvaluation.Result evaluation) {

        public static DetailsView of(IncidentService.Details d) {
            return new DetailsView(IncidentView.of(d.incident()), d.parkCode(), d.plan(), d.dose(), d.forecast(), d.tasks(), d.timeline(),
                    d.dispatches().stream().map(DispatchView::of).toList(), d.cameras().stream().map(CameraView::of).toList(), d.evaluation());
        }
    }

    @Schema(example = "{\"park\": \"HBDP\", \"parameter\": \"chromium-vi\", \"well\": \"GW-U09\", \"level\": \"LEVEL_2\", "
            + "\"department\": \"园区应急办\", \"author\": \"值班员\"}")
    public record Declaration(String park, String parameter, String well,
                              @Schema(description = "[lon, lat] in EPSG:4490; default the well's") List<Double> location,
                              @Schema(description = "LEVEL_1 一级, LEVEL_2 二级 or LEVEL_3 三级") String level,
                              @Schema(description = "GENERAL, SERIOUS or SEVERE (default), for the plan") String severity,
                              @Schema(description = "concentration seen, in the parameter's unit; default the well's latest") Double concentration,
                              @Schema(description = "when it was seen; default now") OffsetDateTime at, String department, String author) {}

    public record Comment(String department, String author, String text) {}

    public record IncidentChange(String status, String level, String department, String author) {}

    public record TaskChange(@Schema(description = "DONE or OPEN") String status, String owner, OffsetDateTime deadline) {}

    public record DispatchChange(@Schema(description = "EN_ROUTE, ON_SITE or RETURNED") String status) {}

    public record Closing(String department, String author, String note) {}

    @GetMapping("/incidents")
    @Operation(summary = "Incidents, newest first")
    public List<IncidentView> list() {
        return incidents.all().stream().map(IncidentView::of).toList();
    }

    @PostMapping("/incidents")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Declare an incident", description = "Opens it at once with the matched plan, tasks and dispatched resources; "
            + "the plume forecast, receptors at risk and tracing attach when their analysis job ends (analysis.state).")
    public DetailsView declare(@RequestBody Declaration d, Principal who) {
        var location = d.location() == null ? null : point(d.location());
        Incident incident = incidents.declare(new IncidentService.Declaration(d.park(), d.parameter(), d.well(), location,
                d.level() == null ? null : AnalysisRequests.choice(ResponseLevel.class, d.level(), "level"),
                d.severity() == null ? null : AnalysisRequests.choice(Alert.Level.class, d.severity(), "severity"), d.concentration(),
                d.at() == null ? null : d.at().toInstant(), d.department(), author(d.author(), who)));
        return DetailsView.of(incidents.details(incident.id()));
    }

    @GetMapping("/incidents/{id}")
    @Operation(summary = "An incident with everything attached")
    public DetailsView get(@PathVariable long id) {
        return DetailsView.of(incidents.details(id));
    }

    @PatchMapping("/incidents/{id}")
    @Operation(summary = "Move an incident on (RESPONDING, CONTAINED) or change its response level")
    public IncidentView update(@PathVariable long id, @RequestBody IncidentChange change, Principal who) {
        return IncidentView.of(incidents.update(id, change.status() == null ? null : AnalysisRequests.choice(Incident.Status.class, change.status(), "status"),
                change.level() == null ? null : AnalysisRequests.choice(ResponseLevel.class, change.level(), "level"), change.department(),
                author(change.author(), who)));
    }

    @PostMapping("/incidents/{id}/timeline")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Comment on the shared timeline")
    public TimelineEntry comment(@PathVariable long id, @RequestBody Comment c, Principal who) {
        return incidents.comment(id, c.department(), author(c.author(), who), c.text());
    }

    @PatchMapping("/incidents/{id}/tasks/{taskId}")
    @Operation(summary = "Mark a task done or open, or hand it on")
    public IncidentTask task(@PathVariable long id, @PathVariable long taskId, @RequestBody TaskChange change) {
        return incidents.updateTask(id, taskId, change.status() == null ? null : AnalysisRequests.choice(IncidentTask.Status.class, change.status(), "status"),
                change.owner(), change.deadline() == null ? null : change.deadline().toInstant());
    }

    @PatchMapping("/incidents/{id}/dispatches/{dispatchId}")
    @Operation(summary = "Follow a dispatched resource: EN_ROUTE, ON_SITE, RETURNED")
    public DispatchView dispatch(@PathVariable long id, @PathVariable long dispatchId, @RequestBody DispatchChange change) {
        if (change.status() == null) throw new InvalidInput("gateway.requiredChoice", "status", List.of(Dispatch.Status.values()));
        return DispatchView.of(incidents.updateDispatch(id, dispatchId, AnalysisRequests.choice(Dispatch.Status.class, change.status(), "status")));
    }

    @PostMapping("/incidents/{id}/close")
    @Operation(summary = "Close an incident with its effect evaluation",
            description = "Key wells' concentrations over the 7 days before opening and before closing, hours to containment, tasks done on time.")
    public DetailsView close(@PathVariable long id, @RequestBody Closing c, Principal who) {
        return DetailsView.of(incidents.close(id, c.department(), author(c.author(), who), c.note()));
    }

    /**
     * Who wrote an entry of the shared record: the signed-in account, with the name written in the body (a person's name
     * or title, “张主任”) beside it when that is something else, so that no one writes under another's account.
     */
    static String author(String written, Principal who) {
        String account = who == null ? null : who.getName();
        if (written == null || written.isBlank()) return account;
        return account == null || written.strip().equals(account) ? written.strip() : written.strip() + "（" + account + "）";
    }

    @GetMapping("/plans")
    @Operation(summary = "The disposal-plan library", description = "Pollutant class × severity × hydrogeology → containment, pumping, "
            + "reagent and dose rule, treatment area, resources, tasks and sources.")
    public List<DisposalPlan> plans() {
        return incidents.plans();
    }

    @GetMapping("/cameras")
    @Operation(summary = "Cameras near a place, nearest first (GB/T 28181 ids)")
    public List<CameraView> cameras(@RequestParam String near, @RequestParam(defaultValue = "500") double radius,
                                    @RequestParam(defaultValue = "10") int limit) {
        String[] parts = near.split(",");
        if (parts.length != 2) throw new InvalidInput("gateway.lonLat", "near", near);
        double lon;
        double lat;
        try {
            lon = Double.parseDouble(parts[0].trim());
            lat = Double.parseDouble(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new InvalidInput("gateway.lonLat", "near", near);
        }
        return incidents.camerasNear(lon, lat, radius, RequestValues.limit("limit", limit, 100)).stream().map(CameraView::of).toList();
    }

    private static org.locationtech.jts.geom.Point point(List<Double> lonLat) {
        if (lonLat.size() != 2 || lonLat.contains(null)) throw new InvalidInput("gateway.location", "location");
        return Cgcs2000.GEOMETRY_FACTORY.createPoint(new Coordinate(lonLat.get(0), lonLat.get(1)));
    }

    private static double[] lonLat(Coordinate c) {
        return new double[] {c.x, c.y};
    }
}
