package org.groundwatergateway.core.storage;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

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
     * The same database, whose {@link #jdbc()} statements the database itself cancels after {@code timeout} (whole
     * seconds, at least one), failing with Spring's {@link org.springframework.dao.QueryTimeoutException}: for the
     * reads a request's own filter shapes, so that one costly request cannot hold a connection and the database's
     * work for as long as it likes. The connections of {@link #inTransaction} and {@link #dataSource()} are not bounded.
     */
    public Database withQueryTimeout(Duration timeout) {
        int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
        if (dialect instanceof H2gisDialect && embeddedH2(dataSource)) {
            DataSource timed = new TimedH2Sessions(dataSource, (int) Math.min(Integer.MAX_VALUE, seconds * 1000L));
            return new Database(dataSource, dialect, JdbcClient.create(watched(timed)));
        }
        JdbcTemplate template = watched(dataSource);
        template.setQueryTimeout(seconds);
        return new Database(dataSource, dialect, JdbcClient.create(template));
    }

    /** Whether the connections are sessions of an H2 database in this process, whose timeout can be set directly. */
    private static boolean embeddedH2(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isWrapperFor(JdbcConnection.class) && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal;
        } catch (SQLException e) {
            throw new StorageException("Cannot open the database: " + e.getMessage(), e);
        }
    }

    /**
     * Connections of an embedded H2 database whose session has a query timeout while borrowed, cleared when returned. Not
     * by {@link Statement#setQueryTimeout}: H2's driver runs {@code SET QUERY_TIMEOUT} for it, and a {@code SET} marks
     * every session's parsed statements stale (each was parsed and planned again at its next run: a cached derived-table
     * select took 41 µs instead of 1.4 µs with a timeout set before each run), and the timeout stayed on the pooled
     * connection for the untimed work that ran on it next. H2 times each statement from its start, as the driver's
     * timeout does.
     */
    private static final class TimedH2Sessions extends DelegatingDataSource {
        private final int millis;

        TimedH2Sessions(DataSource dataSource, int millis) {
            super(dataSource);
            this.millis = millis;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            session.setQueryTimeout(millis);
            return (Connection) Proxy.newProxyInstance(Database.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                if (method.getName().equals("close")) session.setQueryTimeout(0);
                try {
                    return method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
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
