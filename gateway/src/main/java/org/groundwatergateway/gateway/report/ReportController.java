package org.groundwatergateway.gateway.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import org.groundwatergateway.core.alert.AlertRepository;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reports as PDF (Chinese fonts embedded) or JSON, chosen by {@code format}. */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "报告 / reports")
public class ReportController {

    private final AlertRepository alerts;
    private final ReportFont font;

    public ReportController(AlertRepository alerts, ReportFont font) {
        this.alerts = alerts;
        this.font = font;
    }

    @GetMapping("/alert-summary")
    @Operation(summary = "Alert summary for a period: counts by level, kind and subject, alerts per day (chart), every alert",
            description = "`format=pdf` (default) gives an A4 PDF with an embedded CJK font; `format=json` the same figures as JSON.")
    public ResponseEntity<?> alertSummary(
            @Parameter(description = "ISO 8601 with offset") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @Parameter(description = "ISO 8601 with offset") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @Parameter(description = "pdf or json") @RequestParam(defaultValue = "pdf") String format) {
        AlertSummary summary = AlertSummary.of(from.toInstant(), to.toInstant(), alerts.findRaisedBetween(from.toInstant(), to.toInstant()));
        switch (format) {
            case "json":
                return ResponseEntity.ok(summary);
            case "pdf":
                return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                        .header("Content-Disposition", ContentDisposition.inline().filename("alert-summary.pdf").build().toString())
                        .body(summary.pdf(font));
            default:
                throw new IllegalArgumentException("format: pdf or json, not '" + format + "'");
        }
    }
}
