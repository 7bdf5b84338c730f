package org.groundwatergateway.gateway.drill;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.groundwatergateway.core.drill.Drill;
import org.groundwatergateway.core.drill.DrillScore;
import org.groundwatergateway.core.drill.DrillService;
import org.groundwatergateway.core.problem.InvalidInput;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Emergency drills: a simulated release replayed through monitoring, warning, escalation and the incident response, scored. */
@RestController
@RequestMapping("/api/v1/drills")
@Tag(name = "Drills", description = "应急演练 / emergency drills")
public class DrillController {

    private final DrillService drills;

    public DrillController(DrillService drills) {
        this.drills = drills;
    }

    @Schema(example = "{\"park\": \"HBDP\", \"parameter\": \"benzene\", \"source\": \"PS-E10-LG\", \"sourceMgPerL\": 20, \"by\": \"园区应急办\"}")
    public record DrillRequest(String park, String parameter,
                               @Schema(description = "a potential source's code; or give location") String source,
                               @Schema(description = "[lon, lat] in EPSG:4490") List<Double> location,
                               @Schema(description = "default the park's shallowest aquifer") String aquifer,
                               @Schema(description = "dissolved concentration at the source, mg/L") Double sourceMgPerL,
                               @Schema(description = "drill time the release starts; default when water levels were last measured")
                               OffsetDateTime releaseStart,
                               @Schema(description = "hours of drill time between simulated readings, default 6") Double stepHours,
                               @Schema(description = "days of drill time the monitoring has to raise a severe alert, default 365") Double maxDays,
                               @Schema(description = "who runs the drill") String by) {}

    public record Finish(String by, String note) {}

    /** A drill with its score so far. */
    public record DrillView(Drill drill, DrillScore score) {

        public static DrillView of(DrillService.Report report) {
            return new DrillView(report.drill(), report.score());
        }
    }

    @PostMapping
    @Operation(summary = "Start a drill", description = "Replays the release in the background (progress in `drill.progress`, and as an "
            + "analysis job); status SIMULATING → RESPONDING once a severe alert opened the drill's incident (`drill.incidentId`), or "
            + "UNDETECTED. The drill's alerts go out marked 【演练】; its readings, alerts and incident never mix with real ones.")
    public ResponseEntity<DrillView> start(@RequestBody DrillRequest r) {
        if (r.location() != null && r.location().size() != 2) throw new InvalidInput("gateway.location", "location");
        Drill drill = drills.start(new DrillService.Plan(r.park(), r.parameter(), r.source(),
                r.location() == null ? null : r.location().get(0), r.location() == null ? null : r.location().get(1), r.aquifer(),
                r.sourceMgPerL(), r.releaseStart() == null ? null : r.releaseStart().toInstant(), r.stepHours(), r.maxDays(), r.by()));
        return ResponseEntity.accepted().location(URI.create("/api/v1/drills/" + drill.id())).body(DrillView.of(drills.report(drill.id())));
    }

    @GetMapping
    @Operation(summary = "Drills, newest first")
    public List<Drill> list() {
        return drills.all();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A drill and its score so far", description = "The drill's incident is at /api/v1/incidents/{drill.incidentId}; "
            + "its report, with the score, at /api/v1/reports/drills/{id}.")
    public DrillView get(@PathVariable long id) {
        return DrillView.of(drills.report(id));
    }

    @PostMapping("/{id}/finish")
    @Operation(summary = "Finish a drill", description = "Closes its incident with the evaluation, clears its alerts (their escalation "
            + "stops) and freezes the score. 409 while the release is still replaying.")
    public DrillView finish(@PathVariable long id, @RequestBody Finish f) {
        return DrillView.of(drills.finish(id, f.by(), f.note()));
    }
}
