package org.groundwatergateway.gateway.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.gateway.metrics.DomainMetrics;
import org.groundwatergateway.ingest.intake.ReadingIntake;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The park's own meters beside the JVM's and HTTP's ({@link DomainMetrics}). */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    DomainMetrics domainMetrics(MeterRegistry registry, EventBus events, ReadingIntake intake) {
        return new DomainMetrics(registry, events, intake);
    }
}
