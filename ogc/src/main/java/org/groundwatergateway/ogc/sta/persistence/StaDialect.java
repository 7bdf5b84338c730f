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

    /**
     * One page of related rows for each of many parents, in one statement: the rows {@code FROM from} (a table with
     * its conditions, which name the parent as {@code k.id}), each parent's ranked by {@code order} (ending in a
     * unique column), the {@code limit} after the first {@code offset}; answered as the parent's id, {@code columns}
     * and the rank, by parent and rank. PostgreSQL runs the page as a LATERAL subquery per parent, which stops at its
     * limit on an index (a datastream's newest Observation is one row of one partition); H2 has no LATERAL and numbers
     * each parent's rows with ROW_NUMBER() instead.
     *
     * @param parents the parents' ids as a derived table {@code k(id)}
     */
    Sql pagesPerParent(Sql parents, Sql columns, Sql from, Sql order, int limit, int offset) {
        if (this == POSTGIS) {
            // The rank numbers rows as the limited subquery yields them, in its ORDER BY; outside it nothing reorders them.
            return new Sql("SELECT k.id, x.* FROM ").append(parents).append(" CROSS JOIN LATERAL (SELECT q.*, ROW_NUMBER() OVER () AS rn FROM (SELECT ")
                    .append(columns).append(" FROM ").append(from).append(" ORDER BY ").append(order).append(" LIMIT ").bind(limit)
                    .append(" OFFSET ").bind(offset).append(") q) x ORDER BY k.id, x.rn");
        }
        return new Sql("SELECT w.* FROM (SELECT k.id AS parent, ").append(columns).append(", ROW_NUMBER() OVER (PARTITION BY k.id ORDER BY ")
                .append(order).append(") AS rn FROM ").append(parents).append(", ").append(from).append(") w WHERE w.rn > ").bind(offset)
                .append(" AND w.rn <= ").bind(offset + limit).append(" ORDER BY w.parent, w.rn");
    }

    /** A time stamp moved by a bound number of milliseconds. */
    Sql plusMillis(Sql time, long millis) {
        return this == POSTGIS ? new Sql("(").append(time).append(" + ").bind(millis).append(" * INTERVAL '1 millisecond')")
                : new Sql("DATEADD(MILLISECOND, ").bind(millis).append(", ").append(time).append(")");
    }
}
