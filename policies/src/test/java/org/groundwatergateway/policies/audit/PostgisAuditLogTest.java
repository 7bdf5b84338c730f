package org.groundwatergateway.policies.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;

class PostgisAuditLogTest extends AuditLogContract {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabases.postgis();
    }

    /** PostgreSQL can hold the table locked, so the writer stalls as it would on a database that stopped answering. */
    @Test
    void aFullQueueFailsClosedAndTheWriterCatchesUpAfterwards() throws Exception {
        audit.close();
        audit = new AuditLog(new AuditRepository(database), Clock.systemUTC(), 5, 2);
        try (Connection locker = db.dataSource().getConnection(); Statement lock = locker.createStatement()) {
            locker.setAutoCommit(false);
            lock.execute("LOCK TABLE audit_entries IN ACCESS EXCLUSIVE MODE");
            int accepted = 0;
            try {
                for (int i = 0; i < 20; i++) {
                    audit.append(AuditEvent.login("bob", "LOGIN_SUCCEEDED", null));
                    accepted++;
                }
            } catch (AuditLog.Unavailable e) {
                assertThat(e.getMessage()).contains("queue is full").contains("LOGIN was not recorded");
            }
            // At most the batch the writer holds plus the queue's capacity.
            assertThat(accepted).isBetween(5, 7);
            locker.rollback();
        }
        AuditLog.Verification result = audit.verify();
        assertThat(result.ok()).isTrue();
        assertThat(result.entries()).isBetween(5L, 7L);
        assertThatThrownBy(() -> audit.entries(0, 10)).hasMessageStartingWith("from:");
    }
}
