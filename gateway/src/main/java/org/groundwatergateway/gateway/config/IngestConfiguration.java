package org.groundwatergateway.gateway.config;

import java.time.Clock;
import org.groundwatergateway.core.alert.AlertRepository;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.monitoring.DeviceRepository;
import org.groundwatergateway.core.monitoring.MaintenanceRepository;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.time.ChinaStandardTime;
import org.groundwatergateway.ingest.bulk.BulkImport;
import org.groundwatergateway.ingest.bulk.ImportTemplates;
import org.groundwatergateway.ingest.bulk.UploadLimits;
import org.groundwatergateway.ingest.device.DeviceRegistration;
import org.groundwatergateway.ingest.device.DeviceRegistry;
import org.groundwatergateway.ingest.hj212.Hj212Reception;
import org.groundwatergateway.ingest.hj212.Hj212Server;
import org.groundwatergateway.ingest.hj212.PollutantCodes;
import org.groundwatergateway.ingest.intake.ReadingIntake;
import org.groundwatergateway.ingest.qaqc.QcConfiguration;
import org.groundwatergateway.ingest.qaqc.QualityControl;
import org.groundwatergateway.ingest.qaqc.StoredQcContext;
import org.groundwatergateway.ingest.review.ReviewQueue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ingest machinery: one intake (QA/QC, storage, review) that every channel feeds, and the HJ 212 port. */
@Configuration(proxyBeanMethods = false)
public class IngestConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    EventBus eventBus() {
        return new EventBus();
    }

    @Bean
    AlertRepository alertRepository(Database database, EventBus events) {
        return new AlertRepository(database, events);
    }

    @Bean
    DeviceRepository deviceRepository(Database database) {
        return new DeviceRepository(database);
    }

    @Bean
    MaintenanceRepository maintenanceRepository(Database database) {
        return new MaintenanceRepository(database);
    }

    @Bean
    StoredQcContext qualityControlContext(MonitoringRepository monitoring, ParameterRepository parameters,
                                          MaintenanceRepository maintenance, ReadingRepository readings) {
        return new StoredQcContext(monitoring, parameters, maintenance, readings);
    }

    @Bean
    ReviewQueue reviewQueue(Database database, AlertRepository alerts, Clock clock) {
        return new ReviewQueue(database, alerts, clock);
    }

    @Bean(destroyMethod = "close")
    ReadingIntake readingIntake(Database database, StoredQcContext context, ReviewQueue reviews, EventBus events,
                                IngestProperties properties) {
        return new ReadingIntake(database, new QualityControl(QcConfiguration.load(), context), reviews, events,
                properties.intakeBatch());
    }

    @Bean
    DeviceRegistry deviceRegistry(Database database, AlertRepository alerts, Clock clock, IngestProperties properties) {
        return new DeviceRegistry(database, alerts, clock, properties.devices().rejectionLog());
    }

    @Bean
    DeviceRegistration deviceRegistration(Database database, DeviceRepository devices, MonitoringRepository monitoring,
                                          ParameterRepository parameters, ParkRepository parks, PollutantCodes codes, DeviceRegistry registry,
                                          Clock clock) {
        return new DeviceRegistration(database, devices, monitoring, parameters, parks, codes, registry, clock);
    }

    @Bean
    PollutantCodes pollutantCodes() {
        return PollutantCodes.load();
    }

    @Bean
    BulkImport bulkImport(Database database, ReadingIntake intake, DeviceRegistry devices, PollutantCodes codes, EventBus events, Clock clock) {
        return new BulkImport(database, intake, devices, codes, events, clock);
    }

    @Bean
    UploadLimits uploadLimits(IngestProperties properties) {
        return properties.imports();
    }

    @Bean
    ImportTemplates importTemplates(Database database, Clock clock) {
        return new ImportTemplates(database, clock);
    }

    @Bean
    Hj212Reception hj212Reception(IngestProperties properties, DeviceRegistry devices, PollutantCodes codes, ReadingIntake intake, Clock clock) {
        return new Hj212Reception(devices, codes, intake, clock, ChinaStandardTime.OFFSET, properties.hj212().maxPacketParts());
    }

    @Bean(destroyMethod = "close")
    Hj212Server hj212Server(IngestProperties properties, Hj212Reception reception) {
        IngestProperties.Hj212 p = properties.hj212();
        return new Hj212Server(new Hj212Server.Settings(p.host(), p.port(), p.maxConnections(), p.maxFrameDataLength(), p.idleTimeout(),
                p.splitPacketPatience()), reception);
    }
}
