package org.groundwatergateway.ogc.wfs;

import java.util.List;
import org.groundwatergateway.ogc.feature.SortKey;
import org.groundwatergateway.ogc.filter.Filter;
import org.groundwatergateway.ogc.xml.AxisOrder;

/**
 * A WFS 2.0 request (OGC 09-025r2) as the KVP and XML readers produce it; the service never sees the
 * encoding it came in.
 */
public sealed interface WfsRequest {

    record GetCapabilities() implements WfsRequest {}

    /** @param typeNames empty for every type */
    record DescribeFeatureType(List<String> typeNames) implements WfsRequest {}

    record ListStoredQueries() implements WfsRequest {}

    record DescribeStoredQueries(List<String> ids) implements WfsRequest {}

    /**
     * One query of a GetFeature.
     *
     * @param propertyNames the properties to return, empty for all
     * @param srs           the output CRS and axis order; null for the default
     */
    record Query(String typeName, Filter filter, List<SortKey> sortBy, List<String> propertyNames, AxisOrder srs) {}

    /**
     * @param count          the page size; null for the service's default
     * @param featureById    true for the GetFeatureById stored query, answered with the bare feature
     * @param valueReference for GetPropertyValue, the property whose values are returned; null for GetFeature
     */
    record GetFeature(List<Query> queries, long startIndex, Integer count, boolean hits, String outputFormat,
                      boolean featureById, String valueReference) implements WfsRequest {

        /** The GetFeatureById stored query for one resource id such as {@code wells.12}. */
        static GetFeature byId(String resourceId, AxisOrder srs, String outputFormat, String valueReference) {
            Query query = new Query(typeNameOf(resourceId), new Filter.ResourceIds(List.of(resourceId)), List.of(), List.of(), srs);
            return new GetFeature(List.of(query), 0, 1, false, outputFormat, true, valueReference);
        }
    }

    /** The feature type a resource id names: {@code wells.12} → {@code wells}. */
    static String typeNameOf(String resourceId) {
        int dot = resourceId.lastIndexOf('.');
        return dot < 0 ? resourceId : resourceId.substring(0, dot);
    }

    String GET_FEATURE_BY_ID = "urn:ogc:def:query:OGC-WFS::GetFeatureById";
}
