package org.groundwatergateway.core.emergency;

import java.time.Instant;

/** A line on an incident's shared timeline: a comment by a department, or what the platform did. */
public record TimelineEntry(Long id, long incidentId, Instant at, String department, String author, String text) {}
