package org.groundwatergateway.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform's own settings ({@code gw.*}); every one has a default in {@code application.properties}
 * and is listed in the README.
 *
 * @param dataDir where the embedded database and other local files live
 * @param demo whether to load the demo park on first start; unset means "yes on the embedded database,
 *     no on PostgreSQL"
 * @param demoDays how many days of hourly demo readings to generate (1 to 365)
 * @param demoPark which demo park to load: the demo park's code ({@code HBDP}), or that of a generated park described
 *     beside it (docs/demo-park.md, "Park B")
 * @param maxPageSize the largest page of readings one request may ask for
 * @param queryTimeout how long the database may work on one statement of a read whose filter a request shapes (WFS,
 *     WMS, OGC API, SensorThings) before it cancels it
 */
@ConfigurationProperties("gw")
public record GatewayProperties(Path dataDir, Boolean demo, int demoDays, String demoPark, int maxPageSize, Duration queryTimeout) {

    public GatewayProperties {
        // Unset where application.properties is replaced (spring.config.location): the demo park.
        if (demoPark == null || demoPark.isBlank()) demoPark = org.groundwatergateway.core.demo.DemoPark.PARK_CODE;
    }

    /** The answer's text to a request whose read {@code gw.query-timeout} cut short. */
    public static final String QUERY_TIMED_OUT = "The database took longer than gw.query-timeout allows for this request; "
            + "ask for less: a narrower filter, box or time range, or a smaller page";
}
