package org.groundwatergateway.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OGC services ({@code gw.ogc.*}).
 *
 * @param title          the services' title in capabilities documents
 * @param provider       who runs them
 * @param contactEmail   whom users write to
 * @param defaultCount   features per page when a request names no count
 * @param maxCount       the most features one request may return
 * @param maxImageSide   the widest or tallest WMS image, in pixels
 * @param mapCacheImages how many rendered map images are kept for repeat requests
 * @param maxFilterSize  the largest FES filter (KVP FILTER) or XML request body read, in bytes
 */
@ConfigurationProperties("gw.ogc")
public record OgcProperties(String title, String provider, String contactEmail, int defaultCount, int maxCount, int maxImageSide,
                            int mapCacheImages, int maxFilterSize) {}
