package org.groundwatergateway.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * H2 2.4.240 evaluates a CHECK with an IN list of constants with the session that created it: once the pool has closed
 * that connection, every insert into the table failed ("Check constraint invalid"), the audit log's among them (V6_31).
 * Here the pool's connections, the migration's among them, are closed while another session keeps the database open,
 * and the checks still hold: a valid row is stored, an invalid one refused as a violation.
 */
class H2CheckConstraintsTest {

    @Test
    void checksHoldAfterTheSessionThatCreatedThemIsClosed() throws SQLException {
        try (TestDatabase test = TestDatabases.h2gis(); Connection keepsTheDatabaseOpen = DriverManager.getConnection(test.url(), "sa", "")) {
            Database database = Database.migrate(test.dataSource());
            test.dataSource().getHikariPoolMXBean().softEvictConnections();
            var jdbc = database.jdbc();
            String insert = "INSERT INTO sta_unlinked_places (thing_id, entity, unlinked_by, unlinked_at) VALUES (1, ?, 'test', CURRENT_TIMESTAMP)";
            assertThat(jdbc.sql(insert).param("LOCATION").update()).isEqualTo(1);
            assertThatThrownBy(() -> jdbc.sql(insert).param("ELSEWHERE").update()).hasMessageContaining("Check constraint violation");
            // No check of the schema is an IN list of constants, the form H2 2.4.240 evaluates with its creator's session.
            List<String> inLists = new ArrayList<>();
            jdbc.sql("SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS").query(rs -> {
                if (rs.getString("CHECK_CLAUSE").replace(" ", "").toUpperCase(java.util.Locale.ROOT).contains("IN(")) inLists.add(rs.getString("CONSTRAINT_NAME"));
            });
            assertThat(inLists).isEmpty();
        }
    }
}
