package org.groundwatergateway.gateway.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.catalog.CatalogRecords;
import org.groundwatergateway.catalog.DcatCatalog;
import org.groundwatergateway.core.geo.GeoJson;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.gateway.web.Languages;
import org.groundwatergateway.gateway.web.NotFoundException;
import org.groundwatergateway.gateway.web.PublicBaseUrl;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OGC API – Records (Part 1, GeoJSON record encoding) at {@code /catalog/records}: the caller's own DCAT catalog as
 * records, titles in Chinese or English by Accept-Language, paged by {@code limit} and {@code offset}.
 */
@RestController
public class RecordsController {

    private static final String GEO_JSON = "application/geo+json";
    private static final int MAX_LIMIT = 1000;

    private final DcatCatalog catalog;
    private final PublicBaseUrl publicBaseUrl;

    public RecordsController(DcatCatalog catalog, PublicBaseUrl publicBaseUrl) {
        this.catalog = catalog;
        this.publicBaseUrl = publicBaseUrl;
    }

    @GetMapping(value = "/catalog/records", produces = "application/json")
    @Operation(summary = "The catalog's datasets as an OGC API – Records collection: its description and where its records are")
    public Map<String, Object> collection(HttpServletRequest request) {
        return records(request).collection();
    }

    @GetMapping(value = "/catalog/records/items", produces = {GEO_JSON, "application/json"})
    @Operation(summary = "The records of the datasets the caller may see (GeoJSON, OGC API – Records), by limit and offset")
    public Map<String, Object> items(@Parameter(description = "records per page, 1 to 1000") @RequestParam(defaultValue = "100") int limit,
                                     @Parameter(description = "records to skip") @RequestParam(defaultValue = "0") int offset,
                                     HttpServletRequest request) {
        if (limit < 1 || limit > MAX_LIMIT) throw new InvalidInput("gateway.range", "limit", 1, MAX_LIMIT, limit);
        if (offset < 0) throw new InvalidInput("gateway.range", "offset", 0, Integer.MAX_VALUE, offset);
        List<Map<String, Object>> all = records(request).all();
        // In long: offset + limit may pass Integer.MAX_VALUE.
        long end = Math.min(all.size(), (long) offset + limit);
        List<Map<String, Object>> page = all.subList((int) Math.min(offset, end), (int) end);
        Map<String, Object> collection = new LinkedHashMap<>(GeoJson.featureCollection(page));
        collection.put("numberMatched", all.size());
        collection.put("numberReturned", page.size());
        String items = publicBaseUrl.root() + "/catalog/records/items?limit=" + limit + "&offset=";
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(Map.of("href", items + offset, "rel", "self", "type", GEO_JSON));
        if (end < all.size()) links.add(Map.of("href", items + end, "rel", "next", "type", GEO_JSON));
        if (offset > 0) links.add(Map.of("href", items + Math.max(0, offset - limit), "rel", "prev", "type", GEO_JSON));
        collection.put("links", links);
        return collection;
    }

    @GetMapping(value = "/catalog/records/items/{recordId}", produces = {GEO_JSON, "application/json"})
    @Operation(summary = "One dataset's record (GeoJSON, OGC API – Records); its id is the dataset's identifier with '/' as '.'")
    public Map<String, Object> item(@PathVariable String recordId, HttpServletRequest request) {
        return records(request).one(recordId)
                .orElseThrow(() -> new NotFoundException(new InvalidInput("gateway.notFound.catalogResource", "recordId", request.getRequestURI())));
    }

    private CatalogRecords records(HttpServletRequest request) {
        String root = publicBaseUrl.root();
        return new CatalogRecords(catalog.describe(Viewers.current(), root), root, Languages.of(request).getLanguage().equals("en"));
    }
}
