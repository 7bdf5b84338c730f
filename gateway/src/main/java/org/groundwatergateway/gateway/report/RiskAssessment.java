package org.groundwatergateway.gateway.report;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.groundwatergateway.analytics.statistics.MarosTrend;
import org.groundwatergateway.analytics.statistics.TrendAnalysis;
import org.groundwatergateway.core.parameter.GroundwaterClassLimits;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.park.Park;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.groundwatergateway.core.time.ChinaStandardTime;
import org.springframework.stereotype.Service;

/** Assesses the pollution risk of a park's wells from their stored readings, as {@link RiskReport#METHOD} says. */
@Service
public class RiskAssessment {

    /** Fewer daily means than this give no trend: the Mann–Kendall test has no power below it. */
    static final int MIN_DAYS = 4;
    private static final int NOT_REPRESENTATIVE = QualityFlag.bits(QualityFlag.NOT_REPRESENTATIVE);

    private final Database database;
    private final ParkRepository parks;
    private final ParameterRepository parameters;
    private final Clock clock;

    public RiskAssessment(Database database, ParkRepository parks, ParameterRepository parameters, Clock clock) {
        this.database = database;
        this.parks = parks;
        this.parameters = parameters;
        this.clock = clock;
    }

    private record Stream(long id, String well, String wellName, String aquifer, String role, Parameter parameter) {}

    /** A datastream's valid readings in the window: by day, and the latest. */
    private static final class Series {
        final TreeMap<Long, Day> days = new TreeMap<>();
        Instant latestTime;
        double latestValue;
    }

    /** Valid readings of one datastream on one China Standard Time day. */
    private static final class Day {
        long count;
        double sum;
        long exceedances;
    }

    /** @param to the window's end; null for now. @param from its start; null for a year before the end. */
    public RiskReport assess(String parkCode, Instant from, Instant to) {
        Park park = parks.findByCode(parkCode).orElseThrow(() -> new InvalidInput("gateway.park.unknown", "park", parkCode));
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(java.time.Duration.ofDays(365)) : from;
        if (!end.isAfter(start)) throw new InvalidInput("gateway.window.toAfterFrom", "to");
        Map<String, Parameter> classified = new HashMap<>();
        for (Parameter p : parameters.findAll()) if (p.classLimits() != null) classified.put(p.code(), p);
        List<Stream> streams = database.jdbc().sql("SELECT d.id, w.code AS well, w.name_zh, a.code AS aquifer, w.role, p.code AS parameter "
                        + "FROM datastreams d JOIN wells w ON w.id = d.well_id JOIN aquifer_layers a ON a.id = w.aquifer_id "
                        + "JOIN parameters p ON p.id = d.parameter_id WHERE w.park_id = ? ORDER BY w.code, p.code")
                .param(park.id())
                .query((rs, n) -> new Stream(rs.getLong("id"), rs.getString("well"), rs.getString("name_zh"), rs.getString("aquifer"),
                        rs.getString("role"), classified.get(rs.getString("parameter")))).list()
                .stream().filter(s -> s.parameter() != null).toList();

        // Each datastream's valid readings read once down its (datastream, time) key, summed by China Standard Time day here:
        // one query grouping a year of the whole park's readings by a computed day ran past the query timeout on H2.
        Map<Long, Series> days = new HashMap<>();
        for (Stream s : streams) days.put(s.id(), series(s, start, end));
        Map<String, List<RiskReport.ParameterRisk>> byWell = new LinkedHashMap<>();
        Map<String, Stream> wellOf = new LinkedHashMap<>();
        for (Stream s : streams) {
            wellOf.putIfAbsent(s.well(), s);
            Series stored = days.get(s.id());
            TreeMap<Long, Day> series = stored.days;
            long readings = series.values().stream().mapToLong(d -> d.count).sum();
            long exceedances = series.values().stream().mapToLong(d -> d.exceedances).sum();
            Double latestValue = stored.latestTime == null ? null : stored.latestValue;
            String trend = null;
            Double p = null;
            Double slope = null;
            if (series.size() >= MIN_DAYS) {
                double[] t = series.keySet().stream().mapToDouble(Long::doubleValue).toArray();
                double[] v = series.values().stream().mapToDouble(d -> d.sum / d.count).toArray();
                TrendAnalysis analysis = TrendAnalysis.of(t, v);
                trend = analysis.trend().name();
                p = analysis.mannKendall().pValue();
                slope = analysis.senSlope().slope() * 365.25;
            }
            byWell.computeIfAbsent(s.well(), k -> new ArrayList<>()).add(new RiskReport.ParameterRisk(s.parameter().code(), s.parameter().nameZh(),
                    s.parameter().unit(), latestValue, stored.latestTime,
                    latestValue == null ? null : s.parameter().classLimits().classOf(latestValue), readings, exceedances,
                    series.isEmpty() ? null : series.size(), trend, p, slope));
        }

        List<RiskReport.WellRisk> wells = new ArrayList<>();
        for (Map.Entry<String, List<RiskReport.ParameterRisk>> e : byWell.entrySet()) {
            Stream w = wellOf.get(e.getKey());
            List<RiskReport.ParameterRisk> ps = e.getValue();
            Integer worst = ps.stream().map(RiskReport.ParameterRisk::latestClass).filter(java.util.Objects::nonNull).max(Integer::compare).orElse(null);
            long readings = ps.stream().mapToLong(RiskReport.ParameterRisk::readings).sum();
            long exceedances = ps.stream().mapToLong(RiskReport.ParameterRisk::exceedances).sum();
            int increasing = (int) ps.stream().filter(x -> MarosTrend.INCREASING.name().equals(x.trend())
                    || MarosTrend.PROBABLY_INCREASING.name().equals(x.trend())).count();
            Double rate = readings == 0 ? null : (double) exceedances / readings;
            wells.add(new RiskReport.WellRisk(null, w.well(), w.wellName(), w.aquifer(), w.role(), worst, rate, increasing,
                    worst == null ? "—" : level(worst, exceedances, increasing), ps));
        }
        wells.sort(RANKING);
        List<RiskReport.WellRisk> ranked = new ArrayList<>();
        int rank = 0;
        for (RiskReport.WellRisk w : wells) {
            ranked.add(w.worstClass() == null ? w : new RiskReport.WellRisk(++rank, w.well(), w.wellName(), w.aquifer(), w.role(), w.worstClass(),
                    w.exceedanceRate(), w.increasing(), w.level(), w.parameters()));
        }
        return new RiskReport(park.code(), park.nameZh(), start, end, clock.instant(), ranked);
    }

    /** Worst class first, then the higher exceedance rate, then more increasing parameters; wells without data last. */
    static final Comparator<RiskReport.WellRisk> RANKING = Comparator
            .comparing((RiskReport.WellRisk w) -> w.worstClass() == null ? 0 : w.worstClass(), Comparator.reverseOrder())
            .thenComparing(w -> w.exceedanceRate() == null ? 0 : w.exceedanceRate(), Comparator.reverseOrder())
            .thenComparing(RiskReport.WellRisk::increasing, Comparator.reverseOrder())
            .thenComparing(RiskReport.WellRisk::well);

    static String level(int worstClass, long exceedances, int increasing) {
        if (worstClass == 5 || (worstClass == 4 && increasing > 0)) return "高";
        if (worstClass == 4 || exceedances > 0 || increasing > 0) return "中";
        return "低";
    }

    /** A datastream's valid readings in the window by China Standard Time day, and the latest of them. */
    private Series series(Stream stream, Instant start, Instant end) {
        Series series = new Series();
        GroundwaterClassLimits limits = stream.parameter().classLimits();
        database.jdbc().sql("SELECT phenomenon_time, result_value, quality_flags FROM readings WHERE datastream_id = ? AND current_version = TRUE "
                        + "AND phenomenon_time >= ? AND phenomenon_time < ?")
                .params(stream.id(), Rows.timestamp(start), Rows.timestamp(end))
                .query(rs -> {
                    if ((rs.getInt("quality_flags") & NOT_REPRESENTATIVE) != 0) return;
                    Instant time = Rows.instant(rs, "phenomenon_time");
                    double value = rs.getDouble("result_value");
                    Day day = series.days.computeIfAbsent(ChinaStandardTime.date(time).toEpochDay(), k -> new Day());
                    day.count++;
                    day.sum += value;
                    if (limits.classOf(value) > 3) day.exceedances++;
                    if (series.latestTime == null || time.isAfter(series.latestTime)) {
                        series.latestTime = time;
                        series.latestValue = value;
                    }
                });
        return series;
    }
}
