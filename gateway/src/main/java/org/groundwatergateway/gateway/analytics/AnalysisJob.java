package org.groundwatergateway.gateway.analytics;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.groundwatergateway.analytics.InvalidArgument;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.analytics.Stage;
import org.groundwatergateway.core.problem.CataloguedRefusal;
import org.groundwatergateway.core.problem.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a long analysis (transport with uncertainty, tracing, remediation, network optimisation): what it
 * is, how far it has got, and its result. Its id is an unguessable UUID: whoever started a run, and only who
 * they give the id to, can follow or cancel it.
 */
public final class AnalysisJob {

    private static final Logger log = LoggerFactory.getLogger(AnalysisJob.class);

    public enum State { QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED }

    /**
     * What a client sees of a run; {@code result} only once it has succeeded.
     *
     * @param fraction of the work done, 0 to 1
     * @param stage    where the run has got, in the reader's language
     * @param error    why the run failed, in the reader's language when the failure is a catalogued refusal
     * @param field    the request's field the refusal names ({@code from/to}, {@code parameter}), as a refused request's
     *                 problem names it; null when the failure is not one field's
     */
    public record Status(UUID id, String kind, State state, double fraction, String stage, Instant created, Instant finished,
                         String error, String field, Object result) {}

    /** Progress is announced at most this often, so a fast loop does not flood the listeners. */
    private static final long ANNOUNCE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final UUID id = UUID.randomUUID();
    private final String kind;
    private final Clock clock;
    private final Instant created;
    private final CompletableFuture<Object> outcome = new CompletableFuture<>();
    /** Each listener with the language it reads. */
    private final Map<Consumer<Status>, Locale> listeners = new ConcurrentHashMap<>();
    private volatile State state = State.QUEUED;
    private volatile double fraction;
    private volatile Stage stage = Stage.of("analytics.stage.queued");
    /** Kept as thrown, not as text, so that each reader is told it in their own language. */
    private volatile RuntimeException failure;
    private volatile Object result;
    private volatile Instant finished;
    private volatile boolean cancelRequested;
    private long lastAnnounced;

    AnalysisJob(String kind, Clock clock) {
        this.kind = kind;
        this.clock = clock;
        this.created = clock.instant();
    }

    public UUID id() {
        return id;
    }

    /** The run as it stands, its error in {@code language} ({@code Locale.ENGLISH} or {@code Locale.CHINESE}). */
    public Status status(Locale language) {
        RuntimeException failed = failure;
        InvalidInput refusal = failed instanceof CataloguedRefusal refused ? refused.problem()
                : failed instanceof InvalidInput invalid ? invalid : null;
        String error = failed == null ? null : refusal != null ? refusal.message(language)
                // A refused argument is told as the REST API tells one (catalogued ones in the reader's language); anything else is
                // the platform's fault, logged when the run failed: its text (SQL, class names) is not the reader's.
                : failed instanceof IllegalArgumentException || failed instanceof Progress.Cancelled ? InvalidArgument.message(failed, language)
                : new InvalidInput("gateway.unexpected", null).message(language);
        return new Status(id, kind, state, fraction, stage.text(language), created, finished, error, refusal == null ? null : refusal.field(),
                state == State.SUCCEEDED ? result : null);
    }

    /** The result, waiting for it; a failure is rethrown as what the analysis threw. */
    public Object await() {
        try {
            return outcome.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }

    /** Asks the run to stop; it does at its next step. A run that has not started never starts. */
    public void cancel() {
        cancelRequested = true;
        if (state == State.QUEUED) finish(State.CANCELLED, null, new Progress.Cancelled(stage));
    }

    /**
     * Calls {@code listener} with every announced status, in {@code language}, and once more with the final one; if
     * the run has finished already, only with the final one.
     */
    public void listen(Locale language, Consumer<Status> listener) {
        listeners.put(listener, language);
        if (isFinished()) listener.accept(status(language));
    }

    public void unlisten(Consumer<Status> listener) {
        listeners.remove(listener);
    }

    boolean isFinished() {
        return finished != null;
    }

    Instant finishedAt() {
        return finished;
    }

    Progress progress() {
        return new Progress() {
            @Override
            public void report(double done, Stage what) {
                fraction = Math.max(0, Math.min(1, done));
                stage = what;
                long now = System.nanoTime();
                synchronized (AnalysisJob.this) {
                    if (now - lastAnnounced < ANNOUNCE_INTERVAL_NANOS) return;
                    lastAnnounced = now;
                }
                announce();
            }

            @Override
            public boolean cancelled() {
                return cancelRequested;
            }
        };
    }

    void run(AnalysisJobs.Analysis work) {
        if (isFinished()) return;
        state = State.RUNNING;
        stage = Stage.of("analytics.stage.started");
        announce();
        try {
            Object value = work.run(progress());
            if (cancelRequested) throw new Progress.Cancelled(stage);
            fraction = 1;
            stage = Stage.of("analytics.stage.done");
            finish(State.SUCCEEDED, value, null);
        } catch (Progress.Cancelled e) {
            finish(State.CANCELLED, null, e);
        } catch (RuntimeException e) {
            if (!(e instanceof IllegalArgumentException || e instanceof CataloguedRefusal)) log.error("Analysis run {} ({}) failed", id, kind, e);
            finish(State.FAILED, null, e);
        }
    }

    /** Listeners hear the end before anyone waiting is released, so a caller that awaits has seen it announced. */
    private synchronized void finish(State end, Object value, RuntimeException failure) {
        if (isFinished()) return;
        result = value;
        this.failure = failure;
        state = end;
        finished = clock.instant();
        announce();
        if (failure != null) outcome.completeExceptionally(failure);
        else outcome.complete(value);
    }

    private void announce() {
        listeners.forEach((listener, language) -> listener.accept(status(language)));
    }
}
