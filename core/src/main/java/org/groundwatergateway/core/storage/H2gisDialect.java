package org.groundwatergateway.core.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.groundwatergateway.core.reading.Reading;
import org.h2gis.functions.factory.H2GISFunctions;

/** Embedded H2 with the H2GIS spatial functions. */
public final class H2gisDialect implements SqlDialect {

    private static final String UPSERT_LATEST = "MERGE INTO latest_readings l USING (VALUES (CAST(? AS BIGINT), "
            + "CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS DOUBLE PRECISION), CAST(? AS INTEGER), CAST(? AS TIMESTAMP WITH TIME ZONE))) "
            + "v (datastream_id, phenomenon_time, result_value, quality_flags, first_phenomenon_time) ON l.datastream_id = v.datastream_id "
            + "WHEN MATCHED AND (" + LatestReadings.whenWidened("l", "v") + ") THEN UPDATE SET " + LatestReadings.widened("l", "v")
            + " WHEN NOT MATCHED THEN INSERT (datastream_id, phenomenon_time, result_value, quality_flags, first_phenomenon_time) "
            + "VALUES (v.datastream_id, v.phenomenon_time, v.result_value, v.quality_flags, v.first_phenomenon_time)";

    @Override
    public String migrationFolder() {
        return "h2gis";
    }

    @Override
    public void prepare(Connection connection) throws SQLException {
        // Loading H2GIS registers a few hundred aliases and the spatial_ref_sys table; they persist in the
        // database file, so it is done once.
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_NAME = 'ST_GEOMFROMWKB'");
             ResultSet rs = query.executeQuery()) {
            rs.next();
            if (rs.getInt(1) > 0) return;
        }
        H2GISFunctions.load(connection);
    }

    /** CHECKPOINT writes the store to its file now, instead of within the write delay (500 ms by default). */
    @Override
    public void makeCommitsDurable(Connection connection) throws SQLException {
        try (Statement checkpoint = connection.createStatement()) {
            checkpoint.execute("CHECKPOINT");
        }
    }

    /**
     * Usually none of the readings is stored yet, so they are first inserted as they are, which spares a key
     * lookup per row; only a batch that meets a stored key is rolled back and inserted row by row if new.
     */
    @Override
    public List<Reading> appendNewReadings(Connection connection, List<Reading> readings) throws SQLException {
        Savepoint beforeInsert = connection.setSavepoint();
        List<Reading> inserted;
        try {
            inserted = insert(connection, readings, ReadingColumns.INSERT, false);
        } catch (SQLException e) {
            if (!Rows.isDuplicateKey(e) && !Rows.isConcurrentUpdate(e)) throw e;
            connection.rollback(beforeInsert);
            // A clash with a current version another transaction has not committed yet (90131: a PATCH moving an
            // Observation to this time) fails the whole group: no reading of it is acknowledged, and the devices send
            // them again, by when that transaction has committed or rolled back. Taking the reading as stored could lose
            // it (a rollback) or skip it unrecorded (a commit this transaction cannot see).
            inserted = insert(connection, readings, ReadingColumns.INSERT_IF_NEW, true);
        }
        LatestReadings.record(connection, inserted, UPSERT_LATEST);
        return inserted;
    }

    private static List<Reading> insert(Connection connection, List<Reading> readings, String sql, boolean ifNew) throws SQLException {
        List<Reading> inserted = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement(sql, new String[] {"ID"})) {
            for (Reading reading : readings) {
                ReadingColumns.bind(insert, reading);
                if (ifNew) ReadingColumns.bindKey(insert, 10, reading);
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] > 0 && keys.next()) inserted.add(ReadingColumns.withId(readings.get(i), keys.getLong(1)));
                }
            }
        }
        return inserted;
    }

    @Override
    public void appendReadings(Connection connection, List<Reading> readings) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(ReadingColumns.INSERT)) {
            for (Reading reading : readings) {
                ReadingColumns.bind(insert, reading);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        LatestReadings.record(connection, readings, UPSERT_LATEST);
    }
}
