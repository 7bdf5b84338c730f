package org.groundwatergateway.core.escalation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The escalation state of alerts and the record of every delivery attempt. */
public final class EscalationRepository {

    private final JdbcClient jdbc;

    public EscalationRepository(Database database) {
        this.jdbc = database.jdbc();
    }

    /** Starts an alert's escalation; false if it was started already (the alert was announced twice). */
    public boolean start(Alert alert, Tier tier, Instant at, Instant nextDueAt) {
        if (find(alert.id()).isPresent()) return false;
        jdbc.sql("INSERT INTO alert_escalations (alert_id, kind, level, subject, message, tier, started_at, next_due_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(alert.id(), alert.kind(), alert.level().name(), alert.subject(), alert.message(), tier.name(), Rows.timestamp(at),
                        Rows.timestamp(nextDueAt)).update();
        return true;
    }

    public Optional<EscalationState> find(long alertId) {
        return jdbc.sql("SELECT * FROM alert_escalations WHERE alert_id = ?").param(alertId).query(EscalationRepository::state).optional();
    }

    /** Unacknowledged escalations of alerts still open whose next tier is due at {@code now}, oldest first. */
    public List<EscalationState> due(Instant now) {
        return jdbc.sql("SELECT * FROM alert_escalations e WHERE e.acknowledged_at IS NULL AND e.next_due_at <= ? "
                        + "AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.id = e.alert_id AND a.cleared_at IS NOT NULL) ORDER BY e.next_due_at")
                .param(Rows.timestamp(now)).query(EscalationRepository::state).list();
    }

    /**
     * Raises an escalation from level {@code from} to {@code to} and restarts it at {@code tier}; false if its level is no
     * longer {@code from} (another upgrade came first).
     */
    public boolean upgrade(long alertId, Alert.Level from, Alert.Level to, String message, Tier tier, Instant nextDueAt) {
        return jdbc.sql("UPDATE alert_escalations SET level = ?, message = ?, tier = ?, next_due_at = ?, acknowledged_at = NULL, "
                        + "acknowledged_by = NULL, note = NULL WHERE alert_id = ? AND level = ?")
                .params(to.name(), message, tier.name(), Rows.timestamp(nextDueAt), alertId, from.name()).update() == 1;
    }

    /** Moves an escalation from one tier to the next unless it was acknowledged or moved meanwhile; true if it moved. */
    public boolean advance(long alertId, Tier from, Tier to, Instant nextDueAt) {
        return jdbc.sql("UPDATE alert_escalations SET tier = ?, next_due_at = ? WHERE alert_id = ? AND tier = ? AND acknowledged_at IS NULL")
                .params(to.name(), Rows.timestamp(nextDueAt), alertId, from.name()).update() == 1;
    }

    /** Acknowledges an escalation and stops it; false if it was acknowledged already (the first acknowledgement stands). */
    public boolean acknowledge(long alertId, String by, String note, Instant at) {
        return jdbc.sql("UPDATE alert_escalations SET acknowledged_at = ?, acknowledged_by = ?, note = ?, next_due_at = NULL "
                        + "WHERE alert_id = ? AND acknowledged_at IS NULL")
                .params(Rows.timestamp(at), by, note, alertId).update() == 1;
    }

    public void record(Delivery delivery) {
        jdbc.sql("INSERT INTO notification_deliveries (alert_id, tier, channel, recipient, attempt, status, error, attempted_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(delivery.alertId(), delivery.tier().name(), delivery.channel().name(), truncate(delivery.recipient(), 500),
                        delivery.attempt(), delivery.status().name(), truncate(delivery.error(), 1000), Rows.timestamp(delivery.attemptedAt()))
                .update();
    }

    public List<Delivery> deliveries(long alertId) {
        return jdbc.sql("SELECT * FROM notification_deliveries WHERE alert_id = ? ORDER BY attempted_at, id").param(alertId)
                .query(EscalationRepository::delivery).list();
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    private static EscalationState state(ResultSet rs, int row) throws SQLException {
        return new EscalationState(rs.getLong("alert_id"), rs.getString("kind"), Alert.Level.valueOf(rs.getString("level")),
                rs.getString("subject"), rs.getString("message"), Tier.valueOf(rs.getString("tier")), Rows.instant(rs, "started_at"),
                Rows.instant(rs, "next_due_at"), Rows.instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"), rs.getString("note"));
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getLong("alert_id"), Tier.valueOf(rs.getString("tier")), Channel.valueOf(rs.getString("channel")),
                rs.getString("recipient"), rs.getInt("attempt"), Delivery.Status.valueOf(rs.getString("status")), rs.getString("error"),
                Rows.instant(rs, "attempted_at"));
    }
}
