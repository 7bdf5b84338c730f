package org.groundwatergateway.gateway.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * One task run every interval on a daemon thread of its own, started and stopped with the application. A round that
 * throws is logged and the next one runs as planned: an exception would otherwise end a scheduled task for good.
 */
public final class Ticker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Ticker.class);

    private final String name;
    private final Duration interval;
    private final Runnable task;
    private ScheduledExecutorService executor;

    /** @param name the thread's name, and the task's in the log */
    public Ticker(String name, Duration interval, Runnable task) {
        if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException(name + ": the interval must be positive, not " + interval);
        this.name = name;
        this.interval = interval;
        this.task = task;
    }

    private void round() {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("{}: this round failed; trying again in {}", name, interval, e);
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::round, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) executor.shutdownNow();
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
