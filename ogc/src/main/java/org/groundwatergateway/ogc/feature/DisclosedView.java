package org.groundwatergateway.ogc.feature;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.groundwatergateway.core.storage.Geometries;
import org.groundwatergateway.core.storage.Rows;
import org.groundwatergateway.policies.CoarseGrid;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.Disclosure.Area;
import org.groundwatergateway.policies.Disclosure.Ownership;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A feature type's view as one viewer may see it, aliased {@code t}: the secure wrapper every feature service reads
 * through, as GeoServer's secure catalog wraps each resource once. Everything the disclosure masks is masked here, in
 * SQL, before the request's filter, sort and page see a row, so no filter or ordering can tell more than the output:
 * <ul>
 * <li>points snapped to the grid (other shapes keep their form here and are reduced to the grid on output);</li>
 * <li>a bucketed value replaced by its class; a withheld value absent, or present only in the viewer's own rows;</li>
 * <li>rows limited by value, to the viewer's own, to an area (tested on the coarse location) and to times before the
 * delay, and a type with an instant (latest readings) taken at the delayed instant.</li>
 * </ul>
 * Where the viewer's own rows are shown in full, the column {@value #OWN} is 1 for them and 0 for the others.
 */
final class DisclosedView {

    private static final Logger log = LoggerFactory.getLogger(DisclosedView.class);
    static final String OWN = "gw_own";

    private final DisclosedType layer;
    private final Disclosure disclosure;
    private final SqlFragment own;
    private final boolean ownInFull;

    private DisclosedView(DisclosedType layer) {
        this.layer = layer;
        this.disclosure = layer.disclosure();
        Ownership ownership = disclosure.ownership();
        this.own = ownership == null ? SqlFragment.of("1 = 0") : in(ownership.property(), ownership.owners(), "ownership");
        this.ownInFull = ownership != null && !ownership.onlyOwn();
    }

    /** The view at {@code asOf} (null: now), disclosed; {@code now} is what the delay counts back from. */
    static SqlFragment of(DisclosedType layer, Instant asOf, Instant now) {
        if (!layer.disclosure().masks()) return SqlFragment.of("(").append(layer.published().view().apply(asOf)).append(SqlFragment.of(") t"));
        return new DisclosedView(layer).sql(asOf, now);
    }

    /** Whether the view has the {@value #OWN} column: only when the viewer's own rows are shown in full. */
    static boolean marksOwnRows(DisclosedType layer) {
        Ownership ownership = layer.disclosure().ownership();
        return ownership != null && !ownership.onlyOwn();
    }

    private SqlFragment sql(Instant asOf, Instant now) {
        Instant cutoff = disclosure.delay().isZero() ? null : now.minus(disclosure.delay());
        Instant viewAt = cutoff != null && (asOf == null || asOf.isAfter(cutoff)) ? cutoff : asOf;
        SqlFragment view = SqlFragment.of("(").append(layer.published().view().apply(viewAt)).append(SqlFragment.of(") v"));
        SqlFragment geometry = geometry();
        SqlFragment select = SqlFragment.of("(SELECT v.fid AS fid, ").append(geometry).append(SqlFragment.of(" AS geom"));
        for (FeatureProperty property : layer.type().properties()) {
            select = select.append(SqlFragment.of(", ")).append(column(property)).append(SqlFragment.of(" AS " + property.name()));
        }
        if (ownInFull) select = select.append(SqlFragment.of(", ")).append(when(own, "1", "0")).append(SqlFragment.of(" AS " + OWN));
        return select.append(SqlFragment.of(" FROM ")).append(view).append(SqlFragment.of(" WHERE ")).append(rows(cutoff, geometry))
                .append(SqlFragment.of(") t"));
    }

    private SqlFragment geometry() {
        double precision = disclosure.locationPrecisionMetres();
        if (precision <= 0 || layer.type().geometryKind() != GeometryKind.POINT) return SqlFragment.of("v.geom");
        String snapped = CoarseGrid.snappedSql("v.geom", precision);
        return ownInFull ? when(own, "v.geom", snapped) : SqlFragment.of(snapped);
    }

    private SqlFragment column(FeatureProperty property) {
        String name = property.name();
        String value = "v." + name;
        if (disclosure.bucketed().containsKey(name)) {
            String classColumn = layer.published().classColumns().get(name);
            // A value to be shown as a class that has no class column shows nothing rather than itself.
            String bucket = classColumn == null ? "CAST(NULL AS INTEGER)" : "v." + classColumn;
            return ownInFull ? when(own, value, "CAST(" + bucket + " AS DOUBLE PRECISION)") : SqlFragment.of(bucket);
        }
        if (!disclosure.shows(name)) return when(own, value, "NULL");
        return SqlFragment.of(value);
    }

    private SqlFragment rows(Instant cutoff, SqlFragment geometry) {
        List<SqlFragment> conditions = new ArrayList<>();
        for (Map.Entry<String, Set<String>> restriction : disclosure.restrictedTo().entrySet()) {
            conditions.add(in(restriction.getKey(), restriction.getValue(), "row limit"));
        }
        if (disclosure.ownership() != null && disclosure.ownership().onlyOwn()) conditions.add(own);
        String time = layer.published().timeProperty();
        if (cutoff != null && time != null) {
            SqlFragment before = SqlFragment.of("v." + time + " <= ?", Rows.timestamp(cutoff));
            conditions.add(ownInFull ? SqlFragment.of("(").append(own).append(SqlFragment.of(" OR ")).append(before).append(SqlFragment.of(")")) : before);
        }
        Area area = disclosure.area();
        if (area != null) {
            Envelope box = new Envelope(area.west(), area.east(), area.south(), area.north());
            conditions.add(SqlFragment.of("ST_Intersects(").append(geometry)
                    .append(SqlFragment.of(", " + Geometries.BIND + ")", Geometries.wkb(new GeometryFactory().toGeometry(box)))));
        }
        SqlFragment where = SqlFragment.of("1 = 1");
        for (SqlFragment condition : conditions) where = where.append(SqlFragment.of(" AND ")).append(condition);
        return where;
    }

    /**
     * {@code v.property IN (values)}, by the published property (withheld or not: the viewer learns which rows it sees,
     * never the values). A property the type does not have, or no values, lets nothing through: a policy that cannot
     * be applied releases no data.
     */
    private SqlFragment in(String propertyName, Set<String> values, String purpose) {
        FeatureProperty property = layer.published().property(propertyName).orElse(null);
        if (property == null) {
            log.warn("The access policy's {} on {} names '{}', which it does not have: no rows are shown", purpose, layer.name(), propertyName);
            return SqlFragment.of("1 = 0");
        }
        if (values.isEmpty()) return SqlFragment.of("1 = 0");
        List<Object> bound = values.stream().sorted().map(property.type()::parse).toList();
        return new SqlFragment("v." + property.name() + " IN (" + String.join(", ", Collections.nCopies(bound.size(), "?")) + ")", bound);
    }

    private static SqlFragment when(SqlFragment condition, String then, String otherwise) {
        return SqlFragment.of("CASE WHEN ").append(condition).append(SqlFragment.of(" THEN " + then + " ELSE " + otherwise + " END"));
    }
}
