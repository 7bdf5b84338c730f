package org.groundwatergateway.ogc.feature;

import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.locationtech.jts.geom.Envelope;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * Reads features for every OGC service: one SQL statement per query over the type's view, with the filter,
 * the disclosure's row limits, the order and the page in SQL and every value bound. Results are streamed, so a
 * large GetFeature does not sit in memory.
 */
public final class FeatureStore {

    private static final int FETCH_SIZE = 500;

    private final Database database;

    public FeatureStore(Database database) {
        this.database = database;
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

    private static SqlFragment select(FeatureQuery query) {
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
        // Points come snapped from SQL (disclosedView); other shapes are reduced to the grid here.
        PrecisionModel grid = precision > 0 && layer.type().geometryKind() != GeometryKind.POINT ? new PrecisionModel(CoarseLocations.METRES_PER_DEGREE / precision) : null;
        database.jdbc().sql(select.sql()).params(select.parameters())
                .withFetchSize(FETCH_SIZE)
                .query((RowCallbackHandler) rs -> {
                    Geometry geometry = Geometries.read(rs, "geom", Geometry.class);
                    if (grid != null) geometry = GeometryPrecisionReducer.reduce(geometry, grid);
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
        SqlFragment count = SqlFragment.of("SELECT COUNT(*) FROM ").append(disclosedView(query.layer(), query.asOf()))
                .append(SqlFragment.of(" WHERE ")).append(FilterSql.where(query.layer(), query.filter()));
        return database.jdbc().sql(count.sql()).params(count.parameters()).query(Long.class).single();
    }

    /** The longitude/latitude envelope of every feature the viewer may see of the type; null if there are none. */
    public Envelope extent(DisclosedType layer) {
        Envelope extent = new Envelope();
        read(FeatureQuery.all(layer, Filter.INCLUDE, null, Integer.MAX_VALUE),
                feature -> extent.expandToInclude(feature.geometry().getEnvelopeInternal()));
        return extent.isNull() ? null : extent;
    }

    private static SqlFragment selectFrom(DisclosedType layer, Instant asOf) {
        StringBuilder columns = new StringBuilder("SELECT t.fid, ST_AsBinary(t.geom) AS geom");
        for (FeatureProperty property : layer.type().properties()) columns.append(", t.").append(property.name());
        return SqlFragment.of(columns + " FROM ").append(disclosedView(layer, asOf));
    }

    /**
     * The type's view as the viewer may see it, aliased {@code t}: with a location precision, points are snapped to
     * the grid here, before any filter, so a BBOX, a distance or an intersection sees only the coarse point and no
     * sequence of probes can place a well closer than the grid does. (Coarsened only on output, 40 BBOX bisections
     * recovered a well's exact place.) Other geometries keep their exact shape in SQL and are reduced on output.
     */
    private static SqlFragment disclosedView(DisclosedType layer, Instant asOf) {
        SqlFragment view = SqlFragment.of("(").append(layer.type().view().apply(asOf)).append(SqlFragment.of(")"));
        double precision = layer.disclosure().locationPrecisionMetres();
        if (precision <= 0 || layer.type().geometryKind() != GeometryKind.POINT) return view.append(SqlFragment.of(" t"));
        StringBuilder columns = new StringBuilder("SELECT v.fid, " + CoarseLocations.snapped("v.geom", precision) + " AS geom");
        for (FeatureProperty property : layer.published().properties()) columns.append(", v.").append(property.name());
        return SqlFragment.of("(" + columns + " FROM ").append(view).append(SqlFragment.of(" v) t"));
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
