package org.groundwatergateway.ingest.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.groundwatergateway.ingest.bulk.UploadLimits;
import org.groundwatergateway.core.demo.DemoPark;
import org.groundwatergateway.core.monitoring.DeviceRepository;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.ingest.bulk.BulkImport;
import org.groundwatergateway.ingest.bulk.ImportReport;
import org.groundwatergateway.ingest.bulk.ImportRows;
import org.groundwatergateway.ingest.hj212.PollutantCodes;
import org.groundwatergateway.ingest.testing.IngestFixture;
import org.junit.jupiter.api.Test;

class DeviceRegistrationTest {

    private static final String HEADER = "mn,park,password,well,sensor,model,serialNumber,calibrationIntervalDays,lastCalibratedOn,parameter,"
            + "intervalMinutes\n";

    private static DeviceRegistration registration(IngestFixture fixture) {
        return new DeviceRegistration(fixture.database, new DeviceRepository(fixture.database), fixture.monitoring,
                new ParameterRepository(fixture.database), new ParkRepository(fixture.database), PollutantCodes.load(), fixture.devices,
                Clock.systemUTC());
    }

    private static Iterable<ImportRows.Row> csv(String text) {
        return ImportRows.csv(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null, new UploadLimits(1 << 20, 100_000));
    }

    @Test
    void rowsMustDescribeOneDeviceAndSensorAlikeAndValidRowsAreSeenByTheIntakeAtOnce() throws Exception {
        try (IngestFixture fixture = new IngestFixture(TestDatabases.h2gis(), 1, Clock.systemUTC())) {
            // A lookup that misses reloads the registry at most every 10 s: only registration itself can make the new MN known now.
            assertThat(fixture.devices.datastream("NEW-1", "ph")).isEmpty();
            ImportReport report = registration(fixture).registerAll(csv(HEADER
                    + "NEW-1,HBDP,pw1,GW-U03,NEW-1-S,m,s1,30,,ph,60\n"
                    + "NEW-1,HBDP,other,GW-U03,NEW-1-S,m,s1,30,,conductivity,60\n"
                    + "NEW-1,HBDP,,GW-U03,NEW-1-S,m,s2,30,,conductivity,60\n"
                    + "NEW-1,,,GW-U03,NEW-1-S,m,s1,30,,ph,60\n"
                    + "NEW-1,,,GW-U03,NEW-1-S,m,s1,30,,w01010,60\n"), BulkImport.Mode.ACCEPT_VALID);

            assertThat(report.errors()).extracting(e -> e.row() + " " + e.column())
                    .containsExactly("3 password", "4 sensor", "5 parameter");
            assertThat(report.stored()).isEqualTo(2);
            assertThat(report.rejectedRows()).isEqualTo(3);
            assertThat(fixture.devices.device("NEW-1")).isPresent();
            assertThat(fixture.devices.datastream("NEW-1", "ph")).isPresent();
            assertThat(fixture.devices.datastream("NEW-1", "water-temperature")).isPresent();
        }
    }

    @Test
    void aSensorOfAnUnknownDeviceOrAtAWellOfNoParameterIsRefusedWithItsField() throws Exception {
        try (IngestFixture fixture = new IngestFixture(TestDatabases.h2gis(), 1, Clock.systemUTC())) {
            DeviceRegistration registration = registration(fixture);
            var sensor = new DeviceRegistration.SensorRequest("S-1", "m", "s", 30, null, "GW-U03", List.of("ph"), 60);
            assertThatThrownBy(() -> registration.register("NOPE", sensor)).isInstanceOfSatisfying(DeviceRegistration.Refused.class,
                    r -> assertThat(r.kind() + " " + r.field()).isEqualTo("NOT_FOUND mn"));
            String mn = DemoPark.deviceNumber(3, false);
            // The demo logger of GW-U03 feeds its pH already.
            assertThatThrownBy(() -> registration.register(mn, sensor)).isInstanceOfSatisfying(DeviceRegistration.Refused.class,
                    r -> assertThat(r.kind() + " " + r.field()).isEqualTo("CONFLICT parameter"));
            var late = new DeviceRegistration.SensorRequest("S-1", "m", "s", 30, null, "GW-U03", List.of("benzene"), 0);
            assertThatThrownBy(() -> registration.register(mn, late)).isInstanceOfSatisfying(DeviceRegistration.Refused.class,
                    r -> assertThat(r.kind() + " " + r.field()).isEqualTo("INVALID intervalMinutes"));
        }
    }
}
