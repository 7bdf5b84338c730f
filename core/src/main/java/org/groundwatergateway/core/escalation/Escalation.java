package org.groundwatergateway.core.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.problem.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The escalation chain: a raised alert is sent to the tiers its level starts at; each {@link #tick} sends the unacknowledged
 * ones whose timeout ran out to the next tier; an acknowledgement stops it. Time is the injected clock's, so the chain runs
 * the same under a test's clock; state lives in the database, so a restart picks up where it stood.
 */
public final class Escalation {

    private static final Logger log = LoggerFactory.getLogger(Escalation.class);

    private final EscalationPolicy policy;
    private final OnCallRepository onCall;
    private final EscalationRepository store;
    private final NotificationDispatcher dispatcher;
    private final Clock clock;

    public Escalation(EscalationPolicy policy, OnCallRepository onCall, EscalationRepository store, NotificationDispatcher dispatcher, Clock clock) {
        this.policy = policy;
        this.onCall = onCall;
        this.store = store;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** Starts the escalation of a newly raised alert. */
    public void raised(Alert alert) {
        Instant now = clock.instant();
        Tier top = policy.notifyAtOnce().get(alert.level());
        Instant nextDue = top.next() == null ? null : now.plus(policy.timeout(alert.level()));
        if (!store.start(alert, top, now, nextDue)) {
            upgraded(alert, now);
            return;
        }
        notifyUpTo(store.find(alert.id()).orElseThrow(), top, now);
    }

    /**
     * An alert announced again at a higher level (a warning rule upgrades its open alert): news to everyone already
     * told, so the tiers up to the higher of the current one and the new level's first tier are told again, and the
     * chain restarts from there with the new level's timeout — an earlier acknowledgement was for the lower level.
     */
    private void upgraded(Alert alert, Instant now) {
        EscalationState state = store.find(alert.id()).orElseThrow();
        if (alert.level().compareTo(state.level()) <= 0) return;
        Tier atOnce = policy.notifyAtOnce().get(alert.level());
        Tier top = atOnce.compareTo(state.tier()) > 0 ? atOnce : state.tier();
        Instant nextDue = top.next() == null ? null : now.plus(policy.timeout(alert.level()));
        if (!store.upgrade(alert.id(), state.level(), alert.level(), alert.message(), top, nextDue)) return;
        log.info("Alert {} upgraded to {}: tiers up to {} told again", alert.id(), alert.level(), top);
        notifyUpTo(store.find(alert.id()).orElseThrow(), top, now);
    }

    /** Tells every tier from the duty officer up to {@code top}. */
    private void notifyUpTo(EscalationState state, Tier top, Instant now) {
        for (Tier tier : Tier.values()) {
            if (tier.compareTo(top) > 0) break;
            notify(state, tier, now);
        }
    }

    /** Escalates every unacknowledged alert whose tier's time ran out; returns how many moved up. */
    public int tick() {
        Instant now = clock.instant();
        int moved = 0;
        for (EscalationState state : store.due(now)) {
            Tier next = state.tier().next();
            if (next == null) continue;
            // Due times follow from the raise, not from when a tick got round to it, so the chain keeps its schedule.
            Instant nextDue = next.next() == null ? null : state.nextDueAt().plus(policy.timeout(state.level()));
            if (store.advance(state.alertId(), state.tier(), next, nextDue)) {
                log.info("Alert {} ({}) not acknowledged in time: escalated to {}", state.alertId(), state.level(), next);
                notify(state, next, now);
                moved++;
            }
        }
        return moved;
    }

    /**
     * Acknowledges an alert, which stops its escalation; the first acknowledgement stands. Empty if the alert has no
     * escalation (unknown, or raised before escalation existed).
     */
    public Optional<EscalationState> acknowledge(long alertId, String by, String note) {
        if (by == null || by.isBlank()) throw new InvalidInput("core.required", "by");
        if (note != null && note.length() > 1000) throw new InvalidInput("core.atMostCharacters", "note", 1000);
        if (store.find(alertId).isEmpty()) return Optional.empty();
        store.acknowledge(alertId, by.trim(), note, clock.instant());
        return store.find(alertId);
    }

    public Optional<EscalationState> state(long alertId) {
        return store.find(alertId);
    }

    private void notify(EscalationState state, Tier tier, Instant now) {
        dispatcher.dispatch(state.notification(tier), onCall.onCall(tier, now), policy.channels().get(tier));
    }
}
