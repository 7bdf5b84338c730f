package org.groundwatergateway.core.reading;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Readings: appended in bulk, read back in time order one page at a time. */
public final class ReadingRepository {

    private final Database database;
    private final JdbcClient jdbc;

    public ReadingRepository(Database database) {
        this.database = database;
        this.jdbc = database.jdbc();
    }

    /** Appends readings in one transaction: all of them are committed when this returns, or none. */
    public void append(List<Reading> readings) {
        database.inTransaction(connection -> {
            database.dialect().appendReadings(connection, readings);
            return null;
        });
    }

    /**
     * Current versions of a datastream's readings with {@code from <= time < to}, in time order, starting
     * after {@code after} (exclusive, for keyset paging; null for the first page).
     */
    public List<Reading> page(long datastreamId, Instant from, Instant to, Instant after, int limit) {
        Instant start = after != null && after.isAfter(from) ? after : from;
        String startOperator = after != null && after.isAfter(from) ? ">" : ">=";
        return jdbc.sql("SELECT * FROM readings WHERE datastream_id = ? AND current_version AND phenomenon_time " + startOperator
                        + " ? AND phenomenon_time < ? ORDER BY phenomenon_time LIMIT ?")
                .params(datastreamId, Rows.timestamp(start), Rows.timestamp(to), limit)
                .query(ReadingRepository::reading)
                .list();
    }

    /** The latest {@code count} current readings of a datastream, oldest first. */
    public List<Reading> latest(long datastreamId, int count) {
        List<Reading> readings = new ArrayList<>(jdbc.sql("SELECT * FROM readings WHERE datastream_id = ? AND current_version "
                        + "ORDER BY phenomenon_time DESC LIMIT ?")
                .params(datastreamId, count).query(ReadingRepository::reading).list());
        Collections.reverse(readings);
        return readings;
    }

    /** The current value of a datastream at exactly this time, or null. */
    public Double valueAt(long datastreamId, Instant at) {
        return jdbc.sql("SELECT result_value FROM readings WHERE datastream_id = ? AND phenomenon_time = ? AND current_version")
                .params(datastreamId, Rows.timestamp(at)).query(Double.class).optional().orElse(null);
    }

    public long count(long datastreamId, Instant from, Instant to) {
        return jdbc.sql("SELECT COUNT(*) FROM readings WHERE datastream_id = ? AND current_version "
                        + "AND phenomenon_time >= ? AND phenomenon_time < ?")
                .params(datastreamId, Rows.timestamp(from), Rows.timestamp(to))
                .query(Long.class).single();
    }

    public long countAll() {
        return jdbc.sql("SELECT COUNT(*) FROM readings").query(Long.class).single();
    }

    private static Reading reading(ResultSet rs, int row) throws SQLException {
        return new Reading(rs.getLong("id"), rs.getLong("datastream_id"), Rows.instant(rs, "phenomenon_time"),
                rs.getDouble("result_value"), rs.getDouble("raw_value"), rs.getInt("quality_flags"), rs.getInt("version"),
                rs.getBoolean("current_version"), rs.getString("source"), Rows.instant(rs, "received_time"));
    }
}
