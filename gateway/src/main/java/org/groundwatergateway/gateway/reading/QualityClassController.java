package org.groundwatergateway.gateway.reading;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.time.CalendarStep;
import org.groundwatergateway.gateway.config.GatewayProperties;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.gateway.web.NotFoundException;
import org.groundwatergateway.gateway.web.RequestValues;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.disclosed.DisclosedRecords;
import org.groundwatergateway.policies.sharing.Datasets;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * How many wells were in each GB/T 14848 class, day by day (or hour or month): the public portal's trend, drawn from the
 * readings exactly as the caller's sharing policy shows them. Each well counts once per step, in the class of its worst
 * valid reading of that step, as the readings door would show that reading (its class, or the class of the policy's
 * mean where the policy shows means), after the policy's delay; readings an instrument flagged stopped, maintenance,
 * fault, calibration or communication fault, or that a reviewer rejected, do not count. The answer holds counts only:
 * nothing in it is finer than the class the caller may read of each reading anyway.
 */
@RestController
@RequestMapping("/api/v1/quality-classes")
@Tag(name = "Datastreams", description = "数据流与监测数据 / datastreams and their readings")
public class QualityClassController {

    /** The most readings one answer reads: about a year of hourly data at 20 wells. */
    static final int MAX_READINGS = 200_000;
    private static final Duration DEFAULT_WINDOW = Duration.ofDays(30);
    private static final int CLASSES = 5;

    private final MonitoringRepository monitoring;
    private final ParameterRepository parameters;
    private final ReadingRepository readings;
    private final DisclosedRecords disclosed;
    private final Clock clock;
    private final int pageSize;

    public QualityClassController(MonitoringRepository monitoring, ParameterRepository parameters, ReadingRepository readings,
                                  DisclosedRecords disclosed, Clock clock, GatewayProperties properties) {
        this.monitoring = monitoring;
        this.parameters = parameters;
        this.readings = readings;
        this.disclosed = disclosed;
        this.clock = clock;
        this.pageSize = properties.maxPageSize();
    }

    /**
     * One step: how many wells reported a valid reading in it, and how many of them were in each class.
     *
     * @param classes wells in class I, II, III, IV and V, in that order
     */
    public record ClassStep(Instant start, int wells, List<Integer> classes) {}

    /**
     * @param from the first step's start
     * @param to   the end of the window read (exclusive): the {@code to} asked for, or the policy's delay cutoff if earlier
     * @param wells the wells measuring the parameter whose readings were read
     */
    public record ClassSeries(String parameter, String interval, Instant from, Instant to, int wells, List<ClassStep> steps) {}

    @GetMapping
    @Operation(summary = "Wells per GB/T 14848 class per hour, day or month (each well by its worst valid reading of the step), over the "
            + "readings as the caller may see them: the public portal's trend (at most " + MAX_READINGS + " readings per request)")
    public ClassSeries classes(
            @Parameter(description = "a parameter with GB/T 14848 classes", example = "benzene") @RequestParam String parameter,
            @Parameter(description = "hour, day or month; steps start on China Standard Time (UTC+8) boundaries", example = "day")
            @RequestParam(defaultValue = "day") String interval,
            @Parameter(description = "earliest phenomenon time, inclusive (ISO-8601 with offset); default 30 days before to",
                    example = "2025-11-01T00:00:00+08:00") @RequestParam(required = false) String from,
            @Parameter(description = "latest phenomenon time, exclusive; default now (the policy's delay cuts it)",
                    example = "2025-12-01T00:00:00+08:00") @RequestParam(required = false) String to) {
        Viewer viewer = Viewers.current();
        disclosed.require(viewer, "Datastreams");
        Disclosure shown = disclosed.requireSeries(viewer, Datasets.READINGS);
        // Counted over the wells the caller may see, and within the areas both the wells and the readings are shown in.
        Set<Long> wellsShown = disclosed.wells(shown, disclosed.wells(disclosed.require(viewer, "wells"), monitoring.findWells())).stream()
                .map(Well::id).collect(Collectors.toSet());
        CalendarStep step = CalendarStep.named(interval);
        var measured = parameters.findByCode(parameter)
                .orElseThrow(() -> new NotFoundException(new InvalidInput("gateway.notFound.parameter", "parameter", parameter)));
        if (measured.classLimits() == null) throw new InvalidInput("gateway.qualityClasses.noClasses", "parameter", parameter);

        Instant end = RequestValues.instant("to", to);
        if (end == null) end = clock.instant();
        Instant start = RequestValues.instant("from", from);
        if (start == null) start = end.minus(DEFAULT_WINDOW);
        if (!end.isAfter(start)) throw new InvalidInput("gateway.window.toAfterFrom", "to");
        Instant until = disclosed.readableBefore(shown, end);
        Instant first = step.start(start);

        // One datastream per well: a dual-sensor well's first; the second sensor measures the same water.
        Map<Long, Datastream> perWell = new TreeMap<>();
        for (Datastream d : monitoring.findDatastreams()) {
            if (d.wellId() == null || d.parameterId() != measured.id() || !wellsShown.contains(d.wellId())) continue;
            perWell.merge(d.wellId(), d, (a, b) -> a.id() <= b.id() ? a : b);
        }
        long count = 0;
        if (until.isAfter(start)) {
            for (Datastream d : perWell.values()) count += readings.count(d.id(), start, until);
        }
        if (count > MAX_READINGS) throw new InvalidInput("gateway.qualityClasses.tooLong", "from/to", count, MAX_READINGS);

        // Step start to well to its worst class in the step.
        Map<Instant, Map<Long, Integer>> worst = new TreeMap<>();
        if (until.isAfter(start)) {
            for (Datastream d : perWell.values()) {
                disclosed.forEachShown(shown, measured, start, until, pageSize, (f, before, last, size) -> readings.page(d.id(), f, before, last, size),
                        r -> {
                            if (r.gbt14848Class() == null || QualityFlag.any(r.qualityFlags(), QualityFlag.NOT_VALID_FOR_MEANS)) return;
                            worst.computeIfAbsent(step.start(r.time()), s -> new HashMap<>()).merge(d.wellId(), r.gbt14848Class(), Math::max);
                        });
            }
        }
        List<ClassStep> steps = new ArrayList<>();
        worst.forEach((stepStart, wells) -> {
            int[] classes = new int[CLASSES];
            wells.values().forEach(c -> classes[Math.min(CLASSES, Math.max(1, c)) - 1]++);
            steps.add(new ClassStep(stepStart, wells.size(), java.util.Arrays.stream(classes).boxed().toList()));
        });
        return new ClassSeries(measured.code(), interval, first, until, perWell.size(), steps);
    }
}
