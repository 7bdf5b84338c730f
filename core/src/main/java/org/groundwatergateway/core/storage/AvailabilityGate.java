package org.groundwatergateway.core.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The data source as the platform uses it. Once a connection could not be had because the database is unreachable, the
 * gate closes: further requests for a connection fail at once with {@link SQLTransientConnectionException} rather than
 * each waiting out the pool's connection timeout — a request that needs the database several times would otherwise take
 * that long several times over. While closed, one request at a time, {@link #TRIAL_INTERVAL_NANOS} after the last failed
 * one, is let through to try; the first that gets a connection opens the gate again.
 */
final class AvailabilityGate extends DelegatingDataSource {

    private static final long TRIAL_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /** Longer than any trial can take (the pool's connection timeout): no second trial starts while one runs. */
    private static final long TRIAL_RUNNING_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final long OPEN = Long.MIN_VALUE;

    /** When the next request may try the database while the gate is closed; {@link #OPEN} while it is open. */
    private final AtomicLong nextTrial = new AtomicLong(OPEN);

    AvailabilityGate(DataSource pool) {
        super(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
        long trial = nextTrial.get();
        boolean trying = trial != OPEN;
        if (trying) {
            long now = System.nanoTime();
            if (now - trial < 0 || !nextTrial.compareAndSet(trial, now + TRIAL_RUNNING_NANOS)) {
                throw new SQLTransientConnectionException("the database is unavailable (no connection could be had lately); try again shortly",
                        "08001");
            }
        }
        try {
            Connection connection = super.getConnection();
            nextTrial.set(OPEN);
            return connection;
        } catch (SQLException | RuntimeException e) {
            if (trying || DatabaseUnavailable.explains(e)) nextTrial.set(System.nanoTime() + TRIAL_INTERVAL_NANOS);
            throw e;
        }
    }
}
