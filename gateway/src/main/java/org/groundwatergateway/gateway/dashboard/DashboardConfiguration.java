package org.groundwatergateway.gateway.dashboard;

import java.time.Clock;
import org.groundwatergateway.core.dashboard.DashboardRepository;
import org.groundwatergateway.core.dashboard.Dashboards;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.storage.Database;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** People's dashboards, kept in the platform's database. */
@Configuration(proxyBeanMethods = false)
public class DashboardConfiguration {

    @Bean
    Dashboards dashboards(Database database, ParameterRepository parameters, MonitoringRepository monitoring, Clock clock) {
        return new Dashboards(new DashboardRepository(database), parameters, monitoring, clock);
    }
}
