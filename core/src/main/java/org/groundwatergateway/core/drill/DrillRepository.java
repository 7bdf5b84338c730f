package org.groundwatergateway.core.drill;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Drills and their simulated readings, which live apart from the real ones. */
public final class DrillRepository {

    private static final String COLUMNS = "x.*, p.code AS park_code";
    private static final int UNUSABLE = QualityFlag.bits(QualityFlag.NOT_REPRESENTATIVE);

    private final Database database;
    private final JdbcClient jdbc;

    public DrillRepository(Database database) {
        this.database = database;
        this.jdbc = database.jdbc();
    }

    public Drill insert(Drill d) {
        long id = Rows.insert(jdbc.sql("INSERT INTO drills (park_id, parameter_code, source_code, source_lon, source_lat, aquifer_code, "
                        + "source_mg_l, release_start, step_hours, max_days, status, progress, started_at, started_by, readings) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 0)")
                .params(d.parkId(), d.parameterCode(), d.sourceCode(), d.sourceLon(), d.sourceLat(), d.aquiferCode(), d.sourceMgPerL(),
                        Rows.timestamp(d.releaseStart()), d.stepHours(), d.maxDays(), d.status().name(), Rows.timestamp(d.startedAt()),
                        d.startedBy()));
        return find(id).orElseThrow();
    }

    public Optional<Drill> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM drills x JOIN parks p ON p.id = x.park_id WHERE x.id = ?").param(id)
                .query(DrillRepository::drill).optional();
    }

    /** Newest first. */
    public List<Drill> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM drills x JOIN parks p ON p.id = x.park_id ORDER BY x.started_at DESC, x.id DESC")
                .query(DrillRepository::drill).list();
    }

    /** One step of the replay: its readings and their count, in one transaction. */
    public void insertReadings(long drillId, List<Reading> readings) {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO drill_readings (drill_id, datastream_id, phenomenon_time, result_value) VALUES (?, ?, ?, ?)")) {
                for (Reading r : readings) {
                    insert.setLong(1, drillId);
                    insert.setLong(2, r.datastreamId());
                    insert.setObject(3, Rows.timestamp(r.phenomenonTime()));
                    insert.setDouble(4, r.value());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement count = connection.prepareStatement("UPDATE drills SET readings = readings + ? WHERE id = ?")) {
                count.setInt(1, readings.size());
                count.setLong(2, drillId);
                count.executeUpdate();
            }
            return null;
        });
    }

    public void progress(long id, double progress) {
        jdbc.sql("UPDATE drills SET progress = ? WHERE id = ?").params(progress, id).update();
    }

    public void firstAlert(long id, long alertId, Instant at) {
        jdbc.sql("UPDATE drills SET first_alert_id = ?, first_alert_at = ? WHERE id = ?").params(alertId, Rows.timestamp(at), id).update();
    }

    public void responding(long id, long severeAlertId, Instant severeAt, Duration clockOffset, Instant wallNow, Long incidentId) {
        jdbc.sql("UPDATE drills SET status = 'RESPONDING', progress = 1, severe_alert_id = ?, severe_alert_at = ?, clock_offset_seconds = ?, "
                        + "response_started_at = ?, incident_id = ? WHERE id = ?")
                .params(severeAlertId, Rows.timestamp(severeAt), clockOffset.toSeconds(), Rows.timestamp(wallNow), incidentId, id).update();
    }

    public void end(long id, Drill.Status status, String problem, Instant wallNow) {
        jdbc.sql("UPDATE drills SET status = ?, problem = ?, finished_at = ? WHERE id = ?")
                .params(status.name(), problem, Rows.timestamp(wallNow), id).update();
    }

    /**
     * The last usable real value of a datastream before an instant (of its latest 50): the background a simulated release
     * adds to. Readings QA/QC or people marked as not representative are passed over, as every analysis does.
     */
    public Optional<Double> lastRealValue(long datastreamId, Instant before) {
        return jdbc.sql("SELECT result_value, quality_flags FROM readings WHERE datastream_id = ? AND current_version AND phenomenon_time < ? "
                        + "ORDER BY phenomenon_time DESC LIMIT 50")
                .params(datastreamId, Rows.timestamp(before))
                .query((rs, n) -> (rs.getInt("quality_flags") & UNUSABLE) == 0 ? rs.getDouble("result_value") : null).list()
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    private static Drill drill(ResultSet rs, int row) throws SQLException {
        Long offset = Rows.nullableLong(rs, "clock_offset_seconds");
        return new Drill(rs.getLong("id"), rs.getLong("park_id"), rs.getString("park_code"), rs.getString("parameter_code"),
                rs.getString("source_code"), rs.getDouble("source_lon"), rs.getDouble("source_lat"), rs.getString("aquifer_code"),
                rs.getDouble("source_mg_l"), Rows.instant(rs, "release_start"), rs.getDouble("step_hours"), rs.getDouble("max_days"),
                Drill.Status.valueOf(rs.getString("status")), rs.getDouble("progress"), rs.getString("problem"), Rows.instant(rs, "started_at"),
                rs.getString("started_by"), rs.getInt("readings"), Rows.nullableLong(rs, "first_alert_id"), Rows.instant(rs, "first_alert_at"),
                Rows.nullableLong(rs, "severe_alert_id"), Rows.instant(rs, "severe_alert_at"), offset == null ? null : Duration.ofSeconds(offset),
                Rows.instant(rs, "response_started_at"), Rows.nullableLong(rs, "incident_id"), Rows.instant(rs, "finished_at"));
    }
}
