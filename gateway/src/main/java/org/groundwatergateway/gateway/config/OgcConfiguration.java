package org.groundwatergateway.gateway.config;

import java.time.Clock;
import java.util.List;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.reading.ReadingsCommitted;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.ogc.feature.FeatureStore;
import org.groundwatergateway.ogc.feature.PublishedFeatureTypes;
import org.groundwatergateway.ogc.ogcapi.FeaturesApi;
import org.groundwatergateway.ogc.ows.ServiceSettings;
import org.groundwatergateway.ogc.wfs.CsvOutput;
import org.groundwatergateway.ogc.wfs.GeoJsonOutput;
import org.groundwatergateway.ogc.wfs.GmlOutput;
import org.groundwatergateway.ogc.wfs.WfsService;
import org.groundwatergateway.ogc.wms.MapImageCache;
import org.groundwatergateway.ogc.wms.MapLayers;
import org.groundwatergateway.ogc.wms.WmsService;
import org.groundwatergateway.policies.AccessPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The feature services (WMS, WFS, OGC API – Features) over one feature store and the access policy. */
@Configuration(proxyBeanMethods = false)
public class OgcConfiguration {

    @Bean
    PublishedFeatureTypes publishedFeatureTypes(AccessPolicy policy) {
        return new PublishedFeatureTypes(policy);
    }

    /** Its reads are shaped by requests' filters, boxes and pages: the database cancels one after gw.query-timeout. */
    @Bean
    FeatureStore featureStore(Database database, Clock clock, GatewayProperties gateway) {
        return new FeatureStore(database.withQueryTimeout(gateway.queryTimeout()), clock);
    }

    @Bean
    ServiceSettings serviceSettings(OgcProperties properties) {
        return new ServiceSettings(properties.title(), "化工园区地下水监测井、监测值、污染羽与风险分区。Monitoring wells, readings, plumes and risk "
                + "zones of a chemical industrial park, in CGCS2000.", properties.provider(), properties.contactEmail(),
                properties.defaultCount(), properties.maxCount(), properties.maxImageSide(), properties.maxFilterSize());
    }

    @Bean
    MapImageCache mapImageCache(OgcProperties properties, EventBus events) {
        MapImageCache cache = new MapImageCache(properties.mapCacheImages());
        // A tile drawn before new readings arrived must not be served after.
        events.subscribe(ReadingsCommitted.class, committed -> cache.dataChanged());
        return cache;
    }

    @Bean
    WmsService wmsService(PublishedFeatureTypes types, FeatureStore store, Database database, ServiceSettings settings, MapImageCache cache,
                          GatewayProperties gateway) {
        Database reads = database.withQueryTimeout(gateway.queryTimeout());
        return new WmsService(new MapLayers(types, reads, store), types, store, reads, settings, cache);
    }

    @Bean
    FeaturesApi featuresApi(PublishedFeatureTypes types, FeatureStore store, ServiceSettings settings) {
        return new FeaturesApi(types, store, settings);
    }

    @Bean
    WfsService wfsService(PublishedFeatureTypes types, FeatureStore store, ServiceSettings settings) {
        return new WfsService(types, store, settings, List.of(new GmlOutput(), new GeoJsonOutput(), new CsvOutput()));
    }
}
