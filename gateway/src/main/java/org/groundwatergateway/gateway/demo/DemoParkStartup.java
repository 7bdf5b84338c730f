package org.groundwatergateway.gateway.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import org.groundwatergateway.core.demo.DemoParkLoader;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.gateway.config.DemoMode;
import org.groundwatergateway.ingest.device.DeviceRegistry;
import org.groundwatergateway.ingest.intake.ReadingIntake;
import org.groundwatergateway.gateway.config.GatewayProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo park on the first start in demo mode, and reports how far the load has got under
 * {@code /actuator/health} ({@code components.demoPark}).
 */
@Component("demoPark")
@Order(1)
public class DemoParkStartup implements ApplicationRunner, HealthIndicator {

    private final DemoParkLoader loader;
    private final DemoMode demoMode;
    private final int days;
    private volatile DemoParkLoader.Progress progress;
    private volatile boolean loaded;

    private final DeviceRegistry devices;

    public DemoParkStartup(Database database, ReadingIntake intake, DeviceRegistry devices, DemoMode demoMode,
                           GatewayProperties properties) {
        this.devices = devices;
        // The demo year goes through QA/QC like any import of the past: flagged, but no review tasks.
        this.loader = new DemoParkLoader(database, batch -> intake.submitAndWait(batch, ReadingIntake.Mode.HISTORICAL));
        this.demoMode = demoMode;
        this.days = properties.demoDays();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled()) return;
        if (loader.loadIfAbsent(days, p -> progress = p)) devices.reload(); // the demo's loggers may now report
        loaded = true;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("enabled", demoMode.enabled());
        details.put("loaded", loaded);
        DemoParkLoader.Progress p = progress;
        if (p != null) details.put("readingsPercent", p.percent());
        return Health.up().withDetails(details).build();
    }
}
