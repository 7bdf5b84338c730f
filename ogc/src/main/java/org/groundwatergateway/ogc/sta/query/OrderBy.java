package org.groundwatergateway.ogc.sta.query;

/** One item of {@code $orderby}. */
public record OrderBy(Expression expression, boolean descending) {}
