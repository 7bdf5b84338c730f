package org.groundwatergateway.policies.audit;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.groundwatergateway.core.problem.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tamper-evident audit of every disclosure, login and administrative action: an append-only hash chain.
 *
 * <p>{@link #append} numbers the entry and returns its receipt id at once; one background writer chains the entries
 * in that order and stores them in batches, one transaction per batch (group commit), so a door never waits for the
 * database. The queue is bounded: when the writer cannot keep up (or the database is down and the writer retries) an
 * append fails with {@link Unavailable} rather than letting a disclosure go unrecorded. {@link #close} stores what is
 * queued. One writer per database: two gateway instances sharing a database would collide on sequence numbers.
 *
 * <p>An entry accepted but not yet stored when the process is killed is lost, and its number is given again after the
 * restart; the writer stores within milliseconds, so that window is what a crash can take.
 */
public final class AuditLog implements AutoCloseable {

    /** The entry could not be recorded: the caller must not disclose. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }

    public enum Problem {
        /** The entry's fields do not give its stored hash. */
        CHANGED,
        /** An entry is missing: a gap in the numbers, or a link to an entry no longer there. */
        DELETED,
        /** An intact entry stands where another should: the one that belongs there is stored under another number. */
        REORDERED
    }

    /**
     * What verification found: the whole chain intact ({@code ok}, {@code entries}, the head's number and hash, which a
     * regulator may keep and compare later), or the first bad entry with the problem and a sentence saying why (then
     * {@code entries}, {@code headSeq} and {@code headHash} describe the intact part before it).
     */
    public record Verification(boolean ok, long entries, long headSeq, String headHash, Long firstBad, Problem problem, String detail) {

        static Verification intact(long entries, String headHash) {
            return new Verification(true, entries, entries, headHash, null, null, null);
        }

        /** The chain up to {@code seq - 1} is intact, ending in {@code intactHash}; entry {@code seq} is not. */
        static Verification broken(long seq, String intactHash, Problem problem, String detail) {
            return new Verification(false, seq - 1, seq - 1, intactHash, seq, problem, detail);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A burst may wait this long for room in the queue before the append fails. */
    private static final Duration OFFER_WAIT = Duration.ofSeconds(1);
    private static final int PAGE = 1_000;

    private record Pending(AuditEntry entry, List<AuditRepository.PersonalField> personal) {}

    private final AuditRepository repository;
    private final Clock clock;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private final Object stored = new Object();

    /** Guarded by {@code this}: the next receipt id, and whether appends are still taken. */
    private long nextSeq;
    private boolean closed;
    /** The last entry the writer stored; guarded by {@code stored}. */
    private long storedSeq;

    /**
     * @param capacity entries that may wait for the writer
     * @param maxBatch entries stored in one transaction at most
     */
    public AuditLog(AuditRepository repository, Clock clock, int capacity, int maxBatch) {
        if (capacity < 1 || maxBatch < 1) throw new IllegalArgumentException("capacity and maxBatch: at least 1");
        this.repository = repository;
        this.clock = clock;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(capacity);
        AuditRepository.Head head = repository.head();
        this.nextSeq = head.seq() + 1;
        this.storedSeq = head.seq();
        this.writer = new Thread(() -> write(head), "audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Records an event and returns its receipt id, the entry's sequence number, for the response to carry.
     *
     * @throws Unavailable when the entry cannot be queued; the caller must then refuse to disclose
     */
    public long append(AuditEvent event) {
        List<AuditRepository.PersonalField> personal = new ArrayList<>(3);
        String principalHash = salted(AuditRepository.PersonalField.PRINCIPAL, event.principal(), personal);
        String addressHash = salted(AuditRepository.PersonalField.ADDRESS, event.address(), personal);
        String subjectHash = salted(AuditRepository.PersonalField.SUBJECT, event.subject(), personal);
        synchronized (this) {
            if (closed) throw new Unavailable("The audit log is closed: the " + event.kind() + " was not recorded");
            // Numbered, timed and queued under one lock, so the queue's order is the numbers' order and times never go back.
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            AuditEntry entry = new AuditEntry(nextSeq, at, event.kind(), event.action(), event.door(), event.dataset(), event.policyVersion(),
                    principalHash, event.rolesText(), event.organisation(), addressHash, subjectHash, event.rowCount(), event.valueCount(),
                    event.contentHash(), null, null, AuditEntry.Personal.NONE);
            try {
                if (!queue.offer(new Pending(entry, personal), OFFER_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new Unavailable("The audit log's queue is full (" + queue.size() + " entries waiting for the database): the "
                            + event.kind() + " was not recorded");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Unavailable("Interrupted while queueing the audit entry: the " + event.kind() + " was not recorded");
            }
            return nextSeq++;
        }
    }

    /** Waits until every entry appended so far is stored. */
    public void flush(Duration timeout) {
        long target;
        synchronized (this) {
            target = nextSeq - 1;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (stored) {
            while (storedSeq < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !writer.isAlive()) {
                    throw new Unavailable("The audit writer has stored entries up to " + storedSeq + " of " + target + " (database unavailable?)");
                }
                try {
                    stored.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Unavailable("Interrupted while waiting for the audit writer");
                }
            }
        }
    }

    /**
     * Walks the whole chain in order, a page at a time, after storing what is queued: intact, or the first bad entry.
     * Entries cut from the end are found against what this process stored; a chain cut from the end after a restart
     * is found against a head a regulator kept (see {@link Verification#headHash}).
     */
    public Verification verify() {
        flush(Duration.ofSeconds(30));
        long known;
        synchronized (stored) {
            known = storedSeq;
        }
        long expected = 1;
        String head = AuditEntry.GENESIS;
        for (List<AuditEntry> page = repository.chainAfter(0, PAGE); !page.isEmpty(); page = repository.chainAfter(expected - 1, PAGE)) {
            for (AuditEntry e : page) {
                if (e.seq() != expected) {
                    return Verification.broken(expected, head, Problem.DELETED, "Entry " + expected + " is missing: the next stored entry is " + e.seq() + ".");
                }
                if (!e.computedHash().equals(e.entryHash())) {
                    return Verification.broken(e.seq(), head, Problem.CHANGED, "Entry " + e.seq() + " was changed: its fields do not give its stored hash.");
                }
                if (!e.previousHash().equals(head)) return misplaced(e, head);
                head = e.entryHash();
                expected++;
            }
        }
        if (expected - 1 < known) {
            return Verification.broken(expected, head, Problem.DELETED, "Entries " + expected + " to " + known + " are missing from the end.");
        }
        return Verification.intact(expected - 1, head);
    }

    /** An intact entry that does not link to the one before it: moved here, or something between was removed. */
    private Verification misplaced(AuditEntry e, String previousHash) {
        Optional<Long> rightful = repository.seqFollowing(previousHash);
        if (rightful.isPresent() && rightful.get() != e.seq()) {
            return Verification.broken(e.seq(), previousHash, Problem.REORDERED, "Entry " + e.seq() + " is out of order: the entry that follows " + (e.seq() - 1)
                    + " is stored as " + rightful.get() + ".");
        }
        return Verification.broken(e.seq(), previousHash, Problem.DELETED, "Entry " + e.seq() + " does not follow entry " + (e.seq() - 1)
                + ": an entry between them was deleted and the rest renumbered, or entry " + (e.seq() - 1) + " was rewritten with a new hash.");
    }

    /** Up to {@code limit} entries from {@code from} on, with the plaintext of personal fields not erased. */
    public List<AuditEntry> entries(long from, int limit) {
        if (from < 1) throw new InvalidInput("policies.atLeast", "from", 1, from);
        if (limit < 1 || limit > 10_000) throw new InvalidInput("policies.range", "limit", 1, 10000, limit);
        flush(Duration.ofSeconds(30));
        return repository.entries(from, limit);
    }

    /** Hands the entries {@code from} to {@code to} (inclusive) to {@code sink} in order, a page at a time, without personal data. */
    public void export(long from, long to, Consumer<AuditEntry> sink) {
        if (from < 1) throw new InvalidInput("policies.atLeast", "from", 1, from);
        if (to < from) throw new InvalidInput("policies.audit.toBeforeFrom", "to", from, to);
        flush(Duration.ofSeconds(30));
        long after = from - 1;
        while (after < to) {
            List<AuditEntry> page = repository.chainAfter(after, (int) Math.min(PAGE, to - after));
            if (page.isEmpty()) return;
            for (AuditEntry e : page) {
                if (e.seq() > to) return;
                sink.accept(e);
                after = e.seq();
            }
        }
    }

    /**
     * Erases the personal data tying entries to {@code principal} (their name, their addresses, their name where an
     * action was about them). The entries and the chain stay as they are; their salted hashes lead nowhere any more.
     *
     * @return the number of personal fields erased
     */
    public int erase(String principal) {
        if (principal == null || principal.isBlank()) throw new InvalidInput("policies.required", "principal");
        flush(Duration.ofSeconds(30));
        return repository.erase(principal);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        try {
            writer.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) log.error("The audit writer did not store its last {} entries within 30 s", queue.size());
    }

    /** The writer: chains entries in their numbers' order and stores them a batch per transaction, retrying a failed batch. */
    private void write(AuditRepository.Head start) {
        String head = start.hash();
        List<Pending> batch = new ArrayList<>(maxBatch);
        long retryMillis = 100;
        while (true) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    synchronized (this) {
                        if (closed && queue.isEmpty()) return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                while (true) {
                    List<AuditRepository.Chained> chained = new ArrayList<>(batch.size());
                    String linked = head;
                    for (Pending p : batch) {
                        AuditEntry entry = p.entry().chained(linked);
                        chained.add(new AuditRepository.Chained(entry, p.personal()));
                        linked = entry.entryHash();
                    }
                    try {
                        repository.append(chained);
                        head = linked;
                        retryMillis = 100;
                        break;
                    } catch (RuntimeException e) {
                        // The numbers are given out already, so the batch is retried rather than dropped; meanwhile the
                        // queue fills and appends fail closed.
                        log.error("Cannot store {} audit entries (retrying in {} ms): {}", batch.size(), retryMillis, e.getMessage());
                        Thread.sleep(retryMillis);
                        retryMillis = Math.min(retryMillis * 2, 10_000);
                    }
                }
                synchronized (stored) {
                    storedSeq = batch.get(batch.size() - 1).entry().seq();
                    stored.notifyAll();
                }
                batch.clear();
            } catch (InterruptedException e) {
                log.error("The audit writer was interrupted with {} entries queued", queue.size() + batch.size());
                return;
            }
        }
    }

    /** The salted hash of a personal field, its salt and plaintext noted for storing apart; null for no value. */
    private static String salted(String field, String plaintext, List<AuditRepository.PersonalField> personal) {
        if (plaintext == null) return null;
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String salt = HexFormat.of().formatHex(bytes);
        personal.add(new AuditRepository.PersonalField(field, salt, plaintext));
        return AuditEntry.sha256((salt + ":" + plaintext).getBytes(StandardCharsets.UTF_8));
    }
}
