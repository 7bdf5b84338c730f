package org.groundwatergateway.gateway.reading;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Set;
import org.groundwatergateway.core.io.CsvField;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.monitoring.Sensor;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.reading.ReadingAggregates;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.time.CalendarStep;
import org.groundwatergateway.gateway.config.GatewayProperties;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.gateway.web.NotFoundException;
import org.groundwatergateway.gateway.web.PublicBaseUrl;
import org.groundwatergateway.gateway.web.RequestValues;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.disclosed.DisclosedRecords;
import org.groundwatergateway.policies.sharing.Datasets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/datastreams")
@Tag(name = "Datastreams", description = "数据流与监测数据 / datastreams and their readings")
public class DatastreamController {

    private static final Instant BEGINNING = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2200-01-01T00:00:00Z");
    /** The datasets the sharing policy names these by: SensorThings' Datastreams, and the readings themselves. */
    private static final String DATASTREAMS = "Datastreams";
    private static final String READINGS = Datasets.READINGS;
    /** The most rows one CSV export holds: an export is built whole, and its receipt hashes it whole. */
    static final int EXPORT_ROWS = 100_000;
    /** The longest window of {@code days} up to the latest reading: ten years. */
    static final int MAX_DAYS = 3_660;

    private final MonitoringRepository monitoring;
    private final ParameterRepository parameters;
    private final ReadingRepository readings;
    private final int maxPageSize;
    private final PublicBaseUrl publicBaseUrl;
    private final Clock clock;

    private final DisclosedRecords disclosed;

    public DatastreamController(MonitoringRepository monitoring, ParameterRepository parameters, ReadingRepository readings,
                                GatewayProperties properties, PublicBaseUrl publicBaseUrl, DisclosedRecords disclosed, Clock clock) {
        this.disclosed = disclosed;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
        this.monitoring = monitoring;
        this.parameters = parameters;
        this.readings = readings;
        this.maxPageSize = properties.maxPageSize();
    }

    public record DatastreamView(long id, String code, String well, String parameter, String parameterNameZh,
                                 String parameterNameEn, String unit, String sensor, String mn, Long pairedDatastreamId,
                                 int intervalMinutes, Long readingCount) {}

    /**
     * One reading as the caller may see it.
     *
     * @param value null where the sharing policy shows the class only; where it shows means over time, the mean of
     *              the step starting at {@code time}, with {@code source} {@code mean/<number of readings>}
     * @param gbt14848Class the value's GB/T 14848 class (1 = I … 5 = V); null where its parameter has no classes
     */
    public record ReadingView(Instant time, Double value, Double rawValue, Integer gbt14848Class, Set<QualityFlag> flags, int version,
                              String source, Instant receivedTime) {
        static ReadingView of(DisclosedRecords.ShownReading r) {
            return new ReadingView(r.time(), r.value(), r.rawValue(), r.gbt14848Class(), QualityFlag.of(r.qualityFlags()), r.version(),
                    r.source(), r.receivedTime());
        }
    }

    /** One page of readings; {@code next} is the URL of the following page, absent on the last one. */
    public record ReadingPage(long datastreamId, List<ReadingView> items, String next) {}

    @GetMapping
    @Operation(summary = "Datastreams, optionally of one well")
    public List<DatastreamView> all(@RequestParam(required = false) String well) {
        disclosed.require(Viewers.current(), DATASTREAMS);
        List<Datastream> streams = well == null ? monitoring.findDatastreams()
                : monitoring.findDatastreamsOfWell(monitoring.findWell(well).map(Well::id)
                        .orElseThrow(() -> new NotFoundException(new InvalidInput("gateway.notFound.well", "well", well))));
        Lookups lookups = new Lookups();
        return streams.stream().map(d -> lookups.view(d, null)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One datastream, with how many readings it holds")
    public DatastreamView one(@PathVariable long id) {
        disclosed.require(Viewers.current(), DATASTREAMS);
        Disclosure shown = disclosed.requireSeries(Viewers.current(), READINGS);
        return new Lookups().view(datastream(id), readings.count(id, BEGINNING, disclosed.readableUntil(shown, END)));
    }

    @GetMapping("/{id}/readings")
    @Operation(summary = "Current readings of a datastream in time order, one page at a time")
    public ReadingPage readings(
            @PathVariable long id,
            @Parameter(description = "earliest phenomenon time, inclusive (ISO-8601 with offset)") @RequestParam(required = false) String from,
            @Parameter(description = "latest phenomenon time, exclusive") @RequestParam(required = false) String to,
            @Parameter(description = "continue after this phenomenon time (from the previous page's next link)") @RequestParam(required = false) String after,
            @Parameter(description = "page size, at most gw.max-page-size") @RequestParam(defaultValue = "1000") int limit) {
        RequestValues.limit("limit", limit, maxPageSize);
        ShownWindow window = new ShownWindow(id, from, to);
        List<ReadingView> items = window.page(RequestValues.instant("after", after), limit);
        String next = items.size() < limit ? null : publicBaseUrl.currentRequest()
                .replaceQueryParam("after", items.get(items.size() - 1).time().toString()).build(true).toUriString();
        return new ReadingPage(id, items, next);
    }

    @GetMapping(path = "/{id}/readings", params = "format=csv")
    @Operation(summary = "Export: every reading of a datastream in a time window as CSV, as the caller may see them "
            + "(at most " + EXPORT_ROWS + " rows; narrow from/to for more)")
    public ResponseEntity<String> export(
            @PathVariable long id,
            @Parameter(description = "earliest phenomenon time, inclusive (ISO-8601 with offset)") @RequestParam(required = false) String from,
            @Parameter(description = "latest phenomenon time, exclusive") @RequestParam(required = false) String to) {
        disclosed.require(Viewers.current(), Datasets.EXPORTS);
        ShownWindow window = new ShownWindow(id, from, to);
        long count = window.count();
        if (count > EXPORT_ROWS) {
            throw new InvalidInput("gateway.reading.exportTooLong", "from/to", count, EXPORT_ROWS);
        }
        StringBuilder csv = new StringBuilder("time,value,gbt14848_class,flags,version,source\r\n");
        window.forEach(r -> csv.append(r.time()).append(',').append(r.value() == null ? "" : r.value()).append(',')
                .append(r.gbt14848Class() == null ? "" : r.gbt14848Class()).append(',')
                .append(CsvField.of(String.join(" ", r.flags().stream().map(Enum::name).sorted().toList()))).append(',')
                .append(r.version()).append(',').append(CsvField.of(r.source())).append("\r\n"));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("datastream-" + id + "-readings.csv").build().toString())
                .body(csv.toString());
    }

    /**
     * Per step of the park's calendar: the statistics of the readings the caller may see, in time order.
     *
     * @param from the window read, inclusive
     * @param to   the window read, exclusive: as asked, or earlier where the sharing policy delays readings
     */
    public record AggregateSeries(long datastreamId, String interval, String unit, Instant from, Instant to, List<ReadingAggregates.Bucket> buckets) {}

    @GetMapping("/{id}/aggregates")
    @Operation(summary = "Mean, minimum, maximum and count of a datastream's valid readings per hour, day or month of China Standard "
            + "Time, over the readings as the caller may see them (a year of hourly data as 365 daily points; a window of at most "
            + EXPORT_ROWS + " readings). Each step's start is given; it ends where the next step of the interval starts. The window "
            + "is from/to, or the given days up to the latest reading the caller may see (a chart of the latest year in one request)")
    public AggregateSeries aggregates(
            @PathVariable long id,
            @Parameter(description = "hour, day or month; steps start on China Standard Time (UTC+8) boundaries", example = "day")
            @RequestParam String interval,
            @Parameter(description = "earliest phenomenon time, inclusive (ISO-8601 with offset)", example = "2025-11-01T00:00:00+08:00")
            @RequestParam(required = false) String from,
            @Parameter(description = "latest phenomenon time, exclusive", example = "2025-11-03T00:00:00+08:00") @RequestParam(required = false) String to,
            @Parameter(description = "instead of from and to: this many days (1 to " + MAX_DAYS + ") up to and including the latest reading the "
                    + "caller may see (up to now where there is none)", example = "365") @RequestParam(required = false) Integer days) {
        CalendarStep step = CalendarStep.named(interval);
        ShownWindow window;
        if (days == null) window = new ShownWindow(id, from, to);
        else if (from != null || to != null) throw new InvalidInput("gateway.window.daysOrFromTo", "days");
        else window = new ShownWindow(id, RequestValues.limit("days", days, MAX_DAYS));
        // Bounded as the export is: one request reads at most this many readings (ten years of hourly data).
        long count = window.count();
        if (count > EXPORT_ROWS) throw new InvalidInput("gateway.reading.aggregateTooLong", days == null ? "from/to" : "days", count, EXPORT_ROWS);
        // Over what the disclosure shows (values masked to a class are no values; a policy's own means are its points),
        // so the statistics tell nothing the readings themselves would not.
        ReadingAggregates aggregates = new ReadingAggregates(step);
        window.forEach(r -> aggregates.add(r.time(), r.value(), QualityFlag.bits(r.flags())));
        return new AggregateSeries(id, interval, window.parameter.unit(), window.start, window.until, aggregates.buckets());
    }

    /**
     * A datastream's readings between {@code from} and {@code to} as the caller may see them: the window is cut at the
     * sharing policy's delay before the repository is asked, and each reading (or, where the policy aggregates in
     * time, each step's mean) shown as the policy says.
     */
    private final class ShownWindow {
        private final long id;
        private final Disclosure shown;
        private final org.groundwatergateway.core.parameter.Parameter parameter;
        private final Instant start;
        private final Instant until;

        ShownWindow(long id, String from, String to) {
            this.id = id;
            this.shown = disclosed.requireSeries(Viewers.current(), READINGS);
            this.parameter = parameters.findById(datastream(id).parameterId()).orElseThrow();
            this.start = orDefault(RequestValues.instant("from", from), BEGINNING);
            Instant end = orDefault(RequestValues.instant("to", to), END);
            if (!end.isAfter(start)) throw new InvalidInput("gateway.window.toAfterFrom", "to");
            this.until = disclosed.readableBefore(shown, end);
        }

        /**
         * The {@code days} up to the latest reading the caller may see, ending just after it (to now where there is none):
         * so that a chart of the latest year needs no round trip to find the latest reading first.
         */
        ShownWindow(long id, int days) {
            this.id = id;
            this.shown = disclosed.requireSeries(Viewers.current(), READINGS);
            this.parameter = parameters.findById(datastream(id).parameterId()).orElseThrow();
            // Where the policy shows means over a step, the window ends at a step's boundary: the answer's `to` must not
            // tell the latest reading's time more finely than its means do.
            Instant end = readings.latestTimeBefore(id, disclosed.readableBefore(shown, END)).map(t -> disclosed.windowEndAfter(shown, t))
                    .orElseGet(clock::instant);
            this.start = end.minus(Duration.ofDays(days));
            this.until = disclosed.readableBefore(shown, end);
        }

        long count() {
            return until.isAfter(start) ? readings.count(id, start, until) : 0;
        }

        List<ReadingView> page(Instant after, int limit) {
            return disclosed.series(shown, parameter, start, until, after, limit, this::stored).stream().map(ReadingView::of).toList();
        }

        /** Every reading of the window as shown, in time order, a page at a time. */
        void forEach(Consumer<ReadingView> action) {
            disclosed.forEachShown(shown, parameter, start, until, maxPageSize, this::stored, r -> action.accept(ReadingView.of(r)));
        }

        private List<Reading> stored(Instant from, Instant before, Instant last, int size) {
            return readings.page(id, from, before, last, size);
        }
    }

    private Datastream datastream(long id) {
        return monitoring.findDatastream(id).orElseThrow(() -> new NotFoundException(new InvalidInput("gateway.notFound.datastream", "id", id)));
    }

    /** Parameters, sensors and wells loaded once per request. */
    private final class Lookups {
        private final Map<Long, org.groundwatergateway.core.parameter.Parameter> parametersById = parameters.findAll().stream()
                .collect(Collectors.toMap(p -> p.id(), Function.identity()));
        private final Map<Long, Sensor> sensorsById = monitoring.findSensors().stream()
                .collect(Collectors.toMap(Sensor::id, Function.identity()));
        private final Map<Long, String> wellCodes = monitoring.findWells().stream().collect(Collectors.toMap(Well::id, Well::code));

        DatastreamView view(Datastream d, Long readingCount) {
            var parameter = parametersById.get(d.parameterId());
            Sensor sensor = sensorsById.get(d.sensorId());
            return new DatastreamView(d.id(), d.code(), d.wellId() == null ? null : wellCodes.get(d.wellId()), parameter.code(),
                    parameter.nameZh(), parameter.nameEn(), parameter.unit(), sensor.code(), sensor.mn(), d.pairedDatastreamId(),
                    d.intervalMinutes(), readingCount);
        }
    }

    private static Instant orDefault(Instant value, Instant fallback) {
        return value == null ? fallback : value;
    }
}
