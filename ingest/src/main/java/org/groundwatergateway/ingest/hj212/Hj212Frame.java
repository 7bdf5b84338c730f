package org.groundwatergateway.ingest.hj212;

import java.nio.charset.StandardCharsets;

/**
 * One HJ 212 communication packet on the wire: {@code ##}, a four-digit decimal byte length of the data
 * segment, the data segment (UTF-8), four hex digits of {@link Hj212Crc} over the data segment, CRLF.
 */
public final class Hj212Frame {

    /** The standard's maximum data segment length. */
    public static final int MAX_DATA_LENGTH = 1024;

    private Hj212Frame() {}

    /** Wraps a data segment into a complete packet. */
    public static byte[] encode(String dataSegment) {
        byte[] data = dataSegment.getBytes(StandardCharsets.UTF_8);
        if (data.length > 9999) throw new IllegalArgumentException("data segment of " + data.length + " bytes does not fit the 4-digit length");
        String packet = "##" + String.format("%04d", data.length) + dataSegment + Hj212Crc.hex(Hj212Crc.compute(data, 0, data.length)) + "\r\n";
        return packet.getBytes(StandardCharsets.UTF_8);
    }
}
