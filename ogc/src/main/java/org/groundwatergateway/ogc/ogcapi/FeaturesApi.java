package org.groundwatergateway.ogc.ogcapi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.groundwatergateway.core.geo.Cgcs2000;
import org.groundwatergateway.ogc.crs.CoordinateReferenceSystems;
import org.groundwatergateway.ogc.feature.DisclosedType;
import org.groundwatergateway.ogc.feature.Feature;
import org.groundwatergateway.ogc.feature.FeatureProperty;
import org.groundwatergateway.ogc.feature.FeatureQuery;
import org.groundwatergateway.ogc.feature.FeatureStore;
import org.groundwatergateway.ogc.feature.PublishedFeatureTypes;
import org.groundwatergateway.ogc.filter.Filter;
import org.groundwatergateway.ogc.filter.Filter.ComparisonOperator;
import org.groundwatergateway.ogc.filter.FilterException;
import org.groundwatergateway.ogc.ows.OwsResponse;
import org.groundwatergateway.ogc.ows.ServiceSettings;
import org.groundwatergateway.ogc.wfs.FeatureCollectionResult;
import org.groundwatergateway.ogc.wfs.GeoJsonOutput;
import org.groundwatergateway.ogc.xml.AxisOrder;
import org.groundwatergateway.policies.Viewer;
import org.locationtech.jts.geom.Envelope;
import tools.jackson.databind.json.JsonMapper;

/**
 * OGC API – Features – Part 1: Core (OGC 17-069r4) with the GeoJSON and HTML requirements classes: landing page,
 * conformance, collections and items with {@code limit}, {@code bbox}, {@code datetime}, property equality
 * filters and next/prev links. Items come from the same feature store and policy as WFS and WMS.
 */
public final class FeaturesApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int DEFAULT_LIMIT = 10;
    private static final Pattern FOUR_DIGIT_YEAR = Pattern.compile("\\d{4}-");
    private static final Set<String> ITEM_PARAMETERS = Set.of("limit", "offset", "bbox", "datetime", "f");
    private static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");

    private final PublishedFeatureTypes types;
    private final FeatureStore store;
    private final ServiceSettings settings;

    public FeaturesApi(PublishedFeatureTypes types, FeatureStore store, ServiceSettings settings) {
        this.types = types;
        this.store = store;
        this.settings = settings;
    }

    /**
     * @param base       the API's root URL, e.g. {@code http://host/ogcapi}
     * @param openApiUrl where the OpenAPI 3.0 definition of this API is served
     */
    public OwsResponse landing(String base, String openApiUrl, boolean html) {
        List<Map<String, String>> links = List.of(
                link(base, "self", json(html), "本页 this document"),
                link(openApiUrl, "service-desc", "application/vnd.oai.openapi+json;version=3.0", "OpenAPI 定义 API definition"),
                link(base + "/conformance", "conformance", "application/json", "符合性 conformance"),
                link(base + "/collections", "data", "application/json", "数据集合 collections"));
        if (html) {
            return page(settings.title(), out -> new HtmlPage(out, settings.title()).paragraph(settings.abstractText()).links(links).finish());
        }
        return json(Map.of("title", settings.title(), "description", settings.abstractText(), "links", links));
    }

    public OwsResponse conformance(boolean html) {
        if (html) return page("Conformance", out -> new HtmlPage(out, "符合性 Conformance").links(CONFORMANCE.stream()
                .map(c -> link(c, "conformance", "text/html", c)).toList()).finish());
        return json(Map.of("conformsTo", CONFORMANCE));
    }

    public OwsResponse collections(Viewer viewer, String base, boolean html) {
        List<DisclosedType> visible = types.visibleTo(viewer);
        if (html) {
            return page("Collections", out -> new HtmlPage(out, "数据集合 Collections").links(visible.stream()
                    .map(t -> link(base + "/collections/" + t.name() + "?f=html", "collection", "text/html",
                            t.type().titleZh() + " " + t.type().titleEn())).toList()).finish());
        }
        // Each collection's extent reads its table: only the JSON answer, which carries extents, pays for that.
        List<Map<String, Object>> collections = visible.stream().map(t -> collection(t, base)).toList();
        List<Map<String, String>> links = List.of(link(base + "/collections", "self", "application/json", "collections"));
        return json(Map.of("links", links, "collections", collections));
    }

    public OwsResponse collection(Viewer viewer, String id, String base, boolean html) {
        DisclosedType type = type(viewer, id);
        if (html) {
            return page(type.type().titleEn(), out -> new HtmlPage(out, type.type().titleZh() + " " + type.type().titleEn())
                    .paragraph(type.type().abstractText())
                    .links(List.of(link(base + "/collections/" + id + "/items?f=html", "items", "text/html", "要素 items"))).finish());
        }
        return json(collection(type, base));
    }

    public OwsResponse items(Viewer viewer, String id, Map<String, String> parameters, String base, boolean html) {
        DisclosedType type = type(viewer, id);
        for (String name : parameters.keySet()) {
            if (!ITEM_PARAMETERS.contains(name) && type.type().property(name).isEmpty()) {
                throw ApiException.badRequest("Unknown query parameter '" + name + "': use limit, offset, bbox, datetime or a property of " + id);
            }
        }
        int limit = integer(parameters, "limit", DEFAULT_LIMIT, 1, settings.maxCount());
        int offset = integer(parameters, "offset", 0, 0, Integer.MAX_VALUE);
        Filter filter = Filter.INCLUDE;
        if (parameters.containsKey("bbox")) filter = Filter.and(filter, bbox(parameters.get("bbox")));
        if (parameters.containsKey("datetime") && type.type().timeProperty() != null) {
            filter = Filter.and(filter, datetime(parameters.get("datetime"), type.type().timeProperty()));
        }
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (!ITEM_PARAMETERS.contains(p.getKey())) filter = Filter.and(filter, new Filter.Comparison(ComparisonOperator.EQUAL_TO, p.getKey(), p.getValue(), true));
        }
        FeatureQuery page = new FeatureQuery(type, filter, List.of(), offset, limit, null);
        long matched;
        try {
            store.validate(page);
            matched = store.count(page);
        } catch (FilterException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        int returned = (int) Math.max(0, Math.min(limit, matched - offset));
        String itemsUrl = base + "/collections/" + id + "/items";
        String next = offset + returned < matched ? pageUrl(itemsUrl, parameters, offset + limit, limit) : null;
        String previous = offset > 0 ? pageUrl(itemsUrl, parameters, Math.max(0, offset - limit), limit) : null;
        if (html) {
            List<Feature> features = store.list(page);
            List<String> columns = type.type().properties().stream().map(FeatureProperty::name).toList();
            return page(type.type().titleEn(), out -> {
                HtmlPage htmlPage = new HtmlPage(out, type.type().titleZh() + " " + type.type().titleEn())
                        .paragraph(matched + " 个要素 features; " + returned + " 个显示 shown");
                List<Map<String, String>> links = new ArrayList<>();
                if (previous != null) links.add(link(previous + "&f=html", "prev", "text/html", "上一页 previous"));
                if (next != null) links.add(link(next + "&f=html", "next", "text/html", "下一页 next"));
                htmlPage.map(features).links(links).table(columns, features).finish();
            });
        }
        FeatureCollectionResult result = new FeatureCollectionResult(List.of(new FeatureCollectionResult.Part(type, page, type.type().properties())),
                matched, returned, AxisOrder.official(CoordinateReferenceSystems.crs84()), next, previous, Instant.now(), false, null, store);
        GeoJsonOutput geoJson = new GeoJsonOutput();
        return OwsResponse.ok(geoJson.contentType(), out -> geoJson.write(result, out));
    }

    public OwsResponse item(Viewer viewer, String id, String featureId, String base, boolean html) {
        DisclosedType type = type(viewer, id);
        FeatureQuery query = new FeatureQuery(type, new Filter.ResourceIds(List.of(featureId)), List.of(), 0, 1, null);
        List<Feature> found = store.list(query);
        if (found.isEmpty()) throw ApiException.notFound("Collection " + id + " has no feature " + featureId);
        if (html) {
            List<String> columns = type.type().properties().stream().map(FeatureProperty::name).toList();
            return page(featureId, out -> new HtmlPage(out, type.type().titleZh() + " " + featureId).map(found).table(columns, found).finish());
        }
        FeatureCollectionResult result = new FeatureCollectionResult(List.of(new FeatureCollectionResult.Part(type, query, type.type().properties())),
                1, 1, AxisOrder.official(CoordinateReferenceSystems.crs84()), null, null, Instant.now(), true, null, store);
        GeoJsonOutput geoJson = new GeoJsonOutput();
        return OwsResponse.ok(geoJson.contentType(), out -> geoJson.write(result, out));
    }

    private Map<String, Object> collection(DisclosedType type, String base) {
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("id", type.name());
        collection.put("title", type.type().titleZh() + " " + type.type().titleEn());
        collection.put("description", type.type().abstractText());
        collection.put("itemType", "feature");
        Envelope e = store.extent(type);
        if (e != null) {
            collection.put("extent", Map.of("spatial", Map.of("bbox", List.of(List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY())),
                    "crs", CoordinateReferenceSystems.crs84().uri())));
        }
        collection.put("crs", List.of(CoordinateReferenceSystems.crs84().uri()));
        String items = base + "/collections/" + type.name() + "/items";
        collection.put("links", List.of(link(base + "/collections/" + type.name(), "self", "application/json", "this collection"),
                link(items, "items", "application/geo+json", "要素 items"),
                link(items + "?f=html", "items", "text/html", "要素 items (HTML)")));
        return collection;
    }

    private DisclosedType type(Viewer viewer, String id) {
        return types.find(viewer, id).orElseThrow(() -> ApiException.notFound("No collection " + id));
    }

    /** {@code bbox=minLon,minLat,maxLon,maxLat} in CRS84 (6 numbers: the heights are ignored). */
    private static Filter bbox(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4 && parts.length != 6) throw ApiException.badRequest("bbox needs 4 (or 6) comma-separated numbers, got '" + text + "'");
        double[] n = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                n[i] = Double.parseDouble(parts[i].trim());
                // Infinity parses, and the database then fails to read the box's polygon.
                if (!Double.isFinite(n[i])) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("bbox value '" + parts[i] + "' is not a number");
            }
        }
        int half = parts.length / 2;
        Envelope box = new Envelope(n[0], n[half], n[1], n[half + 1]);
        if (n[0] > n[half] || n[1] > n[half + 1]) throw ApiException.badRequest("bbox minimum must not exceed its maximum");
        return new Filter.Spatial(Filter.SpatialOperator.BBOX, Cgcs2000.GEOMETRY_FACTORY.toGeometry(box));
    }

    /** An instant, or an interval {@code start/end} where either end may be {@code ..} (open). */
    private static Filter datetime(String text, String property) {
        if (!text.contains("/")) return new Filter.Comparison(ComparisonOperator.EQUAL_TO, property, rfc3339Year(text), true);
        String[] ends = text.split("/", -1);
        if (ends.length != 2) throw ApiException.badRequest("datetime must be an instant or start/end, got '" + text + "'");
        Filter filter = Filter.INCLUDE;
        if (!ends[0].isEmpty() && !ends[0].equals("..")) {
            filter = new Filter.Comparison(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO, property, rfc3339Year(ends[0]), true);
        }
        if (!ends[1].isEmpty() && !ends[1].equals("..")) {
            filter = Filter.and(filter, new Filter.Comparison(ComparisonOperator.LESS_THAN_OR_EQUAL_TO, property, rfc3339Year(ends[1]), true));
        }
        return filter;
    }

    /**
     * A datetime end as given, refused unless it starts with RFC 3339's four-digit year: ISO 8601's expanded years
     * ({@code +999999999-12-31T23:59:59Z}) parse in Java but lie beyond what PostgreSQL stores, which fails the query.
     */
    private static String rfc3339Year(String end) {
        if (!FOUR_DIGIT_YEAR.matcher(end).lookingAt()) {
            throw ApiException.badRequest("datetime '" + end + "' is not an RFC 3339 date-time with a four-digit year, e.g. 2026-03-01T00:00:00Z");
        }
        return end;
    }

    private static int integer(Map<String, String> parameters, String name, int fallback, int min, int max) {
        String text = parameters.get(name);
        if (text == null) return fallback;
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min) throw ApiException.badRequest(name + " must be at least " + min);
            return Math.min(value, max);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be an integer, got '" + text + "'");
        }
    }

    private static String pageUrl(String itemsUrl, Map<String, String> parameters, long offset, int limit) {
        Map<String, String> query = new LinkedHashMap<>(parameters);
        query.remove("f");
        query.put("offset", Long.toString(offset));
        query.put("limit", Integer.toString(limit));
        return itemsUrl + "?" + query.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> link(String href, String rel, String type, String title) {
        return Map.of("href", href, "rel", rel, "type", type, "title", title);
    }

    private static String json(boolean html) {
        return html ? "text/html" : "application/json";
    }

    private static OwsResponse json(Object body) {
        byte[] bytes = JSON.writeValueAsBytes(body);
        return OwsResponse.ok("application/json", out -> out.write(bytes));
    }

    private static OwsResponse page(String title, OwsResponse.Body body) {
        return OwsResponse.ok("text/html; charset=UTF-8", body);
    }
}
