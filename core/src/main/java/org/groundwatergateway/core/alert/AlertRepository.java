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
 * open (for rule alerts: of the same rule about the same datastream), so a condition that persists is one
 * alert, not one a minute. New and upgraded alerts are published on the bus.
 *
 * <p>A repository sees the real alerts or one drill's ({@link #forDrill}), never both: a drill's alerts neither
 * count as, nor de-duplicate against, nor list among real ones. A drill's messages start with {@link #DRILL_MARK},
 * so everyone they reach knows it is an exercise.
 */
public final class AlertRepository {

    public static final String DRILL_MARK = "【演练】";

    private final JdbcClient jdbc;
    private final EventBus events;
    private final Long drillId;
    private final String scope;

    public AlertRepository(Database database, EventBus events) {
        this(database.jdbc(), events, null);
    }

    private AlertRepository(JdbcClient jdbc, EventBus events, Long drillId) {
        this.jdbc = jdbc;
        this.events = events;
        this.drillId = drillId;
        // A long, not user text: safe to write into the statement.
        this.scope = drillId == null ? " AND drill_id IS NULL" : " AND drill_id = " + drillId;
    }

    /** The alerts of one drill. */
    public AlertRepository forDrill(long drill) {
        return new AlertRepository(jdbc, events, drill);
    }

    /** Raises an alert unless one of this kind about this subject is open; returns the new one, if any. */
    public synchronized Optional<Alert> raise(String kind, Alert.Level level, String subject, String message, Instant at) {
        if (findOpen(kind, subject).isPresent()) return Optional.empty();
        String text = marked(message);
        long id = Rows.insert(jdbc.sql("INSERT INTO alerts (kind, level, subject, message, raised_at, drill_id) VALUES (?, ?, ?, ?, ?, ?)")
                .params(kind, level.name(), subject, text, Rows.timestamp(at), drillId));
        Alert alert = new Alert(id, kind, level, subject, text, at, null, null, drillId);
        events.publish(alert);
        return Optional.of(alert);
    }

    /** Raises a rule's alert unless that rule has one open about that datastream; returns the new one, if any. */
    public synchronized Optional<Alert> raise(String kind, Alert.Level level, String subject, String message, Instant at,
                                              Alert.RuleOrigin origin) {
        if (findOpen(origin.ruleId(), origin.datastreamId()).isPresent()) return Optional.empty();
        String text = marked(message);
        long id = Rows.insert(jdbc.sql("INSERT INTO alerts (kind, level, subject, message, raised_at, rule_id, rule_version, "
                        + "datastream_id, observed_value, observed_at, drill_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(kind, level.name(), subject, text, Rows.timestamp(at), origin.ruleId(), origin.ruleVersion(),
                        origin.datastreamId(), origin.value(), Rows.timestamp(origin.observedAt()), drillId));
        Alert alert = new Alert(id, kind, level, subject, text, at, null, origin, drillId);
        events.publish(alert);
        return Optional.of(alert);
    }

    /**
     * Raises an open alert's level (never lowers it), recording the value that did it, and publishes the
     * upgraded alert so that escalation treats it as news. Returns it, or empty if it is not open or not lower.
     */
    public synchronized Optional<Alert> upgrade(long id, Alert.Level level, String message, Instant at, Alert.RuleOrigin origin) {
        Optional<Alert> open = find(id).filter(a -> a.clearedAt() == null && a.level().compareTo(level) < 0);
        if (open.isEmpty()) return Optional.empty();
        jdbc.sql("UPDATE alerts SET level = ?, message = ?, upgraded_at = ?, rule_version = ?, observed_value = ?, observed_at = ? "
                        + "WHERE id = ?" + scope)
                .params(level.name(), marked(message), Rows.timestamp(at), origin.ruleVersion(), origin.value(),
                        Rows.timestamp(origin.observedAt()), id).update();
        Alert upgraded = find(id).orElseThrow();
        events.publish(upgraded);
        return Optional.of(upgraded);
    }

    public void clear(String kind, String subject, Instant at) {
        jdbc.sql("UPDATE alerts SET cleared_at = ? WHERE kind = ? AND subject = ? AND cleared_at IS NULL" + scope)
                .params(Rows.timestamp(at), kind, subject).update();
    }

    public void clear(long id, Instant at) {
        jdbc.sql("UPDATE alerts SET cleared_at = ? WHERE id = ? AND cleared_at IS NULL" + scope).params(Rows.timestamp(at), id).update();
    }

    /** Clears every open alert in scope: a finished drill's, so that their escalation stops. */
    public int clearAll(Instant at) {
        return jdbc.sql("UPDATE alerts SET cleared_at = ? WHERE cleared_at IS NULL" + scope).param(Rows.timestamp(at)).update();
    }

    public Optional<Alert> find(long id) {
        return jdbc.sql("SELECT * FROM alerts WHERE id = ?" + scope).param(id).query(AlertRepository::alert).optional();
    }

    public Optional<Alert> findOpen(String kind, String subject) {
        return jdbc.sql("SELECT * FROM alerts WHERE kind = ? AND subject = ? AND cleared_at IS NULL" + scope)
                .params(kind, subject).query(AlertRepository::alert).optional();
    }

    public Optional<Alert> findOpen(long ruleId, long datastreamId) {
        return jdbc.sql("SELECT * FROM alerts WHERE rule_id = ? AND datastream_id = ? AND cleared_at IS NULL" + scope)
                .params(ruleId, datastreamId).query(AlertRepository::alert).optional();
    }

    public List<Alert> findOpen() {
        return jdbc.sql("SELECT * FROM alerts WHERE cleared_at IS NULL" + scope + " ORDER BY raised_at DESC").query(AlertRepository::alert).list();
    }

    /** Alerts raised in [from, to), oldest first. */
    public List<Alert> findRaisedBetween(Instant from, Instant to) {
        return jdbc.sql("SELECT * FROM alerts WHERE raised_at >= ? AND raised_at < ?" + scope + " ORDER BY raised_at, id")
                .params(Rows.timestamp(from), Rows.timestamp(to)).query(AlertRepository::alert).list();
    }

    /** Alerts rules raised, open or not, with an observation in {@code from <= time < to}. */
    public List<Alert> findRaisedByRule(long ruleId, Instant from, Instant to) {
        return jdbc.sql("SELECT * FROM alerts WHERE rule_id = ? AND observed_at >= ? AND observed_at < ?" + scope + " ORDER BY observed_at")
                .params(ruleId, Rows.timestamp(from), Rows.timestamp(to)).query(AlertRepository::alert).list();
    }

    private String marked(String message) {
        return drillId == null || message.startsWith(DRILL_MARK) ? message : DRILL_MARK + message;
    }

    private static Alert alert(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Long ruleId = Rows.nullableLong(rs, "rule_id");
        Alert.RuleOrigin origin = ruleId == null ? null : new Alert.RuleOrigin(ruleId, rs.getInt("rule_version"),
                rs.getLong("datastream_id"), rs.getDouble("observed_value"), Rows.instant(rs, "observed_at"));
        return new Alert(rs.getLong("id"), rs.getString("kind"), Alert.Level.valueOf(rs.getString("level")), rs.getString("subject"),
                rs.getString("message"), Rows.instant(rs, "raised_at"), Rows.instant(rs, "cleared_at"), origin, Rows.nullableLong(rs, "drill_id"));
    }
}
