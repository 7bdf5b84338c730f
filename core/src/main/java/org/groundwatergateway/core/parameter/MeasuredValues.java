package org.groundwatergateway.core.parameter;

import java.math.BigDecimal;
import java.math.MathContext;

/** How a measured value is written for people (timelines, reports): four significant digits, never in exponent form. */
public final class MeasuredValues {

    private static final MathContext FOUR_DIGITS = new MathContext(4);

    private MeasuredValues() {}

    /**
     * The value to four significant digits written out: 10460 rather than {@code %.4g}'s "1.046e+04", which a duty
     * officer reading a Chinese report should not have to decode; 0.02021, 20.00 and 0.000 as {@code %.4g} writes them.
     */
    public static String fourDigits(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) return Double.toString(value);
        if (value == 0) return "0.000";
        // From the value as Java writes it (1.0465, not its binary expansion 1.04649…), so that halves round up as people expect.
        BigDecimal rounded = BigDecimal.valueOf(value).round(FOUR_DIGITS);
        // Zeros up to the fourth digit are written (20.00, as %.4g), none beyond it (10460, not 10460.0).
        if (rounded.precision() < 4) rounded = rounded.setScale(rounded.scale() + 4 - rounded.precision());
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }
}
