package org.groundwatergateway.core.reading;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Readings: appended in bulk, read back in time order one page at a time. */
public final class ReadingRepository {

    private final Database database;
    private final JdbcClient jdbc;

    public ReadingRepository(Database database) {
        this.database = database;
        this.jdbc = database.jdbc();
    }

    /** Appends readings in one transaction: all of them are committed when this returns, or none. */
    public void append(List<Reading> readings) {
        database.inTransaction(connection -> {
            database.dialect().appendReadings(connection, readings);
            return null;
        });
    }

    /**
     * Current versions of a datastream's readings with {@code from <= time < to}, in time order, starting
     * after {@code after} (exclusive, for keyset paging; null for the first page).
     */
    public List<Reading> page(long datastreamId, Instant from, Instant to, Instant after, int limit) {
        Instant start = after != null && after.isAfter(from) ? after : from;
        String startOperator = after != null && after.isAfter(from) ? ">" : ">=";
        return jdbc.sql("SELECT * FROM readings WHERE datastream_id = ? AND current_version AND phenomenon_time " + startOperator
                        + " ? AND phenomenon_time < ? ORDER BY phenomenon_time LIMIT ?")
                .params(datastreamId, Rows.timestamp(start), Rows.timestamp(to), limit)
                .query(ReadingRepository::reading)
                .list();
    }

    /** The latest {@code count} current readings of a datastream, oldest first. */
    public List<Reading> latest(long datastreamId, int count) {
        List<Reading> readings = new ArrayList<>(jdbc.sql("SELECT * FROM readings WHERE datastream_id = ? AND current_version "
                        + "ORDER BY phenomenon_time DESC LIMIT ?")
                .params(datastreamId, count).query(ReadingRepository::reading).list());
        Collections.reverse(readings);
        return readings;
    }

    /** The time of a datastream's latest current reading before {@code before}, if it has one (one step down its key). */
    public Optional<Instant> latestTimeBefore(long datastreamId, Instant before) {
        return jdbc.sql("SELECT phenomenon_time FROM readings WHERE datastream_id = ? AND current_version AND phenomenon_time < ? "
                        + "ORDER BY phenomenon_time DESC LIMIT 1")
                .params(datastreamId, Rows.timestamp(before)).query((rs, row) -> Rows.instant(rs, "phenomenon_time")).optional();
    }

    /** The current value of a datastream at exactly this time, or null. */
    public Double valueAt(long datastreamId, Instant at) {
        return jdbc.sql("SELECT result_value FROM readings WHERE datastream_id = ? AND phenomenon_time = ? AND current_version")
                .params(datastreamId, Rows.timestamp(at)).query(Double.class).optional().orElse(null);
    }

    public long count(long datastreamId, Instant from, Instant to) {
        return jdbc.sql("SELECT COUNT(*) FROM readings WHERE datastream_id = ? AND current_version "
                        + "AND phenomenon_time >= ? AND phenomenon_time < ?")
                .params(datastreamId, Rows.timestamp(from), Rows.timestamp(to))
                .query(Long.class).single();
    }

    public long countAll() {
        return jdbc.sql("SELECT COUNT(*) FROM readings").query(Long.class).single();
    }

    /**
     * The version a new observation of a datastream at this time is stored as. As a rule 1, which the intake stores once
     * (a repeated or different value at a stored time is not taken). Where every version at that time has been
     * retracted, the one after the retraction: an observation may be given again at the time of a withdrawn one, which
     * stays stored beside it.
     */
    public int versionOfNewObservation(long datastreamId, Instant phenomenonTime) {
        record Stored(int version, boolean current) {}
        List<Stored> stored = jdbc.sql("SELECT version, current_version FROM readings WHERE datastream_id = ? AND phenomenon_time = ?")
                .params(datastreamId, Rows.timestamp(phenomenonTime))
                .query((rs, n) -> new Stored(rs.getInt(1), rs.getBoolean(2))).list();
        boolean withdrawn = !stored.isEmpty() && stored.stream().noneMatch(Stored::current);
        return withdrawn ? stored.stream().mapToInt(Stored::version).max().orElseThrow() + 1 : 1;
    }

    /**
     * Records when an observation's result was generated (SensorThings resultTime), for a reading stored already as
     * {@code version}: given as a first version, with its result time; given again after a retraction, with its own,
     * null when none was given. A time recorded before for the same observation is kept.
     */
    public void recordResultTime(long datastreamId, Instant phenomenonTime, int version, Instant resultTime) {
        if (resultTime == null && version == 1) return;
        jdbc.sql("INSERT INTO observation_result_times (datastream_id, phenomenon_time, first_version, result_time) SELECT ?, ?, ?, CAST(? AS TIMESTAMP WITH TIME ZONE) "
                        + "WHERE NOT EXISTS (SELECT 1 FROM observation_result_times WHERE datastream_id = ? AND phenomenon_time = ? AND first_version = ?)")
                .params(datastreamId, Rows.timestamp(phenomenonTime), version, resultTime == null ? null : Rows.timestamp(resultTime),
                        datastreamId, Rows.timestamp(phenomenonTime), version)
                .update();
    }

    /**
     * Withdraws the current version of a reading: it stops being current and a new, non-current version flagged
     * {@link QualityFlag#RETRACTED} records the retraction with the raw value, so that every read of current versions
     * leaves the reading out while nothing stored is lost. The datastream's latest reading is found again if it was
     * this one, and the retraction is written to the audit log, all in one transaction.
     *
     * @return false when the id names no current reading (unknown, superseded or retracted already)
     */
    public boolean retract(long observationId, String actor, Instant at) {
        return retract(OF_OBSERVATION, List.of(observationId), "reading:" + observationId, actor, at) > 0;
    }

    /**
     * The condition naming every version of an Observation by its SensorThings id, bound once: the stored, indexed
     * {@code sta_id} (V6_27), the id of the first version of its lineage, kept through every version.
     */
    private static final String OF_OBSERVATION = "sta_id = ?";

    /**
     * Replaces current versions by new ones, within the caller's transaction: the one way a stored value is corrected,
     * whether by a reviewer's decision or a SensorThings PATCH. The caller has locked {@code replaced} (SELECT … FOR
     * UPDATE); each stops being current only if it still is, and only those get a successor, so that a version a
     * concurrent change replaced first is not brought back beside its successor. A successor continues the Observation
     * of the version it replaces (V6_27): its SensorThings id stays.
     *
     * @return the successors written (without their row ids), in the order of {@code replaced}
     */
    public List<Reading> supersede(Connection connection, List<Reading> replaced, UnaryOperator<Reading> successor) throws SQLException {
        List<Reading> stillCurrent = new ArrayList<>();
        try (PreparedStatement supersede = connection.prepareStatement("UPDATE readings SET current_version = FALSE "
                + "WHERE datastream_id = ? AND phenomenon_time = ? AND version = ? AND current_version")) {
            for (Reading r : replaced) {
                bindKey(supersede, 1, r);
                supersede.addBatch();
            }
            int[] counts = replaced.isEmpty() ? new int[0] : supersede.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 1) stillCurrent.add(replaced.get(i));
            }
        }
        List<Reading> successors = stillCurrent.stream().map(successor).toList();
        database.dialect().appendReadings(connection, successors);
        continueLineage(connection, stillCurrent, successors);
        return successors;
    }

    /** Gives each later version the lineage (Observation id, V6_27) of the version it replaces, pair by pair. */
    private static void continueLineage(Connection connection, List<Reading> replaced, List<Reading> successors) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE readings SET observation_id = (SELECT p.sta_id FROM readings p "
                + "WHERE p.datastream_id = ? AND p.phenomenon_time = ? AND p.version = ?) WHERE datastream_id = ? AND phenomenon_time = ? AND version = ?")) {
            for (int i = 0; i < successors.size(); i++) {
                bindKey(update, 1, replaced.get(i));
                bindKey(update, 4, successors.get(i));
                update.addBatch();
            }
            if (!successors.isEmpty()) update.executeBatch();
        }
    }

    private static void bindKey(PreparedStatement statement, int first, Reading r) throws SQLException {
        statement.setLong(first, r.datastreamId());
        statement.setObject(first + 1, Rows.timestamp(r.phenomenonTime()));
        statement.setInt(first + 2, r.version());
    }

    /** The current readings of a datastream from {@code first} to {@code last}, locked as {@link #lockCurrent} locks them. */
    public static List<Reading> lockCurrent(Connection connection, long datastreamId, Instant first, Instant last) throws SQLException {
        return lockCurrent(connection, "datastream_id = ? AND phenomenon_time >= ? AND phenomenon_time <= ?",
                List.of(datastreamId, Rows.timestamp(first), Rows.timestamp(last)));
    }

    /**
     * The current versions a condition names, locked for the caller's transaction. Waiting on a lock a concurrent change
     * held, the statement skips a row that change superseded, and its snapshot does not show the successor that change
     * wrote: a second statement (read committed) sees the successor, so that a retraction or PATCH racing a PATCH finds
     * the Observation where it moved instead of answering that there is none.
     */
    private static List<Reading> lockCurrent(Connection connection, String which, List<Object> parameters) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            List<Reading> found = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT * FROM readings WHERE " + which + " AND current_version FOR UPDATE")) {
                for (int i = 0; i < parameters.size(); i++) query.setObject(i + 1, parameters.get(i));
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) found.add(reading(rs, 0));
                }
            }
            if (!found.isEmpty() || attempt == 1) return found;
        }
    }

    /** What {@link #revise} did: the Observation's new current version, or why nothing was changed. */
    public sealed interface Revision {
        /**
         * @param version the new current version, with its own row id (the Observation's id is {@code observationId})
         * @param latest whether it is now the datastream's latest reading, i.e. news to whatever judges the present
         */
        record Revised(long observationId, Reading version, boolean latest) implements Revision {}
        /** The Observation holds the time and result asked already: no version was written. */
        record Unchanged() implements Revision {}
        /** No current version has this id (unknown, superseded or retracted). */
        record NotFound() implements Revision {}
        /** Another current observation of the datastream is stored at the new time. */
        record TimeTaken(long datastream, Instant time) implements Revision {}
    }

    /**
     * Corrects an Observation's phenomenon time and/or result (SensorThings PATCH), keeping its id, the way a reviewer's
     * correction does ({@link #supersede}): in one transaction its current version, locked, stops being current and a new
     * version flagged {@link QualityFlag#CORRECTED} (source {@code correction}) is written at the (new) time with the new
     * value in the same lineage; the raw value, the other flags, the result time and a generic Thing's FeatureOfInterest
     * link are carried over, the datastream's latest reading is found again, and the change and its reason go to the
     * audit log. The history keeps the old version at its old time. Two PATCHes of one Observation run one after the
     * other; a new time where another current observation is stored, whether before or meanwhile, is refused.
     *
     * @param time the new phenomenon time, or null to keep it
     * @param value the new result, or null to keep it
     * @param reason why, for the audit log
     */
    public Revision revise(long observationId, Instant time, Double value, String actor, String reason, Instant at) {
        for (int attempt = 1; ; attempt++) {
            try {
                return database.inTransaction(connection -> revise(connection, observationId, time, value, actor, reason, at));
            } catch (RuntimeException e) {
                // Another current version was written at the new time meanwhile: readings_one_current (V6_27) refused ours.
                // H2 says so (90131) while that version is not yet committed, so the revision is tried once more: it then
                // meets the committed version (refused below or by the check in revise) or, rolled back, none.
                if (time == null || !(Rows.isDuplicateKey(e) || Rows.isConcurrentUpdate(e))) throw e;
                if (Rows.isConcurrentUpdate(e) && attempt == 1) continue;
                return new Revision.TimeTaken(jdbc.sql("SELECT datastream_id FROM readings WHERE sta_id = ? FETCH FIRST 1 ROW ONLY")
                        .param(observationId).query(Long.class).single(), time);
            }
        }
    }

    private Revision revise(Connection connection, long observationId, Instant time, Double value, String actor, String reason, Instant at)
            throws SQLException {
        List<Reading> current = lockCurrent(connection, OF_OBSERVATION, List.of(observationId));
        if (current.isEmpty()) return new Revision.NotFound();
        Reading old = current.get(0);
        Instant newTime = time == null ? old.phenomenonTime() : time;
        boolean moved = !newTime.equals(old.phenomenonTime());
        if (!moved && (value == null || value.doubleValue() == old.value())) return new Revision.Unchanged();
        int version = old.version() + 1;
        if (moved) {
            try (PreparedStatement query = connection.prepareStatement("SELECT version, current_version FROM readings "
                    + "WHERE datastream_id = ? AND phenomenon_time = ?")) {
                query.setLong(1, old.datastreamId());
                query.setObject(2, Rows.timestamp(newTime));
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getBoolean(2)) return new Revision.TimeTaken(old.datastreamId(), newTime);
                        version = Math.max(version, rs.getInt(1) + 1);
                    }
                }
            }
        }
        int newVersion = version;
        List<Reading> written = supersede(connection, current, r -> new Reading(null, r.datastreamId(), newTime, value == null ? r.value() : value,
                r.rawValue(), r.qualityFlags() | QualityFlag.CORRECTED.bit(), newVersion, true, "correction", at));
        if (written.isEmpty()) return new Revision.NotFound();
        Reading revised = written.get(0);
        long id;
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM readings WHERE datastream_id = ? AND phenomenon_time = ? AND version = ?")) {
            bindKey(query, 1, revised);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        if (moved) {
            // Its own row at the new time, so that no result time of an observation withdrawn there before is taken for it.
            Object was = Rows.timestamp(old.phenomenonTime());
            Object now = Rows.timestamp(newTime);
            update(connection, "INSERT INTO observation_result_times (datastream_id, phenomenon_time, first_version, result_time) "
                    + "VALUES (?, ?, ?, (SELECT t.result_time FROM observation_result_times t WHERE t.datastream_id = ? AND t.phenomenon_time = ? "
                    + "AND t.first_version <= ? ORDER BY t.first_version DESC FETCH FIRST 1 ROW ONLY))",
                    old.datastreamId(), now, newVersion, old.datastreamId(), was, old.version());
            update(connection, "DELETE FROM sta_observation_features WHERE datastream_id = ? AND phenomenon_time = ?", old.datastreamId(), now);
            update(connection, "INSERT INTO sta_observation_features (datastream_id, phenomenon_time, feature_id) "
                    + "SELECT datastream_id, ?, feature_id FROM sta_observation_features WHERE datastream_id = ? AND phenomenon_time = ?",
                    now, old.datastreamId(), was);
            findSpanAgain(connection, old.datastreamId());
        }
        try (PreparedStatement audit = connection.prepareStatement(
                "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, 'READING_REVISED', ?, ?)")) {
            audit.setObject(1, Rows.timestamp(at));
            audit.setString(2, actor);
            audit.setString(3, "reading:" + observationId);
            audit.setString(4, reason + ": datastream " + old.datastreamId() + " at " + old.phenomenonTime() + ", value " + old.value() + " (raw "
                    + old.rawValue() + ", version " + old.version() + ") -> at " + newTime + ", value " + revised.value() + " (version " + newVersion + ")");
            audit.executeUpdate();
        }
        boolean latest;
        try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM latest_readings WHERE datastream_id = ? AND phenomenon_time = ?")) {
            query.setLong(1, revised.datastreamId());
            query.setObject(2, Rows.timestamp(revised.phenomenonTime()));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                latest = rs.getLong(1) > 0;
            }
        }
        return new Revision.Revised(observationId, new Reading(id, revised.datastreamId(), revised.phenomenonTime(), revised.value(), revised.rawValue(),
                revised.qualityFlags(), revised.version(), true, revised.source(), revised.receivedTime()), latest);
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) statement.setObject(i + 1, parameters[i]);
            statement.executeUpdate();
        }
    }

    /** Withdraws every current reading of these datastreams, as {@link #retract} does one; returns how many. */
    public int retractAll(List<Long> datastreamIds, String actor, Instant at) {
        return database.inTransaction(connection -> retractAll(connection, datastreamIds, actor, at));
    }

    /** {@link #retractAll(List, String, Instant)} within the caller's transaction. */
    public int retractAll(Connection connection, List<Long> datastreamIds, String actor, Instant at) throws SQLException {
        if (datastreamIds.isEmpty()) return 0;
        return retract(connection, "datastream_id IN (" + String.join(", ", Collections.nCopies(datastreamIds.size(), "?")) + ")",
                List.copyOf(datastreamIds), "datastreams:" + datastreamIds, actor, at);
    }

    /** @param which a condition on readings, with {@code parameters} bound in order */
    private int retract(String which, List<Object> parameters, String subject, String actor, Instant at) {
        return database.inTransaction(connection -> retract(connection, which, parameters, subject, actor, at));
    }

    private int retract(Connection connection, String which, List<Object> parameters, String subject, String actor, Instant at)
            throws SQLException {
        List<Reading> retracted = lockCurrent(connection, which, parameters);
        if (retracted.isEmpty()) return 0;
        // A retraction is a version too, not current: it records the withdrawal in the Observation's lineage.
        int withdrawn = supersede(connection, retracted, r -> new Reading(null, r.datastreamId(), r.phenomenonTime(), r.value(), r.rawValue(),
                r.qualityFlags() | QualityFlag.RETRACTED.bit(), r.version() + 1, false, "retraction", at)).size();
        if (withdrawn == 0) return 0;
        for (long datastream : new TreeSet<>(retracted.stream().map(Reading::datastreamId).toList())) findSpanAgain(connection, datastream);
        try (PreparedStatement audit = connection.prepareStatement(
                "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, 'READING_RETRACTED', ?, ?)")) {
            Reading first = retracted.get(0);
            audit.setObject(1, Rows.timestamp(at));
            audit.setString(2, actor);
            audit.setString(3, subject);
            audit.setString(4, withdrawn == 1 ? "datastream " + first.datastreamId() + " at " + first.phenomenonTime() + ", value "
                    + first.value() + " (raw " + first.rawValue() + ", version " + first.version() + ")" : withdrawn + " readings");
            audit.executeUpdate();
        }
        return withdrawn;
    }

    /**
     * Of readings an append skipped as stored already, those whose time is held by an Observation a correction moved
     * there (a PATCH of its phenomenonTime): the device's value is not the one stored, and would be lost without a
     * trace. Each goes to the audit log (READING_AT_CORRECTED_TIME, with its value and raw value), in the caller's
     * transaction; the caller logs and counts them.
     *
     * @return the skipped readings so recorded
     */
    public static List<Reading> recordAtCorrectedTimes(Connection connection, List<Reading> skipped, Instant at) throws SQLException {
        List<Reading> recorded = new ArrayList<>();
        if (skipped.isEmpty()) return recorded;
        try (PreparedStatement query = connection.prepareStatement("SELECT c.sta_id, c.result_value FROM readings c JOIN readings f ON f.id = c.sta_id "
                + "WHERE c.datastream_id = ? AND c.phenomenon_time = ? AND c.current_version AND f.phenomenon_time <> c.phenomenon_time");
             PreparedStatement audit = connection.prepareStatement(
                     "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, 'intake', 'READING_AT_CORRECTED_TIME', ?, ?)")) {
            for (Reading r : skipped) {
                query.setLong(1, r.datastreamId());
                query.setObject(2, Rows.timestamp(r.phenomenonTime()));
                try (ResultSet rs = query.executeQuery()) {
                    if (!rs.next()) continue;
                    audit.setObject(1, Rows.timestamp(at));
                    audit.setString(2, "reading:" + rs.getLong(1));
                    audit.setString(3, "not stored: datastream " + r.datastreamId() + " at " + r.phenomenonTime() + ", value " + r.value() + " (raw "
                            + r.rawValue() + ", source " + r.source() + "); the time holds Observation " + rs.getLong(1) + ", moved there, value "
                            + rs.getDouble(2));
                    audit.executeUpdate();
                    recorded.add(r);
                }
            }
        }
        return recorded;
    }

    /**
     * latest_readings only ever widens on writes (a newer latest reading, an earlier first one); a retraction or a move
     * of either end is found again by hand, under the row's lock and in place. A concurrent change of another end waits
     * on that lock for this one's commit and then reads the row as this one left it: an UPDATE keeps the row, which a
     * waiting lock follows, where a DELETE and INSERT left the waiter holding nothing, and a third change could then
     * leave a retracted reading as an end. The row goes only when no current reading is left.
     */
    private static void findSpanAgain(Connection connection, long datastream) throws SQLException {
        String current = " FROM readings r WHERE r.datastream_id = l.datastream_id AND r.current_version";
        try (PreparedStatement lock = connection.prepareStatement("SELECT datastream_id FROM latest_readings WHERE datastream_id = ? FOR UPDATE")) {
            lock.setLong(1, datastream);
            lock.executeQuery().close();
        }
        update(connection, "UPDATE latest_readings l SET (phenomenon_time, result_value, quality_flags) = (SELECT r.phenomenon_time, r.result_value, "
                + "r.quality_flags" + current + " ORDER BY r.phenomenon_time DESC LIMIT 1), first_phenomenon_time = (SELECT MIN(r.phenomenon_time)" + current
                + ") WHERE l.datastream_id = ? AND EXISTS (SELECT 1" + current + ") AND (NOT EXISTS (SELECT 1" + current
                + " AND r.phenomenon_time = l.phenomenon_time) OR NOT EXISTS (SELECT 1" + current + " AND r.phenomenon_time = l.first_phenomenon_time))",
                datastream);
        update(connection, "DELETE FROM latest_readings l WHERE l.datastream_id = ? AND NOT EXISTS (SELECT 1" + current + ")", datastream);
    }

    private static Reading reading(ResultSet rs, int row) throws SQLException {
        return new Reading(rs.getLong("id"), rs.getLong("datastream_id"), Rows.instant(rs, "phenomenon_time"),
                rs.getDouble("result_value"), rs.getDouble("raw_value"), rs.getInt("quality_flags"), rs.getInt("version"),
                rs.getBoolean("current_version"), rs.getString("source"), Rows.instant(rs, "received_time"));
    }
}
