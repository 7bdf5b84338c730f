package org.groundwatergateway.gateway.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Cross-origin access for browser clients of other parks ({@code gw.cors.*}). Off while no origin is listed.
 *
 * @param allowedOrigins the origins whose pages may call the gateway, e.g. {@code https://gis.park-b.example.cn};
 *                       empty: no cross-origin access at all
 * @param paths          the paths it applies to: the OGC and SensorThings endpoints by default; the REST API only when
 *                       added here
 * @param allowedMethods the methods those pages may use
 */
@ConfigurationProperties("gw.cors")
public record CorsProperties(List<String> allowedOrigins, List<String> paths, List<String> allowedMethods) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : allowedOrigins.stream().filter(o -> !o.isBlank()).toList();
        paths = paths == null ? List.of() : paths;
        allowedMethods = allowedMethods == null ? List.of() : allowedMethods;
        if (allowedOrigins.contains("*")) {
            throw new IllegalArgumentException("gw.cors.allowed-origins lists origins, not '*': name each park's portal");
        }
    }
}
