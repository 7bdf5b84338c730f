package org.groundwatergateway.gateway.config;

import java.time.Clock;
import org.groundwatergateway.catalog.CatalogService;
import org.groundwatergateway.catalog.CatalogSettings;
import org.groundwatergateway.catalog.CatalogSparql;
import org.groundwatergateway.catalog.DcatCatalog;
import org.groundwatergateway.catalog.StoredCatalogFacts;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.policies.AccessPolicy;
import org.groundwatergateway.policies.published.PublishedDatasets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The DCAT catalog over the dataset registry, through the same access policy as every other door. */
@Configuration(proxyBeanMethods = false)
public class CatalogConfiguration {

    /**
     * Described again after gw.catalog.cache-for at the latest, and at once for another set of disclosures, so it follows
     * the active policy at once and the store within that time.
     */
    @Bean
    DcatCatalog dcatCatalog(Database database, AccessPolicy policy, CatalogProperties catalog, OgcProperties ogc, Clock clock,
                            GatewayProperties gateway) {
        CatalogSettings settings = new CatalogSettings(catalog.publisherZh(), catalog.publisherEn(), ogc.contactEmail(), catalog.license());
        StoredCatalogFacts facts = new StoredCatalogFacts(database.withQueryTimeout(gateway.queryTimeout()));
        return new DcatCatalog(PublishedDatasets.shipped(), policy, facts, settings, clock, catalog.cacheFor());
    }

    @Bean
    CatalogService catalogService(DcatCatalog catalog) {
        return new CatalogService(catalog);
    }

    @Bean
    CatalogSparql catalogSparql(DcatCatalog catalog, CatalogProperties properties) {
        return new CatalogSparql(catalog, properties.sparqlTimeout(), properties.sparqlMaxResults(), properties.sparqlConcurrency());
    }
}
