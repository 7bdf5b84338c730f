package org.groundwatergateway.core.storage;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database statements of one piece of work on one thread — a request — so that the work can be stopped when no one
 * waits for its answer any more: {@link #cancel()} cancels the statement running now (the database stops it, as it does
 * at a query timeout) and refuses any the work starts after. A thread runs one statement at a time, so the latest is
 * the one to cancel.
 */
public final class StatementWatch {

    private static final ThreadLocal<StatementWatch> CURRENT = new ThreadLocal<>();

    private volatile Statement running;
    private volatile boolean cancelled;

    private StatementWatch() {}

    /** Watches the statements this thread runs until {@link #end()}. */
    public static StatementWatch begin() {
        StatementWatch watch = new StatementWatch();
        CURRENT.set(watch);
        return watch;
    }

    /** Stops watching this thread. */
    public void end() {
        running = null;
        if (CURRENT.get() == this) CURRENT.remove();
    }

    /** Called as a statement is prepared on this thread; refuses it if the work was cancelled already. */
    static void starting(Statement statement) throws SQLException {
        StatementWatch watch = CURRENT.get();
        if (watch == null) return;
        if (watch.cancelled) throw new SQLException("the work was cancelled: no one waits for its answer any more", "57014");
        watch.running = statement;
    }

    /** Cancels the statement running now, if any, and every one the work starts after. From any thread. */
    public void cancel() {
        cancelled = true;
        Statement statement = running;
        if (statement == null) return;
        try {
            statement.cancel();
        } catch (SQLException | RuntimeException alreadyDone) {
            // Closed or finished meanwhile: nothing left to stop.
        }
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Whether the work on this thread was cancelled: its failures then are the cancellation's, not faults. */
    public static boolean cancelledHere() {
        StatementWatch watch = CURRENT.get();
        return watch != null && watch.cancelled;
    }
}
