package org.groundwatergateway.ogc.sta.persistence;

import java.sql.SQLException;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.ogc.sta.query.StaQueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Errors the database raises while evaluating a well-formed query on the data it meets (SQLSTATE class 22: a
 * division by zero, an invalid geometry, a substring out of range) are the request's problem, answered with 400;
 * anything else is the service's.
 */
final class QueryFailure {

    private static final Logger log = LoggerFactory.getLogger(QueryFailure.class);

    private QueryFailure() {}

    static RuntimeException of(DataAccessException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
            // The database's text may quote a stored value the query met: logged, not told.
            log.info("SensorThings query not evaluable on the stored data: {}", firstLine(sql.getMessage()));
            return new StaQueryException(new InvalidInput("ogc.sta.notEvaluable", null));
        }
        return e;
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
