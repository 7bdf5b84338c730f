package org.groundwatergateway.gateway.report;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Instant;
import org.groundwatergateway.core.alert.AlertRepository;
import org.groundwatergateway.core.drill.DrillService;
import org.groundwatergateway.core.emergency.IncidentService;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.ogc.wms.WmsService;
import org.groundwatergateway.policies.Viewer;
import org.springframework.stereotype.Service;

/** Makes the emergency, drill and alert-summary reports: gathers what each shows and lays it out as a PDF. */
@Service
public class ReportService {

    private final AlertRepository alerts;
    private final IncidentService incidents;
    private final DrillService drills;
    private final ParameterRepository parameters;
    private final ParkRepository parks;
    private final WmsService wms;
    private final ReportFont font;
    private final Clock clock;

    public ReportService(AlertRepository alerts, IncidentService incidents, DrillService drills, ParameterRepository parameters, ParkRepository parks,
                         WmsService wms, ReportFont font, Clock clock) {
        this.clock = clock;
        this.alerts = alerts;
        this.incidents = incidents;
        this.drills = drills;
        this.parameters = parameters;
        this.parks = parks;
        this.wms = wms;
        this.font = font;
    }

    public IncidentService.Details incident(long id) {
        return incidents.details(id);
    }

    /** @param viewer whose view of the park's map the report shows */
    public byte[] incidentPdf(IncidentService.Details details, Viewer viewer) {
        return IncidentReport.pdf(details, map(details, viewer), texts(), font);
    }

    public DrillService.Report drill(long id) {
        return drills.report(id);
    }

    public byte[] drillPdf(DrillService.Report report, Viewer viewer) {
        return DrillReport.pdf(report, report.incident() == null ? null : map(report.incident(), viewer), texts(), font);
    }

    public AlertSummary alertSummary(Instant from, Instant to) {
        return AlertSummary.of(from, to, alerts.findRaisedBetween(from, to));
    }

    public byte[] alertSummaryPdf(AlertSummary summary) {
        return summary.pdf(font, texts());
    }

    ReportTexts texts() {
        return ReportTexts.of(parameters.findAll());
    }

    ReportFont font() {
        return font;
    }

    /** The incident on the map as it was when closed, or as it is now. */
    private BufferedImage map(IncidentService.Details details, Viewer viewer) {
        Instant asOf = details.incident().closedAt() != null ? details.incident().closedAt() : clock.instant();
        return IncidentMap.draw(details, parks.findByCode(details.parkCode()).orElse(null), asOf, wms, viewer, font);
    }
}
