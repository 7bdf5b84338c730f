package org.groundwatergateway.gateway.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The linked-data catalog ({@code gw.catalog.*}); its contact address is the OGC services' ({@code gw.ogc.contact-email}).
 *
 * @param publisherZh the publishing organisation's name in Chinese (the park administration)
 * @param publisherEn ... and in English
 * @param license     the URI of the licence every published dataset is under
 * @param sparqlTimeout    how long one SPARQL query may run before it is stopped
 * @param sparqlMaxResults the most results one SPARQL query returns (a larger or missing LIMIT is lowered to it)
 * @param sparqlConcurrency how many SPARQL queries run at once; one more is answered 503 with Retry-After
 * @param cacheFor         how long a described catalog is served again to the same audience under the same policy
 * @param qualityPeriod    how far back the datasets' DQV quality measurements count readings
 * @param pageSize         how many datasets a page of /catalog holds unless the harvester asks for another size
 */
@ConfigurationProperties("gw.catalog")
public record CatalogProperties(String publisherZh, String publisherEn, String license, @DefaultValue("3s") Duration sparqlTimeout,
                                @DefaultValue("10000") int sparqlMaxResults, @DefaultValue("2") int sparqlConcurrency,
                                @DefaultValue("30s") Duration cacheFor, @DefaultValue("7d") Duration qualityPeriod,
                                @DefaultValue("500") int pageSize) {}
