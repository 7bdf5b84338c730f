package org.groundwatergateway.core.warning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.groundwatergateway.analytics.statistics.NormalPredictionLimit;
import org.groundwatergateway.analytics.statistics.MarosTrend;
import org.groundwatergateway.analytics.statistics.TrendAnalysis;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.park.AquiferLayer;
import org.groundwatergateway.core.park.Park;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.storage.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A rule resolved against the stored site: its park and aquifer ids, and the reference value its measure
 * divides by (a class limit, a screening value; a background limit is set later, from data).
 */
final class BoundRule {

    /** A trend test takes a window of readings: once a day per datastream is plenty and keeps it cheap. */
    static final long TREND_EVERY_SECONDS = 86_400;
    /** Fewer points than this make no Mann–Kendall test worth warning on. */
    static final int TREND_MIN_POINTS = 8;

    static final double BACKGROUND_CONFIDENCE = 0.99;

    final WarningRule rule;
    final Long parkId;
    final Long aquiferId;
    volatile double reference;

    private BoundRule(WarningRule rule, Long parkId, Long aquiferId, double reference) {
        this.rule = rule;
        this.parkId = parkId;
        this.aquiferId = aquiferId;
        this.reference = reference;
    }

    /** Null when the rule's park or aquifer no longer exists. */
    static BoundRule bind(WarningRule rule, ParameterRepository parameters, ParkRepository parks) {
        Long parkId = null;
        Long aquiferId = null;
        if (rule.parkCode() != null) {
            Park park = parks.findByCode(rule.parkCode()).orElse(null);
            if (park == null) return null;
            parkId = park.id();
            if (rule.aquiferCode() != null) {
                AquiferLayer aquifer = parks.findAquifers(park.id()).stream().filter(a -> a.code().equals(rule.aquiferCode())).findFirst().orElse(null);
                if (aquifer == null) return null;
                aquiferId = aquifer.id();
            }
        }
        Parameter parameter = rule.parameterCode() == null ? null : parameters.findByCode(rule.parameterCode()).orElse(null);
        double reference = switch (rule.kind()) {
            case CLASS_LIMIT, TREND -> RuleValidation.classLimit(parameter, rule.limitClass());
            case SOIL_SCREENING -> parameter.soilValues().screeningIndustrial();
            case BACKGROUND -> Double.NaN;
            default -> 1.0;
        };
        return new BoundRule(rule, parkId, aquiferId, reference);
    }

    /** Whether the rule watches this datastream (COMBINED rules: for any of their conditions' parameters). */
    boolean watches(WatchedStream s) {
        // Soil screening values are mg/kg of soil: they judge soil results (SoilScreening), never a well's readings.
        if (rule.kind() == WarningRule.Kind.SOIL_SCREENING) return false;
        if (!rule.appliesTo(s.role())) return false;
        if (parkId != null && parkId != s.parkId()) return false;
        if (aquiferId != null && aquiferId != s.aquiferId()) return false;
        if (rule.kind() == WarningRule.Kind.COMBINED) return rule.conditions().stream().anyMatch(c -> c.parameterCode().equals(s.parameterCode()));
        return rule.parameterCode().equals(s.parameterCode());
    }

    /** How many hours of a datastream's past the measure needs. */
    double historyHours() {
        return switch (rule.kind()) {
            case LEVEL_CHANGE, TREND -> rule.windowHours();
            case RATE_OF_CHANGE -> 24 * 7;
            default -> 0;
        };
    }

    /**
     * The measure of a reading against this rule, given the datastream's history before it; NaN when
     * there is nothing to judge yet. Not for COMBINED rules, which need the other datastreams of the well.
     *
     * @param lastTrend when this datastream's trend was last tested (epoch seconds), for TREND rules; updated
     */
    double measure(StreamHistory history, long epochSecond, double value, long[] lastTrend) {
        switch (rule.kind()) {
            case CLASS_LIMIT, SOIL_SCREENING, BACKGROUND:
                return value / reference;
            case LEVEL_CHANGE: {
                StreamHistory.Point start = history.oldestSince(epochSecond - (long) (rule.windowHours() * 3600));
                return start == null ? Double.NaN : Math.abs(value - start.value());
            }
            case RATE_OF_CHANGE: {
                StreamHistory.Point previous = history.last();
                if (previous == null || previous.epochSecond() >= epochSecond) return Double.NaN;
                return Math.abs(value - previous.value()) / ((epochSecond - previous.epochSecond()) / 3600.0);
            }
            case TREND:
                if (epochSecond - lastTrend[0] < TREND_EVERY_SECONDS) return Double.NaN;
                lastTrend[0] = epochSecond;
                return projectedRatio(history, epochSecond, value);
            default:
                throw new IllegalStateException("a COMBINED rule is measured at its well");
        }
    }

    /** The Sen-slope projection at the horizon over the limit while Mann–Kendall finds an increase, else 0 (it may clear). */
    private double projectedRatio(StreamHistory history, long epochSecond, double value) {
        double[][] series = history.since(epochSecond - (long) (rule.windowHours() * 3600));
        int n = series[0].length;
        if (n + 1 < TREND_MIN_POINTS) return Double.NaN;
        double[] times = Arrays.copyOf(series[0], n + 1);
        double[] values = Arrays.copyOf(series[1], n + 1);
        times[n] = epochSecond / 86400.0;
        values[n] = value;
        TrendAnalysis trend = TrendAnalysis.of(times, values);
        if (trend.trend() != MarosTrend.INCREASING) return 0;
        return (value + trend.senSlope().slope() * rule.horizonDays()) / reference;
    }

    /**
     * Sets a BACKGROUND rule's reference: the 99 % upper prediction limit for a single future value of the
     * representative readings of its parameter at the background wells in its scope in the window before
     * {@code until}; NaN (nothing is judged) with fewer than 3 of them.
     */
    void refreshBackground(JdbcClient jdbc, Collection<WatchedStream> streams, Instant until) {
        List<Long> background = streams.stream()
                .filter(s -> s.role() == Well.Role.BACKGROUND && s.parameterCode().equals(rule.parameterCode()))
                .filter(s -> (parkId == null || parkId == s.parkId()) && (aquiferId == null || aquiferId == s.aquiferId()))
                .map(WatchedStream::id).toList();
        if (background.isEmpty()) {
            reference = Double.NaN;
            return;
        }
        Instant from = until.minusSeconds((long) (rule.windowHours() * 3600));
        List<Object> params = new ArrayList<>(background);
        params.add(Rows.timestamp(from));
        params.add(Rows.timestamp(until));
        int excluded = QualityFlag.bits(QualityFlag.NOT_REPRESENTATIVE);
        double[] values = jdbc.sql("SELECT result_value, quality_flags FROM readings WHERE datastream_id IN ("
                        + String.join(", ", Collections.nCopies(background.size(), "?")) + ") AND current_version "
                        + "AND phenomenon_time >= ? AND phenomenon_time < ?")
                .params(params)
                .query((rs, row) -> (rs.getInt("quality_flags") & excluded) == 0 ? rs.getDouble("result_value") : Double.NaN)
                .list().stream().filter(v -> !Double.isNaN(v)).mapToDouble(Double::doubleValue).toArray();
        reference = values.length < 3 ? Double.NaN : NormalPredictionLimit.forFutureValues(values, 1, BACKGROUND_CONFIDENCE).limit();
    }
}
