package org.groundwatergateway.gateway.config;

import java.time.Clock;
import org.groundwatergateway.core.alert.AlertRepository;
import org.groundwatergateway.core.drill.DrillService;
import org.groundwatergateway.core.emergency.DisposalPlans;
import org.groundwatergateway.core.emergency.IncidentAnalysis;
import org.groundwatergateway.core.emergency.IncidentGrouping;
import org.groundwatergateway.core.emergency.IncidentService;
import org.groundwatergateway.core.escalation.EscalationPolicy;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.gateway.analytics.AnalysisJobs;
import org.groundwatergateway.gateway.drill.DrillReplays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Incidents: opened by severe alerts on the bus, their forecasts and tracing run as analysis jobs; drills, replayed on their own thread. */
@Configuration(proxyBeanMethods = false)
public class EmergencyConfiguration {

    @Bean
    IncidentService incidentService(Database database, EventBus events, AnalysisJobs jobs, Clock clock, EmergencyProperties properties) {
        var analysis = new IncidentAnalysis(database, IncidentAnalysis.Settings.DEFAULTS.withRealizations(properties.realizations()));
        // The forecast and tracing run as an analysis job, so their progress shows under /api/v1/analytics/jobs; beside
        // people's own analyses, not ahead of them.
        IncidentService service = new IncidentService(database, DisposalPlans.load(), analysis,
                (kind, work) -> jobs.submitAutomatic(kind, progress -> {
                    work.accept(progress);
                    return null;
                }), clock,
                new IncidentService.Settings(properties.travelSpeedKmh(), properties.cameraRadiusM(), properties.nearestCameras(),
                        properties.keyWellRadiusM(), new IncidentGrouping(properties.plumeRadiusM())));
        service.listenTo(events);
        return service;
    }

    @Bean(destroyMethod = "close")
    DrillReplays drillReplays() {
        return new DrillReplays();
    }

    @Bean
    DrillService drillService(Database database, AlertRepository alerts, IncidentService incidents, EscalationPolicy escalation,
                              DrillReplays replays, Clock clock) {
        DrillService drills = new DrillService(database, alerts, incidents, escalation, replays, clock, DrillService.Targets.DEFAULTS);
        drills.failInterrupted();
        return drills;
    }
}
