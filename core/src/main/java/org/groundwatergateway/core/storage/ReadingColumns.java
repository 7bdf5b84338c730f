package org.groundwatergateway.core.storage;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.groundwatergateway.core.reading.Reading;

/** The columns a new reading is written with, shared by the dialects' bulk writers. */
final class ReadingColumns {

    static final String NAMES = "datastream_id, phenomenon_time, result_value, raw_value, quality_flags, version, "
            + "current_version, source, received_time";

    static final String INSERT = "INSERT INTO readings (" + NAMES + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private ReadingColumns() {}

    static void bind(PreparedStatement statement, Reading r) throws SQLException {
        statement.setLong(1, r.datastreamId());
        statement.setObject(2, OffsetDateTime.ofInstant(r.phenomenonTime(), ZoneOffset.UTC));
        statement.setDouble(3, r.value());
        statement.setDouble(4, r.rawValue());
        statement.setInt(5, r.qualityFlags());
        statement.setInt(6, r.version());
        statement.setBoolean(7, r.current());
        statement.setString(8, r.source());
        statement.setObject(9, OffsetDateTime.ofInstant(r.receivedTime(), ZoneOffset.UTC));
    }
}
