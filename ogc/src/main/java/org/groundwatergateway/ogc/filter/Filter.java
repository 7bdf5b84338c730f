package org.groundwatergateway.ogc.filter;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A feature filter as data: what FES 2.0 (ISO 19143), a WMS or OGC API request and the policy layer ask for,
 * parsed once and never evaluated as code. Property names are plain names, checked against a feature type's
 * schema when the filter is turned into SQL, or GML's own properties of every feature: {@code gml:name},
 * {@code gml:description}, {@code gml:identifier}, {@code gml:boundedBy} (which the published features never carry)
 * and {@link #GML_ID}. Values stay values and are bound as parameters. Geometries are in CGCS2000 longitude/latitude.
 */
public sealed interface Filter {

    /** The feature's identifier ({@code @gml:id}, e.g. {@code wells.12}) as a value reference. */
    String GML_ID = "@gml:id";

    /** Whether {@code property} is one of GML's standard properties ({@code gml:name}, ...), not the feature type's. */
    static boolean isGmlProperty(String property) {
        return property.startsWith("gml:");
    }

    /** Everything passes. */
    record Include() implements Filter {}

    record And(List<Filter> operands) implements Filter {
        public And {
            operands = List.copyOf(operands);
        }
    }

    record Or(List<Filter> operands) implements Filter {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(Filter operand) implements Filter {}

    /** {@code property op value}; a string comparison ignores case unless {@code matchCase}. */
    record Comparison(ComparisonOperator operator, String property, String value, boolean matchCase) implements Filter {}

    /** SQL-like pattern match with the wildcard, single-character and escape characters the request chose. */
    record Like(String property, String pattern, char wildCard, char singleChar, char escapeChar, boolean matchCase) implements Filter {}

    record Between(String property, String lower, String upper) implements Filter {}

    record IsNull(String property) implements Filter {}

    /** A spatial relation against the feature's geometry. */
    record Spatial(SpatialOperator operator, Geometry geometry) implements Filter {}

    /** Within (or, if {@code beyond}, farther than) a distance in metres of a geometry. */
    record Distance(Geometry geometry, double metres, boolean beyond) implements Filter {}

    /** Only the features with these identifiers. */
    record ResourceIds(List<String> ids) implements Filter {
        public ResourceIds {
            ids = List.copyOf(ids);
        }
    }

    Filter INCLUDE = new Include();

    /** Both filters; {@code INCLUDE} operands drop out. */
    static Filter and(Filter a, Filter b) {
        if (a instanceof Include) return b;
        if (b instanceof Include) return a;
        return new And(List.of(a, b));
    }

    enum ComparisonOperator {
        EQUAL_TO("="), NOT_EQUAL_TO("<>"), LESS_THAN("<"), LESS_THAN_OR_EQUAL_TO("<="), GREATER_THAN(">"), GREATER_THAN_OR_EQUAL_TO(">=");

        private final String sql;

        ComparisonOperator(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    /** The spatial operators of FES 2.0 §7.8, with the SQL/MM function each maps to. */
    enum SpatialOperator {
        BBOX("ST_Intersects"), INTERSECTS("ST_Intersects"), WITHIN("ST_Within"), CONTAINS("ST_Contains"), DISJOINT("ST_Disjoint"),
        TOUCHES("ST_Touches"), CROSSES("ST_Crosses"), OVERLAPS("ST_Overlaps"), EQUALS("ST_Equals");

        private final String function;

        SpatialOperator(String function) {
            this.function = function;
        }

        public String function() {
            return function;
        }
    }
}
