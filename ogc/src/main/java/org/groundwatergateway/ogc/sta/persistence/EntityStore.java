package org.groundwatergateway.ogc.sta.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.groundwatergateway.core.geo.Cgcs2000;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.ogc.sta.model.EntityType;
import org.groundwatergateway.ogc.sta.model.NavigationProperty;
import org.groundwatergateway.ogc.sta.model.ValueType;
import org.groundwatergateway.ogc.sta.query.Expand;
import org.groundwatergateway.ogc.sta.query.OrderBy;
import org.groundwatergateway.ogc.sta.query.QueryOptions;
import org.groundwatergateway.ogc.sta.query.ResourcePath;
import org.groundwatergateway.ogc.sta.query.ResourcePath.Segment;
import org.groundwatergateway.ogc.sta.query.StaNotFoundException;
import org.groundwatergateway.ogc.sta.query.StaQueryException;
import org.groundwatergateway.policies.Disclosure;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads entities for a resource path and its query options (OGC 18-088 §9.2-9.3): one SQL statement for the
 * addressed page, with the filter, order and page pushed into it, then one statement per expanded navigation
 * property of each entity (whose relation from a known id is an indexed condition). Counts only on $count=true.
 */
public final class EntityStore {

    /**
     * What bounds an answer: the page size when $top is not given, the largest $top honoured, how deep $expand may
     * nest and how many entities one answer may hold, expanded ones included. Pages multiply across $expand levels,
     * so the last two keep one request from reading millions of rows.
     */
    public record Limits(int defaultTop, int maxTop, int maxExpandDepth, int maxEntities) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final StaDialect dialect;
    private final Limits limits;

    public EntityStore(Database database, Limits limits) {
        this.jdbc = database.jdbc();
        this.dialect = StaDialect.of(database);
        this.limits = limits;
    }

    /** A request's view: what the viewer may see of each entity set, and the instant now() means. */
    public Reader reader(Function<EntityType, Disclosure> disclosures, Instant now) {
        return reader(disclosures, false, now);
    }

    /** @param foreignShown whether the viewer sees the datastreams partners share with us, mirrored ({@link ForeignDatastreamIds}) */
    public Reader reader(Function<EntityType, Disclosure> disclosures, boolean foreignShown, Instant now) {
        return new Reader(new QueryContext(dialect, disclosures, foreignShown, now));
    }

    public final class Reader {
        private final QueryContext context;
        private final ExpressionCompiler compiler;
        /** Entities read for this request so far, across pages and expansions. */
        private int entitiesRead;

        private Reader(QueryContext context) {
            this.context = context;
            this.compiler = new ExpressionCompiler(context);
        }

        public Disclosure disclosure(EntityType type) {
            return context.disclosure(type);
        }

        /** The page of the collection a path addresses; 404 when an entity named on the way does not exist. */
        public EntityPage page(ResourcePath path, QueryOptions options) {
            requireExpandDepth(options.expand(), 1);
            requireVisible(path);
            verifyNamedEntities(path.segments());
            return page(path.segments(), options);
        }

        /** The one entity a path addresses (by id or over a to-one relation); 404 when there is none. */
        public Entity entity(ResourcePath path, QueryOptions options) {
            requireExpandDepth(options.expand(), 1);
            requireVisible(path);
            verifyNamedEntities(path.segments().subList(0, path.segments().size() - 1));
            QueryOptions one = new QueryOptions(null, options.expand(), options.select(), List.of(), 1, 0, false);
            List<Entity> found = page(path.segments(), one).entities();
            if (found.isEmpty()) throw new StaNotFoundException(new InvalidInput("ogc.sta.noResource", null, describe(path)));
            return found.get(0);
        }

        /** Refuses $expand nested deeper than the limit before anything is read. */
        private void requireExpandDepth(List<Expand> expands, int depth) {
            for (Expand expand : expands) {
                if (depth > limits.maxExpandDepth()) {
                    throw new StaQueryException(new InvalidInput("ogc.sta.expandTooDeep", "$expand", expand.navigation(), depth, limits.maxExpandDepth()));
                }
                requireExpandDepth(expand.options().expand(), depth + 1);
            }
        }

        private void requireVisible(ResourcePath path) {
            for (Segment segment : path.segments()) {
                if (!context.disclosure(segment.type()).visible()) throw new StaNotFoundException(new InvalidInput("ogc.sta.noEntitySet", null, segment.type().setName()));
            }
        }

        /** Each entity named by id on the path must exist for this viewer; checked by primary key, shortest prefix first. */
        private void verifyNamedEntities(List<Segment> segments) {
            for (int i = 0; i < segments.size(); i++) {
                if (segments.get(i).id() == null) continue;
                List<Segment> prefix = segments.subList(0, i + 1);
                String alias = context.nextAlias();
                Sql sql = new Sql("SELECT COUNT(*) FROM " + Schema.table(prefix.get(i).type()).from(alias) + " WHERE ")
                        .append(where(prefix, alias));
                if (run(sql, (rs, n) -> rs.getLong(1)).get(0) == 0) {
                    throw new StaNotFoundException(new InvalidInput("ogc.sta.noResource", null, describe(new ResourcePath(prefix, null, false, false))));
                }
            }
        }

        private EntityPage page(List<Segment> segments, QueryOptions options) {
            EntityType type = segments.get(segments.size() - 1).type();
            EntityTable table = Schema.table(type);
            String alias = context.nextAlias();
            Sql where = where(segments, alias);
            if (options.filter() != null) and(where, compiler.predicate("$filter", options.filter(), alias, type));
            for (String name : options.select()) requireSelectable(type, name);

            int top = Math.min(options.top() == null ? limits.defaultTop() : options.top(), limits.maxTop());
            List<Column> columns = new ArrayList<>();
            Sql select = new Sql("SELECT ");
            for (Column column : table.columns().values()) {
                if (context.withheld(type, column.name())) continue;
                if (!columns.isEmpty()) select.append(", ");
                String sql = context.columnSql(type, column, alias);
                select.append(column.type() == ValueType.GEOMETRY ? "ST_AsBinary(" + sql + ")" : sql);
                columns.add(column);
            }
            select.append(" FROM " + table.from(alias));
            if (!where.isEmpty()) select.append(" WHERE ").append(where);
            select.append(" ORDER BY ");
            boolean descending = false;
            for (OrderBy order : options.orderBy()) {
                select.append(compiler.orderValue("$orderby", order.expression(), alias, type)).append(order.descending() ? " DESC, " : " ASC, ");
                descending = order.descending();
            }
            // The id last makes pages stable wherever the requested order has ties; in the direction of the order before
            // it, so that one index of (time, id) serves newest-first pages over every datastream, read backwards.
            select.append(alias + ".id" + (descending ? " DESC" : ""));
            select.append(" LIMIT ").bind(top + 1).append(" OFFSET ").bind(options.skip());

            List<Entity> entities = new ArrayList<>(run(select, (rs, n) -> row(type, columns, rs, context)));
            boolean more = entities.size() > top;
            if (more) entities.remove(entities.size() - 1);
            entitiesRead += entities.size();
            if (entitiesRead > limits.maxEntities()) {
                throw new StaQueryException(new InvalidInput("ogc.sta.tooManyEntities", null, limits.maxEntities()));
            }
            Long count = null;
            if (options.count()) {
                Sql counting = new Sql("SELECT COUNT(*) FROM " + table.from(alias));
                if (!where.isEmpty()) counting.append(" WHERE ").append(where);
                count = run(counting, (rs, n) -> rs.getLong(1)).get(0);
            }
            List<Entity> expanded = new ArrayList<>(entities.size());
            for (Entity entity : entities) expanded.add(expand(entity, options.expand()));
            return new EntityPage(expanded, count, more);
        }

        private void requireSelectable(EntityType type, String name) {
            if (name.equals("selfLink") || type.navigationProperty(name).isPresent()) return;
            boolean known = Schema.table(type).columns().values().stream().anyMatch(c -> c.queryable()
                    && (c.name().equals(name) || c.name().startsWith(name + "/")))
                    || type.computedProperties().contains(name);
            if (!known || context.withheld(type, name)) throw new StaQueryException(new InvalidInput("ogc.sta.unknownSelect", "$select", name, type.entityName()));
        }

        private Entity expand(Entity entity, List<Expand> expands) {
            if (expands.isEmpty()) return entity;
            Map<String, Object> expanded = new LinkedHashMap<>();
            for (Expand expand : expands) {
                NavigationProperty nav = entity.type().navigationProperty(expand.navigation()).orElseThrow(() ->
                        new StaQueryException(new InvalidInput("ogc.sta.noNavigation", "$expand", entity.type().entityName(), expand.navigation())));
                if (!context.disclosure(nav.target()).visible()) continue;
                List<Segment> path = List.of(new Segment(entity.type(), null, entity.id(), true),
                        new Segment(nav.target(), nav.name(), null, nav.toMany()));
                if (nav.toMany()) {
                    expanded.put(nav.name(), page(path, expand.options()));
                } else {
                    QueryOptions one = new QueryOptions(null, expand.options().expand(), expand.options().select(), List.of(), 1, 0, false);
                    List<Entity> found = page(path, one).entities();
                    expanded.put(nav.name(), found.isEmpty() ? null : found.get(0));
                }
            }
            return new Entity(entity.type(), entity.id(), entity.values(), expanded);
        }

        /** The conditions on rows of the path's last segment under {@code alias}: its own, its id, and its relation to the rest. */
        private Sql where(List<Segment> segments, String alias) {
            int last = segments.size() - 1;
            Segment segment = segments.get(last);
            Sql where = context.rowConditions(segment.type(), alias);
            if (segment.id() != null && segment.type() == EntityType.OBSERVATION) {
                // An Observation's id is its lineage's (V6_27), through every version.
                and(where, new Sql(Schema.OBSERVATION_ID.replace("{a}", alias) + " = ").bind(segment.id()));
            } else if (segment.id() != null) {
                and(where, new Sql(alias + ".id = ").bind(segment.id()));
            }
            if (last == 0) return where;
            Segment source = segments.get(last - 1);
            EntityTable sourceTable = Schema.table(source.type());
            if (source.id() != null && sourceTable.relationNeedsOnlySourceId(segment.navigation())) {
                // The source was verified to exist; the relation is then a condition on this table's own columns.
                String[] parts = sourceTable.relation(segment.navigation(), alias, "\u0000").split("\u0000\\.id", -1);
                and(where, new Sql().append(String.join("?", parts), Collections.nCopies(parts.length - 1, source.id())));
            } else {
                String sourceAlias = context.nextAlias();
                Sql exists = new Sql("EXISTS (SELECT 1 FROM " + sourceTable.from(sourceAlias) + " WHERE "
                        + sourceTable.relation(segment.navigation(), alias, sourceAlias));
                Sql sourceWhere = where(segments.subList(0, last), sourceAlias);
                if (!sourceWhere.isEmpty()) exists.append(" AND ").append(sourceWhere);
                and(where, exists.append(")"));
            }
            return where;
        }

        private <T> List<T> run(Sql sql, RowMapper<T> mapper) {
            try {
                return jdbc.sql(sql.text()).params(sql.parameters()).query(mapper).list();
            } catch (DataAccessException e) {
                throw QueryFailure.of(e);
            }
        }
    }

    private static void and(Sql where, Sql condition) {
        if (!where.isEmpty()) where.append(" AND ");
        where.append(condition);
    }

    private static String describe(ResourcePath path) {
        StringBuilder text = new StringBuilder();
        for (Segment s : path.segments()) {
            text.append(text.length() == 0 ? s.type().setName() : "/" + s.navigation());
            if (s.id() != null) text.append('(').append(s.id()).append(')');
        }
        return text.toString();
    }

    private static Entity row(EntityType type, List<Column> columns, ResultSet rs, QueryContext context) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            Object value = switch (column.type()) {
                case DATETIME -> {
                    OffsetDateTime time = rs.getObject(i + 1, OffsetDateTime.class);
                    yield time == null ? null : time.toInstant();
                }
                case DATE -> rs.getObject(i + 1, LocalDate.class);
                case NUMBER -> number(rs.getObject(i + 1));
                case GEOMETRY -> geometry(rs.getBytes(i + 1));
                case JSON -> shown(rs.getString(i + 1), type, column.name(), context);
                default -> rs.getObject(i + 1);
            };
            values.put(column.name(), value);
        }
        return new Entity(type, ((Number) values.get("id")).longValue(), values, Map.of());
    }

    /**
     * A JSON object stored as text (a generic Thing's properties), without the members the viewer's disclosure
     * withholds: withholding {@code properties/reference} hides that member as it hides a column, and a member with
     * anything withheld inside it ({@code properties/owner/phone}) is left out whole, rather than shown with it.
     */
    private static ObjectNode shown(String text, EntityType type, String name, QueryContext context) throws SQLException {
        if (text == null) return null;
        ObjectNode object;
        try {
            object = (ObjectNode) JSON.readTree(text);
        } catch (JacksonException | ClassCastException e) {
            throw new SQLException("stored " + name + " is not a JSON object", e);
        }
        List<String> withheld = new ArrayList<>();
        object.propertyNames().forEach(member -> {
            if (context.withheld(type, name + "/" + member) || context.withheldWithin(type, name + "/" + member)) withheld.add(member);
        });
        object.remove(withheld);
        return object;
    }

    private static Object number(Object value) {
        if (value == null) return null;
        if (value instanceof Integer || value instanceof Long || value instanceof Short) return ((Number) value).longValue();
        return ((Number) value).doubleValue();
    }

    private static Object geometry(byte[] wkb) throws SQLException {
        if (wkb == null) return null;
        try {
            return new WKBReader(Cgcs2000.GEOMETRY_FACTORY).read(wkb);
        } catch (ParseException e) {
            throw new SQLException("stored geometry is not valid WKB", e);
        }
    }
}
