package org.groundwatergateway.ogc.sta.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
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

    /** The ids of the sources of an expansion as a derived table of one column, {@link #PARENT_ID}. */
    static Sql parents(Collection<Long> ids) {
        return new Sql().append("(VALUES " + String.join(", ", Collections.nCopies(ids.size(), "(CAST(? AS BIGINT))")) + ") k(id)",
                List.copyOf(ids));
    }

    /** A source's id in a statement over {@link #parents}. */
    static final String PARENT_ID = "k.id";

    /**
     * One page of related rows for each of many parents, in one statement: the rows {@code FROM from} (a table with
     * its conditions, given the SQL of the parent's id), each parent's ranked by {@code order} (ending in a unique
     * column), the {@code limit} after the first {@code offset}; answered as the parent's id and {@code columns} (then
     * what ranks them), by parent and rank, {@code atMost} rows in all. Each parent's page is its own {@code ORDER BY …
     * LIMIT}, which stops at its limit on an index (a datastream's newest Observation is one row of the readings key),
     * however long the parent's history: a LATERAL subquery per parent on PostgreSQL, a {@code UNION ALL} of pages, each
     * with the parent's id bound, on H2, which has no LATERAL (numbering all parents' rows by a window reads every related
     * row before ranking them). A page is ranked in its own order, so no engine's choice of row order outside it can
     * reorder it: on PostgreSQL numbered by {@code ROW_NUMBER()}; on H2 by its order's values, selected with it, since H2
     * computes a window over all the rows the page's conditions meet before its LIMIT (a datastream's newest Observation
     * on the demo year, ranked by a window: 8,761 rows read instead of 2).
     */
    Sql pagesPerParent(List<Long> parents, Function<Sql, Sql> from, Sql columns, List<SortKey> order, int limit, int offset, long atMost) {
        Sql pages;
        if (this == POSTGIS) {
            Sql numbered = new Sql().append(columns).append(", ROW_NUMBER() OVER (ORDER BY ").append(SortKey.list(order)).append(") AS rn");
            pages = new Sql("SELECT k.id, x.* FROM ").append(parents(parents)).append(" CROSS JOIN LATERAL (")
                    .append(page(from.apply(new Sql(PARENT_ID)), numbered, order, limit, offset)).append(") x ORDER BY k.id, x.rn");
        } else {
            // No derived table per part: H2 parses and plans each again as it plans the statement around it (a hundred
            // parts, each wrapped, cost more to prepare than to run), so each part selects its parent itself and the
            // union is ordered by its own column names. One part alone is wrapped once: H2 takes no ORDER BY after a
            // parenthesised query with a LIMIT of its own.
            List<SortKey> rank = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) rank.add(new SortKey(new Sql("o" + i), order.get(i).descending()));
            pages = new Sql(parents.size() == 1 ? "SELECT * FROM (" : "");
            for (int i = 0; i < parents.size(); i++) {
                Long parent = parents.get(i);
                Sql ranked = new Sql("CAST(").bind(parent).append(" AS BIGINT) AS parent, ").append(columns);
                for (int k = 0; k < order.size(); k++) ranked.append(", ").append(order.get(k).value()).append(" AS o" + k);
                pages.append(i == 0 ? "(" : " UNION ALL (").append(page(from.apply(new Sql().bind(parent)), ranked, order, limit, offset)).append(")");
            }
            pages.append(parents.size() == 1 ? ") w ORDER BY parent, " : " ORDER BY parent, ").append(SortKey.list(rank));
        }
        return limit(pages, atMost, 0);
    }

    private Sql page(Sql from, Sql columns, List<SortKey> order, int limit, int offset) {
        return limit(new Sql("SELECT ").append(columns).append(" FROM ").append(from).append(" ORDER BY ").append(SortKey.list(order)),
                limit, offset);
    }

    /**
     * Appends a page's bounds, {@code LIMIT rows OFFSET skipped}. On PostgreSQL written as numbers (integers, never
     * request text): bound, they keep it from reusing a plan, since a generic plan cannot know the limit is small, each
     * request's custom plan wins and the page is planned again every time (newest-first Observations over the monthly
     * partitions of 10 M readings: 0.8 ms of planning against 0.5 ms of execution, pg_stat_statements); as numbers a
     * repeated page reuses its plan. On H2 bound, so that one parsed statement serves every $skip (H2 keeps parsed
     * statements by their text, and plans each execution anyway).
     */
    Sql limit(Sql sql, long rows, long skipped) {
        if (rows < 0 || skipped < 0) throw new IllegalArgumentException("a page's bounds are not negative: " + rows + ", " + skipped);
        return this == POSTGIS ? sql.append(" LIMIT ").append(rows).append(" OFFSET ").append(skipped)
                : sql.append(" LIMIT ").bind(rows).append(" OFFSET ").bind(skipped);
    }

    /**
     * The readings as {@code r}, for a walk along their key (datastream_id, phenomenon_time, version) that stops at the
     * first row it needs: PostgreSQL picks the key itself; H2 is told to (its planner prefers the foreign key's index,
     * which holds a datastream's readings in no time order). The index is named in migration V6_28.
     */
    String readingsByKey() {
        return readingsByKey("r");
    }

    /** The readings as {@code alias}, read along their key as {@link #readingsByKey()} says. */
    String readingsByKey(String alias) {
        return "readings " + alias + (this == POSTGIS ? "" : " USE INDEX (readings_key)");
    }

    /** A time stamp moved by a bound number of milliseconds. */
    Sql plusMillis(Sql time, long millis) {
        return this == POSTGIS ? new Sql("(").append(time).append(" + ").bind(millis).append(" * INTERVAL '1 millisecond')")
                : new Sql("DATEADD(MILLISECOND, ").bind(millis).append(", ").append(time).append(")");
    }
}
