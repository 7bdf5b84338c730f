package org.groundwatergateway.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.Duration;
import java.util.function.Supplier;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Issue #15: a statement of a database with a query timeout is cancelled by the database once the timeout is up. */
class QueryTimeoutTest {

    /** A statement that runs for many seconds on each database. */
    private static String slowQuery(Database database) {
        return database.dialect() instanceof PostgisDialect ? "SELECT pg_sleep(30)"
                : "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000) a, SYSTEM_RANGE(1, 100000) b WHERE MOD(a.X * b.X, 7) = 3";
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2gis", "postgis"})
    void aStatementRunningPastTheTimeoutIsCancelled(String kind) {
        try (TestDatabase test = kind.equals("h2gis") ? TestDatabases.h2gis() : TestDatabases.postgis()) {
            Database database = Database.migrate(test.dataSource());
            Database timed = database.withQueryTimeout(Duration.ofSeconds(1));
            assertThat(timed.jdbc().sql("SELECT COUNT(*) FROM wells").query(Long.class).single()).isNotNull();
            long start = System.nanoTime();
            assertThatThrownBy(() -> timed.jdbc().sql(slowQuery(database)).query(Long.class).single()).isInstanceOf(QueryTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    /**
     * H2 keeps a query timeout per session: set through JDBC, it stayed on the pooled connection for the untimed work that
     * ran on it next, and its SET statement made every session parse and plan its statements again.
     */
    @Test
    void onH2ATimedReadLeavesItsConnectionWithoutATimeout() throws Exception {
        try (TestDatabase test = TestDatabases.h2gis(); Connection connection = test.dataSource().getConnection()) {
            SingleConnectionDataSource one = new SingleConnectionDataSource(connection, true);
            Database database = Database.migrate(one);
            assertThat(database.withQueryTimeout(Duration.ofSeconds(1)).jdbc().sql("SELECT COUNT(*) FROM wells").query(Long.class).single()).isNotNull();
            assertThat(database.jdbc().sql("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_TIMEOUT'")
                    .query(String.class).single()).isEqualTo("0");
        }
    }
}
