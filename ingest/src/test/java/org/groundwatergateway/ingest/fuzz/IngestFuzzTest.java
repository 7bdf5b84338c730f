package org.groundwatergateway.ingest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.groundwatergateway.ingest.bulk.UploadLimits;
import org.groundwatergateway.core.testing.Fuzz;
import org.groundwatergateway.core.testing.FuzzInputs;
import org.groundwatergateway.ingest.bulk.ImportRows;
import org.groundwatergateway.ingest.hj212.Hj212DataFlags;
import org.groundwatergateway.ingest.hj212.Hj212Exception;
import org.groundwatergateway.ingest.hj212.Hj212Frame;
import org.groundwatergateway.ingest.hj212.Hj212FrameReader;
import org.groundwatergateway.ingest.hj212.Hj212Packet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue #15: generated HJ 212 byte streams and CSV uploads. The readers answer every input with a result or their own
 * refusal ({@link Hj212FrameReader.Rejected}, {@link Hj212Exception}, {@link IllegalArgumentException} for CSV), never
 * another exception, and quickly.
 */
class IngestFuzzTest {

    private static final Duration SLOWEST = Duration.ofSeconds(2);

    /** An HJ 212 data segment: the standard's fields in order, each now and then missing, doubled, huge or garbage. */
    private static String segment(Random random) {
        StringBuilder segment = new StringBuilder();
        field(random, segment, "QN", "20260301083000" + random.nextInt(1000));
        field(random, segment, "ST", FuzzInputs.oneOf(random, List.of("32", "21", "91", "x")));
        field(random, segment, "CN", FuzzInputs.oneOf(random, List.of("2011", "2051", "2061", "9014", "1062", "")));
        field(random, segment, "PW", "123456");
        field(random, segment, "MN", FuzzInputs.oneOf(random, List.of("HBDPGW0001", "81733553213013", FuzzInputs.text(random, 30))));
        field(random, segment, "Flag", FuzzInputs.oneOf(random, List.of("4", "5", "1", "7", "-1", "999999999999", "x")));
        if (random.nextInt(3) == 0) {
            field(random, segment, "PNUM", FuzzInputs.oneOf(random, List.of("2", "100", "101", "2147483647", "2147483648", "-1", "0")));
            field(random, segment, "PNO", FuzzInputs.oneOf(random, List.of("1", "2", "0", "2147483647", "x")));
        }
        segment.append("CP=&&");
        if (random.nextBoolean()) segment.append("DataTime=").append(FuzzInputs.oneOf(random, List.of("20260301083000", "20261399996099",
                "99999999999999", "2026", ""))).append(';');
        int items = random.nextInt(6);
        for (int i = 0; i < items; i++) {
            String code = FuzzInputs.oneOf(random, List.of("w01018", "w21003", "w01001", "a34004", "w99999", "", "w01018-Rtd"));
            segment.append(code).append("-Rtd=").append(FuzzInputs.number(random));
            if (random.nextBoolean()) segment.append(',').append(code).append("-Flag=").append(FuzzInputs.oneOf(random,
                    List.of("N", "D", "M", "T", "", "NN", "?")));
            segment.append(random.nextInt(8) == 0 ? ',' : ';');
        }
        segment.append(random.nextInt(10) == 0 ? "&" : "&&");
        return FuzzInputs.mutate(random, segment.toString());
    }

    private static void field(Random random, StringBuilder segment, String name, String value) {
        if (random.nextInt(12) == 0) return;
        segment.append(name).append('=').append(value).append(';');
        if (random.nextInt(30) == 0) segment.append(name).append('=').append(value).append(';');
    }

    /** A connection's bytes: packets (some with a lying length or CRC), garbage and stray line ends, in any order. */
    private static byte[] stream(Random random) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int parts = 1 + random.nextInt(5);
        for (int i = 0; i < parts; i++) {
            byte[] packet = encodable(segment(random));
            switch (random.nextInt(6)) {
                case 0 -> packet[2 + random.nextInt(4)] = (byte) ('0' + random.nextInt(10));
                case 1 -> packet[packet.length - 3 - random.nextInt(4)] = (byte) "0123456789ABCDEFZ".charAt(random.nextInt(17));
                case 2 -> bytes.writeBytes(FuzzInputs.text(random, 40).getBytes(StandardCharsets.UTF_8));
                default -> { }
            }
            bytes.writeBytes(random.nextInt(8) == 0 ? java.util.Arrays.copyOf(packet, random.nextInt(packet.length)) : packet);
            if (random.nextInt(6) == 0) bytes.writeBytes(new byte[] {'#', '#'});
        }
        return bytes.toByteArray();
    }

    private static byte[] encodable(String segment) {
        byte[] data = segment.getBytes(StandardCharsets.UTF_8);
        return Hj212Frame.encode(data.length > 9999 ? segment.substring(0, 2000) : segment);
    }

    /** Feeds the bytes in random pieces, as TCP may deliver them, and parses every segment the reader lets through. */
    private static List<Hj212FrameReader.Result> read(Random random, byte[] bytes) {
        Hj212FrameReader reader = new Hj212FrameReader(Hj212Frame.MAX_DATA_LENGTH);
        List<Hj212FrameReader.Result> results = new ArrayList<>();
        for (int at = 0; at < bytes.length; ) {
            int length = Math.min(bytes.length - at, 1 + random.nextInt(300));
            results.addAll(reader.feed(bytes, at, length));
            at += length;
        }
        Hj212FrameReader.Rejected truncated = reader.close();
        if (truncated != null) results.add(truncated);
        return results;
    }

    private static void parse(Hj212FrameReader.DataSegment segment) {
        try {
            Hj212Packet packet = Hj212Packet.parse(segment.text());
            packet.version();
            packet.acknowledgementRequested();
            packet.split();
            for (Hj212Packet.Pollutant pollutant : packet.pollutants()) {
                try {
                    Hj212DataFlags.bits(pollutant.fields().get("Flag"));
                } catch (IllegalArgumentException refused) {
                    // How the reception refuses one item's flag, keeping the packet's other items.
                    assertThat(refused.getMessage()).contains("flag");
                }
            }
        } catch (Hj212Exception refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Test
    @Timeout(60)
    void hj212FramingAndParsingRefuseWhatTheyCannotRead() {
        Random pieces = new Random(Fuzz.SEED);
        Fuzz.check("HJ 212 streams", 20_000, SLOWEST, IngestFuzzTest::stream, bytes -> {
            for (Hj212FrameReader.Result result : read(pieces, bytes)) {
                if (result instanceof Hj212FrameReader.DataSegment segment) parse(segment);
                else assertThat(((Hj212FrameReader.Rejected) result).reason()).isNotBlank();
            }
        });
    }

    /** One bad packet never costs the good one after it: garbage and a line end, then a valid packet, yields that packet. */
    @Test
    @Timeout(60)
    void aValidPacketAfterGarbageIsRead() {
        Random pieces = new Random(Fuzz.SEED + 1);
        String good = "QN=20260301083000000;ST=32;CN=2011;PW=123456;MN=HBDPGW0001;Flag=5;CP=&&DataTime=20260301083000;w01018-Rtd=1.5&&";
        Fuzz.check("HJ 212 garbage then a packet", 5000, SLOWEST, random -> {
            byte[] garbage = stream(random);
            byte[] packet = Hj212Frame.encode(good);
            byte[] all = java.util.Arrays.copyOf(garbage, garbage.length + 2 + packet.length);
            all[garbage.length] = '\r';
            all[garbage.length + 1] = '\n';
            System.arraycopy(packet, 0, all, garbage.length + 2, packet.length);
            return all;
        }, bytes -> assertThat(read(pieces, bytes)).contains(new Hj212FrameReader.DataSegment(good)));
    }

    @Test
    @Timeout(60)
    void csvUploadsAreReadOrRefusedWithTheLine() {
        Fuzz.check("CSV uploads", 10_000, SLOWEST, FuzzInputs::csv, csv -> {
            try {
                List<ImportRows.Row> rows = ImportRows.fromCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), null, new UploadLimits(1 << 20, 10_000));
                rows.forEach(row -> assertThat(row.number()).isPositive());
            } catch (IllegalArgumentException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
        });
    }
}
