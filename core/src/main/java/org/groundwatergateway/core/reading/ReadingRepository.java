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
    public boolean retract(long observationId, String actor, Instant at) {
        return retract(CURRENT_OF_OBSERVATION, List.of(observationId, observationId, observationId), "reading:" + observationId, actor, at) > 0;
    }

    /**
     * The condition naming the rows of an Observation by its SensorThings id, bound three times: the id of the first
     * version of its lineage ({@code observation_id}, NULL on that first version itself), kept through every version.
     * Found by primary key from the id and the observation_id index (H2 scans the whole table for the same condition
     * written with OR), then checked to be of that lineage.
     */
    public static final String CURRENT_OF_OBSERVATION = "id IN (SELECT CAST(? AS BIGINT) UNION ALL SELECT x.id FROM readings x WHERE x.observation_id = ?) "
            + "AND COALESCE(observation_id, id) = ?";

    /**
     * Gives later versions the lineage of the versions they replace, one step down their key: what a review decision or a
     * retraction appends (at the same datastream and time, version + 1) continues the Observation and keeps its id.
     */
    public static void continueLineage(Connection connection, List<Reading> versions) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE readings SET observation_id = (SELECT COALESCE(p.observation_id, p.id) "
                + "FROM readings p WHERE p.datastream_id = ? AND p.phenomenon_time = ? AND p.version = ?) "
                + "WHERE datastream_id = ? AND phenomenon_time = ? AND version = ?")) {
            for (Reading v : versions) {
                update.setLong(1, v.datastreamId());
                update.setObject(2, Rows.timestamp(v.phenomenonTime()));
                update.setInt(3, v.version() - 1);
                update.setLong(4, v.datastreamId());
                update.setObject(5, Rows.timestamp(v.phenomenonTime()));
                update.setInt(6, v.version());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** What {@link #revise} did: the Observation's new current version, or why nothing was changed. */
    public sealed interface Revision {
        record Revised(Reading version) implements Revision {}
        /** No current version has this id (unknown, superseded or retracted). */
        record NotFound() implements Revision {}
        /** Another current observation of the datastream is stored at the new time. */
        record TimeTaken(long datastream, Instant time) implements Revision {}
    }

    /**
     * Changes an Observation's phenomenon time and/or result (SensorThings PATCH), keeping its id: in one transaction the
     * current version stops being current and a new version is written at the (new) time with the new value, in the same
     * lineage; the raw value, the result time and a generic Thing's FeatureOfInterest link are carried over, the
     * datastream's latest reading is found again, and the change is written to the audit log. Nothing stored is lost:
     * the history keeps the old version at its old time.
     *
     * @param time the new phenomenon time, or null to keep it
     * @param value the new result, or null to keep it
     */
    public Revision revise(long observationId, Instant time, Double value, String actor, Instant at) {
        return database.inTransaction(connection -> {
            Reading old;
            long lineage;
            try (PreparedStatement query = connection.prepareStatement("SELECT *, COALESCE(observation_id, id) AS lineage FROM readings WHERE "
                    + CURRENT_OF_OBSERVATION + " AND current_version FOR UPDATE")) {
                for (int i = 1; i <= 3; i++) query.setLong(i, observationId);
                try (ResultSet rs = query.executeQuery()) {
                    if (!rs.next()) return new Revision.NotFound();
                    old = reading(rs, 0);
                    lineage = rs.getLong("lineage");
                }
            }
            Instant newTime = time == null ? old.phenomenonTime() : time;
            boolean moved = !newTime.equals(old.phenomenonTime());
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
            try (PreparedStatement supersede = connection.prepareStatement("UPDATE readings SET current_version = FALSE WHERE id = ? AND current_version")) {
                supersede.setLong(1, old.id());
                supersede.executeUpdate();
            }
            Reading revised = new Reading(null, old.datastreamId(), newTime, value == null ? old.value() : value, old.rawValue(),
                    old.qualityFlags(), version, true, "correction", at);
            database.dialect().appendReadings(connection, List.of(revised));
            try (PreparedStatement link = connection.prepareStatement("UPDATE readings SET observation_id = ? "
                    + "WHERE datastream_id = ? AND phenomenon_time = ? AND version = ?")) {
                link.setLong(1, lineage);
                link.setLong(2, old.datastreamId());
                link.setObject(3, Rows.timestamp(newTime));
                link.setInt(4, version);
                link.executeUpdate();
            }
            long id;
            try (PreparedStatement query = connection.prepareStatement("SELECT id FROM readings WHERE datastream_id = ? AND phenomenon_time = ? AND version = ?")) {
                query.setLong(1, old.datastreamId());
                query.setObject(2, Rows.timestamp(newTime));
                query.setInt(3, version);
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
                        old.datastreamId(), now, version, old.datastreamId(), was, old.version());
                update(connection, "DELETE FROM sta_observation_features WHERE datastream_id = ? AND phenomenon_time = ?", old.datastreamId(), now);
                update(connection, "INSERT INTO sta_observation_features (datastream_id, phenomenon_time, feature_id) "
                        + "SELECT datastream_id, ?, feature_id FROM sta_observation_features WHERE datastream_id = ? AND phenomenon_time = ?",
                        now, old.datastreamId(), was);
                findLatestAgain(connection, old.datastreamId());
            }
            try (PreparedStatement audit = connection.prepareStatement(
                    "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, 'READING_REVISED', ?, ?)")) {
                audit.setObject(1, Rows.timestamp(at));
                audit.setString(2, actor);
                audit.setString(3, "reading:" + observationId);
                audit.setString(4, "datastream " + old.datastreamId() + " at " + old.phenomenonTime() + ", value " + old.value() + " (raw "
                        + old.rawValue() + ", version " + old.version() + ") -> at " + newTime + ", value " + revised.value() + " (version " + version + ")");
                audit.executeUpdate();
            }
            return new Revision.Revised(new Reading(id, revised.datastreamId(), newTime, revised.value(), revised.rawValue(), revised.qualityFlags(),
                    version, true, revised.source(), at));
        });
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
        continueLineage(connection, retracted.stream().map(r -> r.asVersion(r.version() + 1)).toList());
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
