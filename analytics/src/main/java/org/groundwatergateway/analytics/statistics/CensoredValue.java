package org.groundwatergateway.analytics.statistics;

import org.groundwatergateway.analytics.InvalidArgument;

/**
 * One laboratory result: a detected concentration, or a non-detect ("&lt;DL") whose true value lies somewhere below
 * the detection limit held in {@code value}. Ordered by value; at equal values a non-detect sorts first, because
 * "&lt;5" lies below a measured 5.
 */
public record CensoredValue(double value, boolean censored) implements Comparable<CensoredValue> {

    public CensoredValue {
        if (!Double.isFinite(value)) throw new InvalidArgument("analytics.statistics.resultNotFinite", value);
    }

    public static CensoredValue detected(double value) {
        return new CensoredValue(value, false);
    }

    public static CensoredValue nonDetect(double detectionLimit) {
        return new CensoredValue(detectionLimit, true);
    }

    /** A result as laboratories write it: "12.1", or "&lt;5" (blanks allowed after the sign) for a non-detect. */
    public static CensoredValue parse(String text) {
        String t = text.strip();
        boolean censored = t.startsWith("<");
        String number = censored ? t.substring(1).strip() : t;
        try {
            return new CensoredValue(Double.parseDouble(number), censored);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a result: \"" + text + "\"", e);
        }
    }

    @Override
    public int compareTo(CensoredValue other) {
        int byValue = Double.compare(value, other.value);
        return byValue != 0 ? byValue : Boolean.compare(other.censored, censored);
    }

    @Override
    public String toString() {
        return (censored ? "<" : "") + value;
    }
}
