package org.groundwatergateway.ingest.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.alert.AlertRepository;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;

/**
 * Review tasks for flagged live data. Consecutive flagged readings of one datastream with the same flags
 * make one task (a 96-hour flatline is one task, not 96). A task still open an hour after it was opened
 * raises an alert.
 */
public final class ReviewQueue {

    public static final String OVERDUE_ALERT = "REVIEW_OVERDUE";
    public static final Duration DUE_AFTER = Duration.ofHours(1);
    private static final int REVIEW_BITS = QualityFlag.bits(QualityFlag.NEEDS_REVIEW);

    private record OpenTask(long id, int flags, Instant lastTime) {}

    private final Database database;
    private final ReadingRepository readings;
    private final AlertRepository alerts;
    private final Clock clock;
    /** The open task of each datastream that a next flagged reading may extend; written by the intake thread only. */
    private final Map<Long, OpenTask> extendable = new HashMap<>();
    private boolean loaded;

    public ReviewQueue(Database database, AlertRepository alerts, Clock clock) {
        this.database = database;
        this.readings = new ReadingRepository(database);
        this.alerts = alerts;
        this.clock = clock;
    }

    /**
     * Opens or extends tasks for stored live readings that need review, on the intake's connection and
     * transaction. Extensions are summed per task and written once per batch, so a storm of flags costs one
     * statement per task, not one per reading.
     */
    public void open(Connection connection, List<Reading> stored) throws SQLException {
        if (!loaded) load(connection);
        Instant now = clock.instant();
        record Extension(long datastreamId, int flags, Instant first, Instant last, int count) {}
        Map<Long, Extension> extensions = new LinkedHashMap<>(); // task id -> what this batch adds to it
        for (Reading r : stored) {
            int flags = r.qualityFlags() & REVIEW_BITS;
            if (flags == 0) continue;
            OpenTask task = extendable.get(r.datastreamId());
            if (task != null && task.flags() == flags && r.phenomenonTime().isAfter(task.lastTime())
                    && !r.phenomenonTime().isAfter(task.lastTime().plus(Duration.ofHours(3)))) {
                extensions.merge(task.id(), new Extension(r.datastreamId(), flags, r.phenomenonTime(), r.phenomenonTime(), 1),
                        (a, b) -> new Extension(a.datastreamId(), a.flags(), a.first(), b.last(), a.count() + 1));
                extendable.put(r.datastreamId(), new OpenTask(task.id(), flags, r.phenomenonTime()));
                continue;
            }
            long id = insertTask(connection, r.datastreamId(), flags, r.phenomenonTime(), r.phenomenonTime(), 1, now);
            extendable.put(r.datastreamId(), new OpenTask(id, flags, r.phenomenonTime()));
        }
        if (extensions.isEmpty()) return;
        List<Map.Entry<Long, Extension>> entries = List.copyOf(extensions.entrySet());
        int[] updated;
        try (PreparedStatement extend = connection.prepareStatement("UPDATE review_tasks SET last_time = ?, "
                + "reading_count = reading_count + ? WHERE id = ? AND status = 'OPEN'")) {
            for (Map.Entry<Long, Extension> e : entries) {
                extend.setObject(1, Rows.timestamp(e.getValue().last()));
                extend.setInt(2, e.getValue().count());
                extend.setLong(3, e.getKey());
                extend.addBatch();
            }
            updated = extend.executeBatch();
        }
        // A task a reviewer decided meanwhile stays as decided; the readings flagged since get a task of their own.
        for (int i = 0; i < entries.size(); i++) {
            if (updated[i] != 0) continue;
            Extension e = entries.get(i).getValue();
            long id = insertTask(connection, e.datastreamId(), e.flags(), e.first(), e.last(), e.count(), now);
            extendable.put(e.datastreamId(), new OpenTask(id, e.flags(), e.last()));
        }
    }

    private static long insertTask(Connection connection, long datastreamId, int flags, Instant first, Instant last, int count,
                                   Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO review_tasks (datastream_id, first_time, last_time, "
                + "reading_count, flags, opened_at, due_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN')", new String[] {"id"})) {
            insert.setLong(1, datastreamId);
            insert.setObject(2, Rows.timestamp(first));
            insert.setObject(3, Rows.timestamp(last));
            insert.setInt(4, count);
            insert.setInt(5, flags);
            insert.setObject(6, Rows.timestamp(now));
            insert.setObject(7, Rows.timestamp(now.plus(DUE_AFTER)));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** A review task as reviewers see it. */
    public record Task(long id, long datastreamId, String datastreamCode, Instant firstTime, Instant lastTime, int readingCount,
                       java.util.Set<QualityFlag> flags, Instant openedAt, Instant dueAt, String status, String decidedBy,
                       Instant decidedAt, String reason, Double correctedValue) {}

    /** Tasks in a status (OPEN, ACCEPTED, CORRECTED, REJECTED), oldest first, at most {@code limit}. */
    public List<Task> tasks(String status, int limit) {
        return database.jdbc().sql("SELECT t.*, d.code FROM review_tasks t JOIN datastreams d ON d.id = t.datastream_id "
                        + "WHERE t.status = ? ORDER BY t.opened_at, t.id LIMIT ?")
                .params(status, limit).query(ReviewQueue::task).list();
    }

    private static Task task(ResultSet rs, int row) throws SQLException {
        return new Task(rs.getLong("id"), rs.getLong("datastream_id"), rs.getString("code"), Rows.instant(rs, "first_time"),
                Rows.instant(rs, "last_time"), rs.getInt("reading_count"), QualityFlag.of(rs.getInt("flags")), Rows.instant(rs, "opened_at"),
                Rows.instant(rs, "due_at"), rs.getString("status"), rs.getString("decided_by"), Rows.instant(rs, "decided_at"),
                rs.getString("reason"), Rows.nullableDouble(rs, "corrected_value"));
    }

    /** What a reviewer decided about a task's readings. */
    public enum Decision { ACCEPTED, CORRECTED, REJECTED }

    /**
     * Records a reviewer's decision: accepted readings stay as they are; rejected ones get a new version
     * flagged REJECTED; a corrected one gets a new version with the reviewer's value (its raw value is kept).
     * The decision, its reason and its author go into the audit log, all in one transaction.
     */
    public Task decide(long taskId, Decision decision, Double correctedValue, String reason, String reviewer) {
        if (reason == null || reason.isBlank()) throw new InvalidInput("ingest.review.reason", "reason");
        if (reviewer == null || reviewer.isBlank()) throw new InvalidInput("ingest.review.reviewer", "reviewer");
        Instant now = clock.instant();
        database.inTransaction(connection -> {
            long datastream;
            Instant first;
            Instant last;
            int count;
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT datastream_id, first_time, last_time, reading_count, status FROM review_tasks WHERE id = ? FOR UPDATE")) {
                query.setLong(1, taskId);
                try (ResultSet rs = query.executeQuery()) {
                    if (!rs.next()) throw new InvalidInput("ingest.review.noTask", "task", taskId);
                    if (!rs.getString(5).equals("OPEN")) throw new InvalidInput("ingest.review.notOpen", "task", taskId, rs.getString(5));
                    datastream = rs.getLong(1);
                    first = rs.getObject(2, OffsetDateTime.class).toInstant();
                    last = rs.getObject(3, OffsetDateTime.class).toInstant();
                    count = rs.getInt(4);
                }
            }
            if (decision == Decision.CORRECTED && (correctedValue == null || count != 1)) {
                throw new InvalidInput("ingest.review.correction", "value", count);
            }
            if (decision != Decision.ACCEPTED) {
                // The readings the task covers are those current in its window now, locked: one a PATCH moved away is
                // reviewed where it is now (by a task of that time), and one a concurrent change replaced is not brought back.
                List<Reading> current = ReadingRepository.lockCurrent(connection, datastream, first, last);
                boolean correcting = decision == Decision.CORRECTED;
                QualityFlag decided = correcting ? QualityFlag.CORRECTED : QualityFlag.REJECTED;
                readings.supersede(connection, current, r -> new Reading(null, r.datastreamId(), r.phenomenonTime(), correcting ? correctedValue : r.value(),
                        r.rawValue(), r.qualityFlags() | decided.bit(), r.version() + 1, true, "review", now));
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE review_tasks SET status = ?, decided_by = ?, decided_at = ?, "
                    + "reason = ?, corrected_value = ? WHERE id = ?")) {
                update.setString(1, decision.name());
                update.setString(2, reviewer);
                update.setObject(3, Rows.timestamp(now));
                update.setString(4, reason);
                update.setObject(5, correctedValue);
                update.setLong(6, taskId);
                update.executeUpdate();
            }
            try (PreparedStatement audit = connection.prepareStatement(
                    "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)")) {
                audit.setObject(1, Rows.timestamp(now));
                audit.setString(2, reviewer);
                audit.setString(3, "REVIEW_" + decision.name());
                audit.setString(4, "review-task:" + taskId);
                audit.setString(5, reason + (correctedValue == null ? "" : " (value " + correctedValue + ")"));
                audit.executeUpdate();
            }
            return null;
        });
        alerts.clear(OVERDUE_ALERT, "review-task:" + taskId, now);
        return task(taskId);
    }

    public Task task(long id) {
        return database.jdbc().sql("SELECT t.*, d.code FROM review_tasks t JOIN datastreams d ON d.id = t.datastream_id WHERE t.id = ?")
                .param(id).query(ReviewQueue::task).optional()
                .orElseThrow(() -> new InvalidInput("ingest.review.noTask", "task", id));
    }

    /** Forgets the extendable tasks (after a failed transaction); they are reloaded from the database. */
    public void forget() {
        extendable.clear();
        loaded = false;
    }

    /** Raises an alert for every open task past its due time that has none yet; returns how many were raised. */
    public int raiseOverdueAlerts() {
        Instant now = clock.instant();
        List<long[]> overdue = database.jdbc().sql("SELECT id, datastream_id FROM review_tasks WHERE status = 'OPEN' "
                        + "AND due_at < ? AND NOT overdue_alerted")
                .param(Rows.timestamp(now)).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        for (long[] task : overdue) {
            alerts.raise(OVERDUE_ALERT, Alert.Level.GENERAL, "review-task:" + task[0],
                    "数据审核任务 " + task[0] + " 超过 1 小时未处理 / review task " + task[0] + " of datastream " + task[1]
                            + " has not been handled within an hour", now);
            database.jdbc().sql("UPDATE review_tasks SET overdue_alerted = TRUE WHERE id = ?").param(task[0]).update();
        }
        return overdue.size();
    }

    private void load(Connection connection) throws SQLException {
        extendable.clear();
        try (Statement query = connection.createStatement();
             ResultSet rs = query.executeQuery("SELECT id, datastream_id, flags, last_time FROM review_tasks WHERE status = 'OPEN'")) {
            while (rs.next()) {
                Instant last = rs.getObject(4, OffsetDateTime.class).toInstant();
                OpenTask known = extendable.get(rs.getLong(2));
                if (known == null || known.lastTime().isBefore(last)) {
                    extendable.put(rs.getLong(2), new OpenTask(rs.getLong(1), rs.getInt(3), last));
                }
            }
        }
        loaded = true;
    }
}
