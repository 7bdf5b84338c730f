package org.groundwatergateway.gateway.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.alert.AlertRepository;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.monitoring.MaintenanceRecord;
import org.groundwatergateway.core.parameter.GroundwaterClassLimits;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.quality.DataQuality;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.groundwatergateway.core.time.ChinaStandardTime;
import org.groundwatergateway.ingest.device.DeviceRegistry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Computes the monthly operation and maintenance report from what is stored (devices, datastreams, readings, maintenance
 * records, alerts and the verdicts on them), and keeps the reports of finished months: generated once, by the monthly job
 * or by whoever asks first, then always read back as stored. A month still running is computed afresh and not kept.
 */
@Service
public class OperationsReports {

    /** Readings left out of the search for unalarmed class V values: they do not describe the groundwater. */
    private static final int NOT_REPRESENTATIVE = QualityFlag.bits(QualityFlag.NOT_REPRESENTATIVE);
    /** The instrument's own fault states (HJ 212 F, D, B). */
    private static final int FAULTS = QualityFlag.bits(java.util.EnumSet.of(QualityFlag.STOPPED, QualityFlag.FAULT, QualityFlag.COMMUNICATION_FAULT));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Database database;
    private final AlertRepository alerts;
    private final ParameterRepository parameterCatalogue;
    private final Clock clock;
    private final DataQuality quality;

    public OperationsReports(Database database, DataQuality quality, AlertRepository alerts, ParameterRepository parameterCatalogue, Clock clock) {
        this.database = database;
        this.quality = quality;
        this.alerts = alerts;
        this.parameterCatalogue = parameterCatalogue;
        this.clock = clock;
    }

    /** A stored report in the list of them. */
    public record Stored(String month, Instant generatedAt, String generatedBy) {}

    public List<Stored> stored() {
        return database.jdbc().sql("SELECT report_month, generated_at, generated_by FROM operations_reports ORDER BY report_month DESC")
                .query((rs, n) -> new Stored(rs.getString("report_month"), Rows.instant(rs, "generated_at"), rs.getString("generated_by"))).list();
    }

    /**
     * The month's report: as stored; else, for a finished month, generated and stored now; for the running month,
     * computed up to now and not stored.
     */
    public OperationsReport report(YearMonth month, String by) {
        Optional<OperationsReport> stored = find(month);
        if (stored.isPresent()) return stored.get();
        Instant now = clock.instant();
        if (start(month).isAfter(now)) throw new InvalidInput("gateway.report.monthNotBegun", "month", month);
        return end(month).isAfter(now) ? compute(month, now, by) : store(compute(month, now, by));
    }

    /** The monthly job's work at {@code now}: the report of the month before, unless it is stored already. */
    public Optional<OperationsReport> storePreviousMonth(Instant now, String by) {
        YearMonth previous = YearMonth.from(now.atOffset(ChinaStandardTime.OFFSET)).minusMonths(1);
        if (find(previous).isPresent()) return Optional.empty();
        return Optional.of(store(compute(previous, now, by)));
    }

    private Optional<OperationsReport> find(YearMonth month) {
        return database.jdbc().sql("SELECT content FROM operations_reports WHERE report_month = ?").param(month.toString())
                .query((rs, n) -> JSON.readValue(rs.getString("content"), OperationsReport.class)).optional();
    }

    /** Stores a report; when another gateway stored the month first, theirs stands and is returned. */
    private OperationsReport store(OperationsReport report) {
        try {
            database.jdbc().sql("INSERT INTO operations_reports (report_month, generated_at, generated_by, content) VALUES (?, ?, ?, ?)")
                    .params(report.month(), Rows.timestamp(report.generatedAt()), report.generatedBy(), JSON.writeValueAsString(report)).update();
            return report;
        } catch (DuplicateKeyException stored) {
            return find(YearMonth.parse(report.month())).orElseThrow();
        }
    }

    private static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ChinaStandardTime.OFFSET);
    }

    private static Instant end(YearMonth month) {
        return start(month.plusMonths(1));
    }

    private record Stream(long id, String code, String well, String parameter, String parameterName, String unit, int intervalMinutes, String mn) {}

    private record Logger(String mn, String park, String description, boolean enabled, Instant registeredAt) {}

    OperationsReport compute(YearMonth month, Instant now, String by) {
        Instant from = start(month);
        Instant to = end(month).isAfter(now) ? now : end(month);
        List<Logger> loggers = database.jdbc().sql("SELECT d.mn, k.code AS park, d.description, d.enabled, d.registered_at FROM devices d "
                        + "JOIN parks k ON k.id = d.park_id ORDER BY d.mn")
                .query((rs, n) -> new Logger(rs.getString("mn"), rs.getString("park"), rs.getString("description"), rs.getBoolean("enabled"),
                        Rows.instant(rs, "registered_at"))).list();
        Map<String, Parameter> parameters = new HashMap<>();
        parameterCatalogue.findAll().forEach(p -> parameters.put(p.code(), p));
        // Readings of the period by datastream and flags: the counts behind completeness, flag rates and fault readings.
        DataQuality.Period period = quality.of(from, to);
        List<Stream> streams = period.datastreams().stream().map(d -> {
            Parameter p = parameters.get(d.parameter());
            return new Stream(d.id(), d.code(), d.well(), p.code(), p.nameZh(), p.unit(), d.intervalMinutes(), d.mn());
        }).toList();
        // Hours in which a logger delivered anything: distinct hours since the epoch, whole hours being whole hours in UTC+8 too.
        Map<String, Long> hoursWithData = new HashMap<>();
        database.jdbc().sql("SELECT s.mn, COUNT(DISTINCT FLOOR(EXTRACT(EPOCH FROM r.phenomenon_time) / 3600)) AS hours FROM readings r "
                        + "JOIN datastreams d ON d.id = r.datastream_id JOIN sensors s ON s.id = d.sensor_id "
                        + "WHERE r.current_version = TRUE AND r.phenomenon_time >= ? AND r.phenomenon_time < ? GROUP BY s.mn")
                .params(Rows.timestamp(from), Rows.timestamp(to))
                .query(rs -> {
                    hoursWithData.put(rs.getString("mn"), rs.getLong("hours"));
                });
        Map<String, Map<MaintenanceRecord.Kind, Integer>> works = new HashMap<>();
        database.jdbc().sql("SELECT s.mn, m.kind, COUNT(*) AS n FROM maintenance_records m JOIN sensors s ON s.id = m.sensor_id "
                        + "WHERE m.started_at >= ? AND m.started_at < ? GROUP BY s.mn, m.kind")
                .params(Rows.timestamp(from), Rows.timestamp(to))
                .query(rs -> {
                    works.computeIfAbsent(rs.getString("mn"), k -> new EnumMap<>(MaintenanceRecord.Kind.class))
                            .put(MaintenanceRecord.Kind.valueOf(rs.getString("kind")), rs.getInt("n"));
                });
        Map<String, Integer> overdue = new HashMap<>();
        java.time.LocalDate lastDay = ChinaStandardTime.date(to.minusNanos(1));
        database.jdbc().sql("SELECT mn, calibration_interval_days, last_calibrated_on FROM sensors")
                .query(rs -> {
                    java.time.LocalDate calibrated = Rows.date(rs, "last_calibrated_on");
                    if (calibrated == null || calibrated.plusDays(rs.getInt("calibration_interval_days")).isBefore(lastDay)) {
                        overdue.merge(rs.getString("mn"), 1, Integer::sum);
                    }
                });
        List<Alert> raised = alerts.findRaisedBetween(from, to);

        List<OperationsReport.Completeness> completeness = new ArrayList<>();
        Map<String, Long> faults = new HashMap<>();
        for (DataQuality.Stream d : period.datastreams()) {
            for (Map.Entry<Integer, Long> e : d.byFlags().entrySet()) {
                if ((e.getKey() & FAULTS) != 0) faults.merge(d.mn(), e.getValue(), Long::sum);
            }
            completeness.add(new OperationsReport.Completeness(d.code(), d.well(), d.parameter(), parameters.get(d.parameter()).nameZh(),
                    d.intervalMinutes(), d.expected(), d.received(), d.rate()));
        }
        long total = period.received();
        List<OperationsReport.FlagCount> flags = new ArrayList<>();
        for (Map.Entry<QualityFlag, Long> e : period.flagCounts().entrySet()) {
            flags.add(new OperationsReport.FlagCount(e.getKey().name(), ReportTexts.flag(e.getKey()), e.getValue(), (double) e.getValue() / total));
        }

        List<OperationsReport.DeviceHealth> devices = new ArrayList<>();
        for (Logger l : loggers) {
            Instant since = later(from, l.registeredAt());
            long hours = since.isBefore(to) ? Duration.between(since, to).toHours() : 0;
            long withData = Math.min(hours, hoursWithData.getOrDefault(l.mn(), 0L));
            Map<MaintenanceRecord.Kind, Integer> done = works.getOrDefault(l.mn(), Map.of());
            int silent = (int) raised.stream().filter(a -> a.kind().equals(DeviceRegistry.SILENT_ALERT) && a.subject().equals(l.mn())).count();
            devices.add(new OperationsReport.DeviceHealth(l.mn(), l.park(), l.description(), l.enabled(), hours, withData,
                    hours == 0 ? null : (double) withData / hours, faults.getOrDefault(l.mn(), 0L), silent,
                    done.getOrDefault(MaintenanceRecord.Kind.CALIBRATION, 0),
                    done.getOrDefault(MaintenanceRecord.Kind.ZERO_CHECK, 0) + done.getOrDefault(MaintenanceRecord.Kind.SPAN_CHECK, 0),
                    done.getOrDefault(MaintenanceRecord.Kind.MAINTENANCE, 0) + done.getOrDefault(MaintenanceRecord.Kind.REPAIR, 0)
                            + done.getOrDefault(MaintenanceRecord.Kind.REPLACEMENT, 0),
                    hours == 0 ? 0 : overdue.getOrDefault(l.mn(), 0)));
        }
        return new OperationsReport(month.toString(), from, to, now, by, devices, completeness, total, flags, alarms(raised, streams, from, to));
    }

    private OperationsReport.Alarms alarms(List<Alert> raised, List<Stream> streams, Instant from, Instant to) {
        List<Alert> warnings = raised.stream().filter(a -> a.kind().startsWith("WARNING_")).toList();
        Map<Alert.Level, Integer> byLevel = new EnumMap<>(Alert.Level.class);
        for (Alert a : warnings) byLevel.merge(a.level(), 1, Integer::sum);
        int falseAlarms = 0;
        int confirmed = 0;
        if (!warnings.isEmpty()) {
            Set<Long> ids = new HashSet<>();
            for (Alert a : warnings) ids.add(a.id());
            for (var verdict : database.jdbc().sql("SELECT v.alert_id, v.verdict FROM alert_verdicts v JOIN alerts a ON a.id = v.alert_id "
                            + "WHERE a.raised_at >= ? AND a.raised_at < ?").params(Rows.timestamp(from), Rows.timestamp(to))
                    .query((rs, n) -> Map.entry(rs.getLong("alert_id"), rs.getString("verdict"))).list()) {
                if (!ids.contains(verdict.getKey())) continue;
                if (verdict.getValue().equals("FALSE_ALARM")) falseAlarms++;
                else confirmed++;
            }
        }
        int missed = database.jdbc().sql("SELECT COUNT(*) FROM missed_alarms WHERE observed_at >= ? AND observed_at < ?")
                .params(Rows.timestamp(from), Rows.timestamp(to)).query(Integer.class).single();
        // Whatever alert names a datastream, by its id (rules) or its code (subject), counts as having warned about it.
        Set<String> warned = new HashSet<>();
        for (Alert a : warnings) {
            warned.add(a.subject());
            if (a.origin() != null) warned.add("#" + a.origin().datastreamId());
        }
        // Valid class V readings, by datastream: the class as SQL (GroundwaterClassLimits.classSql), the flags in Java.
        Map<Long, List<double[]>> classV = new HashMap<>();
        database.jdbc().sql("SELECT r.datastream_id, r.result_value, r.quality_flags, r.phenomenon_time FROM readings r "
                        + "JOIN datastreams d ON d.id = r.datastream_id JOIN parameters p ON p.id = d.parameter_id "
                        + "WHERE r.current_version = TRUE AND r.phenomenon_time >= ? AND r.phenomenon_time < ? AND "
                        + GroundwaterClassLimits.classSql("r.result_value", "p") + " = 5 ORDER BY r.phenomenon_time")
                .params(Rows.timestamp(from), Rows.timestamp(to))
                .query(rs -> {
                    if ((rs.getInt("quality_flags") & NOT_REPRESENTATIVE) != 0) return;
                    classV.computeIfAbsent(rs.getLong("datastream_id"), k -> new ArrayList<>())
                            .add(new double[] {rs.getDouble("result_value"), Rows.instant(rs, "phenomenon_time").getEpochSecond()});
                });
        List<OperationsReport.Unalarmed> unalarmed = new ArrayList<>();
        for (Stream s : streams) {
            List<double[]> high = classV.get(s.id());
            if (high == null || warned.contains(s.code()) || warned.contains("#" + s.id())) continue;
            unalarmed.add(new OperationsReport.Unalarmed(s.code(), s.parameterName(), high.size(), high.stream().mapToDouble(r -> r[0]).max().orElseThrow(),
                    s.unit(), Instant.ofEpochSecond((long) high.get(0)[1])));
        }
        unalarmed.sort(Comparator.comparing(OperationsReport.Unalarmed::datastream));
        int reviewed = falseAlarms + confirmed;
        return new OperationsReport.Alarms(warnings.size(), byLevel.getOrDefault(Alert.Level.GENERAL, 0), byLevel.getOrDefault(Alert.Level.SERIOUS, 0),
                byLevel.getOrDefault(Alert.Level.SEVERE, 0), falseAlarms, confirmed, reviewed == 0 ? null : (double) falseAlarms / reviewed, missed,
                unalarmed);
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}
