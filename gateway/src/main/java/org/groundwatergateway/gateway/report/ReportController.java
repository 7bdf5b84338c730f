package org.groundwatergateway.gateway.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.function.Supplier;
import org.groundwatergateway.core.drill.DrillService;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.gateway.drill.DrillController;
import org.groundwatergateway.core.emergency.IncidentService;
import org.groundwatergateway.gateway.emergency.IncidentController;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.policies.disclosed.DisclosedRecords;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports as PDF (Chinese fonts embedded) or JSON, chosen by {@code format}. A report shows its sources in full, so only
 * an audience the sharing policy shows the report unmasked gets one.
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "报告 / reports")
public class ReportController {

    private final ReportService reports;
    private final DisclosedRecords disclosed;

    public ReportController(ReportService reports, DisclosedRecords disclosed) {
        this.reports = reports;
        this.disclosed = disclosed;
    }

    @GetMapping("/incidents/{id}")
    @Operation(summary = "Emergency report of an incident: extent, receptors at risk, plan and measures, resources, tasks, timeline, evaluation",
            description = "`format=pdf` (default): A4 with the incident on the park's WMS map and a chart of the plume front's forecast reach; "
                    + "`format=json`: the incident with everything attached.")
    public ResponseEntity<?> incident(@PathVariable long id, @RequestParam(defaultValue = "pdf") String format) {
        Viewer viewer = Viewers.current();
        disclosed.requireUnmasked(viewer, "incident_reports");
        IncidentService.Details details = reports.incident(id);
        return answer(format, IncidentController.DetailsView.of(details), () -> reports.incidentPdf(details, viewer), "incident-" + id + ".pdf");
    }

    @GetMapping("/drills/{id}")
    @Operation(summary = "Report of a drill: the rehearsed release, the score of every step, then the drill incident's emergency report",
            description = "`format=pdf` (default) or `format=json`.")
    public ResponseEntity<?> drill(@PathVariable long id, @RequestParam(defaultValue = "pdf") String format) {
        Viewer viewer = Viewers.current();
        disclosed.requireUnmasked(viewer, "drill_reports");
        DrillService.Report report = reports.drill(id);
        return answer(format, new DrillJson(DrillController.DrillView.of(report),
                        report.incident() == null ? null : IncidentController.DetailsView.of(report.incident())),
                () -> reports.drillPdf(report, viewer), "drill-" + id + ".pdf");
    }

    /** A drill's report as JSON: the drill with its score, and its incident with everything attached. */
    public record DrillJson(DrillController.DrillView drill, IncidentController.DetailsView incident) {}

    @GetMapping("/alert-summary")
    @Operation(summary = "Alert summary for a period: counts by level, kind and subject, alerts per day (chart), every alert",
            description = "`format=pdf` (default) gives an A4 PDF with an embedded CJK font; `format=json` the same figures as JSON.")
    public ResponseEntity<?> alertSummary(
            @Parameter(description = "ISO 8601 with offset") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @Parameter(description = "ISO 8601 with offset") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @Parameter(description = "pdf or json") @RequestParam(defaultValue = "pdf") String format) {
        disclosed.requireUnmasked(Viewers.current(), "alert_summary");
        AlertSummary summary = reports.alertSummary(from.toInstant(), to.toInstant());
        return answer(format, summary, () -> reports.alertSummaryPdf(summary), "alert-summary.pdf");
    }

    private static ResponseEntity<?> answer(String format, Object json, Supplier<byte[]> pdf, String filename) {
        switch (format) {
            case "json":
                return ResponseEntity.ok(json);
            case "pdf":
                return pdf(pdf.get(), filename);
            default:
                throw new IllegalArgumentException("format: pdf or json, not '" + format + "'");
        }
    }

    private static ResponseEntity<byte[]> pdf(byte[] pdf, String filename) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.inline().filename(filename).build().toString()).body(pdf);
    }
}
