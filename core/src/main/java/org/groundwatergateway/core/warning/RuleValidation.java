package org.groundwatergateway.core.warning;

import java.util.List;
import java.util.Arrays;
import java.util.Objects;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.parameter.GroundwaterClassLimits;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.park.Park;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.warning.WarningRule.Kind;
import org.groundwatergateway.core.warning.WarningRule.Thresholds;

/**
 * Checks a rule definition and fills in the defaults of its kind. Every rejection is an {@link InvalidInput} naming
 * the field at fault.
 */
public final class RuleValidation {

    /** What a rule defined without a hysteresis gets. */
    public static final double DEFAULT_HYSTERESIS = 0.05;

    private final ParameterRepository parameters;
    private final ParkRepository parks;

    public RuleValidation(ParameterRepository parameters, ParkRepository parks) {
        this.parameters = parameters;
        this.parks = parks;
    }

    public WarningRule check(WarningRule rule) {
        if (rule.name() == null || rule.name().isBlank()) throw new InvalidInput("core.required", "name");
        if (rule.kind() == null) throw new InvalidInput("core.requiredChoice", "kind", List.of(Kind.values()));
        if (!(rule.hysteresis() >= 0 && rule.hysteresis() < 1)) throw new InvalidInput("core.rule.hysteresis", "hysteresis", rule.hysteresis());
        if (rule.clearAfter() < 1 || rule.clearAfter() > 1000) throw new InvalidInput("core.rule.clearAfter", "clearAfter", rule.clearAfter());
        checkScope(rule);
        Parameter parameter = rule.kind() == Kind.COMBINED ? null : parameter("parameterCode", rule.parameterCode());
        Integer limitClass = rule.limitClass();
        double limit = Double.NaN;
        if (rule.kind() == Kind.CLASS_LIMIT || rule.kind() == Kind.TREND) {
            if (limitClass == null) limitClass = 3;
            limit = classLimit(parameter, limitClass);
        } else if (limitClass != null) {
            throw new InvalidInput("core.rule.classNotTaken", "limitClass");
        }
        if (rule.kind() == Kind.SOIL_SCREENING && (parameter.soilValues() == null || parameter.soilValues().screeningIndustrial() == null)) {
            throw new InvalidInput("core.rule.noScreeningValue", "parameterCode", parameter.code());
        }
        List<WarningRule.Condition> conditions = rule.conditions() == null ? List.of() : List.copyOf(rule.conditions());
        if (rule.kind() == Kind.COMBINED) {
            if (conditions.isEmpty()) throw new InvalidInput("core.rule.noCondition", "conditions");
            for (int i = 0; i < conditions.size(); i++) {
                WarningRule.Condition c = conditions.get(i);
                parameter("conditions[" + i + "].parameterCode", c.parameterCode());
                if (c.comparison() == null) throw new InvalidInput("core.requiredChoice", "conditions[" + i + "].comparison", List.of(WarningRule.Comparison.values()));
                if (!Double.isFinite(c.threshold())) throw new InvalidInput("core.rule.notANumber", "conditions[" + i + "].threshold");
            }
        } else if (!conditions.isEmpty()) {
            throw new InvalidInput("core.rule.conditionsNotTaken", "conditions");
        }
        Thresholds thresholds = rule.thresholds() == null || allNull(rule.thresholds())
                ? defaults(rule.kind(), parameter, limitClass, limit) : rule.thresholds();
        checkThresholds(rule.kind(), thresholds);
        Double window = positive("windowHours", rule.windowHours(), switch (rule.kind()) {
            case LEVEL_CHANGE -> 24.0;
            case TREND -> 30 * 24.0;
            case BACKGROUND -> 365 * 24.0;
            case COMBINED -> 2.0;
            default -> null;
        });
        Double horizon = positive("horizonDays", rule.horizonDays(), rule.kind() == Kind.TREND ? 90.0 : null);
        return new WarningRule(rule.id(), rule.version(), rule.name().strip(), rule.kind(),
                parameter == null ? null : parameter.code(), rule.roles(), rule.parkCode(), rule.aquiferCode(), limitClass,
                thresholds, rule.hysteresis(), rule.clearAfter(), window, horizon, conditions, rule.createdAt(), rule.createdBy(),
                rule.retiredAt());
    }

    /** The GB/T 14848 limit a rule of this class compares with: the class's upper bound, which must be above 0. */
    static double classLimit(Parameter parameter, int limitClass) {
        if (limitClass < 1 || limitClass > 4) throw new InvalidInput("core.rule.limitClass", "limitClass", limitClass);
        GroundwaterClassLimits limits = parameter.classLimits();
        if (limits == null) throw new InvalidInput("core.rule.noClassLimits", "parameterCode", parameter.code());
        Double upper = limits.bounds(limitClass).upper();
        if (upper == null || !(upper > 0)) throw new InvalidInput("core.rule.noUpperLimit", "limitClass", limitClass, parameter.code());
        return upper;
    }

    private void checkScope(WarningRule rule) {
        if (rule.parkCode() == null) {
            if (rule.aquiferCode() != null) throw new InvalidInput("core.rule.aquiferWithoutPark", "aquiferCode");
            return;
        }
        Park park = parks.findByCode(rule.parkCode()).orElseThrow(() -> new InvalidInput("core.park.unknown", "parkCode", rule.parkCode()));
        if (rule.aquiferCode() != null && parks.findAquifers(park.id()).stream().noneMatch(a -> a.code().equals(rule.aquiferCode()))) {
            throw new InvalidInput("core.rule.noAquifer", "aquiferCode", park.code(), rule.aquiferCode());
        }
    }

    private Parameter parameter(String field, String code) {
        if (code == null || code.isBlank()) throw new InvalidInput("core.required", field);
        return parameters.findByCode(code).orElseThrow(() -> new InvalidInput("core.parameter.unknown", field, code));
    }

    private static Thresholds defaults(Kind kind, Parameter parameter, Integer limitClass, double limit) {
        return switch (kind) {
            // Severe at the class V boundary (the class IV upper bound) where that lies above the limit.
            case CLASS_LIMIT -> {
                Double classV = limitClass < 4 ? parameter.classLimits().bounds(4).upper() : null;
                yield new Thresholds(0.8, 1.0, classV != null && classV / limit > 1.0 ? classV / limit : 2.0);
            }
            case SOIL_SCREENING -> {
                Parameter.SoilValues soil = parameter.soilValues();
                Double intervention = soil.interventionIndustrial();
                yield new Thresholds(0.8, 1.0, intervention != null && intervention > soil.screeningIndustrial()
                        ? intervention / soil.screeningIndustrial() : 2.0);
            }
            case BACKGROUND, TREND -> new Thresholds(1.0, 1.5, 2.0);
            case LEVEL_CHANGE -> new Thresholds(0.5, 1.0, 2.0);
            case RATE_OF_CHANGE -> new Thresholds(0.1, 0.25, 0.5);
            case COMBINED -> Thresholds.at(Alert.Level.SERIOUS, 1.0);
        };
    }

    private static void checkThresholds(Kind kind, Thresholds t) {
        Double[] given = {t.general(), t.serious(), t.severe()};
        if (kind == Kind.COMBINED) {
            long set = Arrays.stream(given).filter(Objects::nonNull).count();
            if (set != 1 || t.lowest() != 1.0) throw new InvalidInput("core.rule.combinedThreshold", "thresholds");
            return;
        }
        Double previous = null;
        for (Double threshold : given) {
            if (threshold == null) continue;
            if (!(threshold > 0) || !Double.isFinite(threshold)) throw new InvalidInput("core.rule.thresholdPositive", "thresholds", threshold);
            if (previous != null && !(threshold > previous)) {
                throw new InvalidInput("core.rule.thresholdOrder", "thresholds", t);
            }
            previous = threshold;
        }
    }

    private static Double positive(String field, Double value, Double fallback) {
        if (value == null) return fallback;
        if (fallback == null) throw new InvalidInput("core.rule.notApplicable", field);
        if (!(value > 0) || !Double.isFinite(value)) throw new InvalidInput("core.rule.positive", field, value);
        return value;
    }

    private static boolean allNull(Thresholds t) {
        return t.general() == null && t.serious() == null && t.severe() == null;
    }
}
