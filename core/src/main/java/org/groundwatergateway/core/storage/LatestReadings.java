package org.groundwatergateway.core.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.groundwatergateway.core.reading.Reading;

/**
 * Keeps {@code latest_readings} current in the same transaction as the readings written: per datastream, the
 * newest current reading of the batch replaces the stored one unless that is newer, and the oldest moves the
 * datastream's first reading back if it is older (V6_29). Datastreams are upserted in id order, so concurrent writers
 * lock rows in the same order and cannot deadlock.
 */
final class LatestReadings {

    private LatestReadings() {}

    /**
     * For a dialect's upsert, with {@code stored} and {@code written} the two rows' names: the condition under which
     * the written row changes the stored one, and the assignments that make the change.
     */
    static String whenWidened(String stored, String written) {
        return stored + ".phenomenon_time <= " + written + ".phenomenon_time OR " + written + ".first_phenomenon_time < " + stored
                + ".first_phenomenon_time";
    }

    /** See {@link #whenWidened}: the latest reading's columns from the newer row, the first time the earlier of the two. */
    static String widened(String stored, String written) {
        StringBuilder set = new StringBuilder();
        for (String column : List.of("phenomenon_time", "result_value", "quality_flags")) {
            set.append(column).append(" = CASE WHEN ").append(stored).append(".phenomenon_time <= ").append(written).append(".phenomenon_time THEN ")
                    .append(written).append('.').append(column).append(" ELSE ").append(stored).append('.').append(column).append(" END, ");
        }
        return set.append("first_phenomenon_time = LEAST(").append(stored).append(".first_phenomenon_time, ").append(written)
                .append(".first_phenomenon_time)").toString();
    }

    /**
     * @param upsert the dialect's statement taking (datastream_id, phenomenon_time, result_value, quality_flags,
     *               first_phenomenon_time), replacing only an older latest reading and only a later first time
     */
    static void record(Connection connection, List<Reading> written, String upsert) throws SQLException {
        Map<Long, Reading> newest = new TreeMap<>();
        Map<Long, Instant> first = new HashMap<>();
        for (Reading reading : written) {
            if (!reading.current()) continue;
            newest.merge(reading.datastreamId(), reading,
                    (a, b) -> b.phenomenonTime().isBefore(a.phenomenonTime()) ? a : b);
            first.merge(reading.datastreamId(), reading.phenomenonTime(), (a, b) -> b.isBefore(a) ? b : a);
        }
        if (newest.isEmpty()) return;
        try (PreparedStatement statement = connection.prepareStatement(upsert)) {
            for (Reading reading : newest.values()) {
                statement.setLong(1, reading.datastreamId());
                statement.setObject(2, Rows.timestamp(reading.phenomenonTime()));
                statement.setDouble(3, reading.value());
                statement.setInt(4, reading.qualityFlags());
                statement.setObject(5, Rows.timestamp(first.get(reading.datastreamId())));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
