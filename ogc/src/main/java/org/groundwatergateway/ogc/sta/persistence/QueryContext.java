package org.groundwatergateway.ogc.sta.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.groundwatergateway.core.parameter.GroundwaterClassLimits;
import org.groundwatergateway.core.storage.Rows;
import org.groundwatergateway.ogc.sta.model.EntityType;
import org.groundwatergateway.ogc.sta.model.ValueType;
import org.groundwatergateway.policies.CoarseGrid;
import org.groundwatergateway.policies.Disclosure;

/**
 * What one request's SQL is generated with: the dialect, what the viewer may see of each entity set, the instant
 * {@code now()} stands for, and fresh table aliases.
 */
public final class QueryContext {

    /** Later than any reading: the bound of what a viewer with no Observations delay is shown. */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");
    private static final Pattern DELAYED_ONLY = Pattern.compile(Pattern.quote(Schema.IF_DELAYED) + ".*?" + Pattern.quote(Schema.END_IF_DELAYED),
            Pattern.DOTALL);

    private final StaDialect dialect;
    private final Function<EntityType, Disclosure> disclosures;
    private final Instant now;
    private final boolean foreignShown;
    private int aliases;

    QueryContext(StaDialect dialect, Function<EntityType, Disclosure> disclosures, Instant now) {
        this(dialect, disclosures, false, now);
    }

    /** @param foreignShown whether the viewer sees what partners share with us (datastreams mirrored from them) */
    QueryContext(StaDialect dialect, Function<EntityType, Disclosure> disclosures, boolean foreignShown, Instant now) {
        this.dialect = dialect;
        this.disclosures = disclosures;
        this.foreignShown = foreignShown;
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
        Disclosure disclosure = disclosure(type);
        String sql = stored(column, alias);
        if (disclosure.bucketed().containsKey(column.name())) return bucketSql(type, column, alias);
        double precision = disclosure.locationPrecisionMetres();
        return column.type() == ValueType.GEOMETRY && precision > 0 ? CoarseGrid.snappedSql(sql, precision) : sql;
    }

    /** A column's SQL over an alias as stored, with the placeholders of summaries of readings filled in for this viewer. */
    private String stored(Column column, String alias) {
        String sql = cutoff(EntityType.OBSERVATION) == null ? DELAYED_ONLY.matcher(column.on(alias)).replaceAll("")
                : column.on(alias).replace(Schema.IF_DELAYED, "").replace(Schema.END_IF_DELAYED, "");
        return filled(sql);
    }

    /**
     * The schema's SQL, a column's or an entity set's condition, with its placeholders filled in for this viewer: one
     * place, so that what a column shows and what a condition admits are judged alike.
     */
    private String filled(String sql) {
        return sql.replace(Schema.FOREIGN_SHOWN, foreignShown ? "1 = 1" : "1 = 0").replace(Schema.SHOWN_UNTIL, shownUntil())
                .replace(Schema.READINGS_BY_KEY, dialect().readingsByKey()).replace(Schema.OBSERVATIONS_OF_DATASTREAM_SHOWN, observationsOfDatastreamShown());
    }

    /**
     * {@link Schema#SHOWN_UNTIL}: the Observations delay's bound, the end of time with none, and null (nothing compares
     * below it) for a viewer shown no Observations at all. The instant is the platform's own, not a request's, so it may
     * be written as a literal.
     */
    private String shownUntil() {
        if (!disclosure(EntityType.OBSERVATION).visible()) return "CAST(NULL AS TIMESTAMP WITH TIME ZONE)";
        Instant cutoff = cutoff(EntityType.OBSERVATION);
        return timestampLiteral(cutoff == null ? END_OF_TIME : cutoff);
    }

    /**
     * {@link Schema#OBSERVATIONS_OF_DATASTREAM_SHOWN}: always, unless the viewer's Observations are limited to some rows.
     * Limited to some datastreams (what a federation agreement grants), those datastreams; limited by anything else, which
     * a datastream's latest reading cannot tell, none: the summaries then show nothing rather than more than the
     * Observations do. The datastreams are written as numbers (column SQL has no bound values): the policy's values that
     * are a datastream id as written, the others name none (as compared as text, "007" is not 7).
     */
    private String observationsOfDatastreamShown() {
        Map<String, Set<String>> restricted = disclosure(EntityType.OBSERVATION).restrictedTo();
        if (restricted.isEmpty()) return "1 = 1";
        Set<String> datastreams = restricted.get("Datastream/id");
        if (restricted.size() > 1 || datastreams == null) return "1 = 0";
        List<String> ids = datastreams.stream().filter(QueryContext::isLongAsWritten).sorted().toList();
        return ids.isEmpty() ? "1 = 0" : "l.datastream_id IN (" + String.join(", ", ids) + ")";
    }

    private static boolean isLongAsWritten(String value) {
        try {
            return Long.toString(Long.parseLong(value)).equals(value);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * An Observation's result as its GB/T 14848 class under its datastream's parameter, in selections, $filter and
     * $orderby alike, so no comparison narrows it below its class. Nothing else can be bucketed: it shows nothing.
     */
    private static String bucketSql(EntityType type, Column column, String alias) {
        if (type != EntityType.OBSERVATION || !column.name().equals("result")) return "CAST(NULL AS DOUBLE PRECISION)";
        return "(SELECT " + GroundwaterClassLimits.classSql(alias + ".result_value", "p") + " FROM datastreams d JOIN parameters p "
                + "ON p.id = d.parameter_id WHERE d.id = " + alias + ".datastream_id)";
    }

    /** Nothing of the type newer than this is shown; null for no delay. */
    private Instant cutoff(EntityType type) {
        Duration delay = disclosure(type).delay();
        return delay.isZero() ? null : now.minus(delay);
    }

    private static String timestampLiteral(Instant instant) {
        return "CAST('" + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").format(instant.atOffset(ZoneOffset.UTC)) + "+00:00' AS TIMESTAMP WITH TIME ZONE)";
    }

    boolean withheld(EntityType type, String property) {
        return withholds(disclosure(type), property);
    }

    /** Whether something under {@code property} is withheld (withholding "properties/owner/phone" is within "properties/owner"). */
    boolean withheldWithin(EntityType type, String property) {
        return disclosure(type).withheldProperties().stream().anyMatch(withheld -> withheld.startsWith(property + "/"));
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
     * readings; FeaturesOfInterest of Observations the viewer is shown), nothing newer than an Observations delay allows,
     * and the rows the viewer is restricted to. A restriction on a property this mapping does not know shows nothing,
     * rather than everything.
     */
    Sql rowConditions(EntityType type, String alias) {
        EntityTable table = Schema.table(type);
        Sql sql = new Sql();
        String own = table.condition(alias);
        if (own != null) sql.append(filled(own));
        Instant cutoff = cutoff(type);
        if (type == EntityType.OBSERVATION && cutoff != null) {
            if (!sql.isEmpty()) sql.append(" AND ");
            sql.append(alias + ".phenomenon_time <= ");
            sql.bind(Rows.timestamp(cutoff));
        }
        for (Map.Entry<String, Set<String>> restriction : disclosure(type).restrictedTo().entrySet()) {
            if (!sql.isEmpty()) sql.append(" AND ");
            Column column = table.restrictable(restriction.getKey()).orElse(null);
            if (column == null || restriction.getValue().isEmpty()) {
                sql.append("1 = 0");
                continue;
            }
            sql.append("CAST(" + stored(column, alias) + " AS VARCHAR(200)) IN (");
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
