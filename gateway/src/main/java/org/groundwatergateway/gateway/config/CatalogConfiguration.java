package org.groundwatergateway.gateway.config;

import java.time.Clock;
import java.util.List;
import org.groundwatergateway.catalog.AnalysisProvenance;
import org.groundwatergateway.catalog.CatalogService;
import org.groundwatergateway.catalog.CatalogSettings;
import org.groundwatergateway.catalog.CatalogSparql;
import org.groundwatergateway.catalog.DcatCatalog;
import org.groundwatergateway.catalog.LinkedCatalogGraph;
import org.groundwatergateway.catalog.MemberLinks;
import org.groundwatergateway.catalog.ProvenanceFacts;
import org.groundwatergateway.catalog.QualityMeasurements;
import org.groundwatergateway.catalog.ReadingProvenance;
import org.groundwatergateway.catalog.ResourceDescriptions;
import org.groundwatergateway.catalog.StoredCatalogFacts;
import org.groundwatergateway.catalog.StoredProvenanceFacts;
import org.groundwatergateway.catalog.StoredResourceFacts;
import org.groundwatergateway.core.quality.DataQuality;
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
        Database bounded = database.withQueryTimeout(gateway.queryTimeout());
        StoredCatalogFacts facts = new StoredCatalogFacts(bounded);
        QualityMeasurements quality = new QualityMeasurements(new DataQuality(bounded)::of, policy, clock, catalog.qualityPeriod());
        return new DcatCatalog(PublishedDatasets.shipped(), policy, facts, settings, clock, catalog.cacheFor(), List.of(new MemberLinks(), quality));
    }

    /** The park, wells, datastreams, parameters and enterprises at /catalog/id/..., through the same access policy. */
    @Bean
    ResourceDescriptions resourceDescriptions(Database database, AccessPolicy policy, Clock clock, GatewayProperties gateway) {
        return new ResourceDescriptions(new StoredResourceFacts(database.withQueryTimeout(gateway.queryTimeout())), policy, clock);
    }

    @Bean
    CatalogService catalogService(DcatCatalog catalog) {
        return new CatalogService(catalog);
    }

    /** Provenance reads the store as every door does: within the gateway's query timeout. */
    @Bean
    ProvenanceFacts provenanceFacts(Database database, GatewayProperties gateway) {
        return new StoredProvenanceFacts(database.withQueryTimeout(gateway.queryTimeout()));
    }

    @Bean
    ReadingProvenance readingProvenance(AccessPolicy policy, ProvenanceFacts facts, Clock clock) {
        return new ReadingProvenance(policy, facts, clock);
    }

    @Bean
    AnalysisProvenance analysisProvenance(AccessPolicy policy, ProvenanceFacts facts, Clock clock) {
        return new AnalysisProvenance(policy, facts, clock);
    }

    /** What SPARQL queries: the catalog, the monitoring network and the reviewed readings' provenance, cached as the catalog is. */
    @Bean
    LinkedCatalogGraph linkedCatalogGraph(DcatCatalog catalog, AccessPolicy policy, ProvenanceFacts facts, Clock clock, CatalogProperties properties) {
        return new LinkedCatalogGraph(catalog, policy, facts, clock, properties.cacheFor());
    }

    @Bean
    CatalogSparql catalogSparql(LinkedCatalogGraph graph, CatalogProperties properties) {
        return new CatalogSparql(graph, properties.sparqlTimeout(), properties.sparqlMaxResults(), properties.sparqlConcurrency());
    }
}
