package org.groundwatergateway.ogc.feature;

import java.time.Instant;
import java.util.List;
import org.groundwatergateway.ogc.filter.Filter;

/**
 * What to read of one disclosed feature type: the filter, the order (the identifier breaks ties, so pages do
 * not overlap), the page, and the instant the view is taken at (null for now).
 */
public record FeatureQuery(DisclosedType layer, Filter filter, List<SortKey> sort, long startIndex, int count, Instant asOf) {

    public FeatureQuery {
        sort = List.copyOf(sort);
        if (startIndex < 0) throw new IllegalArgumentException("startIndex must be >= 0");
        if (count < 0) throw new IllegalArgumentException("count must be >= 0");
    }

    public static FeatureQuery all(DisclosedType layer, Filter filter, Instant asOf, int count) {
        return new FeatureQuery(layer, filter, List.of(), 0, count, asOf);
    }
}
