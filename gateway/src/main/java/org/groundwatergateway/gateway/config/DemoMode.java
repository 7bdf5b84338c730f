package org.groundwatergateway.gateway.config;

import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.H2gisDialect;
import org.springframework.stereotype.Component;

/** Whether this instance runs the demo: {@code gw.demo}, or by default exactly when the database is embedded. */
@Component
public class DemoMode {

    private final boolean enabled;

    public DemoMode(GatewayProperties properties, Database database) {
        this.enabled = properties.demo() != null ? properties.demo() : database.dialect() instanceof H2gisDialect;
    }

    public boolean enabled() {
        return enabled;
    }
}
