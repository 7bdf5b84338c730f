package org.groundwatergateway.ogc.sta.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.groundwatergateway.core.geo.Cgcs2000;
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

/**
 * Reads entities for a resource path and its query options (OGC 18-088 §9.2-9.3): one SQL statement for the
 * addressed page, with the filter, order and page pushed into it, then one statement per expanded navigation
 * property for a page's entities together (each entity's part on the index its relation from a known id uses).
 * Counts only on $count=true.
 */
public final class EntityStore {

    /**
     * What bounds an answer: the page size when $top is not given, the largest $top honoured, how deep $expand may
     * nest and how many entities one answer may hold, expanded ones included. Pages multiply across $expand levels,
     * so the last two keep one request from reading millions of rows.
     */
    public record Limits(int defaultTop, int maxTop, int maxExpandDepth, int maxEntities) {}

    /** Entities whose expansions one statement reads. */
    private static final int EXPAND_BATCH = 100;

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
        return new Reader(new QueryContext(dialect, disclosures, now));
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
            if (found.isEmpty()) throw new StaNotFoundException("no " + describe(path));
            return found.get(0);
        }

        /** Refuses $expand nested deeper than the limit before anything is read. */
        private void requireExpandDepth(List<Expand> expands, int depth) {
            for (Expand expand : expands) {
                if (depth > limits.maxExpandDepth()) {
                    throw new StaQueryException("$expand: " + expand.navigation() + " is nested " + depth + " levels deep; at most "
                            + limits.maxExpandDepth() + " are served (gw.sta.max-expand-depth)");
                }
                requireExpandDepth(expand.options().expand(), depth + 1);
            }
        }

        private void requireVisible(ResourcePath path) {
            for (Segment segment : path.segments()) {
                if (!context.disclosure(segment.type()).visible()) throw new StaNotFoundException("no entity set " + segment.type().setName());
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
                    throw new StaNotFoundException("no " + describe(new ResourcePath(prefix, null, false, false)));
                }
            }
        }

        /** One page's statement: up to {@code top} + 1 rows of the path's last type, filtered and ordered, and what counts them. */
        private record PageQuery(EntityType type, List<Column> columns, Sql select, Sql counting, int top) {}

        private PageQuery pageQuery(List<Segment> segments, QueryOptions options) {
            EntityType type = segments.get(segments.size() - 1).type();
            EntityTable table = Schema.table(type);
            String alias = context.nextAlias();
            Sql where = where(segments, alias);
            if (options.filter() != null) and(where, compiler.predicate("$filter", options.filter(), alias, type));
            for (String name : options.select()) requireSelectable(type, name);

            int top = pageSize(options);
            List<Column> columns = new ArrayList<>();
            Sql select = new Sql("SELECT ");
            for (Column column : table.columns().values()) {
                if (context.withheld(type, column.name())) continue;
                if (!columns.isEmpty()) select.append(", ");
                String sql = context.columnSql(type, column, alias);
                // Named, so that an expansion can select the page as a derived table.
                select.append((column.type() == ValueType.GEOMETRY ? "ST_AsBinary(" + sql + ")" : sql) + " AS c" + columns.size());
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
            Sql counting = new Sql("SELECT COUNT(*) FROM " + table.from(alias));
            if (!where.isEmpty()) counting.append(" WHERE ").append(where);
            return new PageQuery(type, columns, select, counting, top);
        }

        private EntityPage page(List<Segment> segments, QueryOptions options) {
            PageQuery query = pageQuery(segments, options);
            List<Entity> entities = new ArrayList<>(run(query.select(), (rs, n) -> row(query.type(), query.columns(), rs)));
            boolean more = entities.size() > query.top();
            if (more) entities.remove(entities.size() - 1);
            counted(entities.size());
            Long count = options.count() ? run(query.counting(), (rs, n) -> rs.getLong(1)).get(0) : null;
            return new EntityPage(expand(entities, options.expand()), count, more);
        }

        private void counted(int entities) {
            entitiesRead += entities;
            if (entitiesRead > limits.maxEntities()) {
                throw new StaQueryException("the answer would hold more than " + limits.maxEntities()
                        + " entities, expanded ones included (gw.sta.max-entities); ask for fewer with $top, $filter or a narrower $expand");
            }
        }

        private void requireSelectable(EntityType type, String name) {
            if (name.equals("selfLink") || type.navigationProperty(name).isPresent()) return;
            boolean known = Schema.table(type).columns().values().stream().anyMatch(c -> c.queryable()
                    && (c.name().equals(name) || c.name().startsWith(name + "/")))
                    || type.computedProperties().contains(name);
            if (!known || context.withheld(type, name)) throw new StaQueryException("$select: unknown property " + name + " of " + type.entityName());
        }

        /**
         * The entities, each with its expanded navigation properties. Per property, one statement reads the related pages
         * of up to {@link #EXPAND_BATCH} entities: each entity's page exactly as {@code /Sets(id)/Navigation} would read it
         * (on the relation's index, with its own filter, order and $top), all joined by UNION ALL. A page of a hundred
         * Observations with their Datastream is then two statements, not a hundred and one.
         */
        private List<Entity> expand(List<Entity> entities, List<Expand> expands) {
            if (expands.isEmpty() || entities.isEmpty()) return entities;
            EntityType type = entities.get(0).type();
            List<Map<String, Object>> expanded = new ArrayList<>();
            for (int i = 0; i < entities.size(); i++) expanded.add(new LinkedHashMap<>());
            for (Expand expand : expands) {
                NavigationProperty nav = type.navigationProperty(expand.navigation()).orElseThrow(() ->
                        new StaQueryException("$expand: " + type.entityName() + " has no navigation property " + expand.navigation()));
                if (!context.disclosure(nav.target()).visible()) continue;
                QueryOptions options = nav.toMany() ? expand.options()
                        : new QueryOptions(null, expand.options().expand(), expand.options().select(), List.of(), 1, 0, false);
                List<List<Entity>> related = new ArrayList<>();
                for (int from = 0; from < entities.size(); from += EXPAND_BATCH) {
                    related.addAll(related(entities.subList(from, Math.min(entities.size(), from + EXPAND_BATCH)), nav, options));
                }
                // Nested expansions of all the related entities at once, then back to their owners.
                List<Entity> all = related.stream().flatMap(List::stream).toList();
                Iterator<Entity> nested = expand(all, options.expand()).iterator();
                for (int i = 0; i < entities.size(); i++) {
                    List<Entity> own = new ArrayList<>();
                    for (int k = 0; k < related.get(i).size(); k++) own.add(nested.next());
                    if (!nav.toMany()) {
                        expanded.get(i).put(nav.name(), own.isEmpty() ? null : own.get(0));
                        continue;
                    }
                    boolean more = own.size() > pageSize(options);
                    if (more) own.remove(own.size() - 1);
                    Long count = null;
                    if (options.count()) {
                        count = run(pageQuery(relationPath(entities.get(i), nav), options).counting(), (rs, n) -> rs.getLong(1)).get(0);
                    }
                    expanded.get(i).put(nav.name(), new EntityPage(own, count, more));
                }
            }
            List<Entity> result = new ArrayList<>(entities.size());
            for (int i = 0; i < entities.size(); i++) {
                Entity e = entities.get(i);
                result.add(new Entity(e.type(), e.id(), e.values(), expanded.get(i)));
            }
            return result;
        }

        /** For each owner in order, its related page as read (one row beyond the page when more follow), in one statement. */
        private List<List<Entity>> related(List<Entity> owners, NavigationProperty nav, QueryOptions options) {
            Sql union = new Sql();
            PageQuery query = null;
            for (Entity owner : owners) {
                query = pageQuery(relationPath(owner, nav), options);
                if (!union.isEmpty()) union.append(" UNION ALL ");
                union.append("SELECT q.*, " + owner.id() + " AS gw_owner FROM (").append(query.select()).append(") q");
            }
            PageQuery page = query;
            Map<Long, List<Entity>> byOwner = new HashMap<>();
            for (Object[] row : run(union, (rs, n) -> new Object[] {rs.getLong(page.columns().size() + 1), row(page.type(), page.columns(), rs)})) {
                byOwner.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((Entity) row[1]);
            }
            List<List<Entity>> related = new ArrayList<>(owners.size());
            for (Entity owner : owners) {
                List<Entity> own = byOwner.getOrDefault(owner.id(), List.of());
                counted(Math.min(own.size(), page.top()));
                related.add(own);
            }
            return related;
        }

        /** $top, or the default page size when absent, within the largest page served. */
        private int pageSize(QueryOptions options) {
            return Math.min(options.top() == null ? limits.defaultTop() : options.top(), limits.maxTop());
        }

        private static List<Segment> relationPath(Entity owner, NavigationProperty nav) {
            return List.of(new Segment(owner.type(), null, owner.id(), true), new Segment(nav.target(), nav.name(), null, nav.toMany()));
        }

        /** The conditions on rows of the path's last segment under {@code alias}: its own, its id, and its relation to the rest. */
        private Sql where(List<Segment> segments, String alias) {
            int last = segments.size() - 1;
            Segment segment = segments.get(last);
            Sql where = context.rowConditions(segment.type(), alias);
            if (segment.id() != null) and(where, new Sql(alias + ".id = ").bind(segment.id()));
            if (last == 0) return where;
            Segment source = segments.get(last - 1);
            EntityTable sourceTable = Schema.table(source.type());
            if (source.id() != null && sourceTable.relationNeedsOnlySourceId(segment.navigation())) {
                // The source was verified to exist; the relation is then a condition on this table's own columns.
                String relation = sourceTable.relation(segment.navigation(), alias, "\u0000");
                and(where, new Sql().append(relation.replace("\u0000.id", "?"), List.of(source.id())));
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

    private static Entity row(EntityType type, List<Column> columns, ResultSet rs) throws SQLException {
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
                default -> rs.getObject(i + 1);
            };
            values.put(column.name(), value);
        }
        return new Entity(type, ((Number) values.get("id")).longValue(), values, Map.of());
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
