package org.groundwatergateway.ingest.bulk;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.monitoring.Sensor;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.soil.SoilBoring;
import org.groundwatergateway.core.soil.SoilRepository;
import org.groundwatergateway.core.soil.SoilResultsStored;
import org.groundwatergateway.core.soil.SoilSample;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.groundwatergateway.core.geo.Cgcs2000;
import org.groundwatergateway.ingest.bulk.ImportReport.RowError;
import org.groundwatergateway.ingest.bulk.ImportRows.Row;
import org.groundwatergateway.ingest.device.DeviceRegistry;
import org.groundwatergateway.ingest.hj212.Hj212DataFlags;
import org.groundwatergateway.ingest.hj212.PollutantCodes;
import org.groundwatergateway.ingest.intake.ReadingIntake;
import org.locationtech.jts.geom.Coordinate;

/**
 * Readings, laboratory results and soil results uploaded over HTTP. Every row is checked first; the
 * caller chooses whether one bad row refuses the whole upload (ALL_OR_NOTHING) or only itself
 * (ACCEPT_VALID). Readings then pass through the intake like any other, in one transaction.
 */
public final class BulkImport {

    public enum Mode {
        ALL_OR_NOTHING, ACCEPT_VALID;

        /** The mode a request names, case and '-' forgiven. */
        public static Mode of(String name) {
            try {
                return valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("ingest.notOneOf", "mode", name, "[ALL_OR_NOTHING, ACCEPT_VALID]");
            }
        }
    }

    /** Readings committed together when an upload may be stored in parts. */
    private static final int ACCEPT_VALID_CHUNK = 20_000;
    /** Refusals beyond this many per upload are summarised, not recorded one by one. */
    private static final int RECORDED_ERRORS = 100;
    private static final Pattern NON_DETECT = Pattern.compile("(?i)^(ND)?\\s*<\\s*([0-9.eE+-]+)$|^(?i)ND$");

    private final Database database;
    private final ReadingIntake intake;
    private final DeviceRegistry devices;
    private final PollutantCodes codes;
    private final MonitoringRepository monitoring;
    private final ParameterRepository parameters;
    private final ParkRepository parks;
    private final SoilRepository soil;
    private final EventBus events;
    private final Clock clock;

    public BulkImport(Database database, ReadingIntake intake, DeviceRegistry devices, PollutantCodes codes, EventBus events, Clock clock) {
        this.database = database;
        this.intake = intake;
        this.devices = devices;
        this.codes = codes;
        this.monitoring = new MonitoringRepository(database);
        this.parameters = new ParameterRepository(database);
        this.parks = new ParkRepository(database);
        this.soil = new SoilRepository(database);
        this.events = events;
        this.clock = clock;
    }

    /** Rows of well, parameter (code, CAS or HJ 212 code), time, value in the parameter's unit, and optionally an HJ 212 flag. */
    public ImportReport readings(Iterable<Row> rows, Mode mode, ImportTemplate template, boolean live, String origin) {
        Lookups lookups = new Lookups();
        List<RowError> errors = new ArrayList<>();
        List<Reading> readings = new ArrayList<>(ACCEPT_VALID_CHUNK);
        int rowCount = 0;
        ReadingIntake.Mode intakeMode = live ? ReadingIntake.Mode.LIVE : ReadingIntake.Mode.HISTORICAL;
        // ACCEPT_VALID: chunks are stored while the next ones are being read and checked.
        Chunks chunks = new Chunks(intakeMode);
        Instant now = clock.instant();
        UploadTooLarge tooLarge = null;
        try {
            for (Row row : rows) {
                rowCount++;
                try {
                    Well well = lookups.well(row);
                    Parameter parameter = lookups.parameter(row);
                    Long datastream = lookups.datastream(well, parameter);
                    if (datastream == null) {
                        throw new RowProblem(new InvalidInput("ingest.import.noDatastream", "parameter", well.code(), parameter.code()));
                    }
                    int flags = flag(row);
                    readings.add(Reading.arrived(datastream, lookups.time(row, template), number(row, "value"), flags, "http", now));
                } catch (RowProblem p) {
                    errors.add(new RowError(row.number(), p.problem));
                }
                if (mode == Mode.ACCEPT_VALID && readings.size() == ACCEPT_VALID_CHUNK) {
                    chunks.add(List.copyOf(readings));
                    readings.clear();
                }
            }
        } catch (UploadTooLarge beyond) {
            tooLarge = beyond;
        }
        // Beyond a limit, ALL_OR_NOTHING stores nothing; ACCEPT_VALID keeps what it read before it, as it keeps valid rows
        // beside wrong ones.
        if (mode == Mode.ALL_OR_NOTHING) {
            if (tooLarge != null) throw tooLarge.after(rowCount, 0);
            return store(rowCount, readings, errors, mode, intakeMode, origin, List.of());
        }
        chunks.add(readings);
        chunks.finish();
        record(errors, origin);
        if (tooLarge != null) throw tooLarge.after(rowCount, chunks.stored);
        return new ImportReport(mode.name(), rowCount, chunks.stored, chunks.alreadyStored, errors.size(), errors);
    }

    /**
     * Readings handed to the intake in chunks, each its own transaction, at most two in flight: the caller goes on
     * reading and checking meanwhile, and devices' live packets are never queued behind more than two chunks.
     */
    private final class Chunks {
        private final ReadingIntake.Mode mode;
        private final Deque<CompletableFuture<ReadingIntake.Receipt>> inFlight = new ArrayDeque<>();
        int stored;
        int alreadyStored;

        Chunks(ReadingIntake.Mode mode) {
            this.mode = mode;
        }

        void add(List<Reading> chunk) {
            if (inFlight.size() == 2) count(ReadingIntake.await(inFlight.removeFirst()));
            inFlight.add(intake.submit(chunk, mode));
        }

        void finish() {
            while (!inFlight.isEmpty()) count(ReadingIntake.await(inFlight.removeFirst()));
        }

        private void count(ReadingIntake.Receipt receipt) {
            stored += receipt.stored().size();
            alreadyStored += receipt.alreadyStored();
        }
    }

    /**
     * Laboratory results: well, parameter, time (sampling), value, sampleId, labReportId, detectionLimit. A value
     * written {@code <0.5}, {@code ND<0.5} or {@code ND} (with detectionLimit) is a non-detect, stored as the
     * detection limit with the NON_DETECT flag. Each well gets a laboratory datastream per parameter.
     */
    public ImportReport labResults(List<Row> rows, Mode mode, ImportTemplate template, String origin) {
        record LabRow(Well well, Parameter parameter, Instant time, double value, boolean nonDetect, String sample, String report, Double limit) {}
        Lookups lookups = new Lookups();
        List<RowError> errors = new ArrayList<>();
        List<LabRow> valid = new ArrayList<>();
        for (Row row : rows) {
            try {
                Well well = lookups.well(row);
                Parameter parameter = lookups.parameter(row);
                String sample = required(row, "sampleId");
                String report = required(row, "labReportId");
                Double limit = row.get("detectionLimit") == null ? null : number(row, "detectionLimit");
                Matcher nd = NON_DETECT.matcher(required(row, "value").replace(" ", ""));
                boolean nonDetect = nd.matches();
                if (nonDetect && nd.group(2) != null) limit = Double.valueOf(nd.group(2));
                if (nonDetect && limit == null) throw new RowProblem(new InvalidInput("ingest.import.nonDetectLimit", "detectionLimit"));
                double value = nonDetect ? limit : number(row, "value");
                valid.add(new LabRow(well, parameter, time(row, "time", template), value, nonDetect, sample, report, limit));
            } catch (RowProblem p) {
                errors.add(new RowError(row.number(), p.problem));
            }
        }
        if (!errors.isEmpty() && mode == Mode.ALL_OR_NOTHING) return refuse(rows.size(), errors, mode, origin);
        Instant now = clock.instant();
        List<Reading> readings = new ArrayList<>();
        List<Object[]> details = new ArrayList<>();
        for (LabRow r : valid) {
            long datastream = lookups.labDatastream(r.well(), r.parameter());
            readings.add(Reading.arrived(datastream, r.time(), r.value(), r.nonDetect() ? QualityFlag.NON_DETECT.bit() : 0, "lab", now));
            details.add(new Object[] {datastream, r.time(), r.sample(), r.report(), r.limit(), r.nonDetect()});
        }
        return store(rows.size(), readings, errors, mode, ReadingIntake.Mode.LIVE, origin, details);
    }

    /** Soil results by depth: boring, lon and lat (for a new boring), depthTop, depthBottom, parameter, value (mg/kg), sampledOn. */
    public ImportReport soilResults(List<Row> rows, Mode mode, String park, String origin) {
        long parkId = parks.findByCode(park).orElseThrow(() -> new InvalidInput("ingest.park.unknown", "park", park)).id();
        Lookups lookups = new Lookups();
        Map<String, SoilBoring> borings = new HashMap<>();
        soil.findBorings(parkId).forEach(b -> borings.put(b.code(), b));
        List<RowError> errors = new ArrayList<>();
        List<Runnable> inserts = new ArrayList<>();
        List<SoilResultsStored.Result> stored = new ArrayList<>();
        Map<String, SoilBoring> newBorings = new HashMap<>();
        for (Row row : rows) {
            try {
                String code = required(row, "boring");
                Parameter parameter = lookups.parameter(row);
                double top = number(row, "depthTop");
                double bottom = number(row, "depthBottom");
                if (!(bottom > top)) throw new RowProblem(new InvalidInput("ingest.import.depth", "depthBottom"));
                double value = number(row, "value");
                LocalDate sampled;
                try {
                    sampled = LocalDate.parse(required(row, "sampledOn"));
                } catch (DateTimeParseException e) {
                    throw new RowProblem(new InvalidInput("ingest.registration.notDate", "sampledOn", row.get("sampledOn")));
                }
                if (!borings.containsKey(code) && !newBorings.containsKey(code)) {
                    double lon = number(row, "lon");
                    double lat = number(row, "lat");
                    newBorings.put(code, new SoilBoring(null, parkId, code, Cgcs2000.GEOMETRY_FACTORY.createPoint(new Coordinate(lon, lat)), sampled));
                }
                String sampleCode = row.get("sampleId") != null ? row.get("sampleId") : code + "-" + top + "-" + bottom + "-" + parameter.code();
                inserts.add(() -> {
                    SoilBoring boring = borings.get(code);
                    stored.add(new SoilResultsStored.Result(code,
                            soil.insert(new SoilSample(null, boring.id(), sampleCode, top, bottom, parameter.id(), value, sampled))));
                });
            } catch (RowProblem p) {
                errors.add(new RowError(row.number(), p.problem));
            }
        }
        if (!errors.isEmpty() && mode == Mode.ALL_OR_NOTHING) return refuse(rows.size(), errors, mode, origin);
        record(errors, origin);
        newBorings.values().forEach(b -> borings.put(b.code(), soil.insert(b)));
        inserts.forEach(Runnable::run);
        // Soil results are news when they arrive, as lab results are: the screening rules judge them.
        if (!stored.isEmpty()) events.publish(new SoilResultsStored(parkId, stored));
        return new ImportReport(mode.name(), rows.size(), inserts.size(), 0, errors.size(), errors);
    }

    private ImportReport store(int rowCount, List<Reading> readings, List<RowError> errors, Mode mode, ReadingIntake.Mode intakeMode,
                               String origin, List<Object[]> labDetails) {
        if (!errors.isEmpty() && mode == Mode.ALL_OR_NOTHING) return refuse(rowCount, errors, mode, origin);
        record(errors, origin);
        // ALL_OR_NOTHING is one transaction; otherwise chunks, between which devices' live packets are committed.
        Chunks chunks = new Chunks(intakeMode);
        int chunk = mode == Mode.ALL_OR_NOTHING ? Math.max(1, readings.size()) : ACCEPT_VALID_CHUNK;
        for (int from = 0; from < readings.size(); from += chunk) {
            chunks.add(readings.subList(from, Math.min(readings.size(), from + chunk)));
        }
        chunks.finish();
        if (!labDetails.isEmpty()) {
            database.inTransaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO lab_results (datastream_id, phenomenon_time, sample_id, "
                        + "lab_report_id, detection_limit, non_detect) SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS "
                        + "(SELECT 1 FROM lab_results WHERE datastream_id = ? AND phenomenon_time = ?)")) {
                    for (Object[] d : labDetails) {
                        insert.setLong(1, (Long) d[0]);
                        insert.setObject(2, Rows.timestamp((Instant) d[1]));
                        insert.setString(3, (String) d[2]);
                        insert.setString(4, (String) d[3]);
                        insert.setObject(5, d[4]);
                        insert.setBoolean(6, (Boolean) d[5]);
                        insert.setLong(7, (Long) d[0]);
                        insert.setObject(8, Rows.timestamp((Instant) d[1]));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return null;
            });
        }
        return new ImportReport(mode.name(), rowCount, chunks.stored, chunks.alreadyStored, errors.size(), errors);
    }

    /** Nothing stored: every row counts as refused, and the report says which rows were wrong. */
    private ImportReport refuse(int rowCount, List<RowError> errors, Mode mode, String origin) {
        record(errors, origin);
        return new ImportReport(mode.name(), rowCount, 0, 0, rowCount, errors);
    }

    private void record(List<RowError> errors, String origin) {
        for (int i = 0; i < Math.min(errors.size(), RECORDED_ERRORS); i++) {
            RowError e = errors.get(i);
            devices.rejected("http", origin, null, "row " + e.row() + ", " + e.column() + ": " + e.reason(), null);
        }
        if (errors.size() > RECORDED_ERRORS) {
            devices.rejected("http", origin, null, (errors.size() - RECORDED_ERRORS) + " more rows refused; see the import report", null);
        }
    }

    /** Wells, parameters and datastreams, loaded once per upload. */
    private final class Lookups {
        final Map<String, Well> wells = new HashMap<>();
        final Map<String, Parameter> parametersByName = new HashMap<>();
        /** well id × 2^20 + parameter id (× 2 + 1 for the laboratory datastream) -> datastream id. */
        final Map<Long, Long> datastreams = new HashMap<>();
        /** Times repeat across the parameters and wells of one upload; parse each text once. */
        final Map<String, Instant> times = new HashMap<>();

        Lookups() {
            monitoring.findWells().forEach(w -> wells.put(w.code(), w));
            for (Parameter p : parameters.findAll()) {
                parametersByName.put(p.code(), p);
                if (p.cas() != null) parametersByName.putIfAbsent(p.cas(), p);
                if (p.hj212Code() != null) parametersByName.putIfAbsent(p.hj212Code(), p);
            }
            Map<String, Parameter> byCode = new HashMap<>(parametersByName);
            for (Parameter p : byCode.values()) codes.codeFor(p.code()).ifPresent(c -> parametersByName.putIfAbsent(c, p));
            for (Datastream d : monitoring.findDatastreams()) {
                if (d.wellId() != null) datastreams.putIfAbsent(key(d.wellId(), d.parameterId(), d.code().endsWith("/lab")), d.id());
            }
        }

        Well well(Row row) {
            String code = required(row, "well");
            Well well = wells.get(code);
            if (well == null) throw new RowProblem(new InvalidInput("ingest.registration.noWell", "well", code));
            return well;
        }

        Parameter parameter(Row row) {
            String name = required(row, "parameter");
            Parameter p = parametersByName.get(name);
            if (p == null) throw new RowProblem(new InvalidInput("ingest.registration.unknownParameter", "parameter", name));
            return p;
        }

        Long datastream(Well well, Parameter parameter) {
            return datastreams.get(key(well.id(), parameter.id(), false));
        }

        Instant time(Row row, ImportTemplate template) {
            String text = required(row, "time");
            Instant parsed = times.get(text);
            if (parsed == null) {
                parsed = BulkImport.time(row, "time", template);
                if (times.size() > 100_000) times.clear();
                times.put(text, parsed);
            }
            return parsed;
        }

        private static long key(long wellId, long parameterId, boolean laboratory) {
            return ((wellId << 20) + parameterId) * 2 + (laboratory ? 1 : 0);
        }

        long labDatastream(Well well, Parameter parameter) {
            return datastreams.computeIfAbsent(key(well.id(), parameter.id(), true), key -> {
                Sensor lab = monitoring.findSensor(well.code() + "-LAB").orElseGet(() ->
                        monitoring.insert(new Sensor(null, well.code() + "-LAB", "LAB", "实验室分析 / laboratory analysis", "-", 365, null)));
                return monitoring.insert(new Datastream(null, well.code() + "/" + parameter.code() + "/lab", well.id(), null, parameter.id(),
                        lab.id(), null, 0)).id();
            });
        }
    }

    /** A row refused, its field the column at fault; kept apart from the refusals of the whole upload. */
    private static final class RowProblem extends RuntimeException {
        final InvalidInput problem;

        RowProblem(InvalidInput problem) {
            super(problem.getMessage(), null, false, false);
            this.problem = problem;
        }
    }

    private static String required(Row row, String column) {
        String value = row.get(column);
        if (value == null) throw new RowProblem(new InvalidInput("ingest.registration.missing", column));
        return value;
    }

    private static double number(Row row, String column) {
        String text = required(row, column);
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) throw new NumberFormatException();
            return value;
        } catch (NumberFormatException e) {
            throw new RowProblem(new InvalidInput("ingest.import.notANumber", column, text));
        }
    }

    private static int flag(Row row) {
        try {
            return Hj212DataFlags.bits(row.get("flag"));
        } catch (InvalidInput e) {
            throw new RowProblem(e.at("flag"));
        }
    }

    private static Instant time(Row row, String column, ImportTemplate template) {
        String text = required(row, column);
        try {
            if (template != null && template.timeFormat() != null) {
                return LocalDateTime.parse(text, DateTimeFormatter.ofPattern(template.timeFormat())).toInstant(ZoneOffset.of(template.zone()));
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException noOffset) {
                if (template != null && template.zone() != null) return LocalDateTime.parse(text).toInstant(ZoneOffset.of(template.zone()));
                throw noOffset;
            }
        } catch (DateTimeParseException e) {
            throw new RowProblem(template != null && template.timeFormat() != null
                    ? new InvalidInput("ingest.import.timeInFormat", column, text, template.timeFormat())
                    : new InvalidInput("ingest.import.time", column, text));
        }
    }
}
