package org.groundwatergateway.gateway.config;

import java.time.Clock;
import javax.sql.DataSource;
import org.groundwatergateway.core.emergency.EmergencyRepository;
import org.groundwatergateway.core.map.AreaOfInterestRepository;
import org.groundwatergateway.core.map.AreasOfInterest;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.soil.SoilRepository;
import org.groundwatergateway.core.storage.Database;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database and its repositories. The data source is Spring Boot's, from {@code spring.datasource.*}:
 * an H2GIS file under {@code gw.data-dir} unless a PostgreSQL URL is given.
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    @Bean
    Database database(DataSource dataSource) {
        Database database = Database.migrate(dataSource);
        new ParameterRepository(database).loadCatalogIfEmpty();
        return database;
    }

    /**
     * {@code components.db} of the health endpoint, through the database's availability gate like all other work: DOWN at
     * once while the database is away, and UP again only once the platform's own requests get through.
     */
    @Bean
    DataSourceHealthIndicator dbHealthIndicator(Database database) {
        return new DataSourceHealthIndicator(database.dataSource());
    }

    @Bean
    ParkRepository parkRepository(Database database) {
        return new ParkRepository(database);
    }

    @Bean
    AreasOfInterest areasOfInterest(Database database, Clock clock) {
        return new AreasOfInterest(new AreaOfInterestRepository(database), clock);
    }

    @Bean
    MonitoringRepository monitoringRepository(Database database) {
        return new MonitoringRepository(database);
    }

    @Bean
    ParameterRepository parameterRepository(Database database) {
        return new ParameterRepository(database);
    }

    @Bean
    ReadingRepository readingRepository(Database database) {
        return new ReadingRepository(database);
    }

    @Bean
    SoilRepository soilRepository(Database database) {
        return new SoilRepository(database);
    }

    @Bean
    EmergencyRepository emergencyRepository(Database database) {
        return new EmergencyRepository(database);
    }
}
