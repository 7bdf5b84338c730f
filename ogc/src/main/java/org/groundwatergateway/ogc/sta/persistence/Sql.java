package org.groundwatergateway.ogc.sta.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A piece of SQL and the values bound to its {@code ?} markers, in order. Text comes only from the schema
 * mapping and this package's own constants; every value from a request is bound, but for the page's bounds on
 * PostgreSQL, which are integers ({@link StaDialect#limit}).
 */
public final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    public Sql() {}

    public Sql(String text) {
        this.text.append(text);
    }

    public Sql append(long number) {
        text.append(number);
        return this;
    }

    public Sql append(String sql) {
        text.append(sql);
        return this;
    }

    public Sql append(Sql other) {
        text.append(other.text);
        parameters.addAll(other.parameters);
        return this;
    }

    /** Appends one marker bound to {@code value}. */
    public Sql bind(Object value) {
        text.append('?');
        parameters.add(value);
        return this;
    }

    /** Appends SQL in which each {@code ?} is bound to the next of {@code values}. */
    public Sql append(String sql, List<?> values) {
        text.append(sql);
        parameters.addAll(values);
        return this;
    }

    public boolean isEmpty() {
        return text.length() == 0;
    }

    public String text() {
        return text.toString();
    }

    public List<Object> parameters() {
        return Collections.unmodifiableList(parameters);
    }

    @Override
    public String toString() {
        return text + " " + parameters;
    }
}
