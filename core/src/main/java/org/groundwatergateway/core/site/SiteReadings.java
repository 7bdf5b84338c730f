package org.groundwatergateway.core.site;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.park.AquiferLayer;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.groundwatergateway.core.time.ChinaStandardTime;

/**
 * The readings an analysis works from: current versions only, and none that QA/QC, the instrument or a
 * reviewer marked as not representative, averaged per well and China Standard Time day (hourly loggers would
 * otherwise weigh a well by how often it reports).
 *
 * <p>A drill's view ({@link #forDrill}) is the real readings with the drill's simulated ones in place of those of the
 * datastreams it simulates (its counterfactual background before the release, the release after), so that its incident is
 * analysed as a real one would be in a park without real plumes, while no real analysis ever sees a drill's readings.
 */
public final class SiteReadings {

    /** A day's mean at one well. */
    public record DailyMean(LocalDate day, Instant midday, double value, int readings) {}

    private static final int UNUSABLE = QualityFlag.bits(QualityFlag.NOT_REPRESENTATIVE);

    private final Database database;
    private final Long drillId;

    public SiteReadings(Database database) {
        this(database, null);
    }

    private SiteReadings(Database database, Long drillId) {
        this.database = database;
        this.drillId = drillId;
    }

    /** The readings as a drill sees them: its simulated readings replace all of its datastreams' real ones. */
    public static SiteReadings forDrill(Database database, long drillId) {
        return new SiteReadings(database, drillId);
    }

    /** Daily means of a parameter at every active well of an aquifer that has any, in well-code order. */
    public Map<Well, List<DailyMean>> dailyMeans(Site site, AquiferLayer aquifer, String parameterCode, Instant from, Instant to) {
        Map<Long, Well> wells = new LinkedHashMap<>();
        for (Well well : site.wellsIn(aquifer)) wells.put(well.id(), well);
        Map<Long, TreeMap<LocalDate, double[]>> sums = new LinkedHashMap<>();
        org.springframework.jdbc.core.RowCallbackHandler add = rs -> {
            if ((rs.getInt("quality_flags") & UNUSABLE) != 0) return;
            long well = rs.getLong("well_id");
            if (!wells.containsKey(well)) return;
            LocalDate day = ChinaStandardTime.date(Rows.instant(rs, "phenomenon_time"));
            double[] sum = sums.computeIfAbsent(well, w -> new TreeMap<>()).computeIfAbsent(day, d -> new double[2]);
            sum[0] += rs.getDouble("result_value");
            sum[1]++;
        };
        String streams = "JOIN datastreams d ON d.id = r.datastream_id JOIN parameters p ON p.id = d.parameter_id "
                + "JOIN wells w ON w.id = d.well_id WHERE w.park_id = ? AND w.aquifer_id = ? AND p.code = ? "
                + "AND r.phenomenon_time >= ? AND r.phenomenon_time < ?";
        List<Object> params = new ArrayList<>(List.of(site.park().id(), aquifer.id(), parameterCode, Rows.timestamp(from), Rows.timestamp(to)));
        String replaced = "";
        if (drillId != null) {
            replaced = " AND NOT EXISTS (SELECT 1 FROM drill_readings x WHERE x.drill_id = ? AND x.datastream_id = r.datastream_id)";
            database.jdbc().sql("SELECT d.well_id, r.phenomenon_time, r.result_value, 0 AS quality_flags FROM drill_readings r " + streams
                    + " AND r.drill_id = ?").params(append(params, drillId)).query(add);
            params = append(params, drillId);
        }
        database.jdbc().sql("SELECT d.well_id, r.phenomenon_time, r.result_value, r.quality_flags FROM readings r " + streams
                + " AND r.current_version" + replaced).params(params).query(add);
        Map<Well, List<DailyMean>> means = new LinkedHashMap<>();
        for (Map.Entry<Long, Well> well : wells.entrySet()) {
            TreeMap<LocalDate, double[]> days = sums.get(well.getKey());
            if (days == null) continue;
            List<DailyMean> series = new ArrayList<>(days.size());
            days.forEach((day, sum) -> series.add(new DailyMean(day, day.atTime(12, 0).toInstant(ChinaStandardTime.OFFSET),
                    sum[0] / sum[1], (int) sum[1])));
            means.put(well.getValue(), series);
        }
        return means;
    }

    /** The mean over the whole period at each well of an aquifer (of its daily means), e.g. heads for a flow field. */
    public Map<Well, Double> periodMeans(Site site, AquiferLayer aquifer, String parameterCode, Instant from, Instant to) {
        Map<Well, Double> means = new LinkedHashMap<>();
        dailyMeans(site, aquifer, parameterCode, from, to).forEach((well, days) ->
                means.put(well, days.stream().mapToDouble(DailyMean::value).average().orElseThrow()));
        return means;
    }

    /** When the last real reading of a parameter was taken anywhere in an aquifer of the park before {@code before}. */
    public Optional<Instant> latest(Site site, AquiferLayer aquifer, String parameterCode, Instant before) {
        return database.jdbc().sql("SELECT MAX(r.phenomenon_time) AS latest FROM readings r JOIN datastreams d ON d.id = r.datastream_id "
                        + "JOIN parameters p ON p.id = d.parameter_id JOIN wells w ON w.id = d.well_id "
                        + "WHERE w.park_id = ? AND w.aquifer_id = ? AND p.code = ? AND r.current_version AND r.phenomenon_time < ?")
                .params(site.park().id(), aquifer.id(), parameterCode, Rows.timestamp(before))
                .query((rs, n) -> Optional.ofNullable(Rows.instant(rs, "latest"))).single();
    }

    private static List<Object> append(List<Object> params, Object... more) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(List.of(more));
        return all;
    }
}
