package org.groundwatergateway.ogc.sta.persistence;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.groundwatergateway.ogc.feature.CoarseLocations;
import org.groundwatergateway.ogc.sta.model.EntityType;
import org.groundwatergateway.ogc.sta.model.ValueType;
import org.groundwatergateway.policies.Disclosure;

/**
 * What one request's SQL is generated with: the dialect, what the viewer may see of each entity set, the instant
 * {@code now()} stands for, and fresh table aliases.
 */
public final class QueryContext {

    private final StaDialect dialect;
    private final Function<EntityType, Disclosure> disclosures;
    private final Instant now;
    private int aliases;

    QueryContext(StaDialect dialect, Function<EntityType, Disclosure> disclosures, Instant now) {
        this.dialect = dialect;
        this.disclosures = disclosures;
        this.now = now;
    }

    StaDialect dialect() {
        return dialect;
    }

    Instant now() {
        return now;
    }

    Disclosure disclosure(EntityType type) {
        return disclosures.apply(type);
    }

    String nextAlias() {
        return "e" + aliases++;
    }

    /**
     * A column's SQL over an alias as this viewer may see it: with a location precision, geometries (the points of
     * wells and stations) come snapped to the grid, in selections and $filter alike, so geo functions cannot probe
     * finer than the answer shows.
     */
    String columnSql(EntityType type, Column column, String alias) {
        double precision = disclosure(type).locationPrecisionMetres();
        String sql = column.on(alias);
        return column.type() == ValueType.GEOMETRY && precision > 0 ? CoarseLocations.snapped(sql, precision) : sql;
    }

    boolean withheld(EntityType type, String property) {
        return withholds(disclosure(type), property);
    }

    /** A withheld property is withheld with everything under it: withholding "properties" hides properties/park. */
    public static boolean withholds(Disclosure disclosure, String property) {
        for (String withheld : disclosure.withheldProperties()) {
            if (property.equals(withheld) || property.startsWith(withheld + "/")) return true;
        }
        return false;
    }

    /**
     * The conditions every row of {@code type} meets for this viewer: the entity set's own (current versions of
     * readings) and the rows the viewer is restricted to. A restriction on a property this mapping does not know
     * shows nothing, rather than everything.
     */
    Sql rowConditions(EntityType type, String alias) {
        EntityTable table = Schema.table(type);
        Sql sql = new Sql();
        String own = table.condition(alias);
        if (own != null) sql.append(own);
        for (Map.Entry<String, Set<String>> restriction : disclosure(type).restrictedTo().entrySet()) {
            if (!sql.isEmpty()) sql.append(" AND ");
            Column column = table.column(restriction.getKey()).orElse(null);
            if (column == null || restriction.getValue().isEmpty()) {
                sql.append("1 = 0");
                continue;
            }
            sql.append("CAST(" + column.on(alias) + " AS VARCHAR(200)) IN (");
            boolean first = true;
            for (String value : restriction.getValue()) {
                if (!first) sql.append(", ");
                sql.bind(value);
                first = false;
            }
            sql.append(")");
        }
        return sql;
    }
}
