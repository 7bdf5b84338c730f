package org.groundwatergateway.ogc.sta.persistence;

import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.PostgisDialect;

/**
 * The few places where the SQL of SensorThings queries differs between H2GIS and PostGIS; everything else is
 * SQL both understand.
 */
public enum StaDialect {
    H2GIS, POSTGIS;

    public static StaDialect of(Database database) {
        return database.dialect() instanceof PostgisDialect ? POSTGIS : H2GIS;
    }

    /** 1-based position of {@code part} in {@code whole}, 0 when absent. */
    Sql position(Sql part, Sql whole) {
        return this == POSTGIS ? new Sql("STRPOS(").append(whole).append(", ").append(part).append(")")
                : new Sql("LOCATE(").append(part).append(", ").append(whole).append(")");
    }

    /** The fraction of a second of a UTC time stamp, 0 ≤ f < 1. */
    Sql fractionalSeconds(Sql time) {
        return this == POSTGIS
                ? new Sql("(EXTRACT(MICROSECONDS FROM (").append(time).append(" AT TIME ZONE 'UTC')) % 1000000 / 1e6)")
                : new Sql("(EXTRACT(NANOSECOND FROM ").append(time).append(") / 1e9)");
    }

    /** A time stamp moved by a bound number of milliseconds. */
    Sql plusMillis(Sql time, long millis) {
        return this == POSTGIS ? new Sql("(").append(time).append(" + ").bind(millis).append(" * INTERVAL '1 millisecond')")
                : new Sql("DATEADD(MILLISECOND, ").bind(millis).append(", ").append(time).append(")");
    }
}
