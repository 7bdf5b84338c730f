package org.groundwatergateway.ingest.bulk;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The most one upload may hold: bytes of body and rows. Rows are read and stored as they arrive, so these bound the
 * memory and time one request can take, and the length of its report (one entry per refused row).
 *
 * @param maxBytes the largest body, in bytes
 * @param maxRows  the most rows (CSV records after the header, or items of a JSON array)
 */
public record UploadLimits(long maxBytes, int maxRows) {

    public UploadLimits {
        if (maxBytes < 1 || maxRows < 1) throw new IllegalArgumentException("upload limits must be positive: " + maxBytes + " bytes, " + maxRows + " rows");
    }

    /** The body, refused at once when it declares more bytes than allowed, and cut off where it goes beyond them. */
    public InputStream guard(InputStream body, long declaredLength) {
        if (declaredLength > maxBytes) throw UploadTooLarge.bytes(maxBytes);
        return new FilterInputStream(body) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) count(1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) count(n);
                return n;
            }

            private void count(int n) {
                read += n;
                if (read > maxBytes) throw UploadTooLarge.bytes(maxBytes);
            }
        };
    }

    /** Refuses the row numbered {@code rowNumber} (1 for the first) when it is one too many. */
    void checkRow(int rowNumber) {
        if (rowNumber > maxRows) throw UploadTooLarge.rows(maxRows);
    }
}
