package org.groundwatergateway.core.storage;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.groundwatergateway.core.reading.Reading;

/** The columns a new reading is written with, shared by the dialects' bulk writers. */
final class ReadingColumns {

    static final String NAMES = "datastream_id, phenomenon_time, result_value, raw_value, quality_flags, version, "
            + "current_version, source, received_time";

    static final String INSERT = "INSERT INTO readings (" + NAMES + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * An insert that does nothing when the reading's key is stored already, or a current version at its time (one moved
     * there by a PATCH, V6_27: at most one is current per datastream and time); binds the key again at 10-12.
     */
    static final String INSERT_IF_NEW = "INSERT INTO readings (" + NAMES + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? "
            + "WHERE NOT EXISTS (SELECT 1 FROM readings WHERE datastream_id = ? AND phenomenon_time = ? AND (version = ? OR current_version))";

    private ReadingColumns() {}

    static void bind(PreparedStatement statement, Reading r) throws SQLException {
        statement.setLong(1, r.datastreamId());
        statement.setObject(2, Rows.timestamp(r.phenomenonTime()));
        statement.setDouble(3, r.value());
        statement.setDouble(4, r.rawValue());
        statement.setInt(5, r.qualityFlags());
        statement.setInt(6, r.version());
        statement.setBoolean(7, r.current());
        statement.setString(8, r.source());
        statement.setObject(9, Rows.timestamp(r.receivedTime()));
    }

    static void bindKey(PreparedStatement statement, int first, Reading r) throws SQLException {
        statement.setLong(first, r.datastreamId());
        statement.setObject(first + 1, Rows.timestamp(r.phenomenonTime()));
        statement.setInt(first + 2, r.version());
    }

    static Reading withId(Reading r, long id) {
        return new Reading(id, r.datastreamId(), r.phenomenonTime(), r.value(), r.rawValue(), r.qualityFlags(), r.version(),
                r.current(), r.source(), r.receivedTime());
    }
}
