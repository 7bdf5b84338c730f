package org.groundwatergateway.gateway.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.apache.jena.rdf.model.Model;
import org.groundwatergateway.catalog.AnalysisProvenance;
import org.groundwatergateway.catalog.CatalogFormat;
import org.groundwatergateway.catalog.ReadingProvenance;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.gateway.web.NotFoundException;
import org.groundwatergateway.gateway.web.PublicBaseUrl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * PROV-O provenance at {@code /catalog/readings/{id}/provenance} (a published reading: raw value, QA/QC flags, versions,
 * review decisions and reviewers, sensor and data logger, the import or packet), {@code /catalog/incidents/{id}/provenance}
 * and {@code /catalog/plumes/{id}/provenance} (analysis results: the data and the model version they used), in the
 * catalog's serializations by {@code Accept} or {@code f}. What the caller may not see is answered exactly as what does
 * not exist: 404, the same body.
 */
@RestController
public class ProvenanceController {

    private static final String FORMATS = "ttl, jsonld, rdf or nt (overrides Accept)";

    private final ReadingProvenance readings;
    private final AnalysisProvenance analyses;
    private final PublicBaseUrl publicBaseUrl;

    public ProvenanceController(ReadingProvenance readings, AnalysisProvenance analyses, PublicBaseUrl publicBaseUrl) {
        this.readings = readings;
        this.analyses = analyses;
        this.publicBaseUrl = publicBaseUrl;
    }

    @GetMapping("/catalog/readings/{id}/provenance")
    @Operation(summary = "PROV-O provenance of a reading (any version of it): raw value, QA/QC flags, versions, review decisions, device and import",
            description = "Shown as the readings are shown to the caller: a reading it may not see (withheld, inside the delay, means only) is "
                    + "answered 404 like a missing one; bucketed values as their GB/T 14848 class; raw and earlier values only where raw values "
                    + "are shown; no location; the reviewer named only to audiences shown `reviewers` (the others see the role).",
            responses = @ApiResponse(responseCode = "200", description = "OK", content = {@Content(mediaType = "text/turtle"),
                    @Content(mediaType = "application/ld+json"), @Content(mediaType = "application/rdf+xml"), @Content(mediaType = "application/n-triples")}))
    public ResponseEntity<byte[]> reading(@Parameter(description = "the reading's id (SensorThings Observation @iot.id)") @PathVariable long id,
                                          @Parameter(description = FORMATS) @RequestParam(required = false) String f,
                                          @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept)
            throws HttpMediaTypeNotAcceptableException {
        CatalogFormat format = format(f, accept);
        Optional<Model> model = readings.describe(id, Viewers.current(), publicBaseUrl.root());
        return answer(model.orElseThrow(() -> new NotFoundException(new InvalidInput("gateway.notFound.reading", "id", id))), format);
    }

    @GetMapping("/catalog/incidents/{id}/provenance")
    @Operation(summary = "PROV-O provenance of an incident's analysis: the datastreams and windows of readings it used, the model and its version",
            description = "Shown to callers shown `incidents` unmasked (a drill's incident: `drills` too); anyone else gets 404.",
            responses = @ApiResponse(responseCode = "200", description = "OK", content = {@Content(mediaType = "text/turtle"),
                    @Content(mediaType = "application/ld+json"), @Content(mediaType = "application/rdf+xml"), @Content(mediaType = "application/n-triples")}))
    public ResponseEntity<byte[]> incident(@PathVariable long id, @Parameter(description = FORMATS) @RequestParam(required = false) String f,
                                           @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept)
            throws HttpMediaTypeNotAcceptableException {
        CatalogFormat format = format(f, accept);
        Optional<Model> model = analyses.incident(id, Viewers.current(), publicBaseUrl.root());
        return answer(model.orElseThrow(() -> new NotFoundException(new InvalidInput("gateway.notFound.incident", "id", id))), format);
    }

    @GetMapping("/catalog/plumes/{id}/provenance")
    @Operation(summary = "PROV-O provenance of a plume outline (a feature of the plumes layer): its model and the model's version",
            description = "Shown as the feature services show the plumes to the caller (not inside the delay); anything else is 404.",
            responses = @ApiResponse(responseCode = "200", description = "OK", content = {@Content(mediaType = "text/turtle"),
                    @Content(mediaType = "application/ld+json"), @Content(mediaType = "application/rdf+xml"), @Content(mediaType = "application/n-triples")}))
    public ResponseEntity<byte[]> plume(@PathVariable long id, @Parameter(description = FORMATS) @RequestParam(required = false) String f,
                                        @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept)
            throws HttpMediaTypeNotAcceptableException {
        CatalogFormat format = format(f, accept);
        Optional<Model> model = analyses.plume(id, Viewers.current(), publicBaseUrl.root());
        return answer(model.orElseThrow(() -> new NotFoundException(new InvalidInput("gateway.notFound.plume", "id", id))), format);
    }

    /** The serialization asked for, chosen before anything is read: a caller that can read none waits for nothing. */
    private static CatalogFormat format(String f, String accept) throws HttpMediaTypeNotAcceptableException {
        return f != null ? CatalogFormat.ofShortName(f).orElseThrow(() -> new InvalidInput("gateway.notOneOf", "f", f,
                Arrays.stream(CatalogFormat.values()).map(CatalogFormat::shortName).toList())) : Negotiation.choose(accept, CatalogController.rdfOffers());
    }

    private static ResponseEntity<byte[]> answer(Model model, CatalogFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(model, out);
        MediaType type = new MediaType(MediaType.parseMediaType(format.mediaType()), StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(out.toByteArray());
    }
}
