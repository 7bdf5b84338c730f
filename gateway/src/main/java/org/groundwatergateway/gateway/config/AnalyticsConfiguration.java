package org.groundwatergateway.gateway.config;

import java.time.Clock;
import org.groundwatergateway.core.forecast.DatastreamForecasts;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.quality.DataQuality;
import org.groundwatergateway.core.site.PlumeForecasts;
import org.groundwatergateway.core.site.SiteReadings;
import org.groundwatergateway.core.site.SiteRepository;
import org.groundwatergateway.core.site.SiteTracing;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.gateway.report.ReportFont;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The analyses that read stored data, and the reports made of them. */
@Configuration(proxyBeanMethods = false)
public class AnalyticsConfiguration {

    @Bean
    SiteRepository siteRepository(Database database) {
        return new SiteRepository(database);
    }

    @Bean
    SiteReadings siteReadings(Database database) {
        return new SiteReadings(database);
    }

    @Bean
    SiteTracing siteTracing(Database database) {
        return new SiteTracing(database);
    }

    @Bean
    PlumeForecasts plumeForecasts(SiteRepository sites, SiteReadings readings, Clock clock) {
        return new PlumeForecasts(sites, readings, clock);
    }

    @Bean
    DatastreamForecasts datastreamForecasts(Database database, MonitoringRepository monitoring, ParameterRepository parameters) {
        return new DatastreamForecasts(database, monitoring, parameters);
    }

    @Bean
    DataQuality dataQuality(Database database) {
        return new DataQuality(database);
    }

    @Bean
    ReportFont reportFont(ReportProperties properties) {
        return new ReportFont(properties.font());
    }
}
