package org.groundwatergateway.gateway.notification;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.groundwatergateway.core.escalation.Escalation;
import org.groundwatergateway.core.storage.DatabaseUnavailable;
import org.groundwatergateway.gateway.config.EscalationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Looks for escalations whose tier's time ran out every {@code gw.escalation.check-interval} and moves them up. */
@Component
public class EscalationTicker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EscalationTicker.class);

    private final Escalation escalation;
    private final EscalationProperties properties;
    private ScheduledExecutorService ticker;
    /** Whether ticks fail for want of the database: said once when it starts and once when it ends, not every tick. */
    private boolean waitingForDatabase;

    public EscalationTicker(Escalation escalation, EscalationProperties properties) {
        this.escalation = escalation;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "escalation-ticker");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.checkInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        // An exception would end a scheduled task for good; one bad tick must not end escalation.
        try {
            escalation.tick();
            if (waitingForDatabase) log.info("Escalation checks run again: the database answers");
            waitingForDatabase = false;
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.explains(e)) {
                log.error("Escalation check failed; trying again next time", e);
            } else if (!waitingForDatabase) {
                waitingForDatabase = true;
                log.warn("Escalation checks wait for the database, which is unavailable: {}", e.getMessage());
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (ticker != null) ticker.shutdownNow();
        ticker = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return ticker != null;
    }
}
