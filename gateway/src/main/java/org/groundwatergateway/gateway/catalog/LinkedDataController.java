package org.groundwatergateway.gateway.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.rdf.model.Model;
import org.groundwatergateway.catalog.CatalogFormat;
import org.groundwatergateway.catalog.CatalogService;
import org.groundwatergateway.catalog.HtmlPage;
import org.groundwatergateway.catalog.LinkedUris;
import org.groundwatergateway.catalog.ResourceDescriptions;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.gateway.web.Languages;
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
 * The catalog's URIs, dereferenced: the park, wells, datastreams, parameters, enterprises and quality metrics at
 * {@code /catalog/id/...}, and the catalog's own datasets, distributions, data services and quality measurements, each
 * as HTML for people (Chinese or English by Accept-Language) or as Turtle, JSON-LD, RDF/XML or N-Triples, by Accept or
 * {@code f}. A thing the caller's disclosure does not show is answered exactly as one that does not exist (404).
 */
@RestController
public class LinkedDataController {

    private static final String HTML = "html";
    private static final String FORMATS = "ttl, jsonld, rdf, nt or html";
    private static final String DESCRIPTION = "Content negotiation by Accept (text/turtle, application/ld+json, application/rdf+xml, "
            + "application/n-triples, text/html in Chinese or English by Accept-Language); `f` overrides it. What the caller's sharing "
            + "policy does not show is answered 404, as what does not exist.";

    private final ResourceDescriptions things;
    private final CatalogService catalog;
    private final PublicBaseUrl publicBaseUrl;

    public LinkedDataController(ResourceDescriptions things, CatalogService catalog, PublicBaseUrl publicBaseUrl) {
        this.things = things;
        this.catalog = catalog;
        this.publicBaseUrl = publicBaseUrl;
    }

    @GetMapping("/catalog/id/{kind}/{key}")
    @Operation(summary = "A park, well, datastream, parameter (SKOS concept), enterprise or quality metric of the catalog, as HTML or RDF",
            description = "kind: parks (by code), wells (by code), datastreams (by id), parameters (by code), enterprises (by id), metrics. "
                    + DESCRIPTION, responses = @ApiResponse(responseCode = "200", description = "OK", content = {@Content(mediaType = "text/turtle"),
                    @Content(mediaType = "text/html"), @Content(mediaType = "application/ld+json"), @Content(mediaType = "application/rdf+xml")}))
    public ResponseEntity<byte[]> thing(@PathVariable String kind, @PathVariable String key,
                                        @Parameter(description = FORMATS) @RequestParam(required = false) String f,
                                        @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, HttpServletRequest request)
            throws HttpMediaTypeNotAcceptableException {
        String representation = representation(f, accept);
        String root = publicBaseUrl.root();
        LinkedUris uris = LinkedUris.ofSegment(kind);
        Optional<Model> model = uris == null ? Optional.empty() : things.describe(Viewers.current(), root, uris, key);
        return answer(model.orElseThrow(() -> notFound(request)), uris.of(root, key), representation, request);
    }

    @GetMapping("/catalog/id/parameters")
    @Operation(summary = "The parameters as a SKOS concept scheme, as HTML or RDF", description = DESCRIPTION)
    public ResponseEntity<byte[]> parameters(@Parameter(description = FORMATS) @RequestParam(required = false) String f,
                                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, HttpServletRequest request)
            throws HttpMediaTypeNotAcceptableException {
        String representation = representation(f, accept);
        String root = publicBaseUrl.root();
        Model model = things.describe(Viewers.current(), root, LinkedUris.PARAMETERS, null).orElseThrow(() -> notFound(request));
        return answer(model, LinkedUris.PARAMETERS.collection(root), representation, request);
    }

    @GetMapping({"/catalog/datasets/**", "/catalog/services/**"})
    @Operation(summary = "A dataset, distribution, data service or quality measurement of the caller's catalog, as HTML or RDF",
            description = "The URIs the catalog names its datasets (/catalog/datasets/{id}, /catalog/datasets/{id}/{member}), their "
                    + "distributions (.../distributions/{door}), quality measurements (.../quality/{metric}) and data services "
                    + "(/catalog/services/{id}) by. " + DESCRIPTION)
    public ResponseEntity<byte[]> catalogResource(@Parameter(description = FORMATS) @RequestParam(required = false) String f,
                                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                                  HttpServletRequest request) throws HttpMediaTypeNotAcceptableException {
        String representation = representation(f, accept);
        String uri = publicBaseUrl.root() + request.getRequestURI().substring(request.getContextPath().length());
        Model model = catalog.resource(Viewers.current(), publicBaseUrl.root(), uri).orElseThrow(() -> notFound(request));
        return answer(model, uri, representation, request);
    }

    private ResponseEntity<byte[]> answer(Model model, String uri, String representation, HttpServletRequest request) {
        if (representation.equals(HTML)) {
            Map<String, String> formats = new LinkedHashMap<>();
            for (CatalogFormat format : CatalogFormat.values()) formats.put(format.mediaType(), "?f=" + format.shortName());
            String page = HtmlPage.render(model, uri, Languages.of(request).getLanguage().equals("en"), formats);
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_LANGUAGE)
                    .header(HttpHeaders.CONTENT_LANGUAGE, Languages.of(request).getLanguage().equals("en") ? "en" : "zh-CN")
                    .body(page.getBytes(StandardCharsets.UTF_8));
        }
        CatalogFormat format = CatalogFormat.ofShortName(representation).orElseThrow();
        return ResponseEntity.ok().contentType(new MediaType(MediaType.parseMediaType(format.mediaType()), StandardCharsets.UTF_8))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(CatalogService.serialize(model, format));
    }

    /** The short name of what to answer: {@code f} if given, else by Accept among the RDF formats (Turtle first) and HTML. */
    private static String representation(String f, String accept) throws HttpMediaTypeNotAcceptableException {
        List<Map.Entry<MediaType, String>> offers = new ArrayList<>();
        for (CatalogFormat format : CatalogFormat.values()) offers.add(Map.entry(MediaType.parseMediaType(format.mediaType()), format.shortName()));
        offers.add(Map.entry(MediaType.TEXT_HTML, HTML));
        if (f == null) return Negotiation.choose(accept, offers);
        return offers.stream().map(Map.Entry::getValue).filter(name -> name.equalsIgnoreCase(f.trim())).findFirst()
                .orElseThrow(() -> new InvalidInput("gateway.notOneOf", "f", f, offers.stream().map(Map.Entry::getValue).toList()));
    }

    private static NotFoundException notFound(HttpServletRequest request) {
        return new NotFoundException(new InvalidInput("gateway.notFound.catalogResource", "path", request.getRequestURI()));
    }
}
