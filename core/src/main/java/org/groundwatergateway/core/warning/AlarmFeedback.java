package org.groundwatergateway.core.warning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.alert.AlertRepository;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What people said afterwards about a rule's alarms, which {@link ThresholdTuning} weighs candidate thresholds
 * against: a verdict on an alert a rule raised (a false alarm, or confirmed), and a missed alarm, a time at which
 * a datastream the rule watches should have raised one and did not. Every rejection is an
 * {@link IllegalArgumentException} whose message starts with the field at fault.
 */
public final class AlarmFeedback {

    public enum Verdict { FALSE_ALARM, CONFIRMED }

    /** A verdict on an alert, with the datastream and observation time of the alert it judges. */
    public record AlertVerdict(long alertId, long ruleId, long datastreamId, Instant observedAt, Verdict verdict, String note,
                               Instant recordedAt, String recordedBy) {}

    /** A time at which the rule should have raised an alarm on the datastream and did not. */
    public record MissedAlarm(long id, long ruleId, long datastreamId, String datastream, Instant at, String note, Instant recordedAt,
                              String recordedBy) {}

    /** The sizes of the columns notes and names are stored in. */
    private static final int MAX_NOTE = 1000;
    private static final int MAX_BY = 100;

    private final JdbcClient jdbc;
    private final AlertRepository alerts;
    private final ParameterRepository parameters;
    private final ParkRepository parks;
    private final MonitoringRepository monitoring;

    public AlarmFeedback(Database database, AlertRepository alerts) {
        this.jdbc = database.jdbc();
        this.alerts = alerts;
        this.parameters = new ParameterRepository(database);
        this.parks = new ParkRepository(database);
        this.monitoring = new MonitoringRepository(database);
    }

    /**
     * Records the verdict on an alert a rule raised, replacing an earlier one (people change their mind once the
     * lab result is in). Empty when there is no such alert.
     */
    public Optional<AlertVerdict> judge(long alertId, Verdict verdict, String by, String note, Instant at) {
        Optional<Alert> alert = alerts.find(alertId);
        if (alert.isEmpty()) return Optional.empty();
        if (alert.get().origin() == null) throw new InvalidInput("core.feedback.notARulesAlert", "id", alertId);
        if (verdict == null) throw new InvalidInput("core.requiredChoice", "verdict", List.of(Verdict.values()));
        String recordedBy = by(by);
        checkNote(note);
        int updated = jdbc.sql("UPDATE alert_verdicts SET verdict = ?, note = ?, recorded_at = ?, recorded_by = ? WHERE alert_id = ?")
                .params(verdict.name(), note, Rows.timestamp(at), recordedBy, alertId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO alert_verdicts (alert_id, verdict, note, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)")
                    .params(alertId, verdict.name(), note, Rows.timestamp(at), recordedBy).update();
        }
        Alert.RuleOrigin origin = alert.get().origin();
        return Optional.of(new AlertVerdict(alertId, origin.ruleId(), origin.datastreamId(), origin.observedAt(), verdict, note, at, recordedBy));
    }

    /** Verdicts on the rule's alerts (of any of its versions) observed in {@code from <= time < to}, oldest first. */
    public List<AlertVerdict> verdicts(long ruleId, Instant from, Instant to) {
        return jdbc.sql("SELECT v.*, a.rule_id, a.datastream_id, a.observed_at FROM alert_verdicts v JOIN alerts a ON a.id = v.alert_id "
                        + "WHERE a.rule_id = ? AND a.observed_at >= ? AND a.observed_at < ? ORDER BY a.observed_at, a.id")
                .params(ruleId, Rows.timestamp(from), Rows.timestamp(to))
                .query((rs, row) -> new AlertVerdict(rs.getLong("alert_id"), rs.getLong("rule_id"), rs.getLong("datastream_id"),
                        Rows.instant(rs, "observed_at"), Verdict.valueOf(rs.getString("verdict")), rs.getString("note"),
                        Rows.instant(rs, "recorded_at"), rs.getString("recorded_by")))
                .list();
    }

    /**
     * Records that the rule should have raised an alarm on a datastream it watches at a time no later than
     * {@code now}.
     */
    public MissedAlarm recordMissed(WarningRule rule, String datastream, Instant at, String by, String note, Instant now) {
        if (datastream == null || datastream.isBlank()) throw new InvalidInput("core.feedback.datastreamRequired", "datastream");
        WatchedStream stream = WatchedStream.load(monitoring, parameters).values().stream()
                .filter(s -> s.code().equals(datastream.strip())).findFirst()
                .orElseThrow(() -> new InvalidInput("core.feedback.noDatastream", "datastream", datastream));
        BoundRule bound = BoundRule.bind(rule, parameters, parks);
        if (bound == null || !bound.watches(stream)) {
            throw new InvalidInput("core.feedback.notWatched", "datastream", rule.id(), stream.code());
        }
        if (at == null) throw new InvalidInput("core.required", "at");
        if (at.isAfter(now)) throw new InvalidInput("core.feedback.future", "at", at);
        String recordedBy = by(by);
        checkNote(note);
        long id = Rows.insert(jdbc.sql("INSERT INTO missed_alarms (rule_id, datastream_id, observed_at, note, recorded_at, recorded_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(rule.id(), stream.id(), Rows.timestamp(at), note, Rows.timestamp(now), recordedBy));
        return new MissedAlarm(id, rule.id(), stream.id(), stream.code(), at, note, now, recordedBy);
    }

    /** Every missed alarm recorded for the rule, oldest first. */
    public List<MissedAlarm> missed(long ruleId) {
        return jdbc.sql(MISSED + "WHERE m.rule_id = ? ORDER BY m.observed_at, m.id").param(ruleId).query(AlarmFeedback::missedAlarm).list();
    }

    /** The rule's missed alarms in {@code from <= time < to}, oldest first. */
    public List<MissedAlarm> missed(long ruleId, Instant from, Instant to) {
        return jdbc.sql(MISSED + "WHERE m.rule_id = ? AND m.observed_at >= ? AND m.observed_at < ? ORDER BY m.observed_at, m.id")
                .params(ruleId, Rows.timestamp(from), Rows.timestamp(to))
                .query(AlarmFeedback::missedAlarm).list();
    }

    private static final String MISSED = "SELECT m.*, d.code FROM missed_alarms m JOIN datastreams d ON d.id = m.datastream_id ";

    private static MissedAlarm missedAlarm(ResultSet rs, int row) throws SQLException {
        return new MissedAlarm(rs.getLong("id"), rs.getLong("rule_id"), rs.getLong("datastream_id"), rs.getString("code"),
                Rows.instant(rs, "observed_at"), rs.getString("note"), Rows.instant(rs, "recorded_at"), rs.getString("recorded_by"));
    }

    private static String by(String by) {
        if (by == null || by.isBlank()) throw new InvalidInput("core.feedback.byRequired", "by");
        if (by.strip().length() > MAX_BY) throw new InvalidInput("core.atMostCharacters", "by", MAX_BY);
        return by.strip();
    }

    private static void checkNote(String note) {
        if (note != null && note.length() > MAX_NOTE) throw new InvalidInput("core.atMostCharacters", "note", MAX_NOTE);
    }
}
