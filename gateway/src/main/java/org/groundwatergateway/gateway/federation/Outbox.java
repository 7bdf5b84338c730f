package org.groundwatergateway.gateway.federation;

import java.time.Instant;
import java.util.List;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed messages waiting for a partner: numbered per partner and stream as they are written (in the caller's
 * transaction, so a message exists exactly when what it tells does), delivered in order and marked once the partner
 * took them. The signature is made at delivery, so its time is fresh however long the partner was away.
 */
public final class Outbox {

    /** A message to send: to whom, on which stream, its number and body. */
    public record Letter(String receiver, String stream, long sequence, String body, int attempts) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate apart;

    public Outbox(Database database) {
        this.jdbc = database.jdbc();
        this.apart = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
        apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Writes the next message of a stream to a partner. The number is taken by one UPDATE of the stream's row in
     * {@code federation_outbox_sequences}, in the caller's transaction: a second writer (on this node or another) waits
     * for the first to commit and takes the next number, where reading MAX + 1 let both take the same one.
     */
    public long write(String receiver, String stream, String body, Instant at) {
        if (jdbc.sql("UPDATE federation_outbox_sequences SET last_sequence = last_sequence + 1 WHERE receiver = ? AND stream = ?")
                .params(receiver, stream).update() == 0) {
            firstOf(receiver, stream);
            jdbc.sql("UPDATE federation_outbox_sequences SET last_sequence = last_sequence + 1 WHERE receiver = ? AND stream = ?")
                    .params(receiver, stream).update();
        }
        long sequence = jdbc.sql("SELECT last_sequence FROM federation_outbox_sequences WHERE receiver = ? AND stream = ?").params(receiver, stream)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO federation_outbox (receiver, stream, sequence, body, created_at, attempts) VALUES (?, ?, ?, ?, ?, 0)")
                .params(receiver, stream, sequence, body, Rows.timestamp(at)).update();
        return sequence;
    }

    /** The stream's row, committed on its own so that two first writers do not both insert it in their transactions. */
    private void firstOf(String receiver, String stream) {
        try {
            apart.executeWithoutResult(status -> jdbc.sql("INSERT INTO federation_outbox_sequences (receiver, stream, last_sequence) VALUES (?, ?, 0)")
                    .params(receiver, stream).update());
        } catch (DuplicateKeyException e) {
            // another writer made it first: the UPDATE after this takes its turn
        }
    }

    /** What is still to deliver, each partner's in order. */
    public List<Letter> pending() {
        return jdbc.sql("SELECT * FROM federation_outbox WHERE delivered_at IS NULL ORDER BY receiver, stream, sequence")
                .query((rs, row) -> new Letter(rs.getString("receiver"), rs.getString("stream"), rs.getLong("sequence"), rs.getString("body"),
                        rs.getInt("attempts"))).list();
    }

    public void delivered(Letter letter, Instant at) {
        jdbc.sql("UPDATE federation_outbox SET delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE receiver = ? AND stream = ? AND sequence = ?")
                .params(Rows.timestamp(at), letter.receiver(), letter.stream(), letter.sequence()).update();
    }

    public void failed(Letter letter, String error) {
        jdbc.sql("UPDATE federation_outbox SET attempts = attempts + 1, last_error = ? WHERE receiver = ? AND stream = ? AND sequence = ?")
                .params(error.length() > 2000 ? error.substring(0, 2000) : error, letter.receiver(), letter.stream(), letter.sequence()).update();
    }
}
