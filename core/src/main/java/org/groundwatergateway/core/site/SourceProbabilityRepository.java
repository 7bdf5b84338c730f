package org.groundwatergateway.core.site;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Geometries;
import org.groundwatergateway.core.storage.Rows;
import org.groundwatergateway.core.storage.StorageException;
import org.locationtech.jts.geom.Polygon;

/**
 * The heat maps of source tracing — each candidate's probability of being a new release the wells see — as incident analyses write
 * them and the map services read them (the {@code source_probabilities} feature type).
 */
public final class SourceProbabilityRepository {

    /**
     * A candidate of a heat map.
     *
     * @param enterprise the credit code of the enterprise whose site holds it; null outside every site
     * @param footprint in longitude/latitude (EPSG:4490)
     */
    public record Cell(String candidate, String enterprise, double probability, Polygon footprint) {}

    /**
     * A trace of a park's parameter in one aquifer over [from, to), and where it came from.
     *
     * @param incidentId the incident whose analysis ran it; null for none
     */
    public record Trace(long parkId, long parameterId, long aquiferId, Instant from, Instant to, Long incidentId, String modelVersion) {
        /** To the microsecond, as both databases keep a time: a window's end finds the trace stored with it. */
        public Trace {
            from = from.truncatedTo(ChronoUnit.MICROS);
            to = to.truncatedTo(ChronoUnit.MICROS);
        }
    }

    /** A candidate less probable than this is left out of a heat map. */
    public static final double SMALLEST = 1e-6;

    private final Database database;

    public SourceProbabilityRepository(Database database) {
        this.database = database;
    }

    /**
     * Stores a trace's heat map, replacing that of an earlier trace over a window with the same end, in one transaction.
     * A trace with no cells is stored too: it says there was no candidate then. Two replacing the same trace at once:
     * the unique window refuses the second's insert, which deletes and inserts again after the first has committed.
     */
    public void replace(Trace trace, Instant computedAt, List<Cell> cells) {
        try {
            database.inTransaction(connection -> write(connection, trace, computedAt, cells));
        } catch (StorageException e) {
            if (!Rows.isDuplicateKey(e) && !Rows.isConcurrentUpdate(e)) throw e;
            database.inTransaction(connection -> write(connection, trace, computedAt, cells));
        }
    }

    /** What the stored heat maps are at: it changes with every trace stored, so a map image drawn before is not served after. */
    public String stamp() {
        return database.jdbc().sql("SELECT MAX(id) AS last, COUNT(*) AS traces FROM source_traces")
                .query((rs, n) -> rs.getLong("last") + "/" + rs.getLong("traces")).single();
    }

    private static Void write(Connection connection, Trace trace, Instant computedAt, List<Cell> cells) throws SQLException {
        String key = "park_id = ? AND parameter_id = ? AND aquifer_id = ? AND window_to = ?";
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM source_traces WHERE " + key)) {
            bindKey(delete, trace);
            delete.executeUpdate();
        }
        long traceId;
        // The generated key: H2 gives the identity column, PostgreSQL the whole row, id first.
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO source_traces (park_id, parameter_id, aquifer_id, "
                + "window_to, window_from, computed_at, incident_id, model_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            bindKey(insert, trace);
            insert.setObject(5, Rows.timestamp(trace.from()));
            insert.setObject(6, Rows.timestamp(computedAt));
            insert.setObject(7, trace.incidentId());
            insert.setString(8, trace.modelVersion());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) throw new SQLException("no id generated for the trace");
                traceId = keys.getLong(1);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO source_probabilities (trace_id, candidate, enterprise, "
                + "probability, geom) VALUES (?, ?, ?, ?, " + Geometries.BIND + ")")) {
            for (Cell cell : cells) {
                insert.setLong(1, traceId);
                insert.setString(2, cell.candidate());
                insert.setString(3, cell.enterprise());
                insert.setDouble(4, cell.probability());
                insert.setBytes(5, Geometries.wkb(cell.footprint()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return null;
    }

    private static void bindKey(PreparedStatement statement, Trace trace) throws SQLException {
        statement.setLong(1, trace.parkId());
        statement.setLong(2, trace.parameterId());
        statement.setLong(3, trace.aquiferId());
        statement.setObject(4, Rows.timestamp(trace.to()));
    }
}
