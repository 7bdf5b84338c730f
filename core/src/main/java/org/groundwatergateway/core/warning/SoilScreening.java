package org.groundwatergateway.core.warning;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.alert.AlertRepository;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.soil.SoilResultsStored;
import org.groundwatergateway.core.storage.Database;

/**
 * Judges newly stored soil results against the SOIL_SCREENING rules: a result at a rule's threshold × the GB 36600-2018
 * screening value for second-class (industrial) land raises an alert about that boring and parameter. Soil results are
 * lab results taken once, not a series: there is no hysteresis, and an alert stays open until people clear it. Of a
 * boring's several depths the worst result speaks, so one boring and parameter is one alert at its worst level.
 */
public final class SoilScreening {

    private final WarningRuleRepository rules;
    private final ParameterRepository parameters;
    private final ParkRepository parks;
    private final AlertRepository alerts;
    private final Clock clock;

    public SoilScreening(Database database, AlertRepository alerts, Clock clock) {
        this.rules = new WarningRuleRepository(database);
        this.parameters = new ParameterRepository(database);
        this.parks = new ParkRepository(database);
        this.alerts = alerts;
        this.clock = clock;
    }

    public void subscribeTo(EventBus events) {
        events.subscribe(SoilResultsStored.class, this::judge);
    }

    /** Raises the alerts the results call for; returns them (an alert already open about a boring and parameter is not raised again). */
    public List<Alert> judge(SoilResultsStored stored) {
        List<BoundRule> screening = new ArrayList<>();
        for (WarningRule rule : rules.findAll(false)) {
            if (rule.kind() != WarningRule.Kind.SOIL_SCREENING) continue;
            BoundRule bound = BoundRule.bind(rule, parameters, parks);
            if (bound != null && (bound.parkId == null || bound.parkId == stored.parkId())) screening.add(bound);
        }
        List<Alert> raised = new ArrayList<>();
        if (screening.isEmpty()) return raised;
        Map<Long, Parameter> byId = parameters.findAll().stream().collect(Collectors.toMap(Parameter::id, Function.identity()));
        List<SoilResultsStored.Result> worstFirst = new ArrayList<>(stored.results());
        worstFirst.sort(Comparator.comparingDouble((SoilResultsStored.Result r) -> r.sample().valueMgPerKg()).reversed());
        for (BoundRule rule : screening) {
            for (SoilResultsStored.Result result : worstFirst) {
                Parameter parameter = byId.get(result.sample().parameterId());
                if (parameter == null || !parameter.code().equals(rule.rule.parameterCode())) continue;
                double measure = result.sample().valueMgPerKg() / rule.reference;
                Alert.Level level = rule.rule.thresholds().levelOf(measure);
                if (level == null) continue;
                String subject = "soil:" + result.boringCode() + "/" + parameter.code();
                alerts.raise(rule.rule.alertKind(), level, subject, message(rule, result, parameter, measure, level), clock.instant())
                        .ifPresent(raised::add);
            }
        }
        return raised;
    }

    private static String message(BoundRule rule, SoilResultsStored.Result result, Parameter parameter, double measure, Alert.Level level) {
        var s = result.sample();
        return String.format(Locale.ROOT, "%s预警 %s: soil boring %s %.1f–%.1f m %s = %.4g mg/kg (sampled %s), %.4g × the GB 36600 "
                        + "screening value %.4g mg/kg (rule %d v%d)", level.nameZh(), rule.rule.name(), result.boringCode(), s.depthTopM(),
                s.depthBottomM(), parameter.code(), s.valueMgPerKg(), s.sampledOn(), measure, rule.reference, rule.rule.id(), rule.rule.version());
    }
}
