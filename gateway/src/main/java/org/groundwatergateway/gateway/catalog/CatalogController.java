package org.groundwatergateway.gateway.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.catalog.CatalogFormat;
import org.groundwatergateway.catalog.CatalogPage;
import org.groundwatergateway.catalog.CatalogService;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.gateway.config.CatalogProperties;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.gateway.web.PublicBaseUrl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The DCAT-AP catalog at {@code /catalog}, in the serialization the caller asks for: by {@code Accept} (Turtle when
 * anything goes, so a browser or a bare client gets a readable document), or by {@code f} for links that cannot set
 * headers; one page at a time ({@code page}, {@code pageSize}), with Hydra paging links in the document and as
 * {@code Link} headers.
 */
@RestController
public class CatalogController {

    private final CatalogService catalog;
    private final PublicBaseUrl publicBaseUrl;
    private final int defaultPageSize;

    public CatalogController(CatalogService catalog, PublicBaseUrl publicBaseUrl, CatalogProperties properties) {
        this.catalog = catalog;
        this.publicBaseUrl = publicBaseUrl;
        this.defaultPageSize = properties.pageSize();
    }

    @GetMapping("/catalog")
    @Operation(summary = "The park's DCAT-AP 3 catalog of the datasets the caller may see, as Turtle, JSON-LD, RDF/XML or N-Triples, one page at a time",
            description = "Content negotiation by Accept (text/turtle, application/ld+json, application/rdf+xml, application/n-triples); "
                    + "`f=ttl|jsonld|rdf|nt` overrides it. Datasets the sharing policy withholds from the caller are not listed. Paged for "
                    + "harvesters by `page` (from 1) and `pageSize` (default gw.catalog.page-size, at most 1000): a hydra:PartialCollectionView "
                    + "names the first, previous, next and last pages, as do the Link headers.",
            responses = @ApiResponse(responseCode = "200", description = "OK", content = {@Content(mediaType = "text/turtle"),
                    @Content(mediaType = "application/ld+json"), @Content(mediaType = "application/rdf+xml"), @Content(mediaType = "application/n-triples")}))
    public ResponseEntity<byte[]> catalog(@Parameter(description = "ttl, jsonld, rdf or nt") @RequestParam(required = false) String f,
                                          @Parameter(description = "the page, from 1") @RequestParam(defaultValue = "1") int page,
                                          @Parameter(description = "datasets per page, 1 to 1000") @RequestParam(required = false) Integer pageSize,
                                          @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept)
            throws HttpMediaTypeNotAcceptableException {
        CatalogFormat format = f != null ? CatalogFormat.ofShortName(f).orElseThrow(() -> new InvalidInput("gateway.notOneOf", "f", f,
                Arrays.stream(CatalogFormat.values()).map(CatalogFormat::shortName).toList())) : Negotiation.choose(accept, rdfOffers());
        int size = pageSize != null ? pageSize : defaultPageSize;
        String root = publicBaseUrl.root();
        CatalogPage shown = catalog.page(Viewers.current(), root, page, size);
        MediaType type = new MediaType(MediaType.parseMediaType(format.mediaType()), StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header(HttpHeaders.LINK, links(root + "/catalog", shown, size).toArray(String[]::new))
                .body(CatalogService.serialize(shown.model(), format));
    }

    /** The paging links as RFC 8288 Link header values. */
    private static List<String> links(String catalogUri, CatalogPage shown, int size) {
        List<String> links = new ArrayList<>();
        links.add("<" + CatalogPage.uri(catalogUri, 1, size) + ">; rel=\"first\"");
        if (shown.page() > 1) links.add("<" + CatalogPage.uri(catalogUri, shown.page() - 1, size) + ">; rel=\"prev\"");
        if (shown.page() < shown.lastPage()) links.add("<" + CatalogPage.uri(catalogUri, shown.page() + 1, size) + ">; rel=\"next\"");
        links.add("<" + CatalogPage.uri(catalogUri, shown.lastPage(), size) + ">; rel=\"last\"");
        return links;
    }

    /** The offered serializations, Turtle first: what a caller gets when anything goes. */
    static List<Map.Entry<MediaType, CatalogFormat>> rdfOffers() {
        return Arrays.stream(CatalogFormat.values()).map(f -> Map.entry(MediaType.parseMediaType(f.mediaType()), f)).toList();
    }
}
