package org.groundwatergateway.core.parameter;

import java.util.List;

/**
 * The upper and lower bounds of GB/T 14848-2017 quality classes I to IV for one indicator; a value outside
 * the class IV bounds is class V. Bounds are inclusive, as the standard's "≤" limits are; a null bound is
 * open. Class I "not detected" is an upper bound of 0.
 */
public record GroundwaterClassLimits(List<Bounds> classes) {

    public record Bounds(Double lower, Double upper) {
        boolean contain(double value) {
            return (lower == null || value >= lower) && (upper == null || value <= upper);
        }
    }

    public GroundwaterClassLimits {
        if (classes.size() != 4) throw new IllegalArgumentException("GB/T 14848 defines classes I to IV, got " + classes.size());
        classes = List.copyOf(classes);
    }

    /** The quality class (1 = I ... 5 = V) a concentration falls in. */
    public int classOf(double value) {
        for (int i = 0; i < 4; i++) {
            if (classes.get(i).contain(value)) return i + 1;
        }
        return 5;
    }

    /**
     * {@link #classOf} as SQL: the class of {@code value} under the limits of the parameters row aliased
     * {@code parameter}; null where the parameter has no limits. FeatureStoreTest checks both forms agree on both databases.
     */
    public static String classSql(String value, String parameter) {
        StringBuilder sql = new StringBuilder("CASE WHEN " + parameter + ".class1_lower IS NULL AND " + parameter + ".class1_upper IS NULL AND "
                + parameter + ".class4_lower IS NULL AND " + parameter + ".class4_upper IS NULL THEN NULL");
        for (int qualityClass = 1; qualityClass <= 4; qualityClass++) {
            String lower = parameter + ".class" + qualityClass + "_lower";
            String upper = parameter + ".class" + qualityClass + "_upper";
            sql.append(" WHEN (").append(lower).append(" IS NULL OR ").append(value).append(" >= ").append(lower).append(") AND (")
                    .append(upper).append(" IS NULL OR ").append(value).append(" <= ").append(upper).append(") THEN ").append(qualityClass);
        }
        return sql.append(" ELSE 5 END").toString();
    }

    public Bounds bounds(int qualityClass) {
        return classes.get(qualityClass - 1);
    }

    /** The upper limits of classes I to IV that are set, each once, in class order: where a map draws its contours. */
    public List<Double> upperLimits() {
        return classes.stream().map(Bounds::upper).filter(java.util.Objects::nonNull).distinct().toList();
    }
}
