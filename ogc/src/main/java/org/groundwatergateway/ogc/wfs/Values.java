package org.groundwatergateway.ogc.wfs;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.groundwatergateway.core.time.ChinaStandardTime;

/** Property values as text in every output format: times in China Standard Time with their offset. */
public final class Values {

    private Values() {}

    public static String text(Object value) {
        if (value instanceof Instant instant) return OffsetDateTime.ofInstant(instant, ChinaStandardTime.OFFSET).toString();
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString(d.longValue());
        return String.valueOf(value);
    }
}
