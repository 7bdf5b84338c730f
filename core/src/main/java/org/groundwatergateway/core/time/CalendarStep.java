package org.groundwatergateway.core.time;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.groundwatergateway.core.problem.InvalidInput;

/**
 * Steps of the park's calendar, on China Standard Time: an hour, a day from 00:00 to 24:00 +08:00, a month from its
 * first day. Means over time (the sharing policy's and the aggregates the portal asks for) are taken per step.
 */
public enum CalendarStep {
    HOUR, DAY, MONTH;

    /** The step by its name in a request: {@code hour}, {@code day} or {@code month}. */
    public static CalendarStep named(String name) {
        for (CalendarStep step : values()) {
            if (step.name().toLowerCase(Locale.ROOT).equals(name)) return step;
        }
        throw new InvalidInput("core.interval.unknown", "interval", name);
    }

    /** The start of the step that holds {@code time}. */
    public Instant start(Instant time) {
        ZonedDateTime local = time.atZone(ChinaStandardTime.OFFSET);
        return switch (this) {
            case HOUR -> local.truncatedTo(ChronoUnit.HOURS).toInstant();
            case DAY -> local.truncatedTo(ChronoUnit.DAYS).toInstant();
            case MONTH -> local.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).toInstant();
        };
    }

    /** The start of the step after the one that starts at {@code start}. */
    public Instant next(Instant start) {
        ZonedDateTime local = start.atZone(ChinaStandardTime.OFFSET);
        return switch (this) {
            case HOUR -> local.plusHours(1).toInstant();
            case DAY -> local.plusDays(1).toInstant();
            case MONTH -> local.plusMonths(1).toInstant();
        };
    }
}
