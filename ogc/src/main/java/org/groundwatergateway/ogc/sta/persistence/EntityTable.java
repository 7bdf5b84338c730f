package org.groundwatergateway.ogc.sta.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.groundwatergateway.ogc.sta.model.EntityType;

/**
 * Where an entity type lives in the platform's schema: the table (or derived table) its rows come from, the
 * condition every row must meet, its properties as columns, and each navigation property: a to-one one as its
 * foreign key, the target's id as SQL over the source row {@code {s}}; a to-many one as a condition linking a target
 * row {@code {t}} to the source's id {@code {s}.id} alone. Both shapes let $expand read the related entities of a
 * whole page in one statement: the keys are selected with the page, the ids of the page are a list of values.
 */
final class EntityTable {

    private final EntityType type;
    private final String from;
    private final String condition;
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private final Map<String, String> relations;
    private final Map<String, Column> rowKeys = new LinkedHashMap<>();

    EntityTable(EntityType type, String from, String condition, List<Column> columns, Map<String, String> relations) {
        this(type, from, condition, columns, relations, List.of());
    }

    /**
     * @param rowKeys attributes a sharing policy may limit rows by that are no property of the entity (an Observation's
     *                Datastream): never selected, filtered or sorted on, only used for the rows the viewer is restricted to
     */
    EntityTable(EntityType type, String from, String condition, List<Column> columns, Map<String, String> relations, List<Column> rowKeys) {
        rowKeys.forEach(c -> this.rowKeys.put(c.name(), c));
        this.type = type;
        this.from = from;
        this.condition = condition;
        columns.forEach(c -> this.columns.put(c.name(), c));
        this.relations = Map.copyOf(relations);
        relations.forEach((navigation, sql) -> {
            boolean shaped = toMany(navigation) ? namesOnlySourceId(sql) : sql.indexOf("{t}") < 0;
            if (!shaped) throw new IllegalStateException(type + "." + navigation + " is neither a key nor a condition on the source's id");
        });
    }

    EntityType type() {
        return type;
    }

    String from(String alias) {
        return from + " " + alias;
    }

    /** The condition every row of the entity set meets, or null. */
    String condition(String alias) {
        return condition == null ? null : condition.replace("{a}", alias);
    }

    Map<String, Column> columns() {
        return columns;
    }

    Optional<Column> column(String name) {
        return Optional.ofNullable(columns.get(name));
    }

    /** A property or row key a restriction of the viewer's rows may name. */
    Optional<Column> restrictable(String name) {
        return column(name).or(() -> Optional.ofNullable(rowKeys.get(name)));
    }

    /** The condition that a row {@code target} of this navigation's target is related to {@code source}. */
    String relation(String navigation, String target, String source) {
        return template(navigation).replace("{t}", target).replace("{s}", source);
    }

    /**
     * Whether the relation needs nothing of the source but its id, so that from a source known by id it can be
     * written as a condition on the target alone (the case that keeps {@code /Datastreams(1)/Observations} on an index):
     * true of every to-many relation.
     */
    boolean relationNeedsOnlySourceId(String navigation) {
        return namesOnlySourceId(template(navigation));
    }

    /** Whether SQL over a source {@code {s}} names nothing of it but its id. */
    private static boolean namesOnlySourceId(String sql) {
        return sql.replace("{s}.id", "").indexOf("{s}") < 0;
    }

    /** The id of a to-one navigation's target as SQL over the source row {@code source}; NULL where there is none. */
    String foreignKey(String navigation, String source) {
        if (toMany(navigation)) throw new IllegalStateException(type + "." + navigation + " leads to many");
        return declared(navigation).replace("{s}", source);
    }

    private String template(String navigation) {
        String declared = declared(navigation);
        return toMany(navigation) ? declared : "{t}.id = " + declared;
    }

    private String declared(String navigation) {
        String declared = relations.get(navigation);
        if (declared == null) throw new IllegalStateException(type + " has no relation " + navigation);
        return declared;
    }

    private boolean toMany(String navigation) {
        return type.navigationProperty(navigation).orElseThrow(() -> new IllegalStateException(type + " has no navigation " + navigation)).toMany();
    }
}
