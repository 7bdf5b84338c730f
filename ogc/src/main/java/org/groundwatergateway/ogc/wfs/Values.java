package org.groundwatergateway.ogc.wfs;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.groundwatergateway.core.time.ChinaStandardTime;
import org.groundwatergateway.ogc.xml.XmlOut;

/**
 * Property values as text in every output format: times in China Standard Time with their offset, always with seconds
 * (xs:dateTime and RFC 3339 require them; {@code OffsetDateTime.toString} drops zero seconds).
 */
public final class Values {

    private Values() {}

    public static String text(Object value) {
        if (value instanceof Instant instant) return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(instant, ChinaStandardTime.OFFSET));
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString(d.longValue());
        return String.valueOf(value);
    }

    /** A property element in GML: its value as text, or {@code xsi:nil="true"} without one (the element is nillable). */
    static void element(XmlOut xml, String name, Object value) {
        xml.start(name);
        if (value == null) xml.attribute("xsi:nil", "true");
        else xml.text(text(value));
        xml.end();
    }

    /** A value for a JSON writer: times as text, everything else as it is. */
    public static Object json(Object value) {
        return value instanceof Instant ? text(value) : value;
    }

    /** Text made safe inside HTML elements and quoted attributes. */
    public static String escapeHtml(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
