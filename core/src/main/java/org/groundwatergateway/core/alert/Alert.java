package org.groundwatergateway.core.alert;

import java.time.Instant;

/**
 * Something people must act on. The warning levels are those of the standard's three-tier warning:
 * 一般 general, 较重 serious, 严重 severe.
 *
 * @param subject what it is about: a device MN, a datastream code, a review task
 */
public record Alert(Long id, String kind, Level level, String subject, String message, Instant raisedAt, Instant clearedAt) {

    public enum Level { GENERAL, SERIOUS, SEVERE }
}
