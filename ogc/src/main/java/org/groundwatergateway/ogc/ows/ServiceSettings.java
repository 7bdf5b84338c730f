package org.groundwatergateway.ogc.ows;

/**
 * What the OGC services say about themselves and the limits they keep.
 *
 * @param defaultCount  features per page when a request names no count
 * @param maxCount      the most features one request may return
 * @param maxImageSide  the widest or tallest map image WMS renders, in pixels
 */
public record ServiceSettings(String title, String abstractText, String provider, String contactEmail, int defaultCount, int maxCount,
                              int maxImageSide) {

    public ServiceSettings {
        if (defaultCount < 1 || maxCount < defaultCount) throw new IllegalArgumentException("need 1 <= defaultCount <= maxCount");
        if (maxImageSide < 256) throw new IllegalArgumentException("maxImageSide must be at least 256");
    }
}
