package org.groundwatergateway.ingest.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.groundwatergateway.core.demo.DemoPark;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.Device;
import org.groundwatergateway.core.monitoring.DeviceRepository;
import org.groundwatergateway.core.monitoring.Sensor;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.ingest.simulator.Hj212Simulator;
import org.groundwatergateway.ingest.simulator.SimulatedDevice;
import org.groundwatergateway.ingest.testing.IngestFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Real HJ 212 packets over real TCP to the server, and what ends up stored and answered. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Hj212ServerTest {

    /** The valid original behind the broken packets of bad.txt (fox-edge-server-protocol's test data). */
    private static final String PUBLIC_PACKET = "##0163QN=20210320163101890;ST=32;CN=2011;PW=123456;MN=81733553213013;Flag=4;"
            + "CP=&&DataTime=20210320013400;w21003-Rtd=53.131,w21003-Flag=N;w01001-Rtd=7.496,w01001-Flag=N&&C841\r\n";
    private static final String PUBLIC_MN = "81733553213013";

    private IngestFixture fixture;
    private Hj212Server server;
    private int port;
    private final PollutantCodes codes = PollutantCodes.load();

    @BeforeAll
    void start() throws Exception {
        fixture = new IngestFixture(TestDatabases.h2gis(), 1, Clock.systemUTC());
        registerThePublicSampleDevice();
        server = new Hj212Server(new Hj212Server.Settings("127.0.0.1", 0, 100, Hj212Frame.MAX_DATA_LENGTH, Duration.ofSeconds(30),
                Duration.ofSeconds(2)), new Hj212Reception(fixture.devices, codes, fixture.intake, Clock.systemUTC(), DemoPark.CHINA, 100));
        port = server.start();
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
        fixture.close();
    }

    private void registerThePublicSampleDevice() {
        var database = fixture.database;
        long park = new ParkRepository(database).findByCode(DemoPark.PARK_CODE).orElseThrow().id();
        new DeviceRepository(database).insert(Device.register(PUBLIC_MN, park, "123456", "sample logger", Instant.now()));
        long well = fixture.monitoring.findWell("GW-U01").orElseThrow().id();
        var parameters = new ParameterRepository(database);
        for (String parameter : List.of("ammonia-nitrogen-as-n", "ph")) {
            Sensor sensor = fixture.monitoring.insert(new Sensor(null, "SAMPLE-" + parameter, PUBLIC_MN, "sample", "S-" + parameter, 30, null));
            fixture.monitoring.insert(new Datastream(null, "SAMPLE/" + parameter, well, null,
                    parameters.findByCode(parameter).orElseThrow().id(), sensor.id(), null, 60));
        }
        fixture.devices.reload();
    }

    private List<Reading> stored(String datastreamCode, Instant from, Instant to) {
        long id = fixture.monitoring.findDatastreams().stream().filter(d -> d.code().equals(datastreamCode)).findFirst().orElseThrow().id();
        return fixture.readings.page(id, from, to, null, 1000);
    }

    private int rejectionsMentioning(String text) {
        fixture.devices.awaitRejectionRecords();
        return fixture.database.jdbc().sql("SELECT COUNT(*) FROM ingest_rejections WHERE reason LIKE ?").param("%" + text + "%")
                .query(Integer.class).single();
    }

    /** A raw device connection. */
    private final class Client implements AutoCloseable {
        final Socket socket;
        final OutputStream out;
        final InputStream in;
        final Hj212FrameReader reader = new Hj212FrameReader(Hj212Frame.MAX_DATA_LENGTH);

        Client() throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(300);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        }

        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** Replies that arrive within {@code wait}; returns early once {@code expected} have come. */
        List<Hj212Packet> replies(int expected, Duration wait) throws IOException {
            List<Hj212Packet> replies = new ArrayList<>();
            long deadline = System.nanoTime() + wait.toNanos();
            byte[] buffer = new byte[4096];
            while (System.nanoTime() < deadline && (expected == 0 || replies.size() < expected)) {
                try {
                    int n = in.read(buffer);
                    if (n < 0) break;
                    for (var r : reader.feed(buffer, 0, n)) {
                        replies.add(Hj212Packet.parse(((Hj212FrameReader.DataSegment) r).text()));
                    }
                } catch (SocketTimeoutException e) {
                    // keep waiting until the deadline
                }
            }
            return replies;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private String packet(String mn, String password, String qn, int flag, String cp) {
        return new String(Hj212Frame.encode("QN=" + qn + ";ST=24;CN=2011;PW=" + password + ";MN=" + mn + ";Flag=" + flag + ";CP=&&" + cp + "&&"),
                StandardCharsets.UTF_8);
    }

    @Test
    void theSimulatedDemoParkLandsWithTheRightValuesAndTimes() throws Exception {
        Instant first = LocalDateTime.of(2026, 11, 21, 10, 0).toInstant(DemoPark.CHINA);
        var simulator = new Hj212Simulator("127.0.0.1", port, SimulatedDevice.demoPark(codes));
        var report = simulator.run(first, Duration.ofHours(1), 3, "2061", 2, Duration.ZERO, Duration.ofSeconds(20));
        assertThat(report.packetsAcknowledged()).isEqualTo(44 * 3);
        for (String code : List.of("GW-U04/benzene", "GW-U04/benzene/B", "GW-U09/chromium-vi", "GW-C03/water-level", "WS-01/air-temperature",
                "GW-U24/conductivity/B", "GW-U12/ph")) {
            List<Reading> readings = stored(code, first, first.plus(Duration.ofHours(3)));
            assertThat(readings).as(code).hasSize(3);
            for (Reading r : readings) {
                assertThat(r.value()).as(code + " at " + r.phenomenonTime()).isCloseTo(DemoPark.liveValue(code, r.phenomenonTime()), within(1e-3));
                assertThat(r.source()).isEqualTo("hj212");
                assertThat(QualityFlag.of(r.qualityFlags())).doesNotContain(QualityFlag.FAULT, QualityFlag.MAINTENANCE);
            }
        }
    }

    @Test
    void aRealPacketFromAPublicDeviceIsStoredAndUnknownCodesAreReportedItemByItem() throws Exception {
        try (Client client = new Client()) {
            client.send(PUBLIC_PACKET);
            assertThat(client.replies(0, Duration.ofMillis(500))).as("Flag=4 asks for no acknowledgement").isEmpty();
        }
        Instant time = LocalDateTime.of(2021, 3, 20, 1, 34).toInstant(DemoPark.CHINA);
        awaitStored("SAMPLE/ammonia-nitrogen-as-n", time, 1);
        assertThat(stored("SAMPLE/ammonia-nitrogen-as-n", time, time.plusSeconds(1)).get(0).value()).isEqualTo(53.131);
        assertThat(stored("SAMPLE/ph", time, time.plusSeconds(1)).get(0).value()).isEqualTo(7.496);
    }

    @Test
    void acknowledgesOnlyCommittedDataAndAnswersRefusalsWithTheirReturnCode() throws Exception {
        String mn = DemoPark.deviceNumber(1, false);
        String password = DemoPark.devicePassword(mn);
        try (Client client = new Client()) {
            client.send(packet(mn, password, "20261121100000001", 5, "DataTime=20261121100000;w01001-Rtd=7.38,w01001-Flag=N"));
            List<Hj212Packet> replies = client.replies(1, Duration.ofSeconds(5));
            assertThat(replies).singleElement().satisfies(r -> {
                assertThat(r.cn()).isEqualTo("9014");
                assertThat(r.qn()).isEqualTo("20261121100000001");
                assertThat(r.st()).isEqualTo("91");
            });
            Instant time = LocalDateTime.of(2026, 11, 21, 10, 0).toInstant(DemoPark.CHINA);
            // The acknowledgement came after the commit: the reading is there now.
            assertThat(stored("GW-U01/ph", time, time.plusSeconds(1))).singleElement().satisfies(r -> assertThat(r.value()).isEqualTo(7.38));

            client.send(packet(mn, "wrong", "20261121100000002", 5, "DataTime=20261121110000;w01001-Rtd=7.4"));
            assertThat(client.replies(1, Duration.ofSeconds(5))).singleElement().satisfies(r -> {
                assertThat(r.cn()).isEqualTo("9011");
                assertThat(r.dataArea()).containsEntry("QnRtn", "3");
            });
            client.send(packet("99999999999999", "x", "20261121100000003", 5, "DataTime=20261121110000;w01001-Rtd=7.4"));
            assertThat(client.replies(1, Duration.ofSeconds(5))).singleElement().satisfies(r -> assertThat(r.dataArea()).containsEntry("QnRtn", "4"));
        }
        assertThat(rejectionsMentioning("wrong password")).isPositive();
        assertThat(rejectionsMentioning("unknown MN 99999999999999: register")).isPositive();
    }

    @Test
    void brokenPacketsAreRefusedWithTheirReasonAndTheGoodOnesAroundThemStillCount() throws Exception {
        String mn = DemoPark.deviceNumber(2, false);
        String password = DemoPark.devicePassword(mn);
        String good1 = packet(mn, password, "20261121120000001", 5, "DataTime=20261121120000;w01001-Rtd=7.51,w01001-Flag=N");
        String good2 = packet(mn, password, "20261121130000001", 5, "DataTime=20261121130000;w01001-Rtd=7.52,w01001-Flag=N");
        String badCrc = good1.substring(0, good1.length() - 6) + "0000\r\n";
        String wrongLength = "##0999" + good1.substring(6);
        String truncated = good2.substring(0, 60);
        try (Client client = new Client()) {
            // Several packets in one write, garbage and broken ones between the good ones.
            client.send(badCrc + "GET / HTTP/1.1\r\n" + good1 + wrongLength.substring(0, 80) + "\r\n" + truncated + good2);
            List<Hj212Packet> replies = client.replies(2, Duration.ofSeconds(5));
            assertThat(replies).extracting(Hj212Packet::qn).containsExactly("20261121120000001", "20261121130000001");
        }
        assertThat(rejectionsMentioning("CRC mismatch")).isPositive();
        assertThat(rejectionsMentioning("bytes before the ## header")).isPositive();
        assertThat(rejectionsMentioning("declared data length")).isPositive();
    }

    @Test
    void aPacketSplitAcrossReadsIsReassembled() throws Exception {
        String mn = DemoPark.deviceNumber(3, false);
        String p = packet(mn, DemoPark.devicePassword(mn), "20261121140000001", 5, "DataTime=20261121140000;w01014-Rtd=1234,w01014-Flag=N");
        try (Client client = new Client()) {
            for (int i = 0; i < p.length(); i += 7) {
                client.send(p.substring(i, Math.min(p.length(), i + 7)));
                Thread.sleep(2);
            }
            assertThat(client.replies(1, Duration.ofSeconds(5))).extracting(Hj212Packet::cn).containsExactly("9014");
        }
    }

    @Test
    void subPacketsAreStoredTogetherAndEachIsAcknowledged() throws Exception {
        String mn = DemoPark.deviceNumber(4, false);
        String password = DemoPark.devicePassword(mn);
        String head = "ST=24;CN=2011;PW=" + password + ";MN=" + mn + ";Flag=7;PNUM=2;PNO=";
        String part1 = new String(Hj212Frame.encode("QN=20261121150000001;" + head + "1;CP=&&DataTime=20261121150000;w01001-Rtd=7.11,w01001-Flag=N&&"),
                StandardCharsets.UTF_8);
        String part2 = new String(Hj212Frame.encode("QN=20261121150000002;" + head + "2;CP=&&DataTime=20261121150000;w01010-Rtd=16.9,w01010-Flag=N&&"),
                StandardCharsets.UTF_8);
        Instant time = LocalDateTime.of(2026, 11, 21, 15, 0).toInstant(DemoPark.CHINA);
        try (Client client = new Client()) {
            client.send(part2);
            assertThat(client.replies(0, Duration.ofMillis(500))).as("nothing is acknowledged before all parts are in").isEmpty();
            assertThat(stored("GW-U04/water-temperature", time, time.plusSeconds(1))).isEmpty();
            client.send(part1);
            assertThat(client.replies(2, Duration.ofSeconds(5))).extracting(Hj212Packet::qn)
                    .containsExactlyInAnyOrder("20261121150000001", "20261121150000002");
        }
        assertThat(stored("GW-U04/ph", time, time.plusSeconds(1))).singleElement().satisfies(r -> assertThat(r.value()).isEqualTo(7.11));
        assertThat(stored("GW-U04/water-temperature", time, time.plusSeconds(1))).singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualTo(16.9));
    }

    /** Issue #15: a 149-byte packet declaring PNUM=2147483647 had room for that many parts set aside: OutOfMemoryError. */
    @Test
    void aSplitPacketDeclaringMorePartsThanAllowedIsRefusedAndTheConnectionCarriesOn() throws Exception {
        String mn = DemoPark.deviceNumber(6, false);
        String password = DemoPark.devicePassword(mn);
        Runtime runtime = Runtime.getRuntime();
        try (Client client = new Client()) {
            for (int pnum : new int[] {Integer.MAX_VALUE, 100_000_000}) {
                String huge = new String(Hj212Frame.encode("QN=20261121160000001;ST=24;CN=2011;PW=" + password + ";MN=" + mn
                        + ";Flag=5;PNUM=" + pnum + ";PNO=1;CP=&&DataTime=20261121160000;w01001-Rtd=7.2,w01001-Flag=N&&"), StandardCharsets.UTF_8);
                System.gc();
                long usedBefore = runtime.totalMemory() - runtime.freeMemory();
                client.send(huge);
                assertThat(client.replies(0, Duration.ofMillis(500))).as("PNUM=%d is not acknowledged", pnum).isEmpty();
                // Room for 10^8 parts alone would be 400 MB of references; a refusal costs next to nothing.
                assertThat(runtime.totalMemory() - runtime.freeMemory() - usedBefore).isLessThan(64L << 20);
                assertThat(rejectionsMentioning("PNUM=" + pnum + " parts exceeds the maximum of 100")).isPositive();
            }
            client.send(packet(mn, password, "20261121160000002", 5, "DataTime=20261121160000;w01001-Rtd=7.21,w01001-Flag=N"));
            assertThat(client.replies(1, Duration.ofSeconds(5))).extracting(Hj212Packet::qn).containsExactly("20261121160000002");
        }
    }

    @Test
    void unitsAreConvertedAndDeviceFlagsKept() throws Exception {
        String mn = DemoPark.deviceNumber(5, false);
        try (Client client = new Client()) {
            // Cr(VI) arrives in µg/L (HJ 212 default) and is stored in mg/L; C means the analyser was calibrating.
            client.send(packet(mn, DemoPark.devicePassword(mn), "20261121160000001", 5,
                    "DataTime=20261121160000;w20117-Rtd=42.0,w20117-Flag=C;xx999-Rtd=1"));
            assertThat(client.replies(1, Duration.ofSeconds(5))).extracting(Hj212Packet::cn).containsExactly("9014");
        }
        Instant time = LocalDateTime.of(2026, 11, 21, 16, 0).toInstant(DemoPark.CHINA);
        assertThat(stored("GW-U05/chromium-vi", time, time.plusSeconds(1))).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualTo(0.042);
            assertThat(r.rawValue()).isEqualTo(0.042);
            assertThat(QualityFlag.of(r.qualityFlags())).contains(QualityFlag.CALIBRATION);
        });
        assertThat(rejectionsMentioning("unknown pollutant code xx999")).isPositive();
    }

    @Test
    void everyPublicSampleAndBrokenPacketOverTcpIsAnsweredOrRefusedAndTheServerCarriesOn() throws Exception {
        StringBuilder all = new StringBuilder();
        for (String line : Hj212CodecTest.packets("samples.txt")) all.append(line).append("\r\n");
        for (String line : Hj212CodecTest.packets("bad.txt")) all.append(line).append("\r\n");
        try (Client client = new Client()) {
            client.send(all.toString());
            // The samples' loggers are not registered here: those asking for an answer get QnRtn=4 (MN).
            List<Hj212Packet> replies = client.replies(0, Duration.ofSeconds(2));
            assertThat(replies).isNotEmpty().allSatisfy(r -> {
                assertThat(r.cn()).isEqualTo("9011");
                assertThat(r.dataArea()).containsEntry("QnRtn", "4");
            });
        }
        assertThat(rejectionsMentioning("unknown MN 010000A8900016F000169DC0")).isPositive();
        assertThat(rejectionsMentioning("CRC mismatch: packet says 4980")).isPositive();
        assertThat(rejectionsMentioning("no CP=&&")).isPositive();
        // Still serving: a good packet on a new connection is stored and acknowledged.
        String mn = DemoPark.deviceNumber(8, false);
        try (Client client = new Client()) {
            client.send(packet(mn, DemoPark.devicePassword(mn), "20261121170000001", 5, "DataTime=20261121170000;w01001-Rtd=7.2"));
            assertThat(client.replies(1, Duration.ofSeconds(5))).extracting(Hj212Packet::cn).containsExactly("9014");
        }
    }

    @Test
    void heartbeatsOfHj212Of2025AndPacketsOf2005WhereAllowed() throws Exception {
        String mn = DemoPark.deviceNumber(9, false);
        String password = DemoPark.devicePassword(mn);
        try (Client client = new Client()) {
            // HJ 212-2025: version bits 000010, so Flag=9 is "2025, acknowledge"; CN=9015 is the heartbeat.
            client.send(new String(Hj212Frame.encode("QN=20261121180000001;ST=24;CN=9015;PW=" + password + ";MN=" + mn + ";Flag=9;CP=&&&&"),
                    StandardCharsets.UTF_8));
            assertThat(client.replies(1, Duration.ofSeconds(5))).singleElement().satisfies(r -> {
                assertThat(r.cn()).isEqualTo("9014");
                assertThat(r.flag()).isEqualTo(8);
            });
            // An HJ/T 212-2005 packet (no QN, no Flag, the old code 001 for pH) is refused until the device is allowed it.
            String old = new String(Hj212Frame.encode("ST=24;CN=2011;PW=" + password + ";MN=" + mn
                    + ";CP=&&DataTime=20261121180000;001-Rtd=7.05,001-Flag=N&&"), StandardCharsets.UTF_8);
            client.send(old);
            Thread.sleep(300);
            Instant time = LocalDateTime.of(2026, 11, 21, 18, 0).toInstant(DemoPark.CHINA);
            assertThat(stored("GW-U09/ph", time, time.plusSeconds(1))).isEmpty();
            var devices = new DeviceRepository(fixture.database);
            Device device = devices.findByMn(mn).orElseThrow();
            devices.update(new Device(device.id(), mn, device.parkId(), password, true, device.maxDataLength(), true, device.description(),
                    device.registeredAt(), device.lastSeenAt(), device.packetsReceived(), device.packetsRejected()));
            fixture.devices.reload();
            client.send(old);
            awaitStored("GW-U09/ph", time, 1);
            assertThat(stored("GW-U09/ph", time, time.plusSeconds(1))).singleElement().satisfies(r -> assertThat(r.value()).isEqualTo(7.05));
        }
        assertThat(rejectionsMentioning("HJ/T 212-2005 packet")).isPositive();
    }

    @Test
    void committedReadingsArePublishedOnTheEventBus() throws Exception {
        List<Reading> published = new java.util.concurrent.CopyOnWriteArrayList<>();
        fixture.events.subscribe(org.groundwatergateway.core.reading.ReadingsCommitted.class, e -> published.addAll(e.readings()));
        String mn = DemoPark.deviceNumber(10, false);
        try (Client client = new Client()) {
            client.send(packet(mn, DemoPark.devicePassword(mn), "20261121190000001", 5, "DataTime=20261121190000;w01001-Rtd=7.6;w01014-Rtd=1390"));
            assertThat(client.replies(1, Duration.ofSeconds(5))).hasSize(1);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (published.stream().noneMatch(r -> r.value() == 1390) && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(published).anySatisfy(r -> {
            assertThat(r.value()).isEqualTo(1390);
            assertThat(r.id()).isNotNull();
            assertThat(r.source()).isEqualTo("hj212");
        });
    }

    @Test
    void idleConnectionsAreClosed() throws Exception {
        try (Hj212Server impatient = new Hj212Server(new Hj212Server.Settings("127.0.0.1", 0, 10, Hj212Frame.MAX_DATA_LENGTH,
                Duration.ofSeconds(1), Duration.ofSeconds(2)), new Hj212Reception(fixture.devices, codes, fixture.intake, Clock.systemUTC(),
                DemoPark.CHINA, 100));
             Socket socket = new Socket("127.0.0.1", impatient.start())) {
            socket.setSoTimeout(5000);
            long started = System.nanoTime();
            assertThat(socket.getInputStream().read()).as("closed by the server").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(800), Duration.ofSeconds(4));
        }
    }

    private void awaitStored(String code, Instant time, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (stored(code, time, time.plusSeconds(1)).size() < count && System.nanoTime() < deadline) Thread.sleep(20);
    }
}
