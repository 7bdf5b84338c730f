package org.groundwatergateway.ogc.feature;

/** One sort criterion: a property name, checked against the schema when the query runs. */
public record SortKey(String property, boolean descending) {}
