package org.groundwatergateway.core.monitoring;

import java.time.LocalDate;
import java.util.List;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.groundwatergateway.core.time.ChinaStandardTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Device O&amp;M records, kept at least three years. A calibration also moves the sensor's calibration date. */
public final class MaintenanceRepository {

    private final JdbcClient jdbc;

    public MaintenanceRepository(Database database) {
        this.jdbc = database.jdbc();
    }

    public MaintenanceRecord insert(MaintenanceRecord r) {
        long id = Rows.insert(jdbc.sql("INSERT INTO maintenance_records (sensor_id, kind, started_at, ended_at, performed_by, result, notes) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(r.sensorId(), r.kind().name(), Rows.timestamp(r.startedAt()), Rows.timestamp(r.endedAt()), r.performedBy(),
                        r.result(), r.notes()));
        if (r.kind().calibrates()) {
            LocalDate day = ChinaStandardTime.date(r.endedAt());
            jdbc.sql("UPDATE sensor_register SET last_calibrated_on = ? WHERE id = ? AND (last_calibrated_on IS NULL OR last_calibrated_on < ?)")
                    .params(day, r.sensorId(), day).update();
        }
        return r.withId(id);
    }

    public List<MaintenanceRecord> findBySensor(long sensorId) {
        return jdbc.sql("SELECT * FROM maintenance_records WHERE sensor_id = ? ORDER BY started_at")
                .param(sensorId)
                .query((rs, n) -> new MaintenanceRecord(rs.getLong("id"), rs.getLong("sensor_id"),
                        MaintenanceRecord.Kind.valueOf(rs.getString("kind")), Rows.instant(rs, "started_at"),
                        Rows.instant(rs, "ended_at"), rs.getString("performed_by"), rs.getString("result"), rs.getString("notes")))
                .list();
    }
}
