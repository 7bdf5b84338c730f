package org.groundwatergateway.ogc.feature;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.groundwatergateway.core.time.ChinaStandardTime;

/** The value types a published property may have, with their XML Schema names and how request text becomes a value. */
public enum PropertyType {
    STRING("xsd:string"),
    /**
     * xs:integer, not xs:long: every whole number the platform publishes (classes, counts) fits either, and xs:integer is
     * the type clients map best; OGC CITE ets-wfs20 maps only xs:integer of the integer types to an XPath constructor
     * (it wrote {@code xs:anySimpleType(...)} for xs:long, which XPath 2.0 has no constructor for).
     */
    INTEGER("xsd:integer"),
    DOUBLE("xsd:double"),
    BOOLEAN("xsd:boolean"),
    DATETIME("xsd:dateTime");

    private final String xsd;

    PropertyType(String xsd) {
        this.xsd = xsd;
    }

    public String xsd() {
        return xsd;
    }

    /**
     * The value a request's text stands for, to be bound as a parameter.
     *
     * @throws IllegalArgumentException naming the expected form when the text does not fit
     */
    public Object parse(String text) {
        String value = text.trim();
        try {
            return switch (this) {
                case STRING -> text;
                case INTEGER -> integer(value);
                case DOUBLE -> Double.parseDouble(value);
                case BOOLEAN -> switch (value.toLowerCase(Locale.ROOT)) {
                    case "true", "1" -> Boolean.TRUE;
                    case "false", "0" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException("'" + text + "' is not a boolean (true or false)");
                };
                case DATETIME -> dateTime(value);
            };
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not " + (this == DATETIME
                    ? "an ISO 8601 date or date-time" : this == INTEGER ? "an integer" : "a number"));
        }
    }

    /**
     * An integer property's operand: a whole number, also written as a decimal ({@code 30.0}, as XPath's xs:decimal
     * arithmetic writes it); a fraction stays a decimal, which SQL compares with the integer column exactly.
     */
    private static Number integer(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            BigDecimal decimal = new BigDecimal(value);
            return decimal.stripTrailingZeros().scale() <= 0 ? decimal.longValueExact() : decimal;
        }
    }

    /**
     * A date-time with offset; a bare date or local date-time is China Standard Time, as the park's users mean it. Bound
     * in UTC and within years 0 to 9999: Java reads offsets up to ±18:00 and years of nine digits, which PostgreSQL
     * refuses ("time zone displacement out of range", "timestamp out of range") and the query would fail.
     */
    static OffsetDateTime dateTime(String value) {
        OffsetDateTime time;
        if (value.length() == 10) {
            time = LocalDate.parse(value).atStartOfDay(ChinaStandardTime.OFFSET).toOffsetDateTime();
        } else {
            try {
                time = OffsetDateTime.parse(value);
            } catch (DateTimeParseException e) {
                time = LocalDateTime.parse(value).atOffset(ChinaStandardTime.OFFSET);
            }
        }
        OffsetDateTime utc = time.withOffsetSameInstant(ZoneOffset.UTC);
        if (utc.getYear() < 0 || utc.getYear() > 9999) throw new DateTimeParseException("year out of range", value, 0);
        return utc;
    }
}
