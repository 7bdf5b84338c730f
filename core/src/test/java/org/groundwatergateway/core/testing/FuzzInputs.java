package org.groundwatergateway.core.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generators of request text for the fuzz tests of every door: FES 2.0 filters, SensorThings {@code $filter}
 * expressions, WFS and WMS KVP requests and CSV uploads. Each draws mostly well-formed structure with hostile values
 * (NaN, ±1e308, years beyond four digits, unknown names, odd counts) and then, now and then, breaks the text itself, so
 * that both the readers' checks and what lies behind them are reached.
 */
public final class FuzzInputs {

    private FuzzInputs() {}

    private static final List<String> NUMBERS = List.of("0", "-1", "1", "2.5", "30.0", "121.45", "32.1", "1e308", "-1e308", "1e-320",
            "NaN", "Infinity", "-Infinity", "-0", "99999999999999999999", "9223372036854775808", "0x10", "", " ", "1,5", "12abc");
    private static final List<String> TIMES = List.of("2026-03-01T00:00:00Z", "2026-03-01T08:00:00+08:00", "2026-03-01", "2026-03-01T00:00:00",
            "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59+18:00",
            "2026-02-30T00:00:00Z", "2026-13-01", "1970-01-01T00:00:00.123456789Z", "29999-01-01T00:00:00Z", "yesterday", "..");
    private static final List<String> CRS = List.of("EPSG:4326", "EPSG:4490", "urn:ogc:def:crs:EPSG::4490", "urn:ogc:def:crs:EPSG::4326",
            "EPSG:3857", "EPSG:4547", "CRS:84", "http://www.opengis.net/def/crs/EPSG/0/4490", "EPSG:9999", "EPSG:", "", "x");
    private static final String ODD = "<>&\"'();,=%#\\/*?!@$[]{}|~`^\u0000\u0001\t\r\n \u00a0\u200b\uFEFF\uFFFD水井𝔸";

    /** One of the values. */
    public static <T> T oneOf(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A number as a client might write one, or not: mostly ordinary, sometimes NaN, ±1e308 or no number at all. */
    public static String number(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Double.toString((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12)));
            case 1 -> Integer.toString(random.nextInt(2001) - 1000);
            default -> oneOf(random, NUMBERS);
        };
    }

    public static String time(Random random) {
        return oneOf(random, TIMES);
    }

    public static String crs(Random random) {
        return oneOf(random, CRS);
    }

    /** Text of up to {@code max} characters, mostly letters, with quotes, escapes, controls and CJK now and then. */
    public static String text(Random random, int max) {
        int length = random.nextInt(max + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(4) == 0 ? ODD.charAt(random.nextInt(ODD.length())) : (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    /** The text with up to three random edits (deleted, inserted, doubled or cut off), or unchanged half the time. */
    public static String mutate(Random random, String text) {
        if (random.nextBoolean() || text.isEmpty()) return text;
        StringBuilder mutated = new StringBuilder(text);
        for (int edits = 1 + random.nextInt(3); edits > 0 && !mutated.isEmpty(); edits--) {
            int at = random.nextInt(mutated.length());
            int end = Math.min(mutated.length(), at + 1 + random.nextInt(20));
            switch (random.nextInt(4)) {
                case 0 -> mutated.delete(at, end);
                case 1 -> mutated.insert(at, text(random, 6));
                case 2 -> mutated.insert(at, mutated.substring(at, end));
                default -> mutated.setLength(at);
            }
        }
        return mutated.toString();
    }

    // ---- FES 2.0 ----

    private static final List<String> FES_PROPERTIES = List.of("code", "name_zh", "aquifer", "status", "screen_top_depth_m",
            "ground_elevation_m", "result_value", "phenomenon_time", "valid_time", "quality_flags", "parameter", "geom", "gml:name",
            "gw:code", "code[1]", "code[2]", "@gml:id", "@code", "nope", "", "x y", "a/b");
    private static final List<String> COMPARISONS = List.of("PropertyIsEqualTo", "PropertyIsNotEqualTo", "PropertyIsLessThan",
            "PropertyIsLessThanOrEqualTo", "PropertyIsGreaterThan", "PropertyIsGreaterThanOrEqualTo");
    private static final List<String> SPATIAL = List.of("BBOX", "Intersects", "Within", "Contains", "Disjoint", "Touches", "Crosses",
            "Overlaps", "Equals", "DWithin", "Beyond");

    /** A {@code fes:Filter} document with its namespaces declared; its text may be broken. */
    public static String fesFilter(Random random) {
        String filter = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\">"
                + fesOperator(random, 0) + "</fes:Filter>";
        return mutate(random, filter);
    }

    private static String fesOperator(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 8 : 11);
        return switch (kind) {
            case 0, 1, 2 -> comparison(random);
            case 3 -> element("PropertyIsBetween", valueReference(random) + (random.nextInt(5) > 0 ? boundary(random, "LowerBoundary") : "")
                    + (random.nextInt(5) > 0 ? boundary(random, "UpperBoundary") : ""));
            case 4 -> "<fes:PropertyIsLike wildCard=\"" + oneOf(random, List.of("*", "%", "", "**")) + "\" singleChar=\"?\" escapeChar=\""
                    + oneOf(random, List.of("\\", "!", "", "ab")) + "\">" + valueReference(random) + literal(random) + "</fes:PropertyIsLike>";
            case 5 -> element(oneOf(random, List.of("PropertyIsNull", "PropertyIsNil")), valueReference(random));
            case 6, 7 -> spatial(random);
            case 8 -> element("Not", operands(random, depth, random.nextInt(4) == 0 ? random.nextInt(3) * 2 : 1));
            default -> element(oneOf(random, List.of("And", "Or")), operands(random, depth, random.nextInt(4)));
        };
    }

    private static String operands(Random random, int depth, int count) {
        StringBuilder operands = new StringBuilder();
        for (int i = 0; i < count; i++) operands.append(random.nextInt(20) == 0 ? "<fes:ResourceId rid=\"" + text(random, 12) + "\"/>"
                : fesOperator(random, depth + 1));
        return operands.toString();
    }

    private static String comparison(Random random) {
        String attributes = random.nextBoolean() ? "" : " matchCase=\"" + oneOf(random, List.of("true", "false", "maybe")) + "\"";
        String operands = random.nextInt(10) == 0 ? valueReference(random) : valueReference(random) + literal(random);
        String operator = oneOf(random, COMPARISONS);
        return "<fes:" + operator + attributes + ">" + operands + "</fes:" + operator + ">";
    }

    private static String element(String name, String content) {
        return "<fes:" + name + ">" + content + "</fes:" + name + ">";
    }

    private static String valueReference(Random random) {
        return "<fes:ValueReference>" + escape(oneOf(random, FES_PROPERTIES)) + "</fes:ValueReference>";
    }

    private static String literal(Random random) {
        String value = switch (random.nextInt(3)) {
            case 0 -> number(random);
            case 1 -> time(random);
            default -> text(random, 12);
        };
        return "<fes:Literal>" + escape(value) + "</fes:Literal>";
    }

    private static String boundary(Random random, String name) {
        return "<fes:" + name + ">" + literal(random) + "</fes:" + name + ">";
    }

    private static String spatial(Random random) {
        String operator = oneOf(random, SPATIAL);
        String distance = operator.equals("DWithin") || operator.equals("Beyond") || random.nextInt(10) == 0
                ? "<fes:Distance uom=\"" + oneOf(random, List.of("m", "km", "ft", "parsec", "", "urn:ogc:def:uom:EPSG::9001")) + "\">"
                + escape(number(random)) + "</fes:Distance>" : "";
        String reference = random.nextInt(5) == 0 ? valueReference(random) : "<fes:ValueReference>geom</fes:ValueReference>";
        return element(operator, reference + gmlGeometry(random) + distance);
    }

    /** A GML 3.2 geometry of any kind, with odd coordinate counts, unclosed rings and hostile numbers now and then. */
    public static String gmlGeometry(Random random) {
        String srs = random.nextInt(4) == 0 ? "" : " srsName=\"" + escape(crs(random)) + "\"";
        return switch (random.nextInt(5)) {
            case 0 -> "<gml:Envelope" + srs + "><gml:lowerCorner>" + positions(random, 1) + "</gml:lowerCorner><gml:upperCorner>"
                    + positions(random, 1) + "</gml:upperCorner></gml:Envelope>";
            case 1 -> "<gml:Point" + srs + "><gml:pos>" + positions(random, 1) + "</gml:pos></gml:Point>";
            case 2 -> "<gml:LineString" + srs + "><gml:posList>" + positions(random, random.nextInt(4)) + "</gml:posList></gml:LineString>";
            case 3 -> "<gml:Polygon" + srs + "><gml:exterior><gml:LinearRing><gml:posList>" + ring(random)
                    + "</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>";
            default -> "<gml:MultiPoint" + srs + "><gml:pointMember><gml:Point><gml:pos>" + positions(random, 1)
                    + "</gml:pos></gml:Point></gml:pointMember></gml:MultiPoint>";
        };
    }

    private static String positions(Random random, int count) {
        StringBuilder text = new StringBuilder();
        int values = count * 2 + (random.nextInt(8) == 0 ? 1 : 0);
        for (int i = 0; i < values; i++) {
            if (i > 0) text.append(' ');
            text.append(random.nextInt(3) == 0 ? escape(number(random)) : Double.toString(random.nextBoolean() ? 32 + random.nextDouble()
                    : 121 + random.nextDouble()));
        }
        return text.toString();
    }

    private static String ring(Random random) {
        String start = "32.5 121.0";
        String middle = "32.6 121.0 32.6 121.1 " + positions(random, random.nextInt(3));
        return switch (random.nextInt(3)) {
            case 0 -> start + " " + middle + " " + start;
            case 1 -> start + " " + middle;
            default -> positions(random, random.nextInt(6));
        };
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    // ---- SensorThings $filter ----

    private static final List<String> STA_PROPERTIES = List.of("name", "description", "id", "@iot.id", "result", "phenomenonTime",
            "resultTime", "validTime", "properties/park", "properties/x/y", "Datastream/name", "Datastream/Thing/name",
            "Datastreams/name", "FeatureOfInterest/feature", "location", "unitOfMeasurement/symbol", "Thing/Locations/location", "nope",
            "Observations", "encodingType");
    private static final List<String> STA_FUNCTIONS = List.of("substringof", "startswith", "endswith", "length", "indexof", "substring",
            "tolower", "toupper", "trim", "concat", "year", "month", "day", "hour", "minute", "second", "fractionalseconds", "date", "time",
            "totaloffsetminutes", "now", "mindatetime", "maxdatetime", "round", "floor", "ceiling", "geo.distance", "geo.length",
            "geo.intersects", "st_equals", "st_within", "st_relate", "st_contains", "nofunction");
    private static final List<String> STA_COMPARISONS = List.of("eq", "ne", "gt", "ge", "lt", "le");
    private static final List<String> STA_ARITHMETIC = List.of("add", "sub", "mul", "div", "mod");

    /**
     * A {@code $filter} expression of the SensorThings API (OGC 18-088 §9.3.3.5), mostly over {@code properties} (those
     * of the entity set asked for, so that many filters reach the database), now and then over any name; its text may
     * be broken.
     */
    public static String staFilter(Random random, List<String> properties) {
        String filter = new StaExpressions(random, properties).bool(0);
        return random.nextInt(4) == 0 ? mutate(random, filter) : filter;
    }

    /** Expressions over the given properties; comparisons mostly of a property with a literal, as clients write them. */
    private record StaExpressions(Random random, List<String> properties) {

        private String property() {
            return oneOf(random, random.nextInt(4) == 0 ? STA_PROPERTIES : properties);
        }

        String bool(int depth) {
            return switch (random.nextInt(depth > 3 ? 3 : 7)) {
                case 0, 1 -> property() + " " + oneOf(random, STA_COMPARISONS) + " " + literal();
                case 2 -> value(depth + 1) + " " + oneOf(random, STA_COMPARISONS) + " " + value(depth + 1);
                case 3 -> function(depth + 1);
                case 4 -> "not " + bool(depth + 1);
                case 5 -> "(" + bool(depth + 1) + ")";
                default -> bool(depth + 1) + (random.nextBoolean() ? " and " : " or ") + bool(depth + 1);
            };
        }

        private String value(int depth) {
            return switch (random.nextInt(depth > 3 ? 2 : 5)) {
                case 0 -> property();
                case 1 -> literal();
                case 2 -> function(depth + 1);
                case 3 -> value(depth + 1) + " " + oneOf(random, STA_ARITHMETIC) + " " + value(depth + 1);
                default -> "-" + value(depth + 1);
            };
        }

        private String function(int depth) {
            StringBuilder call = new StringBuilder(oneOf(random, STA_FUNCTIONS)).append('(');
            int arguments = random.nextInt(4);
            for (int i = 0; i < arguments; i++) call.append(i > 0 ? ", " : "").append(depth > 4 ? literal() : value(depth + 1));
            return call.append(')').toString();
        }

        private String literal() {
            return switch (random.nextInt(8)) {
                case 0 -> "'" + text(random, 10).replace("'", "''") + "'";
                case 1 -> "'" + text(random, 6) + "'";
                case 2 -> time(random);
                case 3 -> oneOf(random, List.of("true", "false", "null"));
                case 4 -> "duration'" + oneOf(random, List.of("P1D", "PT1H", "P1M", "P99999999999D", "x", "")) + "'";
                case 5 -> "geography'" + oneOf(random, List.of("POINT(121 32)", "POINT(NaN 32)", "POLYGON((121 32, 122 32, 122 33, 121 32))",
                        "POLYGON((121 32, 122 32, 122 33))", "LINESTRING(1e308 1e308, -1e308 -1e308)", "POINT(", "SRID=4326;POINT(121 32)")) + "'";
                default -> number(random);
            };
        }
    }

    // ---- WFS and WMS KVP ----

    /** A WFS 2.0 KVP request: GetFeature mostly, with a FES filter, a box, identifiers, sorting and paging of any value. */
    public static Map<String, String> wfsKvp(Random random) {
        Map<String, String> kvp = new LinkedHashMap<>();
        kvp.put("SERVICE", random.nextInt(20) == 0 ? text(random, 4) : "WFS");
        kvp.put("VERSION", oneOf(random, List.of("2.0.0", "2.0.0", "1.1.0", "3")));
        kvp.put("REQUEST", oneOf(random, List.of("GetFeature", "GetFeature", "GetFeature", "GetPropertyValue", "DescribeFeatureType",
                "GetCapabilities", "ListStoredQueries", "DescribeStoredQueries", "Transaction", "")));
        kvp.put("TYPENAMES", oneOf(random, List.of("gw:wells", "gw:latest_readings", "gw:plumes", "gw:risk_zones", "wells", "gw:nope",
                "gw:wells,gw:plumes", "(gw:wells)(gw:plumes)", "")));
        switch (random.nextInt(5)) {
            case 0 -> kvp.put("FILTER", fesFilter(random));
            case 1 -> kvp.put("BBOX", bbox(random) + (random.nextBoolean() ? "," + crs(random) : ""));
            case 2 -> kvp.put("RESOURCEID", oneOf(random, List.of("wells.1", "wells.x", "nope.1", "wells.99999999999999999999", "", ",")));
            default -> { }
        }
        if (random.nextInt(3) == 0) kvp.put("COUNT", number(random));
        if (random.nextInt(4) == 0) kvp.put("STARTINDEX", number(random));
        if (random.nextInt(4) == 0) kvp.put("SORTBY", oneOf(random, FES_PROPERTIES) + oneOf(random, List.of("", " DESC", " A", " sideways")));
        if (random.nextInt(4) == 0) kvp.put("SRSNAME", crs(random));
        if (random.nextInt(5) == 0) kvp.put("OUTPUTFORMAT", oneOf(random, List.of("application/json", "text/csv", "application/gml+xml; version=3.2",
                "image/png", "")));
        if (random.nextInt(5) == 0) kvp.put("RESULTTYPE", oneOf(random, List.of("hits", "results", "x")));
        if (kvp.get("REQUEST").equals("GetPropertyValue") || random.nextInt(10) == 0) kvp.put("VALUEREFERENCE", oneOf(random, FES_PROPERTIES));
        if (random.nextInt(6) == 0) kvp.put("PROPERTYNAME", oneOf(random, FES_PROPERTIES));
        return kvp;
    }

    /** A WMS 1.3.0 KVP request: GetMap mostly, with boxes, sizes, layers, times and formats of any value. */
    public static Map<String, String> wmsKvp(Random random) {
        Map<String, String> kvp = new LinkedHashMap<>();
        kvp.put("SERVICE", "WMS");
        kvp.put("VERSION", oneOf(random, List.of("1.3.0", "1.3.0", "1.1.1", "")));
        kvp.put("REQUEST", oneOf(random, List.of("GetMap", "GetMap", "GetMap", "GetFeatureInfo", "GetCapabilities", "GetLegendGraphic", "x")));
        kvp.put("LAYERS", oneOf(random, List.of("wells", "plumes", "risk_zones", "latest_readings", "quality_class", "concentration",
                "wells,plumes", "nope", "")));
        kvp.put("STYLES", oneOf(random, List.of("", "", "default", "nope")));
        kvp.put(random.nextBoolean() ? "CRS" : "SRS", crs(random));
        kvp.put("BBOX", bbox(random));
        kvp.put("WIDTH", random.nextInt(4) == 0 ? number(random) : Integer.toString(1 + random.nextInt(300)));
        kvp.put("HEIGHT", random.nextInt(4) == 0 ? number(random) : Integer.toString(1 + random.nextInt(300)));
        kvp.put("FORMAT", oneOf(random, List.of("image/png", "image/png", "image/jpeg", "image/gif", "text/html", "")));
        if (random.nextInt(3) == 0) kvp.put("TIME", time(random) + (random.nextBoolean() ? "/" + time(random) : ""));
        if (random.nextInt(4) == 0) kvp.put("TRANSPARENT", oneOf(random, List.of("TRUE", "FALSE", "maybe")));
        if (random.nextInt(5) == 0) kvp.put("BGCOLOR", oneOf(random, List.of("0xFFFFFF", "0xZZ", "red", "")));
        if (random.nextInt(6) == 0) kvp.put("ELEVATION", number(random));
        if (kvp.get("REQUEST").equals("GetFeatureInfo")) {
            kvp.put("QUERY_LAYERS", kvp.get("LAYERS"));
            kvp.put("I", number(random));
            kvp.put("J", number(random));
            kvp.put("INFO_FORMAT", oneOf(random, List.of("application/json", "text/html", "text/xml", "x")));
        }
        return kvp;
    }

    private static String bbox(Random random) {
        if (random.nextInt(3) > 0) {
            double lat = 32 + random.nextDouble(), lon = 121 + random.nextDouble();
            return lat + "," + lon + "," + (lat + random.nextDouble()) + "," + (lon + random.nextDouble());
        }
        int values = random.nextInt(8) == 0 ? random.nextInt(6) : 4;
        StringBuilder box = new StringBuilder();
        for (int i = 0; i < values; i++) box.append(i > 0 ? "," : "").append(number(random));
        return box.toString();
    }

    // ---- CSV uploads ----

    private static final List<String> CSV_COLUMNS = List.of("well", "parameter", "time", "value", "flag", "detectionLimit", "sampleId",
            "labReportId", "x", "");

    /** A CSV upload of readings: a header row and rows of any shape, quoting and content. */
    public static String csv(Random random) {
        StringBuilder csv = new StringBuilder(random.nextInt(10) == 0 ? "\uFEFF" : "");
        int columns = random.nextInt(6);
        for (int i = 0; i < columns; i++) csv.append(i > 0 ? "," : "").append(random.nextInt(8) == 0 ? text(random, 6) : CSV_COLUMNS.get(i % 4));
        String newline = oneOf(random, List.of("\n", "\r\n", "\r"));
        int rows = random.nextInt(12);
        for (int r = 0; r < rows; r++) {
            csv.append(newline);
            int cells = random.nextInt(columns + 2);
            for (int c = 0; c < cells; c++) {
                if (c > 0) csv.append(',');
                String cell = switch (random.nextInt(6)) {
                    case 0 -> oneOf(random, List.of("GW-U01", "GW-C01", "GW-X99", ""));
                    case 1 -> oneOf(random, List.of("benzene", "w01018", "71-43-2", "ph", "nope"));
                    case 2 -> time(random);
                    case 3 -> number(random);
                    default -> text(random, 8);
                };
                csv.append(random.nextInt(4) == 0 ? "\"" + cell.replace("\"", random.nextBoolean() ? "\"\"" : "\"") + "\"" : cell);
            }
        }
        return mutate(random, csv.toString());
    }
}
