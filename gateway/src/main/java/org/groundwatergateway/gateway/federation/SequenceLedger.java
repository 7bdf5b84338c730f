package org.groundwatergateway.gateway.federation;

import org.groundwatergateway.core.storage.Database;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The last sequence number accepted per sender and stream, in the database, so a replay is refused after a restart too. */
public final class SequenceLedger implements SignedMessages.Ledger {

    private final JdbcClient jdbc;

    public SequenceLedger(Database database) {
        this.jdbc = database.jdbc();
    }

    @Override
    public long last(String sender, String stream) {
        return jdbc.sql("SELECT last_sequence FROM federation_sequences WHERE sender = ? AND stream = ?").params(sender, stream).query(Long.class)
                .optional().orElse(0L);
    }

    /** Compare and set: of two receivers of the same message, one wins (the key, or the previous number, refuses the other). */
    @Override
    public boolean accept(String sender, String stream, long previous, long sequence) {
        if (previous == 0) {
            try {
                return jdbc.sql("INSERT INTO federation_sequences (sender, stream, last_sequence) VALUES (?, ?, ?)").params(sender, stream, sequence).update() == 1;
            } catch (DuplicateKeyException e) {
                return false;
            }
        }
        return jdbc.sql("UPDATE federation_sequences SET last_sequence = ? WHERE sender = ? AND stream = ? AND last_sequence = ?")
                .params(sequence, sender, stream, previous).update() == 1;
    }
}
