package org.groundwatergateway.analytics.transport;

/** A point in plume coordinates: x along the flow from the source line, y across it (m). */
public record PlumePoint(double x, double y) {}
