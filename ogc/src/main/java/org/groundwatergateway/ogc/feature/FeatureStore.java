package org.groundwatergateway.ogc.feature;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Geometries;
import org.groundwatergateway.core.storage.Rows;
import org.groundwatergateway.ogc.filter.Filter;
import org.groundwatergateway.ogc.filter.FilterException;
import org.groundwatergateway.policies.CoarseGrid;
import org.locationtech.jts.geom.Envelope;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * Reads features for every OGC service: one SQL statement per query over the type's disclosed view
 * ({@link DisclosedView}), with the filter, the order and the page in SQL and every value bound. Results are streamed, so a
 * large GetFeature does not sit in memory.
 */
public final class FeatureStore {

    private static final int FETCH_SIZE = 500;

    private final Database database;
    private final Clock clock;

    /** @param clock the time a disclosure's delay counts back from */
    public FeatureStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Checks that the query's filter and order name only properties the viewer may see, with values of the right
     * type, without running it: services call this before they start writing an answer.
     *
     * @throws FilterException naming the problem
     */
    public void validate(FeatureQuery query) {
        select(query);
    }

    private SqlFragment select(FeatureQuery query) {
        DisclosedType layer = query.layer();
        return selectFrom(layer, query.asOf())
                .append(SqlFragment.of(" WHERE "))
                .append(FilterSql.where(layer, query.filter()))
                .append(SqlFragment.of(orderBy(query) + " LIMIT ? OFFSET ?", query.count(), query.startIndex()));
    }

    /** Streams the page of features the query selects, in order, to {@code sink}. */
    public void read(FeatureQuery query, Consumer<Feature> sink) {
        DisclosedType layer = query.layer();
        SqlFragment select = select(query);
        Map<String, FeatureProperty> properties = layer.type().propertiesByName();
        double precision = layer.disclosure().locationPrecisionMetres();
        // Points come snapped from SQL (DisclosedView); other shapes are reduced to the grid here, but for the viewer's own.
        PrecisionModel grid = precision > 0 && layer.type().geometryKind() != GeometryKind.POINT ? new PrecisionModel(CoarseGrid.METRES_PER_DEGREE / precision) : null;
        boolean marksOwn = DisclosedView.marksOwnRows(layer);
        database.jdbc().sql(select.sql()).params(select.parameters())
                .withFetchSize(FETCH_SIZE)
                .query((RowCallbackHandler) rs -> {
                    Geometry geometry = Geometries.read(rs, "geom", Geometry.class);
                    if (grid != null && !(marksOwn && rs.getInt(DisclosedView.OWN) == 1)) geometry = GeometryPrecisionReducer.reduce(geometry, grid);
                    sink.accept(new Feature(rs.getString("fid"), values(rs, properties), geometry));
                });
    }

    public List<Feature> list(FeatureQuery query) {
        List<Feature> features = new ArrayList<>();
        read(query, features::add);
        return features;
    }

    /** How many features the query's filter selects, ignoring its page. */
    public long count(FeatureQuery query) {
        SqlFragment count = SqlFragment.of("SELECT COUNT(*) FROM ").append(DisclosedView.of(query.layer(), query.asOf(), clock.instant()))
                .append(SqlFragment.of(" WHERE ")).append(FilterSql.where(query.layer(), query.filter()));
        return database.jdbc().sql(count.sql()).params(count.parameters()).query(Long.class).single();
    }

    /**
     * The distinct values of some of a type's properties, of the features the viewer may see of it at an instant (null:
     * read without one, as a delay's cutoff allows), in their order: what a service may list of it, e.g. a layer per
     * parameter traced. The properties must be shown to the viewer; values as features hold them (a time as an Instant).
     */
    public List<List<Object>> distinct(DisclosedType layer, List<String> properties, Instant asOf) {
        Map<String, FeatureProperty> selected = new LinkedHashMap<>();
        for (String name : properties) {
            selected.put(name, layer.type().property(name).orElseThrow(() -> new IllegalArgumentException(layer.name() + " has no property " + name)));
        }
        String columns = String.join(", ", selected.values().stream().map(property -> "t." + property.name()).toList());
        SqlFragment select = SqlFragment.of("SELECT DISTINCT " + columns + " FROM ")
                .append(DisclosedView.of(layer, asOf, clock.instant())).append(SqlFragment.of(" ORDER BY " + columns));
        return database.jdbc().sql(select.sql()).params(select.parameters())
                .query((rs, n) -> (List<Object>) new ArrayList<Object>(values(rs, selected).values())).list();
    }

    /** The longitude/latitude envelope of every feature the viewer may see of the type; null if there are none. */
    public Envelope extent(DisclosedType layer) {
        Envelope extent = new Envelope();
        read(FeatureQuery.all(layer, Filter.INCLUDE, null, Integer.MAX_VALUE),
                feature -> extent.expandToInclude(feature.geometry().getEnvelopeInternal()));
        return extent.isNull() ? null : extent;
    }

    private SqlFragment selectFrom(DisclosedType layer, Instant asOf) {
        StringBuilder columns = new StringBuilder("SELECT t.fid, ST_AsBinary(t.geom) AS geom");
        for (FeatureProperty property : layer.type().properties()) columns.append(", t.").append(property.name());
        if (DisclosedView.marksOwnRows(layer)) columns.append(", t.").append(DisclosedView.OWN);
        return SqlFragment.of(columns + " FROM ").append(DisclosedView.of(layer, asOf, clock.instant()));
    }

    private static String orderBy(FeatureQuery query) {
        StringBuilder order = new StringBuilder(" ORDER BY ");
        for (SortKey key : query.sort()) {
            FeatureProperty property = query.layer().type().property(key.property()).orElseThrow(() -> new FilterException(
                    "Feature type " + query.layer().name() + " has no property '" + key.property() + "' to sort by", key.property()));
            order.append("t.").append(property.name()).append(key.descending() ? " DESC" : " ASC").append(", ");
        }
        return order.append("t.fid").toString();
    }

    private static Map<String, Object> values(ResultSet rs, Map<String, FeatureProperty> properties) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FeatureProperty property : properties.values()) {
            String column = property.name();
            values.put(column, switch (property.type()) {
                case STRING -> rs.getString(column);
                case INTEGER -> Rows.nullableLong(rs, column);
                case DOUBLE -> Rows.nullableDouble(rs, column);
                case BOOLEAN -> {
                    boolean value = rs.getBoolean(column);
                    yield rs.wasNull() ? null : value;
                }
                case DATETIME -> Rows.instant(rs, column);
            });
        }
        return values;
    }
}
