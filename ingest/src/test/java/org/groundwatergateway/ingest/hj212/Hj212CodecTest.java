package org.groundwatergateway.ingest.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.groundwatergateway.ingest.hj212.Hj212FrameReader.DataSegment;
import org.groundwatergateway.ingest.hj212.Hj212FrameReader.Rejected;
import org.groundwatergateway.ingest.hj212.Hj212FrameReader.Result;
import org.junit.jupiter.api.Test;

/** Framing, CRC and parsing against the standard's example and real packets from public device repositories. */
class Hj212CodecTest {

    /** The packet lines of a reference file: every line but the '# ' comments (a garbage line need not start with ##). */
    static List<String> packets(String file) throws IOException {
        try (InputStream in = Hj212CodecTest.class.getResourceAsStream("/hj212/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("# ")).toList();
        }
    }

    private static List<Result> read(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new Hj212FrameReader(Hj212Frame.MAX_DATA_LENGTH).feed(bytes, 0, bytes.length);
    }

    @Test
    void crcOfTheStandardsWorkedExampleIs1C80() {
        byte[] data = "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&"
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(Hj212Crc.hex(Hj212Crc.compute(data, 0, data.length))).isEqualTo("1C80");
    }

    @Test
    void everyPublicSampleFramesAndParses() throws IOException {
        List<String> samples = packets("samples.txt");
        assertThat(samples).hasSize(20);
        for (String sample : samples) {
            var reader = new Hj212FrameReader(Hj212Frame.MAX_DATA_LENGTH);
            byte[] bytes = (sample + "\r\n").getBytes(StandardCharsets.UTF_8);
            List<Result> results = reader.feed(bytes, 0, bytes.length);
            assertThat(results).as(sample).singleElement().isInstanceOf(DataSegment.class);
            Hj212Packet packet = Hj212Packet.parse(((DataSegment) results.get(0)).text());
            assertThat(packet.mn()).isNotBlank();
        }
    }

    @Test
    void readsTheFieldsOfARealWaterPacket() {
        String segment = "QN=20210320163101890;ST=32;CN=2011;PW=123456;MN=81733553213013;Flag=4;CP=&&DataTime=20210320013400;"
                + "w21003-Rtd=53.131,w21003-Flag=N;w01001-Rtd=7.496,w01001-Flag=N&&";
        Hj212Packet packet = Hj212Packet.parse(segment);
        assertThat(packet.qn()).isEqualTo("20210320163101890");
        assertThat(packet.cn()).isEqualTo("2011");
        assertThat(packet.version()).isEqualTo(Hj212Packet.Version.HJ_212_2017);
        assertThat(packet.acknowledgementRequested()).isFalse();
        assertThat(packet.dataArea()).containsEntry("DataTime", "20210320013400");
        assertThat(packet.pollutants()).extracting(Hj212Packet.Pollutant::code).containsExactly("w21003", "w01001");
        assertThat(packet.pollutants().get(1).fields()).containsEntry("Rtd", "7.496").containsEntry("Flag", "N");
    }

    @Test
    void versionsAndFlagsOfEachGeneration() {
        assertThat(Hj212Packet.parse("ST=32;CN=2011;PW=1;MN=A;CP=&&DataTime=20160824003817&&").version())
                .isEqualTo(Hj212Packet.Version.HJ_T_212_2005);
        Hj212Packet ack2017 = Hj212Packet.parse("QN=1;ST=24;CN=2011;PW=1;MN=A;Flag=5;CP=&&&&");
        assertThat(ack2017.acknowledgementRequested()).isTrue();
        Hj212Packet v2025 = Hj212Packet.parse("QN=1;ST=24;CN=9015;PW=1;MN=A;Flag=9;CP=&&&&");
        assertThat(v2025.version()).isEqualTo(Hj212Packet.Version.HJ_212_2025);
        assertThat(v2025.acknowledgementRequested()).isTrue();
        Hj212Packet split = Hj212Packet.parse("QN=1;ST=24;CN=2011;PW=1;MN=A;Flag=7;PNUM=2;PNO=1;CP=&&&&");
        assertThat(split.split()).isTrue();
        assertThatThrownBy(() -> Hj212Packet.parse("QN=1;ST=24;CN=2011;PW=1;MN=A;Flag=200;CP=&&&&")).hasMessageContaining("protocol version");
        assertThatThrownBy(() -> Hj212Packet.parse("QN=1;ST=24;CN=2011;PW=1;MN=A;Flag=7;PNUM=2;PNO=3;CP=&&&&")).hasMessageContaining("PNO=3");
    }

    @Test
    void theBrokenPacketsAreRejectedEachWithItsReason() throws IOException {
        List<String> bad = packets("bad.txt");
        List<String> reasons = new ArrayList<>();
        for (String packet : bad) {
            List<Result> results = read(packet + "\r\n");
            if (results.size() == 1 && results.get(0) instanceof DataSegment segment) {
                assertThatThrownBy(() -> Hj212Packet.parse(segment.text())).isInstanceOf(Hj212Exception.class)
                        .satisfies(e -> reasons.add(e.getMessage()));
            } else {
                var reader = new Hj212FrameReader(Hj212Frame.MAX_DATA_LENGTH);
                byte[] bytes = (packet + "\r\n").getBytes(StandardCharsets.UTF_8);
                List<Result> all = new ArrayList<>(reader.feed(bytes, 0, bytes.length));
                Rejected truncated = reader.close();
                if (truncated != null) all.add(truncated);
                assertThat(all).as(packet).isNotEmpty().allMatch(r -> r instanceof Rejected);
                all.forEach(r -> reasons.add(((Rejected) r).reason()));
            }
        }
        assertThat(reasons).anyMatch(r -> r.startsWith("CRC mismatch: packet says C940, data gives C841"));
        assertThat(reasons).anyMatch(r -> r.contains("declared data length 166 does not match: the packet ends after 163 bytes"));
        assertThat(reasons).anyMatch(r -> r.contains("no CP=&&"));
        assertThat(reasons).anyMatch(r -> r.contains("CRC mismatch: packet says 4980, data gives 3C00"));
        assertThat(reasons).anyMatch(r -> r.contains("declared data length 888 does not match: the packet ends after 321 bytes"));
        // The garbage line: what precedes "##", then "##ZZZZ…" whose rest is skipped with it, not reported twice.
        assertThat(reasons).contains("bytes before the ## header", "length after ## is not four decimal digits");
        assertThat(reasons).doesNotContain("bytes without a ## header");
        assertThat(reasons).anyMatch(r -> r.startsWith("declared data length 163 does not match")); // the truncated one
    }

    @Test
    void oneBadPacketNeverCostsTheGoodOnesAround() throws IOException {
        List<String> good = packets("samples.txt");
        List<String> bad = packets("bad.txt");
        StringBuilder stream = new StringBuilder();
        for (int i = 0; i < good.size(); i++) {
            stream.append(good.get(i)).append("\r\n");
            if (i < bad.size()) stream.append(bad.get(i)).append(i % 2 == 0 ? "\r\n" : "");
        }
        byte[] bytes = stream.toString().getBytes(StandardCharsets.UTF_8);
        // Byte by byte, then in one read: the same packets come out.
        var reader = new Hj212FrameReader(Hj212Frame.MAX_DATA_LENGTH);
        List<Result> trickle = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) trickle.addAll(reader.feed(bytes, i, 1));
        List<Result> whole = new Hj212FrameReader(Hj212Frame.MAX_DATA_LENGTH).feed(bytes, 0, bytes.length);
        List<String> goodSegments = good.stream().map(p -> p.substring(6, p.length() - 4)).toList();
        List<String> fromTrickle = trickle.stream().filter(r -> r instanceof DataSegment).map(r -> ((DataSegment) r).text()).toList();
        List<String> fromWhole = whole.stream().filter(r -> r instanceof DataSegment).map(r -> ((DataSegment) r).text()).toList();
        assertThat(fromTrickle).containsAll(goodSegments);
        assertThat(fromWhole).containsAll(goodSegments);
    }

    /**
     * Found by IngestFuzzTest: a packet cut short, then a whole packet whose CRLF falls exactly where the cut one's
     * declared length ends. The cut one fails its CRC; the whole one inside it is still read.
     */
    @Test
    void aWholePacketInsideACutOneWhoseLengthItCompletesIsRead() {
        String segment = "QN=1;ST=32;CN=2011;PW=1;MN=A;Flag=4;CP=&&DataTime=20260101000000;w01001-Rtd=7.0&&";
        byte[] whole = Hj212Frame.encode(segment);
        // 21 bytes of its data arrived: its declared length runs to the whole packet's end (6 + length + 6 = 27 + whole).
        String cut = "##" + String.format("%04d", 15 + whole.length) + "QN=2;ST=32;CN=2011;PW";
        byte[] bytes = (cut + new String(whole, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        List<Result> results = new Hj212FrameReader(Hj212Frame.MAX_DATA_LENGTH).feed(bytes, 0, bytes.length);
        assertThat(results).hasSize(2);
        assertThat(((Rejected) results.get(0)).reason()).startsWith("CRC mismatch");
        assertThat(results.get(1)).isEqualTo(new DataSegment(segment));
    }

    @Test
    void longerThanTheStandardIsRefusedUnlessConfigured() {
        byte[] packet = Hj212Frame.encode("QN=1;ST=24;CN=2011;PW=1;MN=A;Flag=4;CP=&&DataTime=20260101000000;" + "w01001-Rtd=7.0;".repeat(80) + "&&");
        assertThat(new Hj212FrameReader(Hj212Frame.MAX_DATA_LENGTH).feed(packet, 0, packet.length)).singleElement()
                .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.reason()).contains("exceeds the maximum of 1024"));
        assertThat(new Hj212FrameReader(4096).feed(packet, 0, packet.length)).singleElement().isInstanceOf(DataSegment.class);
    }

    @Test
    void encodesRepliesThatFrameAndCheck() {
        Hj212Packet request = Hj212Packet.parse("QN=20160801085857223;ST=32;CN=2011;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&DataTime=20160801085857;w01001-Rtd=7.1&&");
        String ack = new String(Hj212Responses.dataAcknowledgement(request), StandardCharsets.UTF_8);
        assertThat(ack).isEqualTo("##0087QN=20160801085857223;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&"
                + Hj212Crc.hex(Hj212Crc.compute(ack.substring(6, 93).getBytes(StandardCharsets.US_ASCII), 0, 87)) + "\r\n");
        List<Result> back = read(ack);
        assertThat(back).singleElement().isInstanceOf(DataSegment.class);
        assertThat(Hj212Packet.parse(((DataSegment) back.get(0)).text()).cn()).isEqualTo("9014");
    }
}
