package org.groundwatergateway.ingest.hj212;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a byte stream from one connection into HJ 212 packets. Bytes may arrive split anywhere and several
 * packets may arrive in one read; anything that is not a valid packet is reported as a {@link Rejected}
 * with the reason, and reading resumes at the next {@code ##}, so one bad packet never costs the good
 * ones after it.
 */
public final class Hj212FrameReader {

    /** What the reader found: a packet's verified data segment, or bytes it had to reject. */
    public sealed interface Result permits DataSegment, Rejected {}

    public record DataSegment(String text) implements Result {}

    public record Rejected(String reason, String excerpt) implements Result {}

    private static final int HEADER = 6;   // "##" + 4 digits
    private static final int TRAILER = 6;  // 4 hex digits + CRLF
    private static final int EXCERPT = 120;

    private final int maxDataLength;
    private byte[] buffer = new byte[2048];
    private int size;
    /** The rest of a packet already rejected is being skipped, up to the next header or CRLF. */
    private boolean discarding;

    /** @param maxDataLength the largest data segment accepted: 1024 as the standard says, more where configured for devices that exceed it */
    public Hj212FrameReader(int maxDataLength) {
        this.maxDataLength = maxDataLength;
    }

    /** Adds bytes as they arrived and returns every packet (or rejection) they complete. */
    public List<Result> feed(byte[] bytes, int offset, int length) {
        ensureCapacity(size + length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
        List<Result> results = new ArrayList<>();
        int position = 0;
        while (true) {
            if (discarding) {
                int header = indexOfHeader(position);
                int crlf = indexOfCrlf(position, header >= 0 ? header : size);
                if (crlf >= 0) {
                    position = crlf + 2;
                } else if (header >= 0) {
                    position = header;
                } else {
                    position = size - (size > 0 && buffer[size - 1] == '#' ? 1 : 0);
                    break;
                }
                discarding = false;
            }
            int start = indexOfHeader(position);
            if (start < 0) {
                // Keep a trailing '#' that may be the first half of the next header.
                int keep = size > 0 && buffer[size - 1] == '#' ? 1 : 0;
                if (size - keep > position && !isBlank(position, size - keep)) {
                    results.add(rejected("bytes without a ## header", position, size - keep));
                }
                position = size - keep;
                break;
            }
            if (start > position && !isBlank(position, start)) {
                results.add(rejected("bytes before the ## header", position, start));
            }
            position = start;
            if (size - start < HEADER) break;
            int declared = digits(start + 2);
            if (declared < 0) {
                results.add(rejected("length after ## is not four decimal digits", start, Math.min(size, start + EXCERPT)));
                position = start + 2;
                discarding = true;
                continue;
            }
            if (declared > maxDataLength) {
                results.add(rejected("declared data length " + declared + " exceeds the maximum of " + maxDataLength, start,
                        Math.min(size, start + EXCERPT)));
                position = start + 2;
                discarding = true;
                continue;
            }
            int end = start + HEADER + declared + TRAILER;
            int following = indexOfHeader(start + 2);
            boolean complete = size >= end && buffer[end - 2] == '\r' && buffer[end - 1] == '\n';
            if (!complete && (size >= end || following >= 0 || indexOfCrlf(start + HEADER, size) >= 0)) {
                // The declared length does not fit what arrived: the packet was cut short (a new packet
                // starts inside it) or its length field lies (its CRLF comes elsewhere).
                int limit = following >= 0 ? following : size;
                int crlf = indexOfCrlf(start + HEADER, limit);
                String found = crlf >= 0 ? "the packet ends after " + Math.max(0, crlf - start - HEADER - 4) + " bytes"
                        : following >= 0 ? "a new packet starts after " + (following - start) + " bytes" : "no CRLF where it should end";
                int resume = following >= 0 ? following : crlf >= 0 ? crlf + 2 : size;
                results.add(rejected("declared data length " + declared + " does not match: " + found, start, resume));
                position = resume;
                continue;
            }
            if (!complete) break;
            int dataStart = start + HEADER;
            String crcText = new String(buffer, dataStart + declared, 4, StandardCharsets.US_ASCII);
            int expected = Hj212Crc.compute(buffer, dataStart, declared);
            int given;
            try {
                given = Integer.parseInt(crcText, 16);
            } catch (NumberFormatException e) {
                given = -1;
            }
            if (given != expected) {
                // A packet cut short can be followed by a whole one whose CRLF falls just where the cut one's length says
                // it ends: reading on at the inner header keeps the whole one.
                int resume = following >= 0 && following < end ? following : end;
                results.add(rejected("CRC mismatch: packet says " + crcText + ", data gives " + Hj212Crc.hex(expected), start, resume));
                position = resume;
                continue;
            }
            results.add(new DataSegment(new String(buffer, dataStart, declared, StandardCharsets.UTF_8)));
            position = end;
        }
        compact(position);
        return results;
    }

    /** Bytes held back waiting for the rest of a packet; reported as truncated when the connection ends. */
    public Rejected close() {
        if (size == 0 || isBlank(0, size)) return null;
        Rejected truncated = rejected("truncated packet: the connection ended after " + size + " bytes", 0, size);
        size = 0;
        return truncated;
    }

    private int indexOfHeader(int from) {
        for (int i = from; i + 1 < size; i++) {
            if (buffer[i] == '#' && buffer[i + 1] == '#') return i;
        }
        return -1;
    }

    private int indexOfCrlf(int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n') return i;
        }
        return -1;
    }

    private int digits(int at) {
        int value = 0;
        for (int i = at; i < at + 4; i++) {
            byte b = buffer[i];
            if (b < '0' || b > '9') return -1;
            value = value * 10 + (b - '0');
        }
        return value;
    }

    private boolean isBlank(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] != '\r' && buffer[i] != '\n' && buffer[i] != ' ') return false;
        }
        return true;
    }

    private Rejected rejected(String reason, int from, int to) {
        int length = Math.min(to - from, EXCERPT);
        String excerpt = new String(buffer, from, Math.max(0, length), StandardCharsets.UTF_8)
                .replace("\r", "\\r").replace("\n", "\\n");
        return new Rejected(reason, excerpt);
    }

    private void compact(int position) {
        if (position == 0) return;
        System.arraycopy(buffer, position, buffer, 0, size - position);
        size -= position;
    }

    private void ensureCapacity(int needed) {
        if (needed > buffer.length) buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
    }
}
