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
}
