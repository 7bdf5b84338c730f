package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.groundwatergateway.core.demo.DemoPark;
import org.groundwatergateway.core.testing.TempDirectories;
import org.groundwatergateway.ingest.hj212.PollutantCodes;
import org.groundwatergateway.ingest.simulator.Hj212Simulator;
import org.groundwatergateway.ingest.simulator.SimulatedDevice;
import org.junit.jupiter.api.Test;

/**
 * Kill the platform with SIGKILL while 44 loggers stream minute data at it; after a restart, every packet
 * that got its CN=9014 acknowledgement must be in the database, all of its readings.
 */
class CrashDurabilityIT {

    private static final Instant FIRST = LocalDateTime.of(2026, 11, 20, 0, 0).toInstant(DemoPark.CHINA);

    @Test
    void everyAcknowledgedPacketSurvivesSigkill() throws Exception {
        Path dataDir = TempDirectories.create("gw-crash-it-");
        List<SimulatedDevice> devices = SimulatedDevice.demoPark(PollutantCodes.load());
        AtomicReference<Hj212Simulator.Report> report = new AtomicReference<>();
        try {
            try (GatewayProcess gateway = GatewayProcess.start(dataDir, List.of("--gw.demo-days=2", "--gw.simulator.enabled=false"))) {
                Http http = gateway.awaitDemoLoaded(Duration.ofSeconds(60));
                int hj212 = http.get("/actuator/health").json().path("components").path("hj212").path("details").path("port").asInt();
                Hj212Simulator simulator = new Hj212Simulator("127.0.0.1", hj212, devices);
                Thread stream = new Thread(() -> {
                    try {
                        report.set(simulator.run(FIRST, Duration.ofMinutes(1), 100_000, "2051", 8, Duration.ofMillis(2), Duration.ofSeconds(5)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                stream.start();
                Thread.sleep(4000);
                gateway.kill();
                stream.join();
            }
            Hj212Simulator.Report sent = report.get();
            assertThat(sent.packetsAcknowledged()).as("packets acknowledged before the kill").isGreaterThan(500);
            assertThat(sent.packetsSent()).as("the kill came mid-stream").isGreaterThan(sent.packetsAcknowledged());

            // The platform starts again on the same data.
            try (GatewayProcess again = GatewayProcess.start(dataDir, List.of("--gw.demo-days=2", "--gw.simulator.enabled=false"))) {
                again.awaitDemoLoaded(Duration.ofSeconds(60));
            }
            int missing;
            try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("groundwater"), "sa", "")) {
                missing = AcknowledgedReadings.missing(db, sent, devices, FIRST);
            }
            System.out.printf("SIGKILL mid-stream: %s; acknowledged packets missing after restart: %d%n", sent, missing);
            assertThat(missing).isZero();
        } finally {
            TempDirectories.delete(dataDir);
        }
    }
}
