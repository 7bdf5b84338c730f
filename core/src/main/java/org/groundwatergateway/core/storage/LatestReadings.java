package org.groundwatergateway.core.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.groundwatergateway.core.reading.Reading;

/**
 * Keeps {@code latest_readings} current in the same transaction as the readings written: per datastream, the
 * newest current reading of the batch replaces the stored one unless that is newer. Datastreams are upserted in
 * id order, so concurrent writers lock rows in the same order and cannot deadlock.
 */
final class LatestReadings {

    private LatestReadings() {}

    /**
     * @param upsert the dialect's statement taking (datastream_id, phenomenon_time, result_value, quality_flags) and
     *               replacing only an older row
     */
    static void record(Connection connection, List<Reading> written, String upsert) throws SQLException {
        Map<Long, Reading> newest = new TreeMap<>();
        for (Reading reading : written) {
            if (!reading.current()) continue;
            newest.merge(reading.datastreamId(), reading,
                    (a, b) -> b.phenomenonTime().isBefore(a.phenomenonTime()) ? a : b);
        }
        if (newest.isEmpty()) return;
        try (PreparedStatement statement = connection.prepareStatement(upsert)) {
            for (Reading reading : newest.values()) {
                statement.setLong(1, reading.datastreamId());
                statement.setObject(2, Rows.timestamp(reading.phenomenonTime()));
                statement.setDouble(3, reading.value());
                statement.setInt(4, reading.qualityFlags());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
