package org.groundwatergateway.ingest.device;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.alert.AlertRepository;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.Device;
import org.groundwatergateway.core.monitoring.DeviceRepository;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.monitoring.Sensor;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.DatabaseUnavailable;
import org.groundwatergateway.core.storage.Rows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devices the platform accepts data from, which datastream each of their pollutant codes feeds, and
 * what has been seen of them: last contact, packets received and refused (flushed to the database
 * periodically), each refusal with its reason, and an alert when a device falls silent.
 */
public final class DeviceRegistry {

    public static final String SILENT_ALERT = "DEVICE_SILENT";
    private static final Logger log = LoggerFactory.getLogger(DeviceRegistry.class);

    private static final class Traffic {
        final AtomicLong received = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        volatile Instant lastSeen;
    }

    private final Database database;
    private final DeviceRepository devices;
    private final MonitoringRepository monitoring;
    private final ParameterRepository parameters;
    private final AlertRepository alerts;
    private final Clock clock;
    private volatile Map<String, Device> byMn = Map.of();
    /** MN + "/" + parameter code -> datastream id. */
    private volatile Map<String, Long> datastreams = Map.of();
    private final Map<String, Traffic> traffic = new ConcurrentHashMap<>();
    private final AtomicLong rejectedUnknown = new AtomicLong();
    private final AtomicLong unrecordedRejections = new AtomicLong();
    private final ThreadPoolExecutor rejectionWriter = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(10_000), r -> {
                Thread thread = new Thread(r, "rejection-writer");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.AbortPolicy());

    /** Which refusals are logged and kept in {@code ingest_rejections}; every one is counted against its device. */
    private final SampledLog recordedRejections;

    /** @param rejectionRecords how many refusals per device (and of all unknown senders together) are logged and kept per interval */
    public DeviceRegistry(Database database, AlertRepository alerts, Clock clock, SampledLog.Budget rejectionRecords) {
        this.database = database;
        this.recordedRejections = new SampledLog(log, "refusals", rejectionRecords);
        this.devices = new DeviceRepository(database);
        this.monitoring = new MonitoringRepository(database);
        this.parameters = new ParameterRepository(database);
        this.alerts = alerts;
        this.clock = clock;
        reload();
    }

    /**
     * A lookup that misses reads the tables again, but not more often than this: a sender cycling through
     * unknown MNs must not make every packet reload the registry. Registering a device calls {@link #reload()}.
     */
    private static final long RELOAD_ON_MISS_NANOS = TimeUnit.SECONDS.toNanos(10);
    private volatile long lastReload;
    private final AtomicLong reloads = new AtomicLong();

    /** Reads devices and datastreams again, e.g. after one was registered. */
    public synchronized void reload() {
        lastReload = System.nanoTime();
        reloads.incrementAndGet();
        Map<String, Device> loaded = new HashMap<>();
        for (Device d : devices.findAll()) loaded.put(d.mn(), d);
        Map<Long, String> sensorMn = new HashMap<>();
        for (Sensor s : monitoring.findSensors()) sensorMn.put(s.id(), s.mn());
        Map<Long, String> parameterCodes = new HashMap<>();
        for (Parameter p : parameters.findAll()) parameterCodes.put(p.id(), p.code());
        Map<String, Long> streams = new HashMap<>();
        for (Datastream d : monitoring.findDatastreams()) {
            // A sensor without a logger feeds no device's packets.
            if (sensorMn.get(d.sensorId()) == null) continue;
            streams.putIfAbsent(sensorMn.get(d.sensorId()) + "/" + parameterCodes.get(d.parameterId()), d.id());
        }
        byMn = Map.copyOf(loaded);
        datastreams = Map.copyOf(streams);
    }

    public Optional<Device> device(String mn) {
        Device d = byMn.get(mn);
        if (d == null && reloadAfterMiss()) d = byMn.get(mn);
        return Optional.ofNullable(d);
    }

    /** How often the registry has been read from the database, for operations. */
    public long reloads() {
        return reloads.get();
    }

    private boolean reloadAfterMiss() {
        if (System.nanoTime() - lastReload < RELOAD_ON_MISS_NANOS) return false;
        reload();
        return true;
    }

    /** The datastream fed by this device's measurements of a parameter, if one is set up. */
    public Optional<Long> datastream(String mn, String parameter) {
        Long id = datastreams.get(mn + "/" + parameter);
        if (id == null && reloadAfterMiss()) id = datastreams.get(mn + "/" + parameter);
        return Optional.ofNullable(id);
    }

    public void received(String mn) {
        Traffic t = traffic.computeIfAbsent(mn, k -> new Traffic());
        t.received.incrementAndGet();
        t.lastSeen = clock.instant();
    }

    /**
     * Records a refused packet or item: counted against its device (or as unknown); the first few of each interval
     * are logged and kept with their reason for the device's O&amp;M record, the rest are counted in one summary line,
     * so a flood of refusals cannot flood the log and the database.
     */
    public void rejected(String channel, String origin, String mn, String reason, String excerpt) {
        boolean known = mn != null && byMn.containsKey(mn);
        if (known) {
            traffic.computeIfAbsent(mn, k -> new Traffic()).rejected.incrementAndGet();
        } else {
            rejectedUnknown.incrementAndGet();
        }
        if (!recordedRejections.sample(channel + (known ? " MN " + mn : " unknown senders"))) {
            unrecordedRejections.incrementAndGet();
            return;
        }
        log.warn("Rejected {} data from {}{}: {}", channel, origin, mn == null ? "" : " (MN " + mn + ")", reason);
        Instant at = clock.instant();
        try {
            // Written off the caller's thread (a network event loop must not wait on the database); should the writer
            // still fall behind, the newest records are dropped, never the server.
            rejectionWriter.execute(() -> record(at, channel, origin, mn, reason, excerpt));
        } catch (RejectedExecutionException e) {
            unrecordedRejections.incrementAndGet();
        }
    }

    private void record(Instant at, String channel, String origin, String mn, String reason, String excerpt) {
        try {
            database.jdbc().sql("INSERT INTO ingest_rejections (received_at, channel, origin, mn, reason, excerpt) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(Rows.timestamp(at), channel, truncate(origin, 100), mn == null ? null : truncate(mn, 32),
                            truncate(reason, 500), excerpt == null ? null : truncate(excerpt, 300))
                    .update();
        } catch (RuntimeException e) {
            // During a database outage the refusal stays counted; the intake reports the outage itself.
            unrecordedRejections.incrementAndGet();
            if (!DatabaseUnavailable.explains(e)) log.warn("Could not keep a refusal of {} data: {}", channel, e.toString());
        }
    }

    /** Refusals counted but neither logged in full nor kept in {@code ingest_rejections} (beyond the sample, or not writable). */
    public long unrecordedRejections() {
        return unrecordedRejections.get();
    }

    /** Waits until the refusals recorded so far are written (for tests and shutdown). */
    public void awaitRejectionRecords() {
        try {
            rejectionWriter.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A refusal as kept for a device's O&amp;M record. */
    public record Rejection(Instant receivedAt, String channel, String origin, String mn, String reason, String excerpt) {}

    /** The latest refusals of a device (or, with a null MN, of any sender), newest first. */
    public List<Rejection> recentRejections(String mn, int limit) {
        awaitRejectionRecords();
        var query = mn == null
                ? database.jdbc().sql("SELECT * FROM ingest_rejections ORDER BY received_at DESC, id DESC LIMIT ?").param(limit)
                : database.jdbc().sql("SELECT * FROM ingest_rejections WHERE mn = ? ORDER BY received_at DESC, id DESC LIMIT ?")
                        .params(mn, limit);
        return query.query((rs, n) -> new Rejection(Rows.instant(rs, "received_at"), rs.getString("channel"), rs.getString("origin"),
                        rs.getString("mn"), rs.getString("reason"), rs.getString("excerpt")))
                .list();
    }

    /** Refusals whose MN is not a registered device. */
    public long rejectedFromUnknownDevices() {
        return rejectedUnknown.get();
    }

    /** Writes the traffic counted since the last flush to the devices table. */
    public void flushTraffic() {
        recordedRejections.summarise();
        for (Map.Entry<String, Traffic> e : traffic.entrySet()) {
            Traffic t = e.getValue();
            long received = t.received.getAndSet(0);
            long rejected = t.rejected.getAndSet(0);
            // A device only ever refused (a wrong password, say) is counted too, its last contact left as it was.
            if (received > 0 || rejected > 0) devices.recordTraffic(e.getKey(), t.lastSeen, received, rejected);
        }
    }

    /**
     * Raises a DEVICE_SILENT alert for every enabled device not heard from within {@code silence}, and clears
     * it for devices heard from again. Returns the devices now silent.
     */
    public List<String> checkSilence(Duration silence) {
        flushTraffic();
        Instant now = clock.instant();
        List<String> silent = new java.util.ArrayList<>();
        for (Device d : devices.findAll()) {
            if (!d.enabled()) continue;
            Instant last = d.lastSeenAt() != null ? d.lastSeenAt() : d.registeredAt();
            if (last.plus(silence).isBefore(now)) {
                silent.add(d.mn());
                alerts.raise(SILENT_ALERT, Alert.Level.GENERAL, d.mn(), "设备 " + d.mn() + " 自 " + last + " 起无数据 / device "
                        + d.mn() + " (" + d.description() + ") has sent nothing since " + last, now);
            } else {
                alerts.clear(SILENT_ALERT, d.mn(), now);
            }
        }
        return silent;
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
