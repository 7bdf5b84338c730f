package org.groundwatergateway.gateway.config;

import org.groundwatergateway.core.demo.DemoParkDescription;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.H2gisDialect;
import org.springframework.stereotype.Component;

/**
 * Whether this instance runs the demo: {@code gw.demo}, or by default exactly when the database is embedded; and which demo
 * park it loads ({@code gw.demo-park}).
 */
@Component
public class DemoMode {

    private final boolean enabled;
    private final DemoParkDescription park;

    public DemoMode(GatewayProperties properties, Database database) {
        this.enabled = properties.demo() != null ? properties.demo() : database.dialect() instanceof H2gisDialect;
        this.park = DemoParkDescription.named(properties.demoPark());
    }

    public boolean enabled() {
        return enabled;
    }

    public DemoParkDescription park() {
        return park;
    }
}
