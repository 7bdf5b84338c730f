package org.groundwatergateway.core.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Small conversions between JDBC and the domain types that every repository needs. */
public final class Rows {

    private static final String LIST_SEPARATOR = ";";

    private Rows() {}

    /** Runs an insert and returns the generated {@code id}. */
    public static long insert(JdbcClient.StatementSpec statement) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        statement.update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    /** In UTC. Built from the epoch second directly: {@code OffsetDateTime.ofInstant} makes new ZoneRules per call,
     *  which showed up in profiles of bulk writes. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.of(
                LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC), ZoneOffset.UTC);
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** Short lists of names (processes, pollutant codes) are kept as one delimited text column. */
    public static String joinList(List<String> items) {
        for (String item : items) {
            if (item.contains(LIST_SEPARATOR)) throw new IllegalArgumentException("list item must not contain ';': " + item);
        }
        return String.join(LIST_SEPARATOR, items);
    }

    public static List<String> splitList(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(LIST_SEPARATOR));
    }

    /** Whether a failure is a unique key's refusal (SQL state 23505), however the driver wrapped or chained it. */
    public static boolean isDuplicateKey(Throwable failure) {
        return hasState(failure, "23505");
    }

    /**
     * Whether H2 refused a row because another transaction wrote one with its unique key and has not committed yet
     * (error 90131, "concurrent update"): the clash {@link #isDuplicateKey} names once that transaction commits.
     * PostgreSQL waits for the other transaction instead.
     */
    public static boolean isConcurrentUpdate(Throwable failure) {
        return hasState(failure, "90131");
    }

    private static boolean hasState(Throwable failure, String state) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (state.equals(next.getSQLState())) return true;
                }
            }
        }
        return false;
    }
}
