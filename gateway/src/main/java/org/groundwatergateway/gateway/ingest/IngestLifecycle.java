package org.groundwatergateway.gateway.ingest;

import org.groundwatergateway.gateway.config.IngestProperties;
import org.groundwatergateway.ingest.device.DeviceRegistry;
import org.groundwatergateway.ingest.hj212.Hj212Reception;
import org.groundwatergateway.ingest.hj212.Hj212Server;
import org.groundwatergateway.ingest.review.ReviewQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Opens the HJ 212 port once the application is up (and closes it first on shutdown), and runs the
 * periodic O&amp;M duties: device traffic and silence, and overdue review tasks.
 */
@Component("hj212")
public class IngestLifecycle implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(IngestLifecycle.class);

    private final Hj212Server server;
    private final Hj212Reception reception;
    private final DeviceRegistry devices;
    private final ReviewQueue reviews;
    private final IngestProperties properties;
    private volatile int port = -1;

    public IngestLifecycle(Hj212Server server, Hj212Reception reception, DeviceRegistry devices, ReviewQueue reviews,
                           IngestProperties properties) {
        this.server = server;
        this.reception = reception;
        this.devices = devices;
        this.reviews = reviews;
        this.properties = properties;
    }

    @Override
    public void start() {
        try {
            port = server.start();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the HJ 212 port", e);
        }
    }

    @Override
    public void stop() {
        server.close();
        devices.flushTraffic();
        port = -1;
    }

    @Override
    public boolean isRunning() {
        return port >= 0;
    }

    /** The HJ 212 port actually bound (the configured one, or a free one when configured as 0). */
    public int hj212Port() {
        return port;
    }

    /**
     * {@code components.hj212} of the health endpoint: the bound port, open connections, refusals from unknown devices,
     * refusals counted but not logged or kept in full (beyond the sample), packets refused because they could not be stored.
     */
    @Override
    public Health health() {
        return (isRunning() ? Health.up() : Health.down()).withDetail("port", port)
                .withDetail("connections", server.openConnections())
                .withDetail("rejectedFromUnknownDevices", devices.rejectedFromUnknownDevices())
                .withDetail("rejectionsNotRecorded", devices.unrecordedRejections())
                .withDetail("refusedUnstored", reception.packetsRefusedUnstored()).build();
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void deviceDuties() {
        var silent = devices.checkSilence(properties.devices().silence());
        if (!silent.isEmpty()) log.info("{} devices silent for more than {}", silent.size(), properties.devices().silence());
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void reviewDuties() {
        reviews.raiseOverdueAlerts();
    }
}
