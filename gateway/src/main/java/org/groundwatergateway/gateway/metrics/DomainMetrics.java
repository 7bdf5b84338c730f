package org.groundwatergateway.gateway.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.reading.ReadingsCommitted;
import org.groundwatergateway.ingest.intake.ReadingIntake;

/**
 * What a park's operators watch besides the JVM (Micrometer, scraped at {@code /actuator/prometheus}; the Grafana
 * dashboard in {@code docs/grafana-dashboard.json} draws them):
 * <ul>
 *   <li>{@code gw_readings_committed_total{source, live}}: readings stored, by channel (hj212, mqtt, http, sta, ...);</li>
 *   <li>{@code gw_readings_flagged_total{flag}}: stored readings carrying a QA/QC finding, by finding; divided by the
 *       committed rate it is the flag rate;</li>
 *   <li>{@code gw_intake_queue_depth}: submissions waiting for the intake's next group commit;</li>
 *   <li>{@code gw_alerts_raised_total{kind, level}}: alerts raised, or raised to a higher level, by the level reached;
 *       {@code gw_alert_latency_seconds}: from the arrival at the gateway of the reading a warning rule acted on to
 *       the alert;</li>
 *   <li>{@code gw_event_bus_failures}: subscriber failures on the event bus.</li>
 * </ul>
 * Notification deliveries and analysis jobs are metered where they happen ({@link MeteredChannel}, the analysis pool).
 * Everything here is read from the event bus, in the order events were published, so the committed reading an alert
 * was raised on has always been seen before the alert.
 */
public final class DomainMetrics {

    /** Arrivals kept to time alerts against: a rule fires on a reading within seconds, long before this many more arrive. */
    private static final int REMEMBERED_ARRIVALS = 20_000;

    private final MeterRegistry registry;
    private final Timer alertLatency;
    private final Map<String, Instant> arrivals = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > REMEMBERED_ARRIVALS;
        }
    };

    public DomainMetrics(MeterRegistry registry, EventBus events, ReadingIntake intake) {
        this.registry = registry;
        this.alertLatency = Timer.builder("gw.alert.latency").description("From a reading's arrival to the alert a warning rule raised on it")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        Gauge.builder("gw.intake.queue.depth", intake, ReadingIntake::queueDepth)
                .description("Submissions waiting for the intake's next group commit").register(registry);
        FunctionCounter.builder("gw.intake.readings.at.corrected.times", intake, ReadingIntake::readingsAtCorrectedTimes)
                .description("Device readings not stored because a correction had moved an Observation to their time (each logged and audited)")
                .register(registry);
        Gauge.builder("gw.event.bus.failures", events, EventBus::failures).description("Event-bus subscribers that threw").register(registry);
        events.subscribe(ReadingsCommitted.class, this::committed);
        events.subscribe(Alert.class, this::raised);
    }

    private void committed(ReadingsCommitted committed) {
        for (Reading r : committed.readings()) {
            registry.counter("gw.readings.committed", "source", String.valueOf(r.source()), "live", Boolean.toString(committed.live())).increment();
            for (QualityFlag flag : QualityFlag.of(r.qualityFlags())) {
                if (QualityFlag.NEEDS_REVIEW.contains(flag)) registry.counter("gw.readings.flagged", "flag", flag.name()).increment();
            }
            if (committed.live() && r.receivedTime() != null) arrivals.put(key(r.datastreamId(), r.phenomenonTime()), r.receivedTime());
        }
    }

    private void raised(Alert alert) {
        if (alert.clearedAt() != null) return;
        registry.counter("gw.alerts.raised", "kind", alert.kind(), "level", alert.level().name()).increment();
        if (alert.origin() == null) return;
        Instant arrived = arrivals.remove(key(alert.origin().datastreamId(), alert.origin().observedAt()));
        if (arrived != null && !alert.raisedAt().isBefore(arrived)) alertLatency.record(Duration.between(arrived, alert.raisedAt()));
    }

    private static String key(long datastream, Instant observedAt) {
        return datastream + "@" + observedAt;
    }
}
