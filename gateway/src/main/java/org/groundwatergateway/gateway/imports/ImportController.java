package org.groundwatergateway.gateway.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.gateway.web.Languages;
import org.groundwatergateway.ingest.bulk.BulkImport;
import org.groundwatergateway.ingest.bulk.ImportReport;
import org.groundwatergateway.ingest.bulk.ImportRows;
import org.groundwatergateway.ingest.bulk.ImportTemplate;
import org.groundwatergateway.ingest.bulk.ImportTemplates;
import org.groundwatergateway.ingest.bulk.UploadLimits;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Uploads of readings, laboratory results and soil results, as a JSON array or as CSV ({@code text/csv},
 * UTF-8, header row; other layouts through a column-mapping template). The answer is an import report
 * naming every refused row, column and reason; an ALL_OR_NOTHING upload with any refused row stores
 * nothing and is answered 422.
 */
@RestController
@Tag(name = "Import", description = "数据导入 / readings, laboratory and soil results over HTTP")
public class ImportController {

    private final BulkImport imports;
    private final ImportTemplates templates;
    private final UploadLimits limits;

    public ImportController(BulkImport imports, ImportTemplates templates, UploadLimits limits) {
        this.imports = imports;
        this.templates = templates;
        this.limits = limits;
    }

    @PostMapping(value = "/api/v1/readings", consumes = {"application/json", "text/csv"})
    @Operation(summary = "Readings: well, parameter (code, CAS or HJ 212 code), time (ISO-8601 with offset), value in the parameter's unit, flag")
    public ResponseEntity<ImportReport> readings(HttpServletRequest request,
            @Parameter(description = "ALL_OR_NOTHING (default) or ACCEPT_VALID") @RequestParam(defaultValue = "ALL_OR_NOTHING") String mode,
            @Parameter(description = "a stored column-mapping template, for CSV") @RequestParam(required = false) String template,
            @Parameter(description = "false for an import of the past: flagged by QA/QC but no review tasks") @RequestParam(defaultValue = "true") boolean live)
            throws IOException {
        ImportTemplate layout = template(template);
        // CSV rows are read as they are checked and stored, so a large upload is not first held in memory whole.
        try (InputStream body = body(request, limits)) {
            Iterable<ImportRows.Row> rows = csv(request) ? ImportRows.csv(body, layout, limits) : ImportRows.fromJson(body, limits);
            return answer(imports.readings(rows, BulkImport.Mode.of(mode), layout, live, origin(request)), request);
        }
    }

    @PostMapping(value = "/api/v1/lab-results", consumes = {"application/json", "text/csv"})
    @Operation(summary = "Laboratory results: well, parameter, time, value (or <DL / ND<DL / ND with detectionLimit), sampleId, labReportId")
    public ResponseEntity<ImportReport> labResults(HttpServletRequest request,
            @RequestParam(defaultValue = "ALL_OR_NOTHING") String mode, @RequestParam(required = false) String template) throws IOException {
        ImportTemplate layout = template(template);
        return answer(imports.labResults(rows(request, layout), BulkImport.Mode.of(mode), layout, origin(request)), request);
    }

    @PostMapping(value = "/api/v1/soil-results", consumes = {"application/json", "text/csv"})
    @Operation(summary = "Soil results by depth: boring, lon, lat, depthTop, depthBottom, parameter, value (mg/kg), sampledOn, sampleId")
    public ResponseEntity<ImportReport> soilResults(HttpServletRequest request, @RequestParam String park,
            @RequestParam(defaultValue = "ALL_OR_NOTHING") String mode, @RequestParam(required = false) String template) throws IOException {
        return answer(imports.soilResults(rows(request, template(template)), BulkImport.Mode.of(mode), park, origin(request)), request);
    }

    @GetMapping("/api/v1/import-templates")
    @Operation(summary = "Column-mapping templates for CSV uploads")
    public List<ImportTemplate> templates() {
        return templates.findAll();
    }

    @PostMapping("/api/v1/import-templates")
    @Operation(summary = "Store a column-mapping template: platform column -> the file's header, time format and zone")
    public ResponseEntity<ImportTemplate> saveTemplate(@RequestBody ImportTemplate template) {
        return ResponseEntity.status(HttpStatus.CREATED).body(templates.save(template));
    }

    private ImportTemplate template(String name) {
        if (name == null) return null;
        return templates.find(name).orElseThrow(() -> new InvalidInput("gateway.imports.template", "template", name));
    }

    private List<ImportRows.Row> rows(HttpServletRequest request, ImportTemplate template) throws IOException {
        try (InputStream body = body(request, limits)) {
            return csv(request) ? ImportRows.fromCsv(body, template, limits) : ImportRows.fromJson(body, limits);
        }
    }

    /** The request's body, refused at once when it declares more bytes than an upload may hold, and cut off beyond them. */
    public static InputStream body(HttpServletRequest request, UploadLimits limits) throws IOException {
        return limits.guard(request.getInputStream(), request.getContentLengthLong());
    }

    private static boolean csv(HttpServletRequest request) {
        return request.getContentType() != null && request.getContentType().toLowerCase(Locale.ROOT).startsWith("text/csv");
    }

    private static String origin(HttpServletRequest request) {
        return request.getRequestURI() + " from " + request.getRemoteAddr();
    }

    /** An import report, each row's reason in the caller's language; answered 422 when the upload was refused whole. */
    public static ResponseEntity<ImportReport> answer(ImportReport report, HttpServletRequest request) {
        return ResponseEntity.status(report.nothingStored() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK).body(report.in(Languages.of(request)));
    }
}
