package org.groundwatergateway.gateway.warning;

import org.groundwatergateway.core.problem.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.groundwatergateway.core.warning.AlarmFeedback;
import org.groundwatergateway.core.warning.ThresholdTuning;
import org.groundwatergateway.core.warning.TuningReport;
import org.groundwatergateway.core.warning.WarningRule;
import org.groundwatergateway.core.warning.WarningRuleRepository;
import org.groundwatergateway.gateway.web.NotFoundException;
import org.groundwatergateway.gateway.web.RequestValues;
import org.springframework.http.HttpStatus;
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
@RequestMapping("/api/v1")
@Tag(name = "Threshold tuning", description = "预警阈值调优 / verdicts on alarms, missed alarms, thresholds replayed on history")
public class ThresholdTuningController {

    /** A report without a period covers the year before now. */
    private static final Duration DEFAULT_PERIOD = Duration.ofDays(365);

    /** FALSE_ALARM or CONFIRMED; {@code by} defaults to the signed-in account (shared control-room accounts name the person). */
    public record VerdictRequest(String verdict, String by, String note) {}

    /** A datastream code and the ISO-8601 time at which the rule should have raised an alarm on it. */
    public record MissedAlarmRequest(String datastream, String at, String by, String note) {}

    private final WarningRuleRepository rules;
    private final AlarmFeedback feedback;
    private final ThresholdTuning tuning;
    private final Clock clock;

    public ThresholdTuningController(WarningRuleRepository rules, AlarmFeedback feedback, ThresholdTuning tuning, Clock clock) {
        this.rules = rules;
        this.feedback = feedback;
        this.tuning = tuning;
        this.clock = clock;
    }

    @PutMapping("/alerts/{id}/verdict")
    @Operation(summary = "Record whether an alert a warning rule raised was a false alarm or confirmed; a later verdict replaces it")
    public AlarmFeedback.AlertVerdict verdict(@PathVariable long id, @RequestBody VerdictRequest request, Principal principal) {
        AlarmFeedback.Verdict verdict = WarningRuleController.value(AlarmFeedback.Verdict.class, "verdict", request.verdict());
        return feedback.judge(id, verdict, by(request.by(), principal), request.note(), clock.instant())
                .orElseThrow(() -> new NotFoundException(new InvalidInput("gateway.notFound.alert", "id", id)));
    }

    @PostMapping("/warning-rules/{id}/missed-alarms")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a missed alarm: a time at which the rule should have raised one on a datastream it watches and did not")
    public AlarmFeedback.MissedAlarm recordMissed(@PathVariable long id, @RequestBody MissedAlarmRequest request, Principal principal) {
        return feedback.recordMissed(rule(id), request.datastream(), RequestValues.instant("at", request.at()), by(request.by(), principal),
                request.note(), clock.instant());
    }

    @GetMapping("/warning-rules/{id}/missed-alarms")
    @Operation(summary = "The missed alarms recorded for a rule, oldest first")
    public List<AlarmFeedback.MissedAlarm> missed(@PathVariable long id) {
        return feedback.missed(rule(id).id());
    }

    @GetMapping("/warning-rules/{id}/tuning")
    @Operation(summary = "Replay the rule's current version over the stored history for its thresholds and candidates 0.5 to 2 × them: "
            + "alarms by level, recorded false alarms still raised, confirmed kept, missed caught; and the proposed thresholds with the reason")
    public TuningReport tuning(@PathVariable long id,
            @Parameter(description = "start of the period, ISO-8601 with offset; default a year before to") @RequestParam(required = false) String from,
            @Parameter(description = "end of the period (exclusive); default now") @RequestParam(required = false) String to,
            @Parameter(description = "how far from a recorded alarm's time a replayed alarm may be open and still count")
            @RequestParam(defaultValue = "24") double toleranceHours) {
        WarningRule rule = rule(id);
        Instant end = RequestValues.instant("to", to);
        if (end == null) end = clock.instant();
        Instant start = RequestValues.instant("from", from);
        return tuning.report(rule, start == null ? end.minus(DEFAULT_PERIOD) : start, end, toleranceHours);
    }

    private WarningRule rule(long id) {
        return rules.find(id).orElseThrow(() -> new NotFoundException(new InvalidInput("gateway.notFound.warningRule", "id", id)));
    }

    private static String by(String by, Principal principal) {
        return by != null && !by.isBlank() ? by : principal.getName();
    }
}
