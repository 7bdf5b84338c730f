package org.groundwatergateway.ingest.bulk;

/**
 * An upload beyond {@link UploadLimits}: reading stopped there. An ALL_OR_NOTHING upload stored nothing; one in
 * ACCEPT_VALID mode kept the valid rows read before the limit, and says how many readings they gave.
 *
 * @param limit   what was exceeded, "bytes" or "rows"
 * @param maximum the limit's value
 * @param rowsRead rows read (and checked) before the limit
 * @param stored  readings stored from those rows (0 unless ACCEPT_VALID)
 */
public final class UploadTooLarge extends RuntimeException {

    private final String limit;
    private final long maximum;
    private final int rowsRead;
    private final int stored;

    private UploadTooLarge(String limit, long maximum, int rowsRead, int stored) {
        super("the upload exceeds " + maximum + " " + limit + " per request; " + rowsRead + " rows were read and " + stored + " readings stored");
        this.limit = limit;
        this.maximum = maximum;
        this.rowsRead = rowsRead;
        this.stored = stored;
    }

    static UploadTooLarge bytes(long maximum) {
        return new UploadTooLarge("bytes", maximum, 0, 0);
    }

    static UploadTooLarge rows(long maximum) {
        return new UploadTooLarge("rows", maximum, (int) maximum, 0);
    }

    /** The same refusal, after the rows read before it were stored as far as the mode allows. */
    UploadTooLarge after(int rowsRead, int stored) {
        return new UploadTooLarge(limit, maximum, rowsRead, stored);
    }

    public String limit() {
        return limit;
    }

    public long maximum() {
        return maximum;
    }

    public int rowsRead() {
        return rowsRead;
    }

    public int stored() {
        return stored;
    }
}
