package org.groundwatergateway.gateway;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a leak test tells that a text names a place exactly: by a coordinate's leading decimals, cut rather than rounded
 * (every longer writing of the coordinate begins with them; a rounded form misses half of them) and written without
 * the default locale (a comma-decimal JVM would match nothing).
 */
final class ExactPlaces {

    private ExactPlaces() {}

    /** The degrees to five decimals (about a metre), cut: {@code 121.0069213 -> "121.00692"}. */
    static String digits(double degrees) {
        return digits(degrees, 5);
    }

    static String digits(double degrees, int decimals) {
        return BigDecimal.valueOf(degrees).setScale(decimals, RoundingMode.DOWN).toPlainString();
    }
}
