package org.groundwatergateway.ogc.xml;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Plain decimal text for coordinates: rounded, no exponent, no trailing zeros. */
public final class Numbers {

    private Numbers() {}

    public static String format(double value, int decimals) {
        if (!Double.isFinite(value)) throw new IllegalArgumentException("not a finite coordinate: " + value);
        String text = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }
}
