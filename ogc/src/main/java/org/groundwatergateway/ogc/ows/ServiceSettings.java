package org.groundwatergateway.ogc.ows;

/**
 * What the OGC services say about themselves and the limits they keep.
 *
 * @param defaultCount  features per page when a request names no count
 * @param maxCount      the most features one request may return
 * @param maxImageSide  the widest or tallest map image WMS renders, in pixels
 * @param maxFilterSize the largest FES filter (a KVP FILTER) or XML request read, in bytes of UTF-8
 */
public record ServiceSettings(String title, String abstractText, String provider, String contactEmail, int defaultCount, int maxCount,
                              int maxImageSide, int maxFilterSize) {

    /** The setting that bounds filters and XML requests, named in refusals. */
    public static final String MAX_FILTER_SIZE = "gw.ogc.max-filter-size";


    public ServiceSettings {
        if (defaultCount < 1 || maxCount < defaultCount) throw new IllegalArgumentException("need 1 <= defaultCount <= maxCount");
        if (maxImageSide < 256) throw new IllegalArgumentException("maxImageSide must be at least 256");
        if (maxFilterSize < 1024) throw new IllegalArgumentException(MAX_FILTER_SIZE + " must be at least 1024 bytes");
    }
}
