package org.groundwatergateway.ogc.sta.query;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.groundwatergateway.core.problem.InvalidInput;

/**
 * A parsed request URL: the resource path (null for the service root) and the query options. Parameters whose
 * names do not start with {@code $} are not query options and are ignored.
 */
public record StaQuery(ResourcePath path, QueryOptions options) {

    /** The setting that bounds the length of a query option, named in refusals. */
    public static final String MAX_FILTER_LENGTH = "gw.sta.max-filter-length";

    /**
     * Parses the path after the service root and the raw (still percent-encoded) query string, which may be null.
     *
     * @param maxFilterLength the longest query option read, in characters: a {@code $filter}, or an {@code $expand}
     *                        with the {@code $filter}s nested in it (a $batch URL is not bounded by the HTTP request line)
     */
    public static StaQuery parse(String path, String rawQuery, int maxFilterLength) {
        Map<String, String> options = systemOptions(rawQuery);
        options.forEach((name, value) -> {
            if (value.length() > maxFilterLength) {
                throw new StaQueryException(new InvalidInput("ogc.sta.tooLong", null, name, value.length(), maxFilterLength, MAX_FILTER_LENGTH));
            }
        });
        return new StaQuery(ResourcePath.parse(path), QueryOptions.parse(options));
    }

    /** The {@code $} options of a raw query string, decoded, in order; an option given twice is a 400. */
    public static Map<String, String> systemOptions(String rawQuery) {
        Map<String, String> options = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) return options;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (!name.startsWith("$")) continue;
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (options.put(name, value) != null) throw new StaQueryException(new InvalidInput("ogc.sta.givenTwice", null, name));
        }
        return options;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new StaQueryException(new InvalidInput("ogc.sta.percentEncoding", null, text));
        }
    }
}
