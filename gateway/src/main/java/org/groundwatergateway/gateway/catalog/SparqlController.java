package org.groundwatergateway.gateway.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.query.Query;
import org.groundwatergateway.catalog.CatalogFormat;
import org.groundwatergateway.catalog.CatalogSparql;
import org.groundwatergateway.catalog.SparqlResult;
import org.groundwatergateway.catalog.SparqlResultFormat;
import org.groundwatergateway.catalog.SparqlSyntaxError;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.gateway.web.Languages;
import org.groundwatergateway.gateway.web.PublicBaseUrl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SPARQL 1.1 protocol at {@code /catalog/sparql}, read-only over the caller's own catalog: the query by URL, by form
 * or as an {@code application/sparql-query} body; SELECT and ASK answered as JSON (default), XML, CSV or TSV, CONSTRUCT
 * and DESCRIBE as the catalog's RDF serializations, by {@code Accept} or {@code format}.
 */
@RestController
public class SparqlController {

    private static final String SPARQL_QUERY = "application/sparql-query";
    /**
     * A query longer than this is refused: a body unread, a form's or URL's parameter before it is parsed (the container
     * bounds a form body itself, server.tomcat.max-http-form-post-size). The catalog is small, and its questions are too.
     */
    private static final int MAX_QUERY_BYTES = 64 * 1024;
    private static final String EXAMPLE = "PREFIX dcat: <http://www.w3.org/ns/dcat#>\nPREFIX dct: <http://purl.org/dc/terms/>\n"
            + "SELECT ?dataset ?title WHERE { ?dataset a dcat:Dataset ; dct:title ?title FILTER(lang(?title) = \"en\") } ORDER BY ?dataset";

    private static final String FORM_EXAMPLE = "query=ASK%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D&format=json";

    private final CatalogSparql sparql;
    private final PublicBaseUrl publicBaseUrl;

    public SparqlController(CatalogSparql sparql, PublicBaseUrl publicBaseUrl) {
        this.sparql = sparql;
        this.publicBaseUrl = publicBaseUrl;
    }

    @GetMapping("/catalog/sparql")
    @Operation(summary = "Read-only SPARQL 1.1 query over the caller's DCAT catalog (results JSON, XML, CSV or TSV; graphs as RDF)",
            description = "The graph holds only what the caller's sharing policy discloses. SERVICE, FROM and updates are refused; a query "
                    + "runs for at most gw.catalog.sparql-timeout (3 s) and returns at most gw.catalog.sparql-max-results results (a larger or "
                    + "missing LIMIT is lowered); a query is at most 64 KB and builds strings (CONCAT, REPLACE, ...) at most 8 times. At most "
                    + "gw.catalog.sparql-concurrency queries run at once: one more is answered 503 with Retry-After. A malformed query is "
                    + "answered 400 with the parser's line and column.",
            responses = @ApiResponse(responseCode = "200", description = "OK", content = {@Content(mediaType = "application/sparql-results+json"),
                    @Content(mediaType = "application/sparql-results+xml"), @Content(mediaType = "text/csv"),
                    @Content(mediaType = "text/tab-separated-values"), @Content(mediaType = "text/turtle")}))
    public ResponseEntity<byte[]> get(@Parameter(description = "the SPARQL query", example = EXAMPLE) @RequestParam(required = false) String query,
                                      @Parameter(description = "json, xml, csv or tsv (SELECT, ASK); ttl, jsonld, rdf or nt (CONSTRUCT, DESCRIBE)")
                                      @RequestParam(required = false) String format,
                                      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept)
            throws HttpMediaTypeNotAcceptableException {
        return answer(query, format, accept);
    }

    @PostMapping(value = "/catalog/sparql", consumes = {SPARQL_QUERY, MediaType.APPLICATION_FORM_URLENCODED_VALUE})
    @Operation(summary = "Read-only SPARQL 1.1 query over the caller's DCAT catalog, posted as application/sparql-query or as a form",
            description = "As GET /catalog/sparql; the query is the body (application/sparql-query) or the form's `query`.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    @Content(mediaType = SPARQL_QUERY, examples = @ExampleObject(value = EXAMPLE)),
                    @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE, examples = @ExampleObject(value = FORM_EXAMPLE))}),
            responses = @ApiResponse(responseCode = "200", description = "OK", content = {@Content(mediaType = "application/sparql-results+json"),
                    @Content(mediaType = "application/sparql-results+xml"), @Content(mediaType = "text/csv"),
                    @Content(mediaType = "text/tab-separated-values"), @Content(mediaType = "text/turtle")}))
    public ResponseEntity<byte[]> post(HttpServletRequest request,
                                       @Parameter(description = "json, xml, csv or tsv (SELECT, ASK); ttl, jsonld, rdf or nt (CONSTRUCT, DESCRIBE)")
                                       @RequestParam(required = false) String format,
                                       @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept)
            throws HttpMediaTypeNotAcceptableException, IOException {
        boolean form = MediaType.parseMediaType(request.getContentType()).isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED);
        return answer(form ? request.getParameter("query") : body(request), format, accept);
    }

    /** Every query slot is taken: 503, and when to try again. */
    @ExceptionHandler(CatalogSparql.Busy.class)
    ProblemDetail busy(CatalogSparql.Busy e, HttpServletRequest request, HttpServletResponse response) {
        boolean english = Languages.prefersEnglish(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                e.problem().message(english ? Locale.ENGLISH : Locale.CHINESE));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, english ? "en" : "zh-CN");
        return problem;
    }

    /** Where the parser stopped, as members of the problem besides its text, so a client can point at the place. */
    @ExceptionHandler(SparqlSyntaxError.class)
    ProblemDetail syntaxError(SparqlSyntaxError e, HttpServletRequest request, HttpServletResponse response) {
        boolean english = Languages.prefersEnglish(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.problem().message(english ? Locale.ENGLISH : Locale.CHINESE));
        problem.setProperty("field", "query");
        problem.setProperty("line", e.line());
        problem.setProperty("column", e.column());
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, english ? "en" : "zh-CN");
        return problem;
    }

    private ResponseEntity<byte[]> answer(String text, String format, String accept) throws HttpMediaTypeNotAcceptableException {
        // By URL or form as by body: a longer query is refused before it is parsed.
        if (text != null && text.length() > MAX_QUERY_BYTES / 4 && text.getBytes(StandardCharsets.UTF_8).length > MAX_QUERY_BYTES) {
            throw new InvalidInput("catalog.sparql.tooLong", "query", MAX_QUERY_BYTES);
        }
        String root = publicBaseUrl.root();
        Query query = sparql.parse(text, root);
        boolean graph = query.isConstructType() || query.isDescribeType();
        // The format is chosen before the query runs: a caller that can read no offered type waits for nothing.
        Object chosen = graph ? rdfFormat(format, accept) : resultFormat(format, accept);
        SparqlResult result = sparql.run(query, Viewers.current(), root);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String mediaType;
        if (chosen instanceof CatalogFormat rdf) {
            rdf.write(((SparqlResult.Graph) result).graph(), out);
            mediaType = rdf.mediaType();
        } else {
            SparqlResultFormat results = (SparqlResultFormat) chosen;
            results.write(result, out);
            mediaType = results.mediaType();
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.parseMediaType(mediaType), StandardCharsets.UTF_8))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(out.toByteArray());
    }

    private static SparqlResultFormat resultFormat(String format, String accept) throws HttpMediaTypeNotAcceptableException {
        if (format != null) return SparqlResultFormat.ofShortName(format).orElseThrow(() -> new InvalidInput("gateway.notOneOf", "format", format,
                Arrays.stream(SparqlResultFormat.values()).map(SparqlResultFormat::shortName).toList()));
        List<Map.Entry<MediaType, SparqlResultFormat>> offers = new ArrayList<>();
        for (SparqlResultFormat f : SparqlResultFormat.values()) offers.add(Map.entry(MediaType.parseMediaType(f.mediaType()), f));
        // Plain JSON and XML clients get the SPARQL result formats, which are JSON and XML.
        offers.add(Map.entry(MediaType.APPLICATION_JSON, SparqlResultFormat.JSON));
        offers.add(Map.entry(MediaType.APPLICATION_XML, SparqlResultFormat.XML));
        return Negotiation.choose(accept, offers);
    }

    private static CatalogFormat rdfFormat(String format, String accept) throws HttpMediaTypeNotAcceptableException {
        if (format != null) return CatalogFormat.ofShortName(format).orElseThrow(() -> new InvalidInput("gateway.notOneOf", "format", format,
                Arrays.stream(CatalogFormat.values()).map(CatalogFormat::shortName).toList()));
        return Negotiation.choose(accept, CatalogController.rdfOffers());
    }

    private static String body(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_QUERY_BYTES + 1);
            if (bytes.length > MAX_QUERY_BYTES) throw new InvalidInput("catalog.sparql.tooLong", "query", MAX_QUERY_BYTES);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
