package org.groundwatergateway.gateway.bench;

import java.time.Instant;
import java.util.Locale;
import org.groundwatergateway.ingest.hj212.Hj212Frame;
import org.groundwatergateway.ingest.hj212.Hj212FrameReader;
import org.groundwatergateway.ingest.hj212.Hj212Packet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * HJ 212 framing, CRC check and parsing on one thread: how many packets one core reads a second. A packet is
 * a demo unconfined well's real-time data (six pollutants, 290 bytes), fed 64 packets per read.
 */
@Tag("bench")
class Hj212ParseBench {

    @Test
    void parseRatePerCore() {
        String segment = "QN=20261121100000123;ST=24;CN=2011;PW=HB0004;MN=32062324000004;Flag=5;CP=&&DataTime=20261121100000;"
                + "g01001-Rtd=3.0412,g01001-Flag=N;w01010-Rtd=16.8800,w01010-Flag=N;w01001-Rtd=7.4100,w01001-Flag=N;"
                + "w01014-Rtd=1402.0000,w01014-Flag=N;g20004-Rtd=10873.2100,g20004-Flag=N;w20117-Rtd=2.1000,w20117-Flag=N&&";
        byte[] one = Hj212Frame.encode(segment);
        byte[] chunk = new byte[one.length * 64];
        for (int i = 0; i < 64; i++) System.arraycopy(one, 0, chunk, i * one.length, one.length);
        Hj212FrameReader reader = new Hj212FrameReader(Hj212Frame.MAX_DATA_LENGTH);
        long sink = 0;
        for (int round = 0; round < 4; round++) {
            long packets = 0;
            long started = System.nanoTime();
            long end = started + (round == 0 ? 3_000_000_000L : 5_000_000_000L);
            while (System.nanoTime() < end) {
                for (Hj212FrameReader.Result r : reader.feed(chunk, 0, chunk.length)) {
                    Hj212Packet packet = Hj212Packet.parse(((Hj212FrameReader.DataSegment) r).text());
                    sink += packet.pollutants().size();
                    packets++;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (round > 0) {
                System.out.printf(Locale.ROOT, "BENCH hj212-parse run %d: %.0f packets/s (%.0f readings/s, %.1f MB/s) on one thread%n", round,
                        packets / seconds, 6 * packets / seconds, packets * one.length / seconds / 1e6);
            }
        }
        if (sink == 42) System.out.println(Instant.now());
    }
}
