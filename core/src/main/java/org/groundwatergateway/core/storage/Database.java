package org.groundwatergateway.core.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The platform's database: PostgreSQL with PostGIS in production, an embedded H2GIS file by default.
 * One schema for both, migrated with Flyway from {@code db/migration/common} plus the vendor's folder. Connections come
 * through an {@link AvailabilityGate}: while the database is unreachable, work fails at once with an exception that
 * {@link DatabaseUnavailable#explains} instead of waiting on the pool.
 */
public final class Database {

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final JdbcClient jdbc;

    private Database(DataSource dataSource, SqlDialect dialect, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbc = jdbc;
    }

    /** Opens the database behind a data source and brings its schema up to date. */
    public static Database migrate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            SqlDialect dialect = SqlDialect.of(connection);
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + dialect.migrationFolder())
                    .load()
                    .migrate();
            dialect.prepare(connection);
            DataSource gated = new AvailabilityGate(dataSource);
            return new Database(gated, dialect, JdbcClient.create(watched(gated)));
        } catch (SQLException e) {
            throw new StorageException("Cannot open the database: " + e.getMessage(), e);
        }
    }

    /**
     * The same database, whose {@link #jdbc()} statements are cancelled after {@code timeout} (on PostgreSQL whole
     * seconds, at least one), failing with Spring's {@link org.springframework.dao.QueryTimeoutException}: for the
     * reads a request's own filter shapes, so that one costly request cannot hold a connection and the database's
     * work for as long as it likes. The connections of {@link #inTransaction} and {@link #dataSource()} are not bounded.
     */
    public Database withQueryTimeout(Duration timeout) {
        if (dialect instanceof H2gisDialect) return new Database(dataSource, dialect, JdbcClient.create(cancelledAfter(dataSource, timeout)));
        JdbcTemplate template = watched(dataSource);
        template.setQueryTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds())));
        return new Database(dataSource, dialect, JdbcClient.create(template));
    }

    /** Cancels H2 statements whose timeout is up: one daemon thread for every database of the process. */
    private static final class H2Timeouts {
        static final ScheduledThreadPoolExecutor CANCELLER = new ScheduledThreadPoolExecutor(1, work -> {
            Thread thread = new Thread(work, "h2-query-timeouts");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A watched template whose statements H2 cancels once {@code timeout} is up, as a query timeout does. Not with
     * {@link Statement#setQueryTimeout}: H2 keeps the timeout per session and sets it with a {@code SET} statement each
     * time, which marks every session's parsed statements stale (each is parsed and planned again at its next run: a
     * cached derived-table select took 41 µs instead of 1.4 µs with a timeout set before each run), and the timeout would
     * stay on the pooled connection for whatever untimed work runs on it next.
     */
    private static JdbcTemplate cancelledAfter(DataSource dataSource, Duration timeout) {
        long millis = Math.max(1, timeout.toMillis());
        return new JdbcTemplate(dataSource) {
            @Override
            protected void applyStatementSettings(Statement statement) throws SQLException {
                super.applyStatementSettings(statement);
                StatementWatch.starting(statement);
                // A statement that has ended meanwhile has nothing to cancel (H2 cancels only a running command); held
                // weakly, so that an ended statement is not kept until then.
                WeakReference<Statement> running = new WeakReference<>(statement);
                H2Timeouts.CANCELLER.schedule(() -> cancel(running.get()), millis, TimeUnit.MILLISECONDS);
            }
        };
    }

    private static void cancel(Statement statement) {
        if (statement == null) return;
        try {
            statement.cancel();
        } catch (SQLException | RuntimeException ended) {
            // Closed meanwhile: nothing left to stop.
        }
    }

    /** Statements of {@link #jdbc()} are shown to the thread's {@link StatementWatch}, which may cancel them. */
    private static JdbcTemplate watched(DataSource dataSource) {
        return new JdbcTemplate(dataSource) {
            @Override
            protected void applyStatementSettings(Statement statement) throws SQLException {
                super.applyStatementSettings(statement);
                StatementWatch.starting(statement);
            }
        };
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** Makes every commit so far survive a crash of this process (see {@link SqlDialect#makeCommitsDurable}). */
    public void makeCommitsDurable() {
        try (Connection connection = dataSource.getConnection()) {
            dialect.makeCommitsDurable(connection);
        } catch (SQLException e) {
            throw new StorageException("Cannot make commits durable: " + e.getMessage(), e);
        }
    }

    /** Whether a connection can be had and answers now: the probe that ends an outage ({@link DatabaseUnavailable}). */
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Runs work in one transaction on one connection, committing only if it completes. */
    public <T> T inTransaction(ConnectionWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                connection.setAutoCommit(autoCommit);
                return result;
            } catch (SQLException | RuntimeException e) {
                // On a connection the server has ended, rollback fails too: that must not hide why the work failed.
                try {
                    connection.rollback();
                    connection.setAutoCommit(autoCommit);
                } catch (SQLException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException(e.getMessage(), e);
        }
    }

    @FunctionalInterface
    public interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
