package org.groundwatergateway.ogc.sta.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.groundwatergateway.core.problem.InvalidInput;

/**
 * The system query options of OGC 18-088 §9.3 ({@code $expand $select $orderby $top $skip $count $filter}),
 * parsed from the URL or, for an expanded navigation property, from its parentheses.
 *
 * @param select property and navigation names, empty for all
 * @param top null when not given (the service's default page size applies)
 */
public record QueryOptions(Expression filter, List<Expand> expand, List<String> select, List<OrderBy> orderBy, Integer top,
                           int skip, boolean count) {

    public static final QueryOptions NONE = new QueryOptions(null, List.of(), List.of(), List.of(), null, 0, false);

    private static final Pattern NAME = Pattern.compile("[A-Za-z@][A-Za-z0-9_.@]*(/[A-Za-z][A-Za-z0-9_]*)*");

    public QueryOptions {
        expand = List.copyOf(expand);
        select = List.copyOf(select);
        orderBy = List.copyOf(orderBy);
    }

    /** Options as name (with its $) to text, in the order given; the name of an unknown option is a 400. */
    public static QueryOptions parse(Map<String, String> options) {
        return parse(options, 0);
    }

    /** Options inside {@code depth} levels of $expand (0: those of the URL). */
    private static QueryOptions parse(Map<String, String> options, int depth) {
        Expression filter = null;
        List<Expand> expand = new ArrayList<>();
        List<String> select = new ArrayList<>();
        List<OrderBy> orderBy = List.of();
        Integer top = null;
        int skip = 0;
        boolean count = false;
        for (Map.Entry<String, String> option : options.entrySet()) {
            String name = option.getKey();
            String value = option.getValue();
            switch (name) {
                case "$filter" -> filter = ExpressionParser.parse(name, value);
                case "$expand" -> parseExpand(value, expand, depth + 1);
                case "$select" -> select = parseSelect(value);
                case "$orderby" -> orderBy = ExpressionParser.parseOrderBy(name, value);
                case "$top" -> top = nonNegative(name, value);
                case "$skip" -> skip = nonNegative(name, value);
                case "$count" -> count = bool(name, value);
                case "$resultFormat" -> throw new StaQueryException(new InvalidInput("ogc.sta.resultFormat", "$resultFormat"));
                default -> throw new StaQueryException(new InvalidInput("ogc.sta.unknownOption", null, name, "$filter, $expand, $select, $orderby, $top, $skip, $count"));
            }
        }
        return new QueryOptions(filter, expand, select, orderBy, top, skip, count);
    }

    /**
     * $expand=Datastreams($filter=…;$expand=Observations($top=2)),Locations — also Datastreams/Observations. Parsing
     * and merging recurse once per level, so levels (parentheses and path segments alike) are refused beyond
     * {@link ExpressionParser#MAX_NESTING}; the service's own, lower limit on what it serves is checked later.
     */
    private static void parseExpand(String text, List<Expand> into, int depth) {
        for (String item : splitTopLevel("$expand", text, ',')) {
            String trimmed = item.trim();
            int open = trimmed.indexOf('(');
            String path = open < 0 ? trimmed : trimmed.substring(0, open).trim();
            int levels = depth + path.split("/").length - 1;
            if (levels > ExpressionParser.MAX_NESTING) {
                throw new StaQueryException(new InvalidInput("ogc.sta.expandNesting", "$expand", ExpressionParser.MAX_NESTING));
            }
            Map<String, String> given = Map.of();
            if (open >= 0) {
                if (!trimmed.endsWith(")")) throw new StaQueryException(new InvalidInput("ogc.sta.expandNotClosed", "$expand", trimmed));
                given = nestedOptions(trimmed.substring(open + 1, trimmed.length() - 1));
            }
            QueryOptions options = parse(given, levels);
            if (!NAME.matcher(path).matches()) throw new StaQueryException(new InvalidInput("ogc.sta.expandPath", "$expand", path));
            merge(into, path.split("/"), 0, options, given);
        }
    }

    /** Adds a path like Datastreams/Observations, merging with an expansion of the same navigation already listed. */
    private static void merge(List<Expand> into, String[] path, int index, QueryOptions leafOptions, Map<String, String> leafGiven) {
        String name = path[index];
        boolean leaf = index == path.length - 1;
        for (int i = 0; i < into.size(); i++) {
            Expand existing = into.get(i);
            if (!existing.navigation().equals(name)) continue;
            if (leaf) throw new StaQueryException(new InvalidInput("ogc.sta.expandTwice", "$expand", name));
            List<Expand> nested = new ArrayList<>(existing.options().expand());
            merge(nested, path, index + 1, leafOptions, leafGiven);
            into.set(i, new Expand(name, existing.options().withExpand(nested), existing.given()));
            return;
        }
        if (leaf) {
            into.add(new Expand(name, leafOptions, leafGiven));
        } else {
            List<Expand> nested = new ArrayList<>();
            merge(nested, path, index + 1, leafOptions, leafGiven);
            into.add(new Expand(name, NONE.withExpand(nested), Map.of()));
        }
    }

    private QueryOptions withExpand(List<Expand> newExpand) {
        return new QueryOptions(filter, newExpand, select, orderBy, top, skip, count);
    }

    private static Map<String, String> nestedOptions(String text) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String part : splitTopLevel("$expand", text, ';')) {
            int equals = part.indexOf('=');
            if (equals < 0) throw new StaQueryException(new InvalidInput("ogc.sta.expandOption", "$expand", part.trim()));
            String name = part.substring(0, equals).trim();
            if (options.put(name, part.substring(equals + 1)) != null) throw new StaQueryException(new InvalidInput("ogc.sta.givenTwice", "$expand", name));
        }
        return options;
    }

    private static List<String> parseSelect(String text) {
        List<String> names = new ArrayList<>();
        for (String item : text.split(",")) {
            String name = item.trim();
            if (name.equals("@iot.id")) name = "id";
            if (name.equals("@iot.selfLink")) name = "selfLink";
            if (!NAME.matcher(name).matches()) throw new StaQueryException(new InvalidInput("ogc.sta.selectName", "$select", name));
            names.add(name);
        }
        return names;
    }

    /** Splits at separators outside quotes and parentheses. */
    static List<String> splitTopLevel(String option, String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') quoted = !quoted;
            if (quoted) continue;
            if (c == '(') depth++;
            if (c == ')' && --depth < 0) throw StaQueryException.at(option, i, new InvalidInput("ogc.sta.closeWithoutOpen", null));
            if (c == separator && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (quoted) throw new StaQueryException(new InvalidInput("ogc.sta.filter.stringNotClosed", option));
        if (depth > 0) throw new StaQueryException(new InvalidInput("ogc.sta.openWithoutClose", option));
        parts.add(text.substring(start));
        return parts;
    }

    private static int nonNegative(String option, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0) return n;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new StaQueryException(new InvalidInput("ogc.sta.nonNegative", option, value));
    }

    private static boolean bool(String option, String value) {
        if (value.equals("true") || value.equals("false")) return Boolean.parseBoolean(value);
        throw new StaQueryException(new InvalidInput("ogc.sta.boolean", option, value));
    }
}
