package org.groundwatergateway.ogc.sta.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * property for all entities of the page together (by the foreign keys read with the page, or one page per source
 * with its own options), level after level. Counts only on $count=true.
 */
public final class EntityStore {

    /**
     * What bounds an answer: the page size when $top is not given, the largest $top honoured, how deep $expand may
     * nest and how many entities one answer may hold, expanded ones included. Pages multiply across $expand levels,
     * so the last two keep one request from reading millions of rows.
     */
    public record Limits(int defaultTop, int maxTop, int maxExpandDepth, int maxEntities) {
        public Limits {
            if (defaultTop < 1 || maxTop < 1 || maxExpandDepth < 0 || maxEntities < 1) {
                throw new IllegalArgumentException("SensorThings limits must be positive (the expansion depth at least 0): default top " + defaultTop
                        + ", max top " + maxTop + ", max expand depth " + maxExpandDepth + ", max entities " + maxEntities);
            }
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final StaDialect dialect;
    private final Limits limits;
    private final int idsPerStatement;

    public EntityStore(Database database, Limits limits) {
        this(database, limits, IDS_PER_STATEMENT);
    }

    /** With statements naming fewer ids: tests, so that a small park's pages are read in several statements too. */
    EntityStore(Database database, Limits limits, int idsPerStatement) {
        this.jdbc = database.jdbc();
        this.dialect = StaDialect.of(database);
        this.limits = limits;
        this.idsPerStatement = idsPerStatement;
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
            requireExpandable(path.type(), options.expand(), 1);
            requireVisible(path);
            verifyNamedEntities(path.segments());
            return page(path.segments(), options);
        }

        /** The one entity a path addresses (by id or over a to-one relation); 404 when there is none. */
        public Entity entity(ResourcePath path, QueryOptions options) {
            requireExpandable(path.type(), options.expand(), 1);
            requireVisible(path);
            verifyNamedEntities(path.segments().subList(0, path.segments().size() - 1));
            QueryOptions one = new QueryOptions(null, options.expand(), options.select(), List.of(), 1, 0, false);
            List<Entity> found = page(path.segments(), one).entities();
            if (found.isEmpty()) throw new StaNotFoundException(new InvalidInput("ogc.sta.noResource", null, describe(path)));
            return found.get(0);
        }

        /**
         * Refuses before anything is read an $expand nested deeper than the limit, naming no navigation property of its
         * entity, or selecting what the expanded set does not show: the answer must not depend on whether a page has rows.
         */
        private void requireExpandable(EntityType type, List<Expand> expands, int depth) {
            for (Expand expand : expands) {
                if (depth > limits.maxExpandDepth()) {
                    throw new StaQueryException(new InvalidInput("ogc.sta.expandTooDeep", "$expand", expand.navigation(), depth, limits.maxExpandDepth()));
                }
                NavigationProperty nav = type.navigationProperty(expand.navigation()).orElseThrow(() ->
                        new StaQueryException(new InvalidInput("ogc.sta.noNavigation", "$expand", type.entityName(), expand.navigation())));
                // A set the viewer is not shown is left out of the answer, whatever its options ask.
                if (!context.disclosure(nav.target()).visible()) continue;
                for (String name : expand.options().select()) requireSelectable(nav.target(), name);
                requireExpandable(nav.target(), expand.options().expand(), depth + 1);
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

            int top = top(options);
            Selection selection = selection(type, alias, options.expand());
            // One Datastream named by id: its Observations are read as its expansion reads them.
            Segment source = segments.size() > 1 ? segments.get(segments.size() - 2) : null;
            ReadOrder reading = source != null && source.id() != null ? readOrder(source.type(), type, order(options, alias, type), alias)
                    : new ReadOrder(table.from(alias), order(options, alias, type));
            Sql select = new Sql("SELECT ").append(selection.columns()).append(" FROM " + reading.from());
            if (!where.isEmpty()) select.append(" WHERE ").append(where);
            select.append(" ORDER BY ").append(SortKey.list(reading.order()));
            context.dialect().limit(select, top + 1L, options.skip());

            List<Read> rows = new ArrayList<>(run(select, (rs, n) -> selection.read(rs, 1, context)));
            boolean more = rows.size() > top;
            if (more) rows.remove(rows.size() - 1);
            counted(rows.size());
            Long count = null;
            if (options.count()) {
                Sql counting = new Sql("SELECT COUNT(*) FROM " + table.from(alias));
                if (!where.isEmpty()) counting.append(" WHERE ").append(where);
                count = run(counting, (rs, n) -> rs.getLong(1)).get(0);
            }
            return new EntityPage(expand(rows, options.expand()), count, more);
        }

        private int top(QueryOptions options) {
            return Math.min(options.top() == null ? limits.defaultTop() : options.top(), limits.maxTop());
        }

        /** Counts entities into the answer, and refuses one that would hold more than the limit. */
        private void counted(int entities) {
            entitiesRead += entities;
            if (entitiesRead > limits.maxEntities()) {
                throw new StaQueryException(new InvalidInput("ogc.sta.tooManyEntities", null, limits.maxEntities()));
            }
        }

        /**
         * Where and in what order a page of {@code type} related to one {@code sourceType} is read. A Datastream's
         * Observations ordered by phenomenonTime first are in the order of the readings key (datastream_id,
         * phenomenon_time, version) in the same direction: they are current versions, unique per datastream and time
         * (readings_one_current, V6_27), so nothing after the time ever decides. Spelled as the key's columns over the
         * key's index, a page is read along it and stops at its end; H2 otherwise reads the datastream's whole history.
         * Any other order is read as asked.
         */
        private ReadOrder readOrder(EntityType sourceType, EntityType type, List<SortKey> order, String alias) {
            EntityTable table = Schema.table(type);
            boolean alongKey = sourceType == EntityType.DATASTREAM && type == EntityType.OBSERVATION
                    && order.get(0).value().text().equals(table.column("phenomenonTime").orElseThrow().on(alias));
            return alongKey ? new ReadOrder(context.dialect().readingsByKey(alias), Schema.readingsKey(alias, order.get(0).descending()))
                    : new ReadOrder(table.from(alias), order);
        }

        /** A page's order: the order asked, then the id. */
        private List<SortKey> order(QueryOptions options, String alias, EntityType type) {
            List<SortKey> order = new ArrayList<>();
            boolean descending = false;
            for (OrderBy by : options.orderBy()) {
                order.add(new SortKey(compiler.orderValue("$orderby", by.expression(), alias, type), by.descending()));
                descending = by.descending();
            }
            // The id last makes pages stable wherever the requested order has ties; in the direction of the order before
            // it, so that one index of (time, id) serves newest-first pages over every datastream, read backwards.
            order.add(new SortKey(new Sql(alias + ".id"), descending));
            return order;
        }

        /**
         * What a statement reads of an entity under {@code alias}: the columns the viewer may see, and the foreign key of
         * each to-one navigation property it is expanded by (into a set the viewer sees), with which the related entities
         * of all rows are then read at once.
         */
        private Selection selection(EntityType type, String alias, List<Expand> expands) {
            EntityTable table = Schema.table(type);
            Sql sql = new Sql();
            List<Column> shown = new ArrayList<>();
            for (Column column : table.columns().values()) {
                if (context.withheld(type, column.name())) continue;
                String value = context.columnSql(type, column, alias);
                shown.add(column);
                sql.append((shown.size() > 1 ? ", " : "") + (column.type() == ValueType.GEOMETRY ? "ST_AsBinary(" + value + ")" : value)
                        + " AS c" + shown.size());
            }
            List<String> keys = new ArrayList<>();
            for (Expand expand : expands) {
                NavigationProperty nav = type.navigationProperty(expand.navigation()).orElseThrow();
                if (nav.toMany() || !context.disclosure(nav.target()).visible()) continue;
                keys.add(nav.name());
                sql.append(", " + table.foreignKey(nav.name(), alias) + " AS k" + keys.size());
            }
            return new Selection(type, sql, shown, keys);
        }

        /**
         * The entities read, with what {@code expands} asks for attached: each navigation property's related entities for
         * all of them in one statement, under the related set's disclosure as any read of that set.
         *
         * @param rows as many as the answer holds: an entity related to several others is there once for each
         */
        private List<Entity> expand(List<Read> rows, List<Expand> expands) {
            List<Map<String, Object>> expanded = new ArrayList<>(rows.size());
            rows.forEach(row -> expanded.add(new LinkedHashMap<>()));
            for (Expand expand : rows.isEmpty() ? List.<Expand>of() : expands) {
                EntityType type = rows.get(0).entity().type();
                NavigationProperty nav = type.navigationProperty(expand.navigation()).orElseThrow();
                if (!context.disclosure(nav.target()).visible()) continue;
                List<?> related = nav.toMany() ? relatedPages(type, nav, rows, expand.options()) : relatedEntities(nav, rows, expand.options());
                for (int i = 0; i < rows.size(); i++) expanded.get(i).put(nav.name(), related.get(i));
            }
            List<Entity> entities = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Entity entity = rows.get(i).entity();
                entities.add(expands.isEmpty() ? entity : new Entity(entity.type(), entity.id(), entity.values(), expanded.get(i)));
            }
            return entities;
        }

        /**
         * The entity a to-one navigation leads to from each row (null where none, or none the viewer sees): all read by
         * the rows' foreign keys in one statement. Only $select and $expand apply to a single entity.
         */
        private List<Entity> relatedEntities(NavigationProperty nav, List<Read> rows, QueryOptions options) {
            EntityType type = nav.target();
            for (String name : options.select()) requireSelectable(type, name);
            Set<Long> keys = new LinkedHashSet<>();
            for (Read row : rows) {
                if (row.keys().get(nav.name()) != null) keys.add(row.keys().get(nav.name()));
            }
            Map<Long, Read> byId = new HashMap<>();
            if (!keys.isEmpty()) {
                String alias = context.nextAlias();
                Selection selection = selection(type, alias, options.expand());
                for (List<Long> chunk : chunks(keys)) {
                    Sql where = context.rowConditions(type, alias);
                    and(where, new Sql(alias + ".id IN (").append(values(chunk)).append(")"));
                    Sql select = new Sql("SELECT ").append(selection.columns()).append(" FROM " + Schema.table(type).from(alias) + " WHERE ").append(where);
                    for (Read read : run(select, (rs, n) -> selection.read(rs, 1, context))) byId.put(read.entity().id(), read);
                }
            }
            List<Read> found = new ArrayList<>();
            for (Read row : rows) {
                Read related = byId.get(row.keys().get(nav.name()));
                if (related != null) found.add(related);
            }
            counted(found.size());
            Iterator<Entity> entities = expand(found, options.expand()).iterator();
            List<Entity> related = new ArrayList<>(rows.size());
            for (Read row : rows) related.add(byId.containsKey(row.keys().get(nav.name())) ? entities.next() : null);
            return related;
        }

        /**
         * The page of a to-many navigation from each row, with all its query options: the pages of all rows in one
         * statement ({@link StaDialect#pagesPerParent}), their counts in one more when $count asks. The relation and the
         * target's conditions are those of a read of the path from one source by id.
         */
        private List<EntityPage> relatedPages(EntityType sourceType, NavigationProperty nav, List<Read> rows, QueryOptions options) {
            EntityType type = nav.target();
            String alias = context.nextAlias();
            Sql conditions = context.rowConditions(type, alias);
            Sql filter = options.filter() == null ? null : compiler.predicate("$filter", options.filter(), alias, type);
            for (String name : options.select()) requireSelectable(type, name);
            ReadOrder reading = readOrder(sourceType, type, order(options, alias, type), alias);
            Function<Sql, Sql> from = source -> {
                Sql where = new Sql().append(conditions);
                and(where, relation(Schema.table(sourceType), nav.name(), alias, source));
                if (filter != null) and(where, filter);
                return new Sql(reading.from() + " WHERE ").append(where);
            };

            int top = top(options);
            Set<Long> ids = new LinkedHashSet<>();
            rows.forEach(row -> ids.add(row.entity().id()));
            Selection selection = selection(type, alias, options.expand());
            Map<Long, List<Read>> byParent = new HashMap<>();
            int keptSoFar = 0;
            for (List<Long> chunk : chunks(ids)) {
                // Each page holds at most one row beyond its $top; reading stops past what the answer may hold, and then
                // what was kept is more than it may hold, so the answer is refused rather than cut short.
                // In long: with max entities near Integer.MAX_VALUE the sum would wrap round and read nothing.
                long atMost = (long) limits.maxEntities() - entitiesRead - keptSoFar + chunk.size() + 1;
                if (atMost <= chunk.size()) break;
                Sql select = context.dialect().pagesPerParent(chunk, from, selection.columns(), reading.order(), top + 1, options.skip(), atMost);
                for (Map.Entry<Long, Read> read : run(select, (rs, n) -> Map.entry(rs.getLong(1), selection.read(rs, 2, context)))) {
                    byParent.computeIfAbsent(read.getKey(), parent -> new ArrayList<>()).add(read.getValue());
                }
                for (Long parent : chunk) keptSoFar += kept(byParent.getOrDefault(parent, List.of()), top).size();
            }

            List<Read> children = new ArrayList<>();
            for (Read row : rows) children.addAll(kept(byParent.getOrDefault(row.entity().id(), List.of()), top));
            counted(children.size());
            Map<Long, Long> counts = new HashMap<>();
            if (options.count()) {
                for (List<Long> chunk : chunks(ids)) {
                    Sql counting = new Sql("SELECT " + StaDialect.PARENT_ID + ", (SELECT COUNT(*) FROM ").append(from.apply(new Sql(StaDialect.PARENT_ID)))
                            .append(") FROM ").append(StaDialect.parents(chunk));
                    for (Map.Entry<Long, Long> count : run(counting, (rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))) counts.put(count.getKey(), count.getValue());
                }
            }
            Iterator<Entity> entities = expand(children, options.expand()).iterator();
            List<EntityPage> pages = new ArrayList<>(rows.size());
            for (Read row : rows) {
                List<Read> page = byParent.getOrDefault(row.entity().id(), List.of());
                List<Entity> shown = new ArrayList<>();
                for (int i = kept(page, top).size(); i > 0; i--) shown.add(entities.next());
                pages.add(new EntityPage(shown, options.count() ? counts.get(row.entity().id()) : null, page.size() > top));
            }
            return pages;
        }

        private void requireSelectable(EntityType type, String name) {
            if (name.equals("selfLink") || type.navigationProperty(name).isPresent()) return;
            boolean known = Schema.table(type).columns().values().stream().anyMatch(c -> c.queryable()
                    && (c.name().equals(name) || c.name().startsWith(name + "/")))
                    || type.computedProperties().contains(name);
            if (!known || context.withheld(type, name)) throw new StaQueryException(new InvalidInput("ogc.sta.unknownSelect", "$select", name, type.entityName()));
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
                and(where, relation(sourceTable, segment.navigation(), alias, new Sql().bind(source.id())));
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

    /** The rows a page reads ({@code FROM}) and the order it reads them in. */
    private record ReadOrder(String from, List<SortKey> order) {}

    /** An entity as read, with the foreign keys its selection read along (by navigation property, null for none). */
    private record Read(Entity entity, Map<String, Long> keys) {}

    /** What a statement selects of an entity type: the columns shown, then the foreign keys of some navigation properties. */
    private record Selection(EntityType type, Sql columns, List<Column> shown, List<String> keys) {

        /** The entity and keys of a row whose selection starts at column {@code first}. */
        Read read(ResultSet rs, int first, QueryContext context) throws SQLException {
            Entity entity = row(type, shown, rs, first, context);
            Map<String, Long> read = new HashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                Object key = rs.getObject(first + shown.size() + i);
                read.put(keys.get(i), key == null ? null : ((Number) key).longValue());
            }
            return new Read(entity, read);
        }
    }

    /**
     * Ids in statements of at most this many: an expansion's sources may number max-entities (10,000 by default), and one
     * statement naming them all (an IN list, a VALUES list, H2's UNION ALL of a page each) grows past what a parser and
     * planner handle well.
     */
    private static final int IDS_PER_STATEMENT = 500;

    private List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += idsPerStatement) chunks.add(all.subList(from, Math.min(all.size(), from + idsPerStatement)));
        return chunks;
    }

    /** One bound value for each, separated by commas. */
    private static Sql values(Collection<Long> values) {
        return new Sql().append(String.join(", ", Collections.nCopies(values.size(), "?")), List.copyOf(values));
    }

    /** A page as read with one row beyond its size, which only tells that more follow, without it. */
    private static List<Read> kept(List<Read> page, int top) {
        return page.size() > top ? page.subList(0, top) : page;
    }

    /**
     * A relation that needs nothing of its source but the id ({@link EntityTable#relationNeedsOnlySourceId}) as a
     * condition on the target {@code alias}, with {@code sourceId} for the source's id.
     */
    private static Sql relation(EntityTable sourceTable, String navigation, String alias, Sql sourceId) {
        String[] parts = sourceTable.relation(navigation, alias, "\u0000").split("\u0000\\.id", -1);
        Sql relation = new Sql(parts[0]);
        for (int i = 1; i < parts.length; i++) relation.append(sourceId).append(parts[i]);
        return relation;
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

    private static Entity row(EntityType type, List<Column> columns, ResultSet rs, int first, QueryContext context) throws SQLException {
        // Sized for its columns: a Datastream's twenty would otherwise grow the map once per row.
        Map<String, Object> values = new LinkedHashMap<>(columns.size() * 4 / 3 + 2);
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            int index = first + i;
            Object value = switch (column.type()) {
                case DATETIME -> {
                    OffsetDateTime time = rs.getObject(index, OffsetDateTime.class);
                    yield time == null ? null : time.toInstant();
                }
                case DATE -> rs.getObject(index, LocalDate.class);
                case NUMBER -> number(rs.getObject(index));
                case GEOMETRY -> geometry(rs.getBytes(index));
                case JSON -> shown(rs.getString(index), type, column.name(), context);
                default -> rs.getObject(index);
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
