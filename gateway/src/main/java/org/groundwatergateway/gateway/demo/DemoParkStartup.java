package org.groundwatergateway.gateway.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.groundwatergateway.core.demo.DemoParkLoader;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.gateway.config.DemoMode;
import org.groundwatergateway.ingest.device.DeviceRegistry;
import org.groundwatergateway.ingest.intake.ReadingIntake;
import org.groundwatergateway.gateway.config.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo park on the first start in demo mode, in the background: the platform serves at once and the year of
 * readings fills in behind it, as {@code /actuator/health} shows ({@code components.demoPark}: loaded, readingsPercent;
 * DOWN with the error if the load failed). Whatever needs the demo in place waits with {@link #whenReady}.
 */
@Component("demoPark")
@Order(1)
public class DemoParkStartup implements ApplicationRunner, HealthIndicator, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoParkStartup.class);

    private final DemoParkLoader loader;
    private final DemoMode demoMode;
    private final int days;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final ExecutorService loading = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "demo-load");
        thread.setDaemon(true);
        return thread;
    });
    private volatile DemoParkLoader.Progress progress;
    private volatile boolean loaded;
    private volatile String failure;

    private final DeviceRegistry devices;

    public DemoParkStartup(Database database, ReadingIntake intake, DeviceRegistry devices, DemoMode demoMode,
                           GatewayProperties properties) {
        this.devices = devices;
        // The demo year goes through QA/QC like any import of the past: flagged, but no review tasks.
        this.loader = new DemoParkLoader(database, batch -> intake.submitAndWait(batch, ReadingIntake.Mode.HISTORICAL), demoMode.park());
        this.demoMode = demoMode;
        this.days = properties.demoDays();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled()) {
            ready.complete(null);
            return;
        }
        loading.execute(() -> {
            try {
                if (loader.loadIfAbsent(days, p -> progress = p)) devices.reload(); // the demo's loggers may now report
                loaded = true;
                ready.complete(null);
            } catch (RuntimeException e) {
                log.error("Loading the demo park failed", e);
                failure = e.toString();
                ready.completeExceptionally(e);
            }
        });
    }

    /** Runs {@code then} once the demo park is in place (at once outside demo mode); never if its load failed. */
    public void whenReady(Runnable then) {
        ready.thenRun(then);
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("enabled", demoMode.enabled());
        details.put("loaded", loaded);
        DemoParkLoader.Progress p = progress;
        if (p != null) details.put("readingsPercent", p.percent());
        if (failure != null) return Health.down().withDetails(details).withDetail("error", failure).build();
        return Health.up().withDetails(details).build();
    }

    @Override
    public void close() {
        loading.shutdownNow();
    }
}
