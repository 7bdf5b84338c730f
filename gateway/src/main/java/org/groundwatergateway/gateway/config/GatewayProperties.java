package org.groundwatergateway.gateway.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform's own settings ({@code gw.*}); every one has a default in {@code application.properties}
 * and is listed in the README.
 *
 * @param dataDir where the embedded database and other local files live
 * @param demo whether to load the demo park on first start; unset means "yes on the embedded database,
 *     no on PostgreSQL"
 * @param demoDays how many days of hourly demo readings to generate (1 to 365)
 * @param maxPageSize the largest page of readings one request may ask for
 */
@ConfigurationProperties("gw")
public record GatewayProperties(Path dataDir, Boolean demo, int demoDays, int maxPageSize) {}
