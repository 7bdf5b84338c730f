package org.groundwatergateway.core.storage;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * The database cannot be reached now (stopped, restarting, the network to it down, no connection free in time): the
 * request may succeed later, unlike a statement the database refused. Callers answer with "try again" (HTTP 503, an
 * HJ 212 refusal) instead of an error of their own.
 */
public class DatabaseUnavailable extends StorageException {

    public DatabaseUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether {@code failure} or one of its causes says the database could not be reached: no connection to be had
     * (SQLSTATE class 08, a pool's connection timeout), or the server ended the session (57P01–57P03: administrator or
     * crash shutdown, not accepting connections yet).
     */
    public static boolean explains(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseUnavailable || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof CannotGetJdbcConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }
}
