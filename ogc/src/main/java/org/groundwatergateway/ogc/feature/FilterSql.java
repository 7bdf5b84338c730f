package org.groundwatergateway.ogc.feature;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.groundwatergateway.core.storage.Geometries;
import org.groundwatergateway.ogc.filter.Filter;
import org.groundwatergateway.ogc.filter.FilterException;
import org.locationtech.jts.geom.Geometry;

/**
 * Turns a {@link Filter} into a SQL condition over a feature type's view (aliased {@code t}). Property names are
 * looked up in the disclosed schema and only the schema's own names reach the SQL text; every value is parsed
 * to the property's type and bound. (GeoServer's CVE-2023-25157 injected SQL through PropertyIsLike and
 * FeatureId; CVE-2024-36401 evaluated property names as XPath. Neither has a way in here.)
 */
final class FilterSql {

    private static final char LIKE_ESCAPE = '!';
    /** A feature identifier as this service writes them: {@code <type>.<number>}. */
    private static final Pattern TYPED_ID = Pattern.compile("([A-Za-z_]\\w*)\\.\\d+");

    private final DisclosedType layer;
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    private FilterSql(DisclosedType layer) {
        this.layer = layer;
    }

    /** The condition for the filter over the disclosed view, which already holds only the rows the viewer may see. */
    static SqlFragment where(DisclosedType layer, Filter filter) {
        FilterSql compiler = new FilterSql(layer);
        compiler.write(filter);
        return new SqlFragment(compiler.sql.toString(), compiler.parameters);
    }

    // Java 17 has no pattern matching in switch, hence the chain.
    private void write(Filter filter) {
        if (filter instanceof Filter.Include) {
            sql.append("1 = 1");
        } else if (filter instanceof Filter.And and) {
            junction(and.operands(), " AND ", "1 = 1");
        } else if (filter instanceof Filter.Or or) {
            junction(or.operands(), " OR ", "1 = 0");
        } else if (filter instanceof Filter.Not not) {
            sql.append("NOT (");
            write(not.operand());
            sql.append(')');
        } else if (filter instanceof Filter.Comparison comparison && comparison.property().equals(Filter.GML_ID)) {
            identifierComparison(comparison);
        } else if (filter instanceof Filter.Comparison comparison) {
            comparison(comparison);
        } else if (filter instanceof Filter.Like like) {
            like(like);
        } else if (filter instanceof Filter.Between between && absent(between.property())) {
            sql.append("1 = 0");
        } else if (filter instanceof Filter.Between between) {
            FeatureProperty property = property(between.property());
            sql.append("t.").append(property.name()).append(" BETWEEN ? AND ?");
            parameters.add(value(property, between.lower()));
            parameters.add(value(property, between.upper()));
        } else if (filter instanceof Filter.IsNull isNull && isNull.property().equals(Filter.GML_ID)) {
            sql.append("1 = 0");
        } else if (filter instanceof Filter.IsNull isNull && absent(isNull.property())) {
            sql.append("1 = 1");
        } else if (filter instanceof Filter.IsNull isNull) {
            sql.append("t.").append(property(isNull.property()).name()).append(" IS NULL");
        } else if (filter instanceof Filter.Spatial spatial) {
            sql.append(spatial.operator().function()).append("(t.geom, ").append(Geometries.BIND).append(')');
            parameters.add(Geometries.wkb(spatial.geometry()));
        } else if (filter instanceof Filter.Distance distance) {
            // Buffered in metres on a local projection, so both databases answer it the same way.
            Geometry area = MetricBuffer.buffer(distance.geometry(), distance.metres());
            sql.append(distance.beyond() ? "NOT " : "").append("ST_Intersects(t.geom, ").append(Geometries.BIND).append(')');
            parameters.add(Geometries.wkb(area));
        } else if (filter instanceof Filter.ResourceIds ids) {
            resourceIds(ids.ids());
        } else {
            throw new IllegalStateException("unhandled filter " + filter);
        }
    }

    private void junction(List<Filter> operands, String operator, String empty) {
        if (operands.isEmpty()) {
            sql.append(empty);
            return;
        }
        sql.append('(');
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) sql.append(operator);
            write(operands.get(i));
        }
        sql.append(')');
    }

    /**
     * GML's standard properties other than the identifier: the published features carry none of them, so they are null
     * and no comparison matches. {@code gml:boundedBy} is an envelope, which no literal can be compared with.
     */
    private static boolean absent(String property) {
        if (property.equals("gml:boundedBy")) {
            throw FilterException.cannotEvaluate("gml:boundedBy is an envelope; compare geometries with the spatial operators", property);
        }
        return Filter.isGmlProperty(property);
    }

    /** {@code @gml:id = 'wells.12'} (or {@code <>}): the identifier, as a resource id filter would select it. */
    private void identifierComparison(Filter.Comparison comparison) {
        boolean equal = comparison.operator() == Filter.ComparisonOperator.EQUAL_TO;
        if (!equal && comparison.operator() != Filter.ComparisonOperator.NOT_EQUAL_TO) {
            throw new FilterException("@gml:id can only be compared for equality", Filter.GML_ID);
        }
        sql.append(equal ? "(" : "NOT (");
        resourceIds(List.of(comparison.value()));
        sql.append(')');
    }

    private void comparison(Filter.Comparison comparison) {
        if (absent(comparison.property())) {
            sql.append("1 = 0");
            return;
        }
        FeatureProperty property = property(comparison.property());
        boolean foldCase = property.type() == PropertyType.STRING && !comparison.matchCase();
        sql.append(foldCase ? "LOWER(t." + property.name() + ")" : "t." + property.name())
                .append(' ').append(comparison.operator().sql()).append(foldCase ? " LOWER(?)" : " ?");
        parameters.add(value(property, comparison.value()));
    }

    private void like(Filter.Like like) {
        if (absent(like.property())) {
            sql.append("1 = 0");
            return;
        }
        FeatureProperty property = property(like.property());
        if (property.type() != PropertyType.STRING) {
            throw new FilterException("PropertyIsLike needs a text property; " + property.name() + " is " + property.type().xsd(), property.name());
        }
        withoutNul(property, like.pattern());
        String column = "t." + property.name();
        sql.append(like.matchCase() ? column : "LOWER(" + column + ")")
                .append(like.matchCase() ? " LIKE ?" : " LIKE LOWER(?)")
                .append(" ESCAPE '").append(LIKE_ESCAPE).append('\'');
        parameters.add(likePattern(like));
    }

    /** The request's pattern in SQL LIKE syntax: its wildcards mapped, every other character literal. */
    static String likePattern(Filter.Like like) {
        StringBuilder pattern = new StringBuilder();
        String text = like.pattern();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == like.escapeChar() && i + 1 < text.length()) {
                literal(pattern, text.charAt(++i));
            } else if (c == like.wildCard()) {
                pattern.append('%');
            } else if (c == like.singleChar()) {
                pattern.append('_');
            } else {
                literal(pattern, c);
            }
        }
        return pattern.toString();
    }

    private static void literal(StringBuilder pattern, char c) {
        if (c == '%' || c == '_' || c == LIKE_ESCAPE) pattern.append(LIKE_ESCAPE);
        pattern.append(c);
    }

    private void resourceIds(List<String> ids) {
        List<Long> keys = new ArrayList<>();
        String prefix = layer.name() + ".";
        for (String id : ids) {
            Matcher typed = TYPED_ID.matcher(id);
            if (typed.matches() && !typed.group(1).equals(layer.name())) {
                // FES 2.0 §7.11.1: a resource id inconsistent with the queried type is an error, not an empty result.
                throw new FilterException("Resource id " + id + " names a feature of type " + typed.group(1) + ", not " + layer.name(), "ResourceId");
            }
            String key = id.startsWith(prefix) ? id.substring(prefix.length()) : id;
            try {
                keys.add(Long.parseLong(key));
            } catch (NumberFormatException e) {
                // An identifier of another type, or none at all, matches no feature of this one.
            }
        }
        in("fid", keys);
    }

    /** {@code t.column IN (?, …)} with the values bound; an empty list matches nothing. */
    private void in(String column, List<?> values) {
        if (values.isEmpty()) {
            sql.append("1 = 0");
            return;
        }
        StringJoiner marks = new StringJoiner(", ", "t." + column + " IN (", ")");
        for (Object value : values) {
            marks.add("?");
            parameters.add(value);
        }
        sql.append(marks);
    }

    /** PostgreSQL text cannot hold U+0000 and fails the bound statement; no stored value holds one either. */
    private static void withoutNul(FeatureProperty property, String text) {
        if (text.indexOf('\u0000') >= 0) throw new FilterException("Property " + property.name() + ": a value cannot hold the NUL character", property.name());
    }

    private FeatureProperty property(String name) {
        return layer.type().property(name).orElseThrow(() -> new FilterException(
                "Feature type " + layer.name() + " has no property '" + name + "'", name));
    }

    private static Object value(FeatureProperty property, String text) {
        if (text == null) throw new FilterException("A value is missing for " + property.name(), property.name());
        withoutNul(property, text);
        try {
            return property.type().parse(text);
        } catch (IllegalArgumentException e) {
            throw new FilterException("Property " + property.name() + ": " + e.getMessage(), property.name());
        }
    }
}
