package org.groundwatergateway.gateway.analytics;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.groundwatergateway.analytics.statistics.CensoredValue;

/** Reading the numbers of an analysis request, with errors that name the field and the position. */
public final class AnalysisRequests {

    private AnalysisRequests() {}

    static double[] numbers(List<Double> list, String field) {
        if (list == null) throw new IllegalArgumentException(field + " is required");
        double[] numbers = new double[list.size()];
        for (int i = 0; i < numbers.length; i++) {
            Double value = list.get(i);
            if (value == null || !Double.isFinite(value)) throw new IllegalArgumentException(field + "[" + i + "] is missing or not a number");
            numbers[i] = value;
        }
        return numbers;
    }

    /** Results as laboratories report them: numbers, or text such as {@code "12.1"} and {@code "<0.5"} for a non-detect. */
    static List<CensoredValue> results(List<Object> list, String field) {
        if (list == null) throw new IllegalArgumentException(field + " is required");
        List<CensoredValue> values = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            try {
                if (item instanceof Number number) values.add(CensoredValue.detected(number.doubleValue()));
                else if (item instanceof String text) values.add(CensoredValue.parse(text));
                else throw new IllegalArgumentException("expected a number or text such as \"<0.5\"");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + "[" + i + "]: " + e.getMessage(), e);
            }
        }
        return values;
    }

    static void sameLength(int expected, String field, int actual, String otherField) {
        if (expected != actual) {
            throw new IllegalArgumentException(field + " (" + expected + ") and " + otherField + " (" + actual + ") differ in length");
        }
    }

    public static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": one of " + Arrays.toString(type.getEnumConstants()) + ", not '" + value + "'");
        }
    }

    static <T> T required(T value, String field) {
        if (value == null || (value instanceof String text && text.isBlank())) throw new IllegalArgumentException(field + " is required");
        return value;
    }

    /** A number the request may leave out. */
    static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    static Instant instant(OffsetDateTime time, String field) {
        if (time == null) throw new IllegalArgumentException(field + " is required (ISO 8601 with offset, e.g. 2026-03-01T00:00:00+08:00)");
        return time.toInstant();
    }
}
