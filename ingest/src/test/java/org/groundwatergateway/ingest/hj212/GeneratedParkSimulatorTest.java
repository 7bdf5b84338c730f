package org.groundwatergateway.ingest.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.groundwatergateway.core.demo.DemoPark;
import org.groundwatergateway.core.demo.DemoParkDescription;
import org.groundwatergateway.core.demo.DemoParkLoader;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.ingest.intake.ReadingIntake;
import org.groundwatergateway.ingest.simulator.Hj212Simulator;
import org.groundwatergateway.ingest.simulator.SimulatedDevice;
import org.groundwatergateway.ingest.testing.IngestFixture;
import org.junit.jupiter.api.Test;

/**
 * The generated second park (gw.demo-park=DLCP) loaded through the intake, and the simulator playing its loggers over
 * real TCP, as the gateway's demo simulator does in demo mode: every round of its five loggers is acknowledged and
 * stored with the value the demo region's physics gives at each well.
 */
class GeneratedParkSimulatorTest {

    @Test
    void theGeneratedParksLoggersReportWhatItsWellsSee() throws Exception {
        DemoParkDescription park = DemoParkDescription.named("DLCP");
        PollutantCodes codes = PollutantCodes.load();
        try (IngestFixture fixture = new IngestFixture(TestDatabases.h2gis(), 0, Clock.systemUTC())) {
            new DemoParkLoader(fixture.database, batch -> fixture.intake.submitAndWait(batch, ReadingIntake.Mode.HISTORICAL), park).loadIfAbsent(1, p -> {});
            fixture.devices.reload();
            try (Hj212Server server = new Hj212Server(new Hj212Server.Settings("127.0.0.1", 0, 100, Hj212Frame.MAX_DATA_LENGTH, Duration.ofSeconds(30),
                    Duration.ofSeconds(2)), new Hj212Reception(fixture.devices, codes, fixture.intake, Clock.systemUTC(), DemoPark.CHINA, 100))) {
                Instant first = LocalDateTime.of(2026, 11, 21, 10, 0).toInstant(DemoPark.CHINA);
                List<SimulatedDevice> devices = SimulatedDevice.of(codes, park);
                assertThat(devices).extracting(SimulatedDevice::mn).containsExactly("32062324000101", "32062324000102", "32062324000103",
                        "32062324000104", "32062324000105");
                var report = new Hj212Simulator("127.0.0.1", server.start(), devices).run(first, Duration.ofHours(1), 2, "2061", 2, Duration.ZERO,
                        Duration.ofSeconds(20));
                assertThat(report.packetsAcknowledged()).isEqualTo(5 * 2);
                for (String code : List.of("B-MW01/water-level", "B-MW01/benzene", "B-MW03/conductivity", "B-MW05/chromium-vi", "B-MW04/ph")) {
                    long id = fixture.monitoring.findDatastreams().stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow().id();
                    List<Reading> readings = fixture.readings.page(id, first, first.plus(Duration.ofHours(2)), null, 10);
                    assertThat(readings).as(code).hasSize(2);
                    for (Reading r : readings) {
                        assertThat(r.value()).as(code + " at " + r.phenomenonTime()).isCloseTo(park.liveValue(code, r.phenomenonTime()), within(1e-3));
                    }
                }
            }
        }
    }
}
