package org.groundwatergateway.core.site;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Geometries;
import org.groundwatergateway.core.storage.Rows;
import org.locationtech.jts.geom.Polygon;

/**
 * The heat maps of source tracing — each candidate's probability of being a new release — as traces write them and the
 * map services read them (the {@code source_probabilities} feature type).
 */
public final class SourceProbabilityRepository {

    /**
     * A candidate of a heat map.
     *
     * @param enterprise the credit code of the enterprise whose site holds it; null outside every site
     * @param footprint in longitude/latitude (EPSG:4490)
     */
    public record Cell(String candidate, String enterprise, double probability, Polygon footprint) {}

    /** A candidate less probable than this is left out of a heat map. */
    public static final double SMALLEST = 1e-6;

    private final Database database;

    public SourceProbabilityRepository(Database database) {
        this.database = database;
    }

    /**
     * Stores the heat map of a trace of a park's parameter in one aquifer over [from, to), replacing the one of an earlier
     * trace over a window with the same end, in one transaction.
     */
    public void replace(long parkId, long parameterId, long aquiferId, Instant from, Instant to, Instant computedAt, List<Cell> cells) {
        database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM source_probabilities WHERE park_id = ? "
                    + "AND parameter_id = ? AND aquifer_id = ? AND window_to = ?")) {
                delete.setLong(1, parkId);
                delete.setLong(2, parameterId);
                delete.setLong(3, aquiferId);
                delete.setObject(4, Rows.timestamp(to));
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO source_probabilities (park_id, parameter_id, "
                    + "aquifer_id, window_from, window_to, computed_at, candidate, enterprise, probability, geom) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, " + Geometries.BIND + ")")) {
                for (Cell cell : cells) {
                    insert.setLong(1, parkId);
                    insert.setLong(2, parameterId);
                    insert.setLong(3, aquiferId);
                    insert.setObject(4, Rows.timestamp(from));
                    insert.setObject(5, Rows.timestamp(to));
                    insert.setObject(6, Rows.timestamp(computedAt));
                    insert.setString(7, cell.candidate());
                    insert.setString(8, cell.enterprise());
                    insert.setDouble(9, cell.probability());
                    insert.setBytes(10, Geometries.wkb(cell.footprint()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }
}
