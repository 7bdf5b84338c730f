package org.groundwatergateway.core.federation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Geometries;
import org.groundwatergateway.core.storage.Rows;
import org.locationtech.jts.geom.Point;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read-only mirrors of what partners share with us: their datastreams with origin, their observations (one per
 * datastream and time, so pulling the same page twice stores nothing twice) and each partner's mirror state.
 */
public final class Mirrors {

    /** How many of the partner's Observation ids one query looks up. */
    private static final int ID_CHUNK = 500;

    /** What one merge did: observations new here, and ones the source corrected (same time, another id). */
    public record Merged(int added, int corrected) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    /** A savepoint within the caller's transaction (or a transaction of its own): a refused insert leaves the rest intact. */
    private final TransactionTemplate savepoint;

    public Mirrors(Database database) {
        this.jdbc = database.jdbc();
        DataSourceTransactionManager manager = new DataSourceTransactionManager(database.dataSource());
        this.transaction = new TransactionTemplate(manager);
        this.savepoint = new TransactionTemplate(manager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Runs work in one transaction with everything it does here and in the same database (a signed message's sequence
     * number, its datastream and its observations), or joins the caller's.
     */
    public <T> T inTransaction(Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }

    /**
     * An insert that another writer (the puller and a pushed message, say) may have made first: empty if the key was
     * taken meanwhile. Under a savepoint, since PostgreSQL refuses the rest of a transaction after a failed statement.
     */
    private <T> Optional<T> insertOnce(Supplier<T> insert) {
        try {
            return Optional.of(savepoint.execute(status -> insert.get()));
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    /** Stores or refreshes a partner's datastream, as mirrored under an agreement; its id here. */
    public long mirror(long peerId, long remoteId, long agreementId, String name, String description, String unit, String thing, String licence,
                       String disclosure) {
        Optional<ForeignDatastream> stored = datastream(peerId, remoteId);
        if (stored.isEmpty()) {
            Optional<Long> inserted = insertOnce(() -> Rows.insert(jdbc.sql("INSERT INTO foreign_datastreams (peer_id, remote_id, agreement_id, name, "
                    + "description, unit, thing, licence, disclosure) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(peerId, remoteId, agreementId, name, description, unit, thing, licence, disclosure)));
            if (inserted.isPresent()) return inserted.get();
            stored = datastream(peerId, remoteId); // mirrored meanwhile by another writer: refreshed below
        }
        long id = stored.orElseThrow().id();
        jdbc.sql("UPDATE foreign_datastreams SET agreement_id = ?, name = ?, description = ?, unit = ?, thing = ?, licence = ?, disclosure = ? "
                + "WHERE id = ?").params(agreementId, name, description, unit, thing, licence, disclosure, id).update();
        return id;
    }

    /** Records where the partner shows a mirrored datastream's Thing to us (null: it shows no place). */
    public void place(long datastreamId, Point location) {
        if (location == null) {
            jdbc.sql("UPDATE foreign_datastreams SET location = NULL WHERE id = ?").params(datastreamId).update();
        } else {
            jdbc.sql("UPDATE foreign_datastreams SET location = " + Geometries.BIND + " WHERE id = ?").params(Geometries.wkb(location), datastreamId).update();
        }
    }

    /** A partner's datastream by its id there, if mirrored. */
    public Optional<ForeignDatastream> datastream(long peerId, long remoteId) {
        return jdbc.sql("SELECT * FROM foreign_datastreams WHERE peer_id = ? AND remote_id = ?").params(peerId, remoteId).query(Mirrors::datastream).optional();
    }

    /**
     * Adds the observations not stored yet and replaces those the source corrected, in one transaction: at the same time
     * (a changed result, or a new id from a gateway that gives a correction one), or at another time under the same id
     * (moved there by a PATCH at the source).
     */
    public Merged merge(long datastreamId, List<ForeignObservation> observations, Instant receivedAt) {
        if (observations.isEmpty()) return new Merged(0, 0);
        return transaction.execute(status -> {
            Instant first = observations.stream().map(ForeignObservation::phenomenonTime).min(Instant::compareTo).orElseThrow();
            Instant last = observations.stream().map(ForeignObservation::phenomenonTime).max(Instant::compareTo).orElseThrow();
            // A source's correction keeps its Observation's id (V6_27 there) or, from an older gateway, takes a new one: either
            // a changed id or a changed result at the same time replaces what is stored.
            record Held(long remoteId, Double result) {}
            Map<Instant, Held> stored = new HashMap<>();
            jdbc.sql("SELECT phenomenon_time, remote_id, result FROM foreign_observations WHERE datastream_id = ? AND phenomenon_time BETWEEN ? AND ?")
                    .params(datastreamId, Rows.timestamp(first), Rows.timestamp(last))
                    .query((rs, n) -> stored.put(Rows.instant(rs, "phenomenon_time"), new Held(rs.getLong("remote_id"), Rows.nullableDouble(rs, "result"))))
                    .list();
            // The partner's Observation id names it through its versions (V6_27 there): one stored at another time was moved
            // there by a PATCH, and its copy at the old time is replaced, not kept beside the new one.
            Map<Long, Instant> storedById = new HashMap<>();
            List<Long> remoteIds = observations.stream().map(ForeignObservation::remoteId).distinct().toList();
            for (int from = 0; from < remoteIds.size(); from += ID_CHUNK) {
                List<Long> chunk = remoteIds.subList(from, Math.min(remoteIds.size(), from + ID_CHUNK));
                jdbc.sql("SELECT remote_id, phenomenon_time FROM foreign_observations WHERE datastream_id = ? AND remote_id IN ("
                                + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")
                        .params(Stream.concat(Stream.of((Object) datastreamId), chunk.stream()).toList())
                        .query((rs, n) -> storedById.put(rs.getLong("remote_id"), Rows.instant(rs, "phenomenon_time"))).list();
            }
            int added = 0;
            int corrected = 0;
            for (ForeignObservation o : observations) {
                Instant was = storedById.get(o.remoteId());
                boolean moved = was != null && !was.equals(o.phenomenonTime());
                if (moved) {
                    jdbc.sql("DELETE FROM foreign_observations WHERE datastream_id = ? AND phenomenon_time = ? AND remote_id = ?")
                            .params(datastreamId, Rows.timestamp(was), o.remoteId()).update();
                    stored.remove(was);
                }
                storedById.put(o.remoteId(), o.phenomenonTime());
                Held held = stored.get(o.phenomenonTime());
                if (held == null) {
                    boolean inserted = insertOnce(() -> jdbc.sql("INSERT INTO foreign_observations (datastream_id, phenomenon_time, remote_id, result, "
                            + "received_at) VALUES (?, ?, ?, ?, ?)")
                            .params(datastreamId, Rows.timestamp(o.phenomenonTime()), o.remoteId(), o.result(), Rows.timestamp(receivedAt)).update()).isPresent();
                    if (inserted) {
                        if (moved) corrected++;
                        else added++;
                        stored.put(o.phenomenonTime(), new Held(o.remoteId(), o.result()));
                        continue;
                    }
                    // Stored meanwhile by another writer (the puller, or a pushed message): as if read above.
                    held = jdbc.sql("SELECT remote_id, result FROM foreign_observations WHERE datastream_id = ? AND phenomenon_time = ?")
                            .params(datastreamId, Rows.timestamp(o.phenomenonTime()))
                            .query((rs, n) -> new Held(rs.getLong("remote_id"), Rows.nullableDouble(rs, "result"))).single();
                }
                if (held.remoteId() != o.remoteId() || !Objects.equals(held.result(), o.result())) {
                    jdbc.sql("UPDATE foreign_observations SET remote_id = ?, result = ?, received_at = ? WHERE datastream_id = ? AND phenomenon_time = ?")
                            .params(o.remoteId(), o.result(), Rows.timestamp(receivedAt), datastreamId, Rows.timestamp(o.phenomenonTime())).update();
                    corrected++;
                }
                stored.put(o.phenomenonTime(), new Held(o.remoteId(), o.result()));
            }
            return new Merged(added, corrected);
        });
    }

    /** The time of the newest observation mirrored of the partner's datastream; null if none yet. */
    public Instant newest(long peerId, long remoteId) {
        return jdbc.sql("SELECT MAX(o.phenomenon_time) AS newest FROM foreign_observations o JOIN foreign_datastreams d ON d.id = o.datastream_id "
                + "WHERE d.peer_id = ? AND d.remote_id = ?").params(peerId, remoteId).query((rs, n) -> Rows.instant(rs, "newest")).list().get(0);
    }

    /** Of every partner, or of one. */
    public List<ForeignDatastream> datastreams(Long peerId) {
        String sql = "SELECT * FROM foreign_datastreams" + (peerId == null ? "" : " WHERE peer_id = ?") + " ORDER BY id";
        return (peerId == null ? jdbc.sql(sql) : jdbc.sql(sql).param(peerId)).query(Mirrors::datastream).list();
    }

    public Optional<ForeignDatastream> datastream(long id) {
        return jdbc.sql("SELECT * FROM foreign_datastreams WHERE id = ?").param(id).query(Mirrors::datastream).optional();
    }

    /** Oldest first, from {@code from} (inclusive) if given, at most {@code limit}. */
    public List<ForeignObservation> observations(long datastreamId, Instant from, int limit) {
        return jdbc.sql("SELECT remote_id, phenomenon_time, result FROM foreign_observations WHERE datastream_id = ? AND phenomenon_time >= ? "
                        + "ORDER BY phenomenon_time LIMIT ?")
                .params(datastreamId, Rows.timestamp(from == null ? Instant.EPOCH : from), limit)
                .query((rs, n) -> new ForeignObservation(rs.getLong("remote_id"), Rows.instant(rs, "phenomenon_time"), Rows.nullableDouble(rs, "result")))
                .list();
    }

    public MirrorState state(long peerId) {
        return jdbc.sql("SELECT * FROM federation_mirrors WHERE peer_id = ?").param(peerId)
                .query((rs, n) -> new MirrorState(peerId, Rows.instant(rs, "last_attempt_at"), Rows.instant(rs, "last_success_at"), rs.getInt("failures"),
                        rs.getString("last_error"), Rows.instant(rs, "next_attempt_at")))
                .optional().orElse(MirrorState.never(peerId));
    }

    public void record(MirrorState state) {
        Object[] values = {Rows.timestamp(state.lastAttemptAt()), Rows.timestamp(state.lastSuccessAt()), state.failures(),
                state.lastError() == null ? null : state.lastError().substring(0, Math.min(2000, state.lastError().length())),
                Rows.timestamp(state.nextAttemptAt()), state.peerId()};
        int updated = jdbc.sql("UPDATE federation_mirrors SET last_attempt_at = ?, last_success_at = ?, failures = ?, last_error = ?, next_attempt_at = ? "
                + "WHERE peer_id = ?").params(values).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO federation_mirrors (last_attempt_at, last_success_at, failures, last_error, next_attempt_at, peer_id) "
                    + "VALUES (?, ?, ?, ?, ?, ?)").params(values).update();
        }
    }

    private static ForeignDatastream datastream(ResultSet rs, int row) throws SQLException {
        return new ForeignDatastream(rs.getLong("id"), rs.getLong("peer_id"), rs.getLong("remote_id"), rs.getLong("agreement_id"), rs.getString("name"), rs.getString("description"),
                rs.getString("unit"), rs.getString("thing"), rs.getString("licence"), rs.getString("disclosure"));
    }
}
