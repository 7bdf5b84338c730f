package org.groundwatergateway.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.groundwatergateway.ogc.ows.KvpRequest;

/**
 * The classes of request that are rate-limited, each with its own bucket per client address, and the pure rule that
 * tells which classes a request falls in. It reads only the method, the path, the {@code Authorization} header and —
 * for the few paths where size matters — the query (or form-encoded KVP) parameters; it never reads an XML or JSON body
 * (an XML-encoded WFS GetFeature sent by POST is therefore not classified as an export).
 */
public enum RateLimitedRequest {

    /** {@code POST /oauth2/token}, {@code /oauth2/introspect}, {@code /oauth2/revoke}: client secrets are checked here. */
    TOKEN("token"),
    /** {@code POST /login}: a person's password is checked here. */
    LOGIN("login"),
    /** Any request with HTTP Basic credentials, so password guessing over Basic is bounded too (a generous limit). */
    BASIC("basic"),
    /** {@code POST /api/v1/analytics/**} (analyses and analysis jobs) and {@code GET /api/v1/datastreams/{id}/forecast}. */
    ANALYSIS("analysis"),
    /** A WMS GetMap on {@code /ows} or {@code /wms} whose WIDTH × HEIGHT is above the large-map threshold. */
    LARGE_MAP("large-map"),
    /**
     * A WFS GetFeature / GetPropertyValue on {@code /ows} or {@code /wfs} asking for CSV or for more than the export
     * threshold of features (COUNT or MAXFEATURES); an OGC API – Features items page with {@code limit} above it; a
     * page of readings ({@code GET /api/v1/datastreams/{id}/readings}) with {@code limit} above the readings threshold.
     */
    EXPORT("export"),
    /** {@code GET} and {@code POST /catalog/sparql}: anonymous SPARQL queries, each run over a described catalog. */
    SPARQL("sparql");

    private static final Pattern READINGS = Pattern.compile("/api/v1/datastreams/[^/]+/readings");
    private static final Pattern FORECAST = Pattern.compile("/api/v1/datastreams/[^/]+/forecast");
    private static final Pattern FEATURE_ITEMS = Pattern.compile("/ogcapi/collections/[^/]+/items");
    private static final Set<String> TOKEN_PATHS = Set.of("/oauth2/token", "/oauth2/introspect", "/oauth2/revoke");

    private final String key;

    RateLimitedRequest(String key) {
        this.key = key;
    }

    /** The class's name in settings ({@code gw.rate-limits.<key>}), metrics and messages. */
    public String key() {
        return key;
    }

    /**
     * What makes a request large.
     *
     * @param largeMapPixels a GetMap with more pixels than this is a large map
     * @param exportFeatures a feature request for more features than this is an export
     * @param exportReadings a page of more readings than this is an export
     */
    public record Thresholds(long largeMapPixels, int exportFeatures, int exportReadings) {}

    /** The classes this servlet request falls in, in the order their buckets are tried; empty if it is not limited. */
    public static Set<RateLimitedRequest> classify(HttpServletRequest request, Thresholds thresholds) {
        // The servlet path is decoded and normalised by the container (no "..", ";params" or doubled slashes).
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return classify(request.getMethod(), path, request.getHeader("Authorization"), request::getParameterMap, thresholds);
    }

    /**
     * The classes a request falls in. {@code parameters} (query and form parameters) are asked for only on the paths
     * where they matter, so that a form body elsewhere is not parsed ahead of the application.
     */
    public static Set<RateLimitedRequest> classify(String method, String path, String authorization,
                                                   Supplier<Map<String, String[]>> parameters, Thresholds thresholds) {
        Set<RateLimitedRequest> classes = EnumSet.noneOf(RateLimitedRequest.class);
        if (path.length() > 1 && path.endsWith("/")) path = path.substring(0, path.length() - 1);
        boolean post = "POST".equalsIgnoreCase(method);
        // Spring MVC answers HEAD with the GET handler, so a HEAD costs what its GET costs.
        boolean get = "GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method);
        if (post && TOKEN_PATHS.contains(path)) classes.add(TOKEN);
        if (post && path.equals("/login")) classes.add(LOGIN);
        if (post && path.startsWith("/api/v1/analytics/")) classes.add(ANALYSIS);
        if (get && FORECAST.matcher(path).matches()) classes.add(ANALYSIS);
        if ((get || post) && path.equals("/catalog/sparql")) classes.add(SPARQL);
        boolean ows = path.equals("/ows");
        if ((get || post) && (ows || path.equals("/wms") || path.equals("/wfs"))) {
            KvpRequest kvp = new KvpRequest(parameters.get());
            String operation = kvp.get("REQUEST").orElse("").toLowerCase(Locale.ROOT);
            if (!path.equals("/wfs") && operation.equals("getmap") && pixels(kvp) > thresholds.largeMapPixels()) {
                classes.add(LARGE_MAP);
            }
            if (!path.equals("/wms") && (operation.equals("getfeature") || operation.equals("getpropertyvalue"))
                    && (kvp.get("OUTPUTFORMAT").map(f -> f.toLowerCase(Locale.ROOT).contains("csv")).orElse(false)
                        || above(kvp.get("COUNT").orElse(null), thresholds.exportFeatures())
                        || above(kvp.get("MAXFEATURES").orElse(null), thresholds.exportFeatures()))) {
                classes.add(EXPORT);
            }
        }
        if (get && FEATURE_ITEMS.matcher(path).matches() && above(first(parameters.get(), "limit"), thresholds.exportFeatures())) {
            classes.add(EXPORT);
        }
        if (get && READINGS.matcher(path).matches() && above(first(parameters.get(), "limit"), thresholds.exportReadings())) {
            classes.add(EXPORT);
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) classes.add(BASIC);
        return classes;
    }

    /** WIDTH × HEIGHT, or 0 if either is missing or not a number (the service refuses those itself). */
    private static long pixels(KvpRequest kvp) {
        OptionalLong width = number(kvp.get("WIDTH").orElse(null));
        OptionalLong height = number(kvp.get("HEIGHT").orElse(null));
        if (width.isEmpty() || height.isEmpty() || width.getAsLong() <= 0 || height.getAsLong() <= 0) return 0;
        try {
            return Math.multiplyExact(width.getAsLong(), height.getAsLong());
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }

    private static boolean above(String text, long threshold) {
        OptionalLong value = number(text);
        return value.isPresent() && value.getAsLong() > threshold;
    }

    private static String first(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    /**
     * A whole number read at least as leniently as the application reads it: whitespace anywhere ignored, decimal, or
     * hexadecimal as Spring's number conversion also accepts ({@code 0x2710}, {@code #2710}); empty if none of these.
     */
    static OptionalLong number(String text) {
        if (text == null) return OptionalLong.empty();
        String trimmed = text.replaceAll("\\s", "");
        try {
            return OptionalLong.of(Long.parseLong(trimmed));
        } catch (NumberFormatException notDecimal) {
            try {
                return OptionalLong.of(Long.decode(trimmed));
            } catch (NumberFormatException notANumber) {
                return OptionalLong.empty();
            }
        }
    }
}
