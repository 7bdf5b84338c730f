package org.groundwatergateway.gateway.config;

import java.time.Duration;
import org.groundwatergateway.ingest.bulk.UploadLimits;
import org.groundwatergateway.ingest.device.SampledLog;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the ingest channels ({@code gw.hj212.*}, {@code gw.devices.*}, {@code gw.simulator.*}, {@code gw.imports.*}).
 *
 * @param hj212 the HJ 212 device port
 * @param silence a device not heard from for this long raises an alert
 * @param simulator the built-in device simulator, which in demo mode streams the demo park's loggers to the HJ 212 port
 * @param imports the largest upload over HTTP (readings, laboratory and soil results, device registrations)
 */
@ConfigurationProperties("gw")
public record IngestProperties(Hj212 hj212, Devices devices, Simulator simulator, int intakeBatch, UploadLimits imports) {

    public record Hj212(String host, int port, int maxConnections, int maxFrameDataLength, Duration idleTimeout,
                        Duration splitPacketPatience, int maxPacketParts) {}

    /** @param rejectionLog how many refusals per device and interval are logged and kept with their reason (all are counted) */
    public record Devices(Duration silence, SampledLog.Budget rejectionLog) {}

    /** @param enabled unset: on in demo mode */
    public record Simulator(Boolean enabled, Duration interval) {}
}
