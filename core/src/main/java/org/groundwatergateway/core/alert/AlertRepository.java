package org.groundwatergateway.core.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Open and cleared alerts. Raising is idempotent while an alert of the same kind about the same subject is
 * open, so a condition that persists is one alert, not one a minute. New alerts are published on the bus.
 */
public final class AlertRepository {

    private final JdbcClient jdbc;
    private final EventBus events;

    public AlertRepository(Database database, EventBus events) {
        this.jdbc = database.jdbc();
        this.events = events;
    }

    /** Raises an alert unless one of this kind about this subject is open; returns the new one, if any. */
    public synchronized Optional<Alert> raise(String kind, Alert.Level level, String subject, String message, Instant at) {
        if (findOpen(kind, subject).isPresent()) return Optional.empty();
        long id = Rows.insert(jdbc.sql("INSERT INTO alerts (kind, level, subject, message, raised_at) VALUES (?, ?, ?, ?, ?)")
                .params(kind, level.name(), subject, message, Rows.timestamp(at)));
        Alert alert = new Alert(id, kind, level, subject, message, at, null);
        events.publish(alert);
        return Optional.of(alert);
    }

    public void clear(String kind, String subject, Instant at) {
        jdbc.sql("UPDATE alerts SET cleared_at = ? WHERE kind = ? AND subject = ? AND cleared_at IS NULL")
                .params(Rows.timestamp(at), kind, subject).update();
    }

    public Optional<Alert> findOpen(String kind, String subject) {
        return jdbc.sql("SELECT * FROM alerts WHERE kind = ? AND subject = ? AND cleared_at IS NULL")
                .params(kind, subject).query(AlertRepository::alert).optional();
    }

    public List<Alert> findOpen() {
        return jdbc.sql("SELECT * FROM alerts WHERE cleared_at IS NULL ORDER BY raised_at DESC").query(AlertRepository::alert).list();
    }

    /** Alerts raised in [from, to), oldest first. */
    public List<Alert> findRaisedBetween(Instant from, Instant to) {
        return jdbc.sql("SELECT * FROM alerts WHERE raised_at >= ? AND raised_at < ? ORDER BY raised_at, id")
                .params(Rows.timestamp(from), Rows.timestamp(to)).query(AlertRepository::alert).list();
    }

    private static Alert alert(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Alert(rs.getLong("id"), rs.getString("kind"), Alert.Level.valueOf(rs.getString("level")), rs.getString("subject"),
                rs.getString("message"), Rows.instant(rs, "raised_at"), Rows.instant(rs, "cleared_at"));
    }
}
