package org.groundwatergateway.ingest.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.reading.ReadingsCommitted;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.DatabaseUnavailable;
import org.groundwatergateway.ingest.qaqc.QualityControl;
import org.groundwatergateway.ingest.review.ReviewQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every channel (HJ 212, MQTT, HTTP, the demo) hands in readings. One writer thread takes what has
 * queued up, runs QA/QC on it in arrival order, writes it in one transaction (group commit: many devices'
 * packets share one commit), opens review tasks in the same transaction, and only then completes the
 * callers' futures — so a device is acknowledged only after its data is durable — and publishes
 * {@link ReadingsCommitted}. Readings already stored (a re-sent packet, a redelivered message) are skipped.
 *
 * <p>When a commit fails because the database cannot be reached, the intake refuses every submission at once with
 * {@link DatabaseUnavailable} (so devices hear "not stored" within moments instead of waiting on a dead connection),
 * probes the database every {@link #PROBE_INTERVAL_NANOS}, and takes submissions again as soon as it answers. The
 * outage is logged when it begins, once a minute while it lasts and when it ends, each time with the count refused.
 */
public final class ReadingIntake implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadingIntake.class);
    /** How long a commit waits for more submissions once it has one: short against an acknowledgement budget of 250 ms. */
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private static final long PROBE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long OUTAGE_LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** LIVE readings open review tasks; HISTORICAL ones (imports of the past, the demo) are only flagged. */
    public enum Mode { LIVE, HISTORICAL }

    /** What became of a submission: the readings stored (with ids and QA/QC flags) and how many were already there. */
    public record Receipt(List<Reading> stored, int alreadyStored) {}

    private record Pending(List<Reading> readings, Mode mode, CompletableFuture<Receipt> done) {}

    /** A database outage as the intake sees it: since when, the one failure every refused submission gets, how many. */
    private static final class Outage {
        final long since = System.nanoTime();
        final DatabaseUnavailable refusal;
        final AtomicLong refused = new AtomicLong();
        long loggedAt = since;

        Outage(Throwable cause) {
            refusal = new DatabaseUnavailable("the database is unavailable (" + rootMessage(cause) + "); nothing was stored", cause);
        }

        void refuse(Pending pending) {
            refused.incrementAndGet();
            pending.done().completeExceptionally(refusal);
        }

        long seconds() {
            return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
        }
    }

    private final Database database;
    private final QualityControl qualityControl;
    private final ReviewQueue reviews;
    private final EventBus events;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final AtomicLong readingsAtCorrectedTimes = new AtomicLong();
    private volatile boolean running = true;
    private volatile Outage outage;

    public ReadingIntake(Database database, QualityControl qualityControl, ReviewQueue reviews, EventBus events, int maxBatch) {
        this.database = database;
        this.qualityControl = qualityControl;
        this.reviews = reviews;
        this.events = events;
        this.maxBatch = maxBatch;
        this.writer = new Thread(this::run, "reading-intake");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    public CompletableFuture<Receipt> submit(List<Reading> readings, Mode mode) {
        CompletableFuture<Receipt> done = new CompletableFuture<>();
        Outage current = outage;
        if (!running) {
            done.completeExceptionally(new IllegalStateException("the intake is shut down"));
        } else if (current != null && !readings.isEmpty()) {
            current.refuse(new Pending(readings, mode, done));
        } else if (readings.isEmpty()) {
            done.complete(new Receipt(List.of(), 0));
        } else {
            queue.add(new Pending(List.copyOf(readings), mode, done));
        }
        return done;
    }

    /**
     * Readings not stored because a correction (PATCH) had moved an Observation to their time, since start, for
     * operations: each is in the log and the audit log with its value.
     */
    public long readingsAtCorrectedTimes() {
        return readingsAtCorrectedTimes.get();
    }

    /** Submissions waiting for the next group commit, for operations. */
    public int queueDepth() {
        return queue.size();
    }

    /** Submits and waits for the commit; for callers that have nothing else to do meanwhile. */
    public Receipt submitAndWait(List<Reading> readings, Mode mode) {
        return await(submit(readings, mode));
    }

    /**
     * Waits for a submission's commit. A refusal is thrown as itself — during an outage the {@link DatabaseUnavailable}
     * that callers answer with "try again" (503) — not wrapped in a {@link CompletionException} they would not know.
     */
    public static Receipt await(CompletableFuture<Receipt> submission) {
        try {
            return submission.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException refusal) throw refusal;
            if (e.getCause() instanceof Error error) throw error;
            throw e;
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                if (outage != null) {
                    awaitDatabase();
                    continue;
                }
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                int size = first.readings().size();
                // Group commit: linger briefly for other devices' packets, so that under a steady stream one
                // commit serves many of them instead of paying a commit per packet.
                long lingerUntil = System.nanoTime() + LINGER_NANOS;
                Pending next;
                while (size < maxBatch) {
                    next = queue.poll();
                    if (next == null) {
                        long left = lingerUntil - System.nanoTime();
                        if (left <= 0 || (next = queue.poll(left, TimeUnit.NANOSECONDS)) == null) break;
                    }
                    batch.add(next);
                    size += next.readings().size();
                }
                process(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // Errors too: the PostgreSQL driver throws an AssertionError when the server ends the session in the
                // middle of a batch, and a writer thread that died would leave every device unanswered for good.
                if (DatabaseUnavailable.explains(e)) {
                    Outage begun = new Outage(e);
                    outage = begun;
                    log.warn("The database is unavailable ({}): readings are refused until it answers again", rootMessage(e));
                    batch.forEach(begun::refuse);
                } else {
                    log.error("Reading intake failed on a batch of {} submissions", batch.size(), e);
                    batch.forEach(p -> p.done().completeExceptionally(e));
                }
            } finally {
                batch.clear();
            }
        }
    }

    /** During an outage: refuses what queued up, then probes the database and ends the outage once it answers. */
    private void awaitDatabase() throws InterruptedException {
        Outage current = outage;
        for (Pending p; (p = queue.poll()) != null; ) current.refuse(p);
        if (database.isReachable()) {
            outage = null;
            log.warn("The database answers again after {} s; {} submissions were refused meanwhile", current.seconds(), current.refused.get());
            return;
        }
        if (System.nanoTime() - current.loggedAt >= OUTAGE_LOG_INTERVAL_NANOS) {
            current.loggedAt = System.nanoTime();
            log.warn("The database is still unavailable after {} s; {} submissions refused so far", current.seconds(), current.refused.get());
        }
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(PROBE_INTERVAL_NANOS));
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    private record Key(long datastreamId, Instant time, int version) {
        static Key of(Reading r) {
            return new Key(r.datastreamId(), r.phenomenonTime(), r.version());
        }
    }

    private void process(List<Pending> batch) {
        AtomicReference<List<Reading>> atCorrectedTimes = new AtomicReference<>(List.of());
        List<Reading> checked = new ArrayList<>();
        Set<Key> live = new HashSet<>();
        for (Pending pending : batch) {
            for (Reading reading : pending.readings()) {
                Reading judged = qualityControl.check(reading);
                if (judged == null) continue;
                checked.add(judged);
                if (pending.mode() == Mode.LIVE) live.add(Key.of(judged));
            }
        }
        // Stored readings split by how they arrived, each in commit order: live ones open review tasks.
        Map<Boolean, List<Reading>> stored;
        try {
            stored = database.inTransaction(connection -> {
                List<Reading> appended = database.dialect().appendNewReadings(connection, checked);
                Set<Key> appendedKeys = appended.stream().map(Key::of).collect(Collectors.toSet());
                atCorrectedTimes.set(ReadingRepository.recordAtCorrectedTimes(connection,
                        checked.stream().filter(r -> !appendedKeys.contains(Key.of(r))).toList(), Instant.now()));
                Map<Boolean, List<Reading>> inserted = appended.stream().collect(Collectors.partitioningBy(r -> live.contains(Key.of(r))));
                reviews.open(connection, inserted.get(true));
                return inserted;
            });
            // Callers acknowledge devices on completion: what they are told is stored must survive a crash.
            if (batch.stream().anyMatch(p -> p.mode() == Mode.LIVE)) database.makeCommitsDurable();
        } catch (RuntimeException | Error e) {
            // What QA/QC and the review queue remembered of this batch was never stored: reload it from the database.
            qualityControl.forget();
            reviews.forget();
            throw e;
        }
        // Acknowledged as stored like a re-sent reading, though its value is not the one stored: told, counted, audited.
        for (Reading r : atCorrectedTimes.get()) {
            log.warn("A reading of datastream {} at {}, value {} (raw {}), is not stored: a correction moved an Observation to that time",
                    r.datastreamId(), r.phenomenonTime(), r.value(), r.rawValue());
            readingsAtCorrectedTimes.incrementAndGet();
        }
        Map<Key, Reading> storedByKey = new HashMap<>();
        stored.values().forEach(readings -> readings.forEach(r -> storedByKey.put(Key.of(r), r)));
        for (Pending pending : batch) {
            List<Reading> mine = new ArrayList<>();
            for (Reading r : pending.readings()) {
                Reading match = storedByKey.remove(Key.of(r));
                if (match != null) mine.add(match);
            }
            pending.done().complete(new Receipt(mine, pending.readings().size() - mine.size()));
        }
        // One event per kind of arrival: a group commit may hold live packets and a historical import together.
        if (!stored.get(true).isEmpty()) events.publish(new ReadingsCommitted(stored.get(true), true));
        if (!stored.get(false).isEmpty()) events.publish(new ReadingsCommitted(stored.get(false), false));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        writer.join(10_000);
    }
}
