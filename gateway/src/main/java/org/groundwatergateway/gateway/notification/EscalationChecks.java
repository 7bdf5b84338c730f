package org.groundwatergateway.gateway.notification;

import org.groundwatergateway.core.escalation.Escalation;
import org.groundwatergateway.core.storage.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Looks for escalations whose tier's time ran out and moves them up: a round every {@code gw.escalation.check-interval}. */
@Component
public class EscalationChecks {

    private static final Logger log = LoggerFactory.getLogger(EscalationChecks.class);

    private final Escalation escalation;
    /** Whether rounds fail for want of the database: said once when it starts and once when it ends, not every round. */
    private boolean waitingForDatabase;

    public EscalationChecks(Escalation escalation) {
        this.escalation = escalation;
    }

    /** One round: escalations whose tier ran out moved up; a database that is away is said once, not every round. */
    public void round() {
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
}
