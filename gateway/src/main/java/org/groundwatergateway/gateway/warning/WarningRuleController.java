package org.groundwatergateway.gateway.warning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.warning.RuleValidation;
import org.groundwatergateway.core.warning.WarningRule;
import org.groundwatergateway.core.warning.WarningRuleRepository;
import org.groundwatergateway.gateway.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/warning-rules")
@Tag(name = "Warning rules", description = "预警规则 / versioned warning rules")
public class WarningRuleController {

    /**
     * A rule as written by a client. Thresholds are in the measure of the kind (see {@link WarningRule.Kind});
     * leave them out for the kind's defaults. A COMBINED rule gives its {@code level} instead.
     */
    public record RuleRequest(String name, String kind, String parameterCode, List<String> roles, String parkCode, String aquiferCode,
                              Integer limitClass, WarningRule.Thresholds thresholds, String level, Double hysteresis, Integer clearAfter,
                              Double windowHours, Double horizonDays, List<ConditionRequest> conditions) {}

    public record ConditionRequest(String parameterCode, String comparison, Double threshold) {}

    private final WarningRuleRepository rules;
    private final RuleValidation validation;
    private final Clock clock;

    public WarningRuleController(WarningRuleRepository rules, RuleValidation validation, Clock clock) {
        this.rules = rules;
        this.validation = validation;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The latest version of every rule")
    public List<WarningRule> list(@RequestParam(defaultValue = "false") boolean retired) {
        return rules.findAll(retired);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a rule (its version 1)")
    public WarningRule create(@RequestBody RuleRequest request, Principal principal) {
        return rules.create(validation.check(rule(request)), principal.getName(), clock.instant());
    }

    @GetMapping("/{id}")
    @Operation(summary = "A rule's latest version")
    public WarningRule get(@PathVariable long id) {
        return rules.find(id).orElseThrow(() -> new NotFoundException(new InvalidInput("gateway.notFound.warningRule", "id", id)));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit a rule: stores a new version, keeping the old ones")
    public WarningRule update(@PathVariable long id, @RequestBody RuleRequest request, Principal principal) {
        get(id);
        return rules.update(id, validation.check(rule(request)), principal.getName(), clock.instant());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Retire a rule: it raises nothing more; its versions and alerts stay")
    public void retire(@PathVariable long id) {
        if (!rules.retire(id, clock.instant())) throw new NotFoundException(new InvalidInput("gateway.notFound.activeWarningRule", "id", id));
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "Every version of a rule, oldest first")
    public List<WarningRule> versions(@PathVariable long id) {
        List<WarningRule> versions = rules.versions(id);
        if (versions.isEmpty()) throw new NotFoundException(new InvalidInput("gateway.notFound.warningRule", "id", id));
        return versions;
    }

    private static WarningRule rule(RuleRequest r) {
        if (r == null) throw new InvalidInput("gateway.warning.body", "body");
        WarningRule.Kind kind = value(WarningRule.Kind.class, "kind", r.kind());
        Set<Well.Role> roles = EnumSet.noneOf(Well.Role.class);
        if (r.roles() != null) r.roles().forEach(role -> roles.add(value(Well.Role.class, "roles", role)));
        WarningRule.Thresholds thresholds = r.thresholds();
        if (r.level() != null) {
            if (kind != WarningRule.Kind.COMBINED) throw new InvalidInput("gateway.warning.oneLevel", "level");
            thresholds = WarningRule.Thresholds.at(value(Alert.Level.class, "level", r.level()), 1.0);
        }
        List<WarningRule.Condition> conditions = r.conditions() == null ? null : r.conditions().stream().map(c -> {
            if (c.threshold() == null) throw new InvalidInput("gateway.required", "conditions.threshold");
            return new WarningRule.Condition(c.parameterCode(), value(WarningRule.Comparison.class, "conditions.comparison", c.comparison()),
                    c.threshold());
        }).toList();
        return new WarningRule(null, 0, r.name(), kind, r.parameterCode(), Set.copyOf(roles), r.parkCode(), r.aquiferCode(), r.limitClass(),
                thresholds, r.hysteresis() == null ? RuleValidation.DEFAULT_HYSTERESIS : r.hysteresis(), r.clearAfter() == null ? 1 : r.clearAfter(), r.windowHours(),
                r.horizonDays(), conditions, null, null, null);
    }

    /** An enum constant from request text, case-insensitive; the error names the field and the choices. */
    static <E extends Enum<E>> E value(Class<E> type, String field, String text) {
        if (text == null) throw new InvalidInput("gateway.requiredChoice", field, List.of(type.getEnumConstants()));
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("gateway.notOneOf", field, text, List.of(type.getEnumConstants()));
        }
    }
}
