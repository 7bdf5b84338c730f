package org.groundwatergateway.core.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.groundwatergateway.core.reading.Reading;

/**
 * The vendor-specific part of storage, kept in one small place: how a database is prepared, which
 * migration folder applies, and how readings are written in bulk.
 */
public sealed interface SqlDialect permits H2gisDialect, PostgisDialect {

    /** Folder under {@code db/migration} holding this vendor's migrations, applied after {@code common}. */
    String migrationFolder();

    /** Readies a migrated database for use (loads spatial functions where the database does not keep them itself). */
    void prepare(Connection connection) throws SQLException;

    /** Appends readings in one round-trip-efficient operation; a reading whose key exists already fails it. */
    void appendReadings(Connection connection, List<Reading> readings) throws SQLException;

    /**
     * Appends the readings whose (datastream, phenomenon time, version) is not stored yet and returns those,
     * with their ids, in input order: a device or broker re-sending what was stored changes nothing.
     */
    List<Reading> appendNewReadings(Connection connection, List<Reading> readings) throws SQLException;

    /**
     * Makes everything committed so far survive the process being killed, for callers about to tell a device
     * its data is stored. PostgreSQL's commit already is; H2 writes its store in the background unless told.
     */
    void makeCommitsDurable(Connection connection) throws SQLException;

    static SqlDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if (product.startsWith("PostgreSQL")) return new PostgisDialect();
        if (product.startsWith("H2")) return new H2gisDialect();
        throw new SQLException("Unsupported database " + product + ": use PostgreSQL with PostGIS, or the embedded H2GIS");
    }
}
