package org.groundwatergateway.gateway.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.groundwatergateway.core.demo.DemoParkDescription;
import org.groundwatergateway.gateway.config.DemoMode;
import org.groundwatergateway.gateway.config.IngestProperties;
import org.groundwatergateway.gateway.demo.DemoParkStartup;
import org.groundwatergateway.ingest.hj212.PollutantCodes;
import org.groundwatergateway.ingest.simulator.Hj212Simulator;
import org.groundwatergateway.ingest.simulator.SimulatedDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode, the demo park's data loggers (the demo park's 44, or a generated park's one per well) report live over the platform's own HJ 212 port, every
 * {@code gw.simulator.interval}, so the portal and the OGC services show data arriving.
 */
@Component
@Order(2)
public class DemoSimulator implements ApplicationRunner, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoSimulator.class);

    private final boolean enabled;
    private final Duration interval;
    private final IngestLifecycle ingest;
    private final PollutantCodes codes;
    private final Clock clock;
    private final DemoParkStartup demoPark;
    private final DemoParkDescription park;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "demo-simulator");
        thread.setDaemon(true);
        return thread;
    });

    public DemoSimulator(IngestProperties properties, DemoMode demoMode, IngestLifecycle ingest, PollutantCodes codes, Clock clock,
                         DemoParkStartup demoPark) {
        this.enabled = properties.simulator().enabled() != null ? properties.simulator().enabled() : demoMode.enabled();
        this.interval = properties.simulator().interval();
        this.ingest = ingest;
        this.codes = codes;
        this.clock = clock;
        this.demoPark = demoPark;
        this.park = demoMode.park();
    }

    @Override
    public void run(ApplicationArguments args) {
        // The loggers are the demo's: they report once the demo park, and with it their devices, is in place.
        if (enabled) demoPark.whenReady(this::start);
    }

    private void start() {
        var devices = SimulatedDevice.of(codes, park);
        Hj212Simulator simulator = new Hj212Simulator("127.0.0.1", ingest.hj212Port(), devices);
        log.info("Demo simulator: {}'s {} loggers report to HJ 212 port {} every {}", park.code(), devices.size(), ingest.hj212Port(), interval);
        schedule.scheduleAtFixedRate(() -> {
            try {
                Instant time = clock.instant().truncatedTo(ChronoUnit.MINUTES);
                var report = simulator.run(time, interval, 1, "2011", 1, Duration.ZERO, Duration.ofSeconds(30));
                log.debug("Demo simulator: {}", report);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Demo simulator round failed: {}", e.toString());
            }
        }, 0, interval.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
