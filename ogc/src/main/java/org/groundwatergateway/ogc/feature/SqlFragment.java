package org.groundwatergateway.ogc.feature;

import java.util.ArrayList;
import java.util.List;

/** SQL text with its bound parameters, in order. Values never enter the text. */
public record SqlFragment(String sql, List<Object> parameters) {

    public SqlFragment {
        parameters = List.copyOf(parameters);
    }

    public static SqlFragment of(String sql, Object... parameters) {
        return new SqlFragment(sql, List.of(parameters));
    }

    public SqlFragment append(SqlFragment other) {
        List<Object> all = new ArrayList<>(parameters);
        all.addAll(other.parameters);
        return new SqlFragment(sql + other.sql, all);
    }
}
