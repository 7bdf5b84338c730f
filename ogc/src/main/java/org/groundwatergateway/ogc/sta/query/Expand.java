package org.groundwatergateway.ogc.sta.query;

/** One item of {@code $expand}: a navigation property with the query options applied to what it leads to. */
public record Expand(String navigation, QueryOptions options) {}
