package org.groundwatergateway.ingest.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import org.groundwatergateway.core.demo.DemoPark;
import org.groundwatergateway.core.monitoring.Device;
import org.groundwatergateway.core.monitoring.DeviceRepository;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.ingest.testing.IngestFixture;
import org.junit.jupiter.api.Test;

class DeviceRegistryTest {

    @Test
    void unknownSendersDoNotMakeEveryLookupReloadTheRegistryButRegistrationIsSeenAtOnce() throws Exception {
        try (IngestFixture fixture = new IngestFixture(TestDatabases.h2gis(), 1, Clock.systemUTC())) {
            DeviceRegistry registry = fixture.devices;
            assertThat(registry.device(DemoPark.deviceNumber(1, false))).isPresent();
            long before = registry.reloads();
            for (int i = 0; i < 500; i++) assertThat(registry.device("ATTACKER" + i)).isEmpty();
            assertThat(registry.reloads() - before).isLessThanOrEqualTo(1);

            long park = new ParkRepository(fixture.database).findByCode(DemoPark.PARK_CODE).orElseThrow().id();
            new DeviceRepository(fixture.database).insert(Device.register("NEW-LOGGER", park, "pw", "new", Instant.now()));
            registry.reload(); // what registration through the API does
            assertThat(registry.device("NEW-LOGGER")).isPresent();
        }
    }

    @Test
    void aFloodOfRefusalsIsCountedInFullButOnlyASampleIsLoggedAndKept() throws Exception {
        try (IngestFixture fixture = new IngestFixture(TestDatabases.h2gis(), 1, Clock.systemUTC())) {
            DeviceRegistry registry = fixture.devices;
            String logger = DemoPark.deviceNumber(1, false);
            registry.received(logger);
            for (int i = 0; i < 1000; i++) {
                registry.rejected("hj212", "attacker", null, "bad CRC", "##0000");
                registry.rejected("hj212", "logger", logger, "unknown pollutant code", null);
            }
            registry.awaitRejectionRecords();
            int samples = IngestFixture.REJECTION_LOG.samples();
            // Each sender has its own sample: the flood of an unknown sender does not crowd out a device's refusals.
            assertThat(registry.recentRejections(logger, 2000)).hasSize(samples);
            assertThat(registry.recentRejections(null, 2000)).hasSize(2 * samples);
            assertThat(registry.rejectedFromUnknownDevices()).isEqualTo(1000);
            assertThat(registry.unrecordedRejections()).isEqualTo(2 * (1000 - samples));
            registry.flushTraffic();
            assertThat(new DeviceRepository(fixture.database).findAll()).filteredOn(d -> d.mn().equals(logger))
                    .singleElement().extracting(Device::packetsRejected).isEqualTo(1000L);
        }
    }

    /** A logger that is only ever refused (its password is wrong, say) has its refusals counted too, and is not seen. */
    @Test
    void aDeviceOnlyEverRefusedHasItsRefusalsKept() throws Exception {
        try (IngestFixture fixture = new IngestFixture(TestDatabases.h2gis(), 1, Clock.systemUTC())) {
            DeviceRegistry registry = fixture.devices;
            long park = new ParkRepository(fixture.database).findByCode(DemoPark.PARK_CODE).orElseThrow().id();
            DeviceRepository devices = new DeviceRepository(fixture.database);
            devices.insert(Device.register("WRONG-PW", park, "pw", "misconfigured", Instant.now()));
            registry.reload();
            for (int i = 0; i < 7; i++) registry.rejected("hj212", "logger", "WRONG-PW", "wrong password", null);
            registry.flushTraffic();
            Device refused = devices.findAll().stream().filter(d -> d.mn().equals("WRONG-PW")).findFirst().orElseThrow();
            assertThat(refused.packetsRejected()).isEqualTo(7);
            assertThat(refused.packetsReceived()).isZero();
            assertThat(refused.lastSeenAt()).isNull();
        }
    }
}
