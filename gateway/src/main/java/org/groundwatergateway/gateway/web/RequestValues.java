package org.groundwatergateway.gateway.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.groundwatergateway.core.problem.InvalidInput;

/** Parsing of query parameters with errors that name the parameter, in the caller's language. */
public final class RequestValues {

    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 9999;

    private RequestValues() {}

    /**
     * An ISO-8601 date-time with offset ({@code 2026-05-01T08:00:00+08:00} or {@code ...Z}); null if absent.
     * A '+' typed unencoded in a URL arrives as a space, so a space is read as '+'.
     */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) return null;
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(value.trim().replace(' ', '+'));
        } catch (DateTimeParseException e) {
            throw new InvalidInput("gateway.dateTime", name, value);
        }
        // Beyond these years no datum of a park can lie, and date arithmetic on them overflows (a 500, not an answer).
        if (time.getYear() < FIRST_YEAR || time.getYear() > LAST_YEAR) throw new InvalidInput("gateway.dateTime.years", name, value, FIRST_YEAR, LAST_YEAR);
        return time.toInstant();
    }

    /** A page size or count from 1 to {@code max}. */
    public static int limit(String name, int value, int max) {
        if (value < 1 || value > max) throw new InvalidInput("gateway.range", name, 1, max, value);
        return value;
    }

    /** A text of at most {@code max} characters (its column's width), or null. */
    public static String atMost(String name, String value, int max) {
        if (value != null && value.length() > max) throw new InvalidInput("core.atMostCharacters", name, max);
        return value;
    }

    public static <T> T required(String name, T value) {
        if (value == null) throw new InvalidInput("gateway.required", name);
        return value;
    }

    /** One of an enumeration's constants, by its exact name. */
    public static <E extends Enum<E>> E enumValue(String field, Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("gateway.notOneOf", field, value, java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
