package org.groundwatergateway.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The linked-data catalog ({@code gw.catalog.*}); its contact address is the OGC services' ({@code gw.ogc.contact-email}).
 *
 * @param publisherZh the publishing organisation's name in Chinese (the park administration)
 * @param publisherEn ... and in English
 * @param license     the URI of the licence every published dataset is under
 */
@ConfigurationProperties("gw.catalog")
public record CatalogProperties(String publisherZh, String publisherEn, String license) {}
