package org.groundwatergateway.gateway.security;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.groundwatergateway.gateway.config.DemoMode;
import org.groundwatergateway.gateway.config.SecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, the first accounts (demo, configured administrator or setup token); then, every minute, the signing keys:
 * rotated when the current one is older than {@code gw.security.key-rotation}, and keys whose tokens have all expired
 * dropped from the JWKS.
 */
@Component
@Order(0)
public class IdentityLifecycle implements ApplicationRunner, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IdentityLifecycle.class);
    private final FirstAccounts first;
    private final SigningKeys keys;
    private final DemoMode demo;
    private final SecurityProperties properties;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "signing-keys");
        thread.setDaemon(true);
        return thread;
    });

    public IdentityLifecycle(FirstAccounts first, SigningKeys keys, DemoMode demo, SecurityProperties properties) {
        this.first = first;
        this.keys = keys;
        this.demo = demo;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        first.prepare(demo.enabled(), properties.initialAdminPassword());
        Duration rotation = properties.keyRotation();
        ticker.scheduleWithFixedDelay(() -> {
            try {
                if (keys.rotateIfOlderThan(rotation)) log.info("Token signing key rotated (older than {})", rotation);
            } catch (RuntimeException e) {
                log.warn("Signing key upkeep failed: {}", e.toString());
            }
        }, 1, 1, TimeUnit.MINUTES);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
