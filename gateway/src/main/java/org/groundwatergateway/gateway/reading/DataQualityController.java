package org.groundwatergateway.gateway.reading;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.quality.DataQuality;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.time.ChinaStandardTime;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.policies.disclosed.DisclosedRecords;
import org.groundwatergateway.policies.sharing.Datasets;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** How complete and clean the park's data is on one day (China Standard Time): the dashboard's completeness and flag rate. */
@RestController
@RequestMapping("/api/v1/data-quality")
@Tag(name = "Datastreams", description = "数据流与监测数据 / datastreams and their readings")
public class DataQualityController {

    /** A well reports when it has a reading this recent. */
    private static final Duration REPORTING = Duration.ofHours(24);

    private final DataQuality quality;
    private final MonitoringRepository monitoring;
    private final DisclosedRecords disclosed;
    private final Clock clock;

    public DataQualityController(DataQuality quality, MonitoringRepository monitoring, DisclosedRecords disclosed, Clock clock) {
        this.quality = quality;
        this.monitoring = monitoring;
        this.disclosed = disclosed;
        this.clock = clock;
    }

    /**
     * @param completeness stored readings of the loggers' datastreams over those their intervals asked for (null if none)
     * @param flagged      readings with a QA/QC finding a reviewer should look at; {@code flagRate} of all stored
     * @param wellsReporting wells with a reading in the 24 hours up to {@code to}, of {@code wells}
     */
    public record DayQuality(LocalDate date, Instant from, Instant to, long expected, long received, Double completeness, long flagged,
                             Double flagRate, TreeMap<String, Long> flags, int wellsReporting, int wells, List<StreamQuality> datastreams) {}

    public record StreamQuality(String datastream, String well, String parameter, int intervalMinutes, long expected, long received, Double rate) {}

    @GetMapping
    @Operation(summary = "The park's data completeness and QA/QC flag rate on one day, and the wells reporting",
            description = "Over the day of China Standard Time (today: up to now): readings each logger datastream's interval asks "
                    + "for while its device was registered, readings stored, the share stored, readings by QA/QC flag and the share "
                    + "flagged for review; wells with a reading in the 24 hours up to the day's end (or now).")
    public DayQuality day(@Parameter(description = "YYYY-MM-DD, China Standard Time; default today")
                          @RequestParam(required = false) LocalDate date) {
        // Counts and rates of the readings: only for whom the readings are shown as they are.
        disclosed.requireUnmasked(Viewers.current(), Datasets.READINGS);
        Instant now = clock.instant();
        LocalDate day = date != null ? date : ChinaStandardTime.date(now);
        Instant from = day.atStartOfDay(ChinaStandardTime.OFFSET).toInstant();
        if (from.isAfter(now)) throw new InvalidInput("gateway.dataQuality.future", "date", day);
        Instant end = from.plus(Duration.ofDays(1));
        Instant to = end.isAfter(now) ? now : end;
        DataQuality.Period period = quality.of(from, to);
        long received = period.received();
        long flagged = period.flagged(QualityFlag.NEEDS_REVIEW);
        TreeMap<String, Long> flags = new TreeMap<>();
        period.flagCounts().forEach((flag, n) -> flags.put(flag.name(), n));
        Set<String> reporting = quality.wellsReporting(to.minus(REPORTING), to.plusNanos(1));
        return new DayQuality(day, from, to, period.expected(), received, period.completeness(), flagged,
                received == 0 ? null : (double) flagged / received, flags, reporting.size(), monitoring.findWells().size(),
                period.datastreams().stream().filter(d -> d.well() != null).map(d -> new StreamQuality(d.code(), d.well(), d.parameter(),
                        d.intervalMinutes(), d.expected(), d.received(), d.rate())).toList());
    }
}
