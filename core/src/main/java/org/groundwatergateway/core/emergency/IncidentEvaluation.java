package org.groundwatergateway.core.emergency;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.park.AquiferLayer;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.site.Site;
import org.groundwatergateway.core.site.SiteReadings;

/**
 * A closed incident's evaluation: the key wells' concentrations (those within a radius of it, in its aquifer) over the
 * week before it opened and the week before it closed, the time to containment, and the tasks done on time.
 */
public final class IncidentEvaluation {

    /** Concentration means of a key well over the 7 days before opening and before closing, in the parameter's unit. */
    public record WellChange(String wellCode, double distanceM, Double before, Double after, String unit) {}

    public record Result(List<WellChange> keyWells, Double hoursToContainment, int tasks, int tasksDoneOnTime, int dispatches) {}

    private static final Duration WINDOW = Duration.ofDays(7);

    private final IncidentRepository incidents;
    private final ParameterRepository parameters;
    private final IncidentAnalysis analysis;
    private final double keyWellRadiusM;

    public IncidentEvaluation(IncidentRepository incidents, ParameterRepository parameters, IncidentAnalysis analysis, double keyWellRadiusM) {
        if (!(keyWellRadiusM >= 0)) throw new IllegalArgumentException("key well radius must not be negative");
        this.incidents = incidents;
        this.parameters = parameters;
        this.analysis = analysis;
        this.keyWellRadiusM = keyWellRadiusM;
    }

    /** The evaluation of a closed incident at its site; a drill's reads the drill's readings. */
    public Result of(Incident incident, Site site) {
        if (incident.closedAt() == null) throw new IllegalArgumentException("incident " + incident.id() + " is not closed");
        AquiferLayer aquifer = IncidentAnalysis.aquifer(site, incident);
        Parameter parameter = parameters.findByCode(incident.parameterCode()).orElseThrow();
        double[] at = site.local(incident.location());
        Instant end = incident.closedAt();
        SiteReadings seen = analysis.readingsOf(incident.drill());
        var before = seen.periodMeans(site, aquifer, parameter.code(), incident.openedAt().minus(WINDOW), incident.openedAt());
        var after = seen.periodMeans(site, aquifer, parameter.code(), end.minus(WINDOW), end);
        List<WellChange> wells = new ArrayList<>();
        for (Well well : site.wellsIn(aquifer)) {
            double[] xy = site.local(well.location());
            double distance = Math.hypot(xy[0] - at[0], xy[1] - at[1]);
            if (distance > keyWellRadiusM) continue;
            wells.add(new WellChange(well.code(), distance, before.get(well), after.get(well), parameter.unit()));
        }
        wells.sort(Comparator.comparingDouble(WellChange::distanceM));
        List<IncidentTask> tasks = incidents.tasks(incident.id());
        Double containment = incident.containedAt() == null ? null
                : Duration.between(incident.openedAt(), incident.containedAt()).toSeconds() / 3600.0;
        return new Result(wells, containment, tasks.size(), (int) tasks.stream().filter(IncidentTask::doneOnTime).count(),
                incidents.dispatches(incident.id()).size());
    }
}
