package org.groundwatergateway.ogc.sta.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One item of {@code $expand}: a navigation property with the query options applied to what it leads to.
 *
 * @param given its options as written in its parentheses, name (with its $) to text, empty when none were
 */
public record Expand(String navigation, QueryOptions options, Map<String, String> given) {

    public Expand {
        given = Collections.unmodifiableMap(new LinkedHashMap<>(given));
    }

    /**
     * The options that ask for this expansion on its own, as for the next page of an expanded collection: those
     * given, with {@code $expand} written anew since paths like Datastreams/Observations were merged into it.
     */
    public Map<String, String> query() {
        Map<String, String> query = new LinkedHashMap<>(given);
        query.remove("$expand");
        if (!options.expand().isEmpty()) query.put("$expand", text(options.expand()));
        return query;
    }

    private static String text(List<Expand> expands) {
        StringJoiner items = new StringJoiner(",");
        for (Expand expand : expands) {
            Map<String, String> nested = expand.query();
            if (nested.isEmpty()) {
                items.add(expand.navigation());
                continue;
            }
            StringJoiner options = new StringJoiner(";", expand.navigation() + "(", ")");
            nested.forEach((name, value) -> options.add(name + "=" + value));
            items.add(options.toString());
        }
        return items.toString();
    }
}
