package org.groundwatergateway.gateway.analytics;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.groundwatergateway.analytics.statistics.CensoredValue;
import org.groundwatergateway.core.problem.InvalidInput;

/** Reading the numbers of an analysis request, with errors that name the field and the position, in the caller's language. */
public final class AnalysisRequests {

    private AnalysisRequests() {}

    static double[] numbers(List<Double> list, String field) {
        if (list == null) throw new InvalidInput("gateway.required", field);
        double[] numbers = new double[list.size()];
        for (int i = 0; i < numbers.length; i++) {
            Double value = list.get(i);
            if (value == null || !Double.isFinite(value)) throw new InvalidInput("gateway.analysis.numberMissing", field + "[" + i + "]");
            numbers[i] = value;
        }
        return numbers;
    }

    /** Results as laboratories report them: numbers, or text such as {@code "12.1"} and {@code "<0.5"} for a non-detect. */
    static List<CensoredValue> results(List<Object> list, String field) {
        if (list == null) throw new InvalidInput("gateway.required", field);
        List<CensoredValue> values = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item instanceof Number number) values.add(CensoredValue.detected(number.doubleValue()));
            else if (item instanceof String text) values.add(result(text, field + "[" + i + "]"));
            else throw new InvalidInput("gateway.analysis.result", field + "[" + i + "]", item);
        }
        return values;
    }

    private static CensoredValue result(String text, String field) {
        try {
            return CensoredValue.parse(text);
        } catch (IllegalArgumentException e) {
            // CensoredValue's reasons are the analytics library's, in English; the caller is told what is taken.
            throw new InvalidInput("gateway.analysis.result", field, text);
        }
    }

    static void sameLength(int expected, String field, int actual, String otherField) {
        if (expected != actual) {
            throw new InvalidInput("gateway.analysis.sameLength", field, expected, otherField, actual);
        }
    }

    public static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("gateway.notOneOf", field, value, Arrays.toString(type.getEnumConstants()));
        }
    }

    static <T> T required(T value, String field) {
        if (value == null || (value instanceof String text && text.isBlank())) throw new InvalidInput("gateway.required", field);
        return value;
    }

    /** A number the request may leave out. */
    static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    static Instant instant(OffsetDateTime time, String field) {
        if (time == null) throw new InvalidInput("gateway.analysis.dateTimeRequired", field);
        return time.toInstant();
    }
}
