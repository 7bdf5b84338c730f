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
    public boolean retract(long readingId, String actor, Instant at) {
        return retract("id = ?", List.of(readingId), "reading:" + readingId, actor, at) > 0;
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
        List<Reading> retracted = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT * FROM readings WHERE " + which + " AND current_version FOR UPDATE")) {
            for (int i = 0; i < parameters.size(); i++) query.setObject(i + 1, parameters.get(i));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) retracted.add(reading(rs, 0));
            }
        }
        if (retracted.isEmpty()) return 0;
        // The retraction versions go in first, not current, so that the update below reaches only what they retract.
        database.dialect().appendReadings(connection, retracted.stream().map(r -> new Reading(null, r.datastreamId(), r.phenomenonTime(),
                r.value(), r.rawValue(), r.qualityFlags() | QualityFlag.RETRACTED.bit(), r.version() + 1, false, "retraction", at)).toList());
        try (PreparedStatement supersede = connection.prepareStatement("UPDATE readings SET current_version = FALSE WHERE " + which + " AND current_version")) {
            for (int i = 0; i < parameters.size(); i++) supersede.setObject(i + 1, parameters.get(i));
            supersede.executeUpdate();
        }
        for (long datastream : new TreeSet<>(retracted.stream().map(Reading::datastreamId).toList())) findLatestAgain(connection, datastream);
        try (PreparedStatement audit = connection.prepareStatement(
                "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, 'READING_RETRACTED', ?, ?)")) {
            Reading first = retracted.get(0);
            audit.setObject(1, Rows.timestamp(at));
            audit.setString(2, actor);
            audit.setString(3, subject);
            audit.setString(4, retracted.size() == 1 ? "datastream " + first.datastreamId() + " at " + first.phenomenonTime() + ", value "
                    + first.value() + " (raw " + first.rawValue() + ", version " + first.version() + ")" : retracted.size() + " readings");
            audit.executeUpdate();
        }
        return retracted.size();
    }

    /** latest_readings only ever moves forward on writes; a retraction of the latest reading sets it back by hand. */
    private static void findLatestAgain(Connection connection, long datastream) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM latest_readings l WHERE l.datastream_id = ? AND NOT EXISTS "
                + "(SELECT 1 FROM readings r WHERE r.datastream_id = l.datastream_id AND r.phenomenon_time = l.phenomenon_time AND r.current_version)")) {
            delete.setLong(1, datastream);
            if (delete.executeUpdate() == 0) return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO latest_readings (datastream_id, phenomenon_time, "
                + "result_value, quality_flags) SELECT datastream_id, phenomenon_time, result_value, quality_flags FROM readings "
                + "WHERE datastream_id = ? AND current_version ORDER BY phenomenon_time DESC LIMIT 1")) {
            insert.setLong(1, datastream);
            insert.executeUpdate();
        }
    }

    private static Reading reading(ResultSet rs, int row) throws SQLException {
        return new Reading(rs.getLong("id"), rs.getLong("datastream_id"), Rows.instant(rs, "phenomenon_time"),
                rs.getDouble("result_value"), rs.getDouble("raw_value"), rs.getInt("quality_flags"), rs.getInt("version"),
                rs.getBoolean("current_version"), rs.getString("source"), Rows.instant(rs, "received_time"));
    }
}
