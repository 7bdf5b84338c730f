package org.groundwatergateway.ingest.device;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Which of a flood of like events are written in full (a log line, a stored record): the first few of each interval
 * per key (a device, say), the rest only counted, and that count written in one line once the interval is over. A
 * sender of garbage a thousand times a second thus costs a few lines a minute instead of a thousand a second, and every
 * event is still counted.
 */
public final class SampledLog {

    /**
     * @param samples events per key and interval written in full
     * @param interval how long an interval lasts
     */
    public record Budget(int samples, Duration interval) {
        public Budget {
            if (samples < 0 || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("a log budget needs samples >= 0 and a positive interval, got " + samples + " per " + interval);
            }
        }
    }

    private static final class Window {
        long start;
        int written;
        long unwritten;

        Window(long start) {
            this.start = start;
        }
    }

    private final Logger log;
    private final String events;
    private final Budget budget;
    private final LongSupplier nanoTime;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** @param events what is counted, plural, for the summary line ("refused packets") */
    public SampledLog(Logger log, String events, Budget budget) {
        this(log, events, budget, System::nanoTime);
    }

    SampledLog(Logger log, String events, Budget budget, LongSupplier nanoTime) {
        this.log = log;
        this.events = events;
        this.budget = budget;
        this.nanoTime = nanoTime;
    }

    /**
     * Counts one event of {@code key} and says whether it is one of the interval's samples, to be written in full.
     * Keys should be few (registered devices, one for all unknown senders): each has its window until it falls quiet.
     */
    public boolean sample(String key) {
        long now = nanoTime.getAsLong();
        Window window = windows.computeIfAbsent(key, k -> new Window(now));
        synchronized (window) {
            // summarise() may just have dropped this window as quiet: count in the one that is kept.
            if (windows.get(key) != window) return sample(key);
            if (now - window.start >= budget.interval().toNanos()) restart(key, window, now);
            if (window.written < budget.samples()) {
                window.written++;
                return true;
            }
            window.unwritten++;
            return false;
        }
    }

    /** Writes the counts of intervals that are over and forgets keys that have fallen quiet; call it now and then. */
    public void summarise() {
        long now = nanoTime.getAsLong();
        windows.forEach((key, window) -> {
            synchronized (window) {
                if (now - window.start < budget.interval().toNanos()) return;
                boolean quiet = window.unwritten == 0;
                restart(key, window, now);
                if (quiet) windows.remove(key, window);
            }
        });
    }

    private void restart(String key, Window window, long now) {
        if (window.unwritten > 0) {
            log.warn("{} more {} from {} in {} s were counted but not logged", window.unwritten, events, key,
                    (now - window.start) / 1_000_000_000L);
        }
        window.start = now;
        window.written = 0;
        window.unwritten = 0;
    }
}
