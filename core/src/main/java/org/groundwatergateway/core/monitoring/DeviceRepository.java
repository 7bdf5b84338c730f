package org.groundwatergateway.core.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;

public final class DeviceRepository {

    private final JdbcClient jdbc;

    public DeviceRepository(Database database) {
        this.jdbc = database.jdbc();
    }

    public Device insert(Device d) {
        long id = Rows.insert(jdbc.sql("INSERT INTO devices (mn, park_id, password, accepts_2005, max_data_length, enabled, description, "
                        + "registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(d.mn(), d.parkId(), d.password(), d.accepts2005(), d.maxDataLength(), d.enabled(), d.description(),
                        Rows.timestamp(d.registeredAt())));
        return d.withId(id);
    }

    public Optional<Device> findByMn(String mn) {
        return jdbc.sql("SELECT * FROM devices WHERE mn = ?").param(mn).query(DeviceRepository::device).optional();
    }

    public List<Device> findAll() {
        return jdbc.sql("SELECT * FROM devices ORDER BY mn").query(DeviceRepository::device).list();
    }

    /** Adds packets received and refused; {@code lastSeen} null (only refusals) leaves the last contact as it was, else moves it forward. */
    public void recordTraffic(String mn, Instant lastSeen, long received, long rejected) {
        if (lastSeen == null) {
            jdbc.sql("UPDATE devices SET packets_received = packets_received + ?, packets_rejected = packets_rejected + ? WHERE mn = ?")
                    .params(received, rejected, mn).update();
            return;
        }
        jdbc.sql("UPDATE devices SET last_seen_at = CASE WHEN last_seen_at IS NULL OR last_seen_at < ? THEN ? ELSE last_seen_at END, "
                        + "packets_received = packets_received + ?, packets_rejected = packets_rejected + ? WHERE mn = ?")
                .params(Rows.timestamp(lastSeen), Rows.timestamp(lastSeen), received, rejected, mn).update();
    }

    public void update(Device d) {
        jdbc.sql("UPDATE devices SET password = ?, accepts_2005 = ?, max_data_length = ?, enabled = ?, description = ? WHERE mn = ?")
                .params(d.password(), d.accepts2005(), d.maxDataLength(), d.enabled(), d.description(), d.mn()).update();
    }

    private static Device device(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Device(rs.getLong("id"), rs.getString("mn"), rs.getLong("park_id"), rs.getString("password"),
                rs.getBoolean("accepts_2005"), rs.getInt("max_data_length"), rs.getBoolean("enabled"), rs.getString("description"),
                Rows.instant(rs, "registered_at"), Rows.instant(rs, "last_seen_at"), rs.getLong("packets_received"),
                rs.getLong("packets_rejected"));
    }
}
