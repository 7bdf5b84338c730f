package org.groundwatergateway.gateway.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;
import org.groundwatergateway.core.drill.DrillService;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.gateway.drill.DrillController;
import org.groundwatergateway.core.emergency.IncidentService;
import org.groundwatergateway.gateway.emergency.IncidentController;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.gateway.web.RequestValues;
import org.groundwatergateway.policies.disclosed.DisclosedRecords;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports as PDF (Chinese font embedded) or JSON, chosen by {@code format} or else by {@code Accept}. A report shows its
 * sources in full, so only an audience the sharing policy shows the report unmasked gets one.
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "报告 / reports")
public class ReportController {

    private static final String FORMAT = "`format=pdf` or `format=json`; without it, JSON for `Accept: application/json`, else PDF.";

    private final ReportService reports;
    private final OperationsReports operations;
    private final RiskAssessment risk;
    private final CustomReports custom;
    private final DisclosedRecords disclosed;

    public ReportController(ReportService reports, OperationsReports operations, RiskAssessment risk, CustomReports custom, DisclosedRecords disclosed) {
        this.reports = reports;
        this.custom = custom;
        this.operations = operations;
        this.risk = risk;
        this.disclosed = disclosed;
    }

    @GetMapping("/incidents/{id}")
    @Operation(summary = "Emergency report of an incident: extent, receptors at risk, plan and measures, resources, tasks, timeline, evaluation",
            description = "PDF: A4 with the incident on the park's WMS map and a chart of the plume front's forecast reach; "
                    + "JSON: the incident with everything attached. " + FORMAT)
    public ResponseEntity<?> incident(@PathVariable long id, @RequestParam(required = false) String format,
                                      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Viewer viewer = Viewers.current();
        disclosed.requireUnmasked(viewer, "incident_reports");
        IncidentService.Details details = reports.incident(id);
        return answer(format, accept, IncidentController.DetailsView.of(details), () -> reports.incidentPdf(details, viewer), "incident-" + id + ".pdf");
    }

    @GetMapping("/drills/{id}")
    @Operation(summary = "Report of a drill: the rehearsed release, the score of every step, then the drill incident's emergency report",
            description = FORMAT)
    public ResponseEntity<?> drill(@PathVariable long id, @RequestParam(required = false) String format,
                                   @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Viewer viewer = Viewers.current();
        disclosed.requireUnmasked(viewer, "drill_reports");
        DrillService.Report report = reports.drill(id);
        return answer(format, accept, new DrillJson(DrillController.DrillView.of(report),
                        report.incident() == null ? null : IncidentController.DetailsView.of(report.incident())),
                () -> reports.drillPdf(report, viewer), "drill-" + id + ".pdf");
    }

    /** A drill's report as JSON: the drill with its score, and its incident with everything attached. */
    public record DrillJson(DrillController.DrillView drill, IncidentController.DetailsView incident) {}

    @GetMapping("/alert-summary")
    @Operation(summary = "Alert summary for a period: counts by level, kind and subject, alerts per day (chart), every alert",
            description = "PDF: A4 with an embedded CJK font; JSON: the same figures. " + FORMAT)
    public ResponseEntity<?> alertSummary(
            @Parameter(description = "ISO 8601 with offset") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @Parameter(description = "ISO 8601 with offset") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @Parameter(description = FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        disclosed.requireUnmasked(Viewers.current(), "alert_summary");
        AlertSummary summary = reports.alertSummary(from.toInstant(), to.toInstant());
        return answer(format, accept, summary, () -> reports.alertSummaryPdf(summary), "alert-summary.pdf");
    }

    @GetMapping("/operations")
    @Operation(summary = "Monthly operation and maintenance report: device health, data completeness, QA/QC flags, false and missed alarms",
            description = "One month of China Standard Time (`month=2026-11`). A finished month's report is generated once (by the job at "
                    + "01:00 CST on the 1st, or by the first request) and stored; the running month is computed up to now. The method of every "
                    + "figure is printed in the report. " + FORMAT)
    public ResponseEntity<?> operations(@Parameter(description = "yyyy-MM, China Standard Time") @RequestParam YearMonth month,
                                        @Parameter(description = FORMAT) @RequestParam(required = false) String format,
                                        @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Viewer viewer = Viewers.current();
        disclosed.requireUnmasked(viewer, "operations_reports");
        OperationsReport report = operations.report(month, viewer.name());
        return answer(format, accept, report, () -> report.pdf(reports.font()), "operations-" + month + ".pdf");
    }

    @GetMapping("/operations/archive")
    @Operation(summary = "The stored monthly operation and maintenance reports: month, when and by whom generated",
            description = "Newest first; fetch one with `/api/v1/reports/operations?month=`.")
    public List<OperationsReports.Stored> operationsArchive() {
        disclosed.requireUnmasked(Viewers.current(), "operations_reports");
        return operations.stored();
    }

    @GetMapping("/risk")
    @Operation(summary = "Pollution risk assessment of a park's wells: latest GB/T 14848 classes, exceedances, Mann–Kendall trends, ranking",
            description = "Over `from`–`to` (default: the year up to now); the method is stated in the report. " + FORMAT)
    public ResponseEntity<?> risk(@Parameter(description = "park code") @RequestParam String park,
                                  @Parameter(description = "ISO 8601 with offset") @RequestParam(required = false)
                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                                  @Parameter(description = "ISO 8601 with offset") @RequestParam(required = false)
                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
                                  @Parameter(description = FORMAT) @RequestParam(required = false) String format,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        disclosed.requireUnmasked(Viewers.current(), "risk_reports");
        RiskReport report = risk.assess(park, from == null ? null : from.toInstant(), to == null ? null : to.toInstant());
        return answer(format, accept, report, () -> report.pdf(reports.font()), "risk-" + park + ".pdf");
    }

    /** A custom report as asked for: a title, a period (ISO 8601 with offset) and its sections in order. */
    @Schema(example = "{\"title\": \"十一月上旬地下水专报\", \"from\": \"2025-11-01T00:00:00+08:00\", "
            + "\"to\": \"2025-11-03T00:00:00+08:00\", \"sections\": [{\"type\": \"series\", \"parameter\": \"benzene\", \"wells\": [\"GW-U04\", "
            + "\"GW-U05\"]}, {\"type\": \"statistics\", \"parameter\": \"benzene\", \"wells\": [\"GW-U05\"]}, {\"type\": \"alerts\"}, "
            + "{\"type\": \"map\"}]}")
    public record CustomReportRequest(String title, String from, String to, List<CustomReports.Section> sections) {}

    @PostMapping("/custom")
    @Operation(summary = "A custom report: a title, a period and sections (series, map, statistics, alerts), as PDF",
            description = "Each section: `{\"type\": \"series\" | \"statistics\", \"parameter\": \"benzene\", \"wells\": [\"GW-U09\"]}` "
                    + "(1 to 8 wells), or `{\"type\": \"map\"}` or `{\"type\": \"alerts\"}`; at most 10 sections and 366 days. "
                    + "A refusal names the field at fault (`sections[2].type`). Each section is made only for a reader shown its source "
                    + "(the readings, the alert summary) unmasked.")
    public ResponseEntity<byte[]> custom(@RequestBody CustomReportRequest request) {
        byte[] pdf = custom.pdf(request.title(), RequestValues.instant("from", request.from()), RequestValues.instant("to", request.to()),
                request.sections(), Viewers.current());
        return pdf(pdf, "report.pdf");
    }

    /** {@code format} when given, else JSON for a client that accepts JSON and not PDF, else PDF. */
    private static ResponseEntity<?> answer(String format, String accept, Object json, Supplier<byte[]> pdf, String filename) {
        String chosen = format != null ? format : wantsJson(accept) ? "json" : "pdf";
        switch (chosen) {
            case "json":
                return ResponseEntity.ok(json);
            case "pdf":
                return pdf(pdf.get(), filename);
            default:
                throw new InvalidInput("gateway.notOneOf", "format", format, "[pdf, json]");
        }
    }

    private static boolean wantsJson(String accept) {
        if (accept == null) return false;
        List<MediaType> types = MediaType.parseMediaTypes(accept);
        return types.stream().anyMatch(t -> t.isCompatibleWith(MediaType.APPLICATION_JSON) && !t.isWildcardType())
                && types.stream().noneMatch(t -> t.includes(MediaType.APPLICATION_PDF) && !t.isWildcardType());
    }

    private static ResponseEntity<byte[]> pdf(byte[] pdf, String filename) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.inline().filename(filename).build().toString()).body(pdf);
    }
}
