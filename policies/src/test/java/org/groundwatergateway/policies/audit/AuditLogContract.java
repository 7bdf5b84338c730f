package org.groundwatergateway.policies.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.groundwatergateway.policies.OrganisationKind;
import org.groundwatergateway.policies.Role;
import org.groundwatergateway.policies.Viewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit log on each database (the same contract for H2GIS and PostGIS): a few hundred entries appended from
 * several threads verify, and rows changed, deleted or reordered with plain SQL, as someone with database access
 * would, are found and named; an erasure removes the plaintext and leaves the chain verifiable.
 */
abstract class AuditLogContract {

    static final int ENTRIES = 300;
    static final Viewer ALICE = new Viewer("alice", Set.of(Role.REGULATOR), "js-eeb", OrganisationKind.PROVINCIAL_REGULATOR);
    static final Viewer BOB = new Viewer("bob", Set.of(Role.SYSTEM_ADMIN), "park-admin", OrganisationKind.PARK_ADMINISTRATION);

    protected abstract TestDatabase newDatabase();

    protected TestDatabase db;
    protected Database database;
    protected AuditLog audit;
    protected JdbcClient sql;

    @BeforeEach
    void open() {
        db = newDatabase();
        database = Database.migrate(db.dataSource());
        audit = new AuditLog(new AuditRepository(database), Clock.systemUTC(), 10_000, 100);
        sql = JdbcClient.create(db.dataSource());
    }

    @AfterEach
    void close() {
        audit.close();
        db.close();
    }

    /** {@link #ENTRIES} entries from four threads: disclosures by alice, logins and administrative actions by bob about alice. */
    protected List<Long> appendEntries() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> receipts = new ArrayList<>();
            for (int i = 0; i < ENTRIES; i++) {
                int n = i;
                receipts.add(threads.submit(() -> audit.append(switch (n % 3) {
                    case 0 -> AuditEvent.disclosure(ALICE, "WFS", "GetFeature", "wells", "public@" + (n % 7), n, 4L * n,
                            AuditEvent.sha256(("<wfs:FeatureCollection n=\"" + n + "\"/>").getBytes(StandardCharsets.UTF_8)), "10.0.0." + (n % 250));
                    case 1 -> AuditEvent.login("bob", "LOGIN_SUCCEEDED", "192.168.1.7");
                    default -> AuditEvent.administration(BOB, "set roles", "alice", "192.168.1.7");
                })));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Long> receipt : receipts) ids.add(receipt.get());
            return ids;
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void appendedEntriesAreNumberedDenselyAndTheChainVerifies() throws Exception {
        List<Long> receipts = appendEntries();
        List<Long> sorted = new ArrayList<>(receipts);
        Collections.sort(sorted);
        assertThat(sorted).isEqualTo(java.util.stream.LongStream.rangeClosed(1, ENTRIES).boxed().toList());

        AuditLog.Verification result = audit.verify();
        assertThat(result.ok()).as(result.detail()).isTrue();
        assertThat(result.entries()).isEqualTo(ENTRIES);
        assertThat(result.headHash()).isEqualTo(sql.sql("SELECT entry_hash FROM audit_entries WHERE seq = ?").param(ENTRIES).query(String.class).single());

        // Personal fields are stored hashed; the listing shows their plaintext beside them.
        List<AuditEntry> first = audit.entries(1, 3);
        assertThat(first).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L);
        assertThat(first).allSatisfy(e -> assertThat(e.principalHash()).hasSize(64).isNotIn("alice", "bob"));
        assertThat(first).extracting(e -> e.personal().principal()).allMatch(name -> name.equals("alice") || name.equals("bob"));
        assertThat(sql.sql("SELECT COUNT(*) FROM audit_entries WHERE principal_hash = 'alice' OR organisation = 'alice'").query(Long.class).single())
                .isZero();

        // Closing stores everything; a new log on the same database continues the chain.
        audit.close();
        audit = new AuditLog(new AuditRepository(database), Clock.systemUTC(), 100, 10);
        assertThat(audit.append(AuditEvent.login("carol", "LOGIN_FAILED", "10.9.9.9"))).isEqualTo(ENTRIES + 1);
        assertThat(audit.verify().ok()).isTrue();
        assertThat(audit.verify().entries()).isEqualTo(ENTRIES + 1);
    }

    @Test
    void aChangedRowIsNamed() throws Exception {
        appendEntries();
        audit.verify();
        // The threads interleave, so which entries are disclosures (with counts) is looked up.
        long disclosure = sql.sql("SELECT MIN(seq) FROM audit_entries WHERE kind = 'DISCLOSURE' AND seq >= 139").query(Long.class).single();
        sql.sql("UPDATE audit_entries SET row_count = row_count + 1 WHERE seq = ?").param(disclosure).update();
        assertBroken(disclosure, AuditLog.Problem.CHANGED);

        sql.sql("UPDATE audit_entries SET row_count = row_count - 1 WHERE seq = ?").param(disclosure).update();
        assertThat(audit.verify().ok()).isTrue();
        // A content hash replaced by the hash of something that was not disclosed.
        long last = sql.sql("SELECT MAX(seq) FROM audit_entries WHERE kind = 'DISCLOSURE'").query(Long.class).single();
        sql.sql("UPDATE audit_entries SET content_hash = ? WHERE seq = ?").params(AuditEvent.sha256(new byte[] {1}), last).update();
        assertBroken(last, AuditLog.Problem.CHANGED);
    }

    @Test
    void aRowRewrittenWithItsOwnNewHashIsFoundAtTheNextEntry() throws Exception {
        appendEntries();
        audit.verify();
        AuditEntry original = audit.entries(60, 1).get(0);
        AuditEntry forged = new AuditEntry(60, original.at(), original.kind(), "nothing to see", original.door(), original.dataset(),
                original.policyVersion(), original.principalHash(), original.roles(), original.organisation(), original.addressHash(),
                original.subjectHash(), original.rowCount(), original.valueCount(), original.contentHash(), original.previousHash(), null,
                AuditEntry.Personal.NONE);
        sql.sql("UPDATE audit_entries SET action = ?, entry_hash = ? WHERE seq = 60").params(forged.action(), forged.computedHash()).update();
        AuditLog.Verification result = assertBroken(61, AuditLog.Problem.DELETED);
        assertThat(result.detail()).contains("entry 60 was rewritten");
    }

    @Test
    void aDeletedRowIsNamed() throws Exception {
        appendEntries();
        audit.verify();
        sql.sql("DELETE FROM audit_entries WHERE seq = 150").update();
        assertThat(assertBroken(150, AuditLog.Problem.DELETED).detail()).contains("Entry 150 is missing");

        // The last entries deleted: found against what this process stored.
        sql.sql("DELETE FROM audit_entries WHERE seq >= 149").update();
        assertBroken(149, AuditLog.Problem.DELETED);
    }

    @Test
    void reorderedRowsAreNamed() throws Exception {
        appendEntries();
        audit.verify();
        swap(100, 200);
        AuditLog.Verification result = assertBroken(100, AuditLog.Problem.REORDERED);
        assertThat(result.detail()).contains("stored as 200");

        swap(100, 200);
        assertThat(audit.verify().ok()).isTrue();
        swap(7, 8);
        assertBroken(7, AuditLog.Problem.REORDERED);
    }

    @Test
    void anErasureRemovesThePlaintextAndKeepsTheChain() throws Exception {
        appendEntries();
        assertThat(audit.erase("alice")).isGreaterThan(0);

        assertThat(audit.verify().ok()).isTrue();
        assertThat(sql.sql("SELECT COUNT(*) FROM audit_personal_data WHERE plaintext = 'alice'").query(Long.class).single()).isZero();
        assertThat(sql.sql("SELECT COUNT(*) FROM audit_personal_data WHERE plaintext LIKE '10.0.0.%'").query(Long.class).single())
                .as("alice's addresses").isZero();
        List<AuditEntry> entries = audit.entries(1, ENTRIES);
        // Alice's disclosures keep their hashes, without a name or address behind them; bob's entries keep his name.
        assertThat(entries).filteredOn(e -> e.kind() == AuditEntry.Kind.DISCLOSURE).allSatisfy(e -> {
            assertThat(e.principalHash()).hasSize(64);
            assertThat(e.personal()).isEqualTo(AuditEntry.Personal.NONE);
        });
        assertThat(entries).filteredOn(e -> e.kind() == AuditEntry.Kind.ADMINISTRATION).allSatisfy(e -> {
            assertThat(e.personal().principal()).isEqualTo("bob");
            assertThat(e.personal().subject()).isNull();
            assertThat(e.subjectHash()).hasSize(64);
        });
        assertThat(audit.erase("alice")).isZero();
    }

    @Test
    void aClosedLogRefusesAppendsAndInvalidEventsAreRefusedByField() {
        assertThatThrownBy(() -> AuditEvent.disclosure(ALICE, "WFS", "GetFeature", "wells", "1", 1, 1, "not-a-hash", null))
                .hasMessageStartingWith("contentHash:");
        assertThatThrownBy(() -> AuditEvent.disclosure(ALICE, "WFS", "GetFeature", "wells", "1", -1, 1, AuditEvent.sha256(new byte[0]), null))
                .hasMessageStartingWith("rowCount:");
        audit.close();
        assertThatThrownBy(() -> audit.append(AuditEvent.login("bob", "LOGIN_SUCCEEDED", null))).isInstanceOf(AuditLog.Unavailable.class)
                .hasMessageContaining("closed");
    }

    protected AuditLog.Verification assertBroken(long seq, AuditLog.Problem problem) {
        AuditLog.Verification result = audit.verify();
        assertThat(result.ok()).isFalse();
        assertThat(result.problem()).as(result.detail()).isEqualTo(problem);
        assertThat(result.firstBad()).as(result.detail()).isEqualTo(seq);
        assertThat(result.entries()).isEqualTo(seq - 1);
        return result;
    }

    /** Exchanges two entries' sequence numbers, as a reordering in the database would. */
    private void swap(long a, long b) {
        sql.sql("UPDATE audit_entries SET seq = -1 WHERE seq = ?").param(a).update();
        sql.sql("UPDATE audit_entries SET seq = ? WHERE seq = ?").params(a, b).update();
        sql.sql("UPDATE audit_entries SET seq = ? WHERE seq = -1").param(b).update();
    }
}
