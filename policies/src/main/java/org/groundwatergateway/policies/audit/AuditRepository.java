package org.groundwatergateway.policies.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit log's tables: batches appended in one transaction, pages read in order, personal data erased. */
public final class AuditRepository {

    /** One personal field of an entry: which, its salt and its plaintext. */
    public record PersonalField(String field, String salt, String plaintext) {
        public static final String PRINCIPAL = "PRINCIPAL";
        public static final String ADDRESS = "ADDRESS";
        public static final String SUBJECT = "SUBJECT";
    }

    /** An entry with the salts and plaintext of its personal fields, as the writer stores it. */
    public record Chained(AuditEntry entry, List<PersonalField> personal) {}

    /** The last stored entry's number and hash; 0 and {@link AuditEntry#GENESIS} for an empty log. */
    public record Head(long seq, String hash) {}

    private static final String COLUMNS = "seq, at, kind, action, door, dataset, policy_version, principal_hash, roles, organisation, "
            + "address_hash, subject_hash, row_count, value_count, content_hash, previous_hash, entry_hash";

    private final Database database;
    private final JdbcClient jdbc;

    public AuditRepository(Database database) {
        this.database = database;
        this.jdbc = database.jdbc();
    }

    public Head head() {
        return jdbc.sql("SELECT seq, entry_hash FROM audit_entries ORDER BY seq DESC LIMIT 1")
                .query((rs, row) -> new Head(rs.getLong("seq"), rs.getString("entry_hash"))).optional()
                .orElse(new Head(0, AuditEntry.GENESIS));
    }

    /** Stores a batch of chained entries and their personal data in one transaction: all of it or nothing. */
    public void append(List<Chained> batch) {
        database.inTransaction(connection -> {
            try (PreparedStatement entries = connection.prepareStatement("INSERT INTO audit_entries (" + COLUMNS + ") "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement personal = connection.prepareStatement(
                         "INSERT INTO audit_personal_data (entry_seq, field, salt, plaintext) VALUES (?, ?, ?, ?)")) {
                boolean anyPersonal = false;
                for (Chained chained : batch) {
                    AuditEntry e = chained.entry();
                    entries.setLong(1, e.seq());
                    entries.setObject(2, Rows.timestamp(e.at()));
                    entries.setString(3, e.kind().name());
                    entries.setString(4, e.action());
                    entries.setString(5, e.door());
                    entries.setString(6, e.dataset());
                    entries.setString(7, e.policyVersion());
                    entries.setString(8, e.principalHash());
                    entries.setString(9, e.roles());
                    entries.setString(10, e.organisation());
                    entries.setString(11, e.addressHash());
                    entries.setString(12, e.subjectHash());
                    entries.setObject(13, e.rowCount(), Types.BIGINT);
                    entries.setObject(14, e.valueCount(), Types.BIGINT);
                    entries.setString(15, e.contentHash());
                    entries.setString(16, e.previousHash());
                    entries.setString(17, e.entryHash());
                    entries.addBatch();
                    for (PersonalField field : chained.personal()) {
                        personal.setLong(1, e.seq());
                        personal.setString(2, field.field());
                        personal.setString(3, field.salt());
                        personal.setString(4, field.plaintext());
                        personal.addBatch();
                        anyPersonal = true;
                    }
                }
                entries.executeBatch();
                if (anyPersonal) personal.executeBatch();
            }
            return null;
        });
    }

    /** Up to {@code limit} entries after {@code afterSeq} in order, without personal data: what verification reads. */
    public List<AuditEntry> chainAfter(long afterSeq, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_entries WHERE seq > ? ORDER BY seq LIMIT ?").params(afterSeq, limit)
                .query((rs, row) -> entry(rs, AuditEntry.Personal.NONE)).list();
    }

    /** Up to {@code limit} entries from {@code fromSeq} on, in order, with the plaintext of personal fields not erased. */
    public List<AuditEntry> entries(long fromSeq, int limit) {
        List<AuditEntry> chain = chainAfter(fromSeq - 1, limit);
        if (chain.isEmpty()) return chain;
        Map<Long, Map<String, String>> plaintext = new HashMap<>();
        jdbc.sql("SELECT entry_seq, field, plaintext FROM audit_personal_data WHERE entry_seq BETWEEN ? AND ?")
                .params(chain.get(0).seq(), chain.get(chain.size() - 1).seq())
                .query(rs -> {
                    plaintext.computeIfAbsent(rs.getLong("entry_seq"), k -> new HashMap<>()).put(rs.getString("field"), rs.getString("plaintext"));
                });
        return chain.stream().map(e -> {
            Map<String, String> fields = plaintext.getOrDefault(e.seq(), Map.of());
            return fields.isEmpty() ? e : e.withPersonal(new AuditEntry.Personal(fields.get(PersonalField.PRINCIPAL), fields.get(PersonalField.ADDRESS),
                    fields.get(PersonalField.SUBJECT)));
        }).toList();
    }

    /** The number of the entry that names {@code hash} as its previous one, if any: where a moved entry went. */
    public Optional<Long> seqFollowing(String hash) {
        return jdbc.sql("SELECT seq FROM audit_entries WHERE previous_hash = ? ORDER BY seq LIMIT 1").param(hash).query(Long.class).optional();
    }

    /**
     * Deletes the plaintext and salts that tie entries to {@code principal}: the name and address of everything they
     * did, and their name where an administrative action was about them. The entries are not touched.
     *
     * @return the number of personal fields deleted
     */
    public int erase(String principal) {
        return jdbc.sql("DELETE FROM audit_personal_data WHERE (field IN (?, ?) AND entry_seq IN "
                        + "(SELECT entry_seq FROM audit_personal_data WHERE field = ? AND plaintext = ?)) OR (field = ? AND plaintext = ?)")
                .params(PersonalField.PRINCIPAL, PersonalField.ADDRESS, PersonalField.PRINCIPAL, principal, PersonalField.SUBJECT, principal)
                .update();
    }

    private static AuditEntry entry(ResultSet rs, AuditEntry.Personal personal) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), Rows.instant(rs, "at"), AuditEntry.Kind.valueOf(rs.getString("kind")), rs.getString("action"),
                rs.getString("door"), rs.getString("dataset"), rs.getString("policy_version"), rs.getString("principal_hash"), rs.getString("roles"),
                rs.getString("organisation"), rs.getString("address_hash"), rs.getString("subject_hash"), Rows.nullableLong(rs, "row_count"),
                Rows.nullableLong(rs, "value_count"), rs.getString("content_hash"), rs.getString("previous_hash"), rs.getString("entry_hash"), personal);
    }
}
