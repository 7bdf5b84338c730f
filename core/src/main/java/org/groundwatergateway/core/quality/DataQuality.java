package org.groundwatergateway.core.quality;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;

/**
 * How complete and how clean a period's data is, per datastream: the readings its reporting interval asks for (while
 * its device was registered), the readings stored, and their QA/QC flags. The monthly O&M report and the park's
 * dashboard (today so far) read the same counts.
 */
public final class DataQuality {

    private final Database database;

    public DataQuality(Database database) {
        this.database = database;
    }

    /**
     * One datastream over the period.
     *
     * @param expected readings its interval asks for since the later of the period's start and its device's registration;
     *                 0 for a laboratory series, which has no interval
     * @param byFlags  stored (current) readings by their QA/QC flag bits
     */
    public record Stream(long id, String code, String well, String parameter, String mn, int intervalMinutes, long expected,
                         Map<Integer, Long> byFlags) {

        public Stream {
            byFlags = Map.copyOf(byFlags);
        }

        public long received() {
            return byFlags.values().stream().mapToLong(Long::longValue).sum();
        }

        /** received / expected, at most 1; null when none were expected. */
        public Double rate() {
            return expected == 0 ? null : Math.min(1, (double) received() / expected);
        }
    }

    /** The datastreams over one period, [from, to). */
    public record Period(Instant from, Instant to, List<Stream> datastreams) {

        public Period {
            datastreams = List.copyOf(datastreams);
        }

        public long expected() {
            return datastreams.stream().mapToLong(Stream::expected).sum();
        }

        /** Stored readings of the datastreams that expected some (a lab series' results do not fill a logger's gaps). */
        public long receivedOfExpected() {
            return datastreams.stream().filter(s -> s.expected() > 0).mapToLong(s -> Math.min(s.received(), s.expected())).sum();
        }

        public long received() {
            return datastreams.stream().mapToLong(Stream::received).sum();
        }

        /** Of all readings expected, the share stored; null when none were expected. */
        public Double completeness() {
            long expected = expected();
            return expected == 0 ? null : (double) receivedOfExpected() / expected;
        }

        /** Readings carrying each QA/QC flag. */
        public Map<QualityFlag, Long> flagCounts() {
            Map<QualityFlag, Long> counts = new EnumMap<>(QualityFlag.class);
            for (Stream s : datastreams) {
                s.byFlags().forEach((bits, n) -> QualityFlag.of(bits).forEach(flag -> counts.merge(flag, n, Long::sum)));
            }
            return counts;
        }

        /** Readings carrying at least one of the flags. */
        public long flagged(java.util.Set<QualityFlag> flags) {
            int mask = QualityFlag.bits(flags);
            return datastreams.stream().flatMap(s -> s.byFlags().entrySet().stream()).filter(e -> (e.getKey() & mask) != 0)
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }

    public Period of(Instant from, Instant to) {
        Map<Long, Map<Integer, Long>> byFlags = new HashMap<>();
        database.jdbc().sql("SELECT datastream_id, quality_flags, COUNT(*) AS n FROM readings WHERE current_version = TRUE "
                        + "AND phenomenon_time >= ? AND phenomenon_time < ? GROUP BY datastream_id, quality_flags")
                .params(Rows.timestamp(from), Rows.timestamp(to))
                .query(rs -> {
                    byFlags.computeIfAbsent(rs.getLong("datastream_id"), k -> new HashMap<>()).merge(rs.getInt("quality_flags"), rs.getLong("n"), Long::sum);
                });
        List<Stream> streams = database.jdbc().sql("SELECT d.id, d.code, w.code AS well, p.code AS parameter, d.interval_minutes, s.mn, "
                        + "v.registered_at FROM datastreams d JOIN sensors s ON s.id = d.sensor_id JOIN parameters p ON p.id = d.parameter_id "
                        + "LEFT JOIN wells w ON w.id = d.well_id LEFT JOIN devices v ON v.mn = s.mn ORDER BY d.code")
                .query((rs, n) -> {
                    int interval = rs.getInt("interval_minutes");
                    Instant registered = Rows.instant(rs, "registered_at");
                    Instant since = registered != null && registered.isAfter(from) ? registered : from;
                    long expected = interval > 0 && since.isBefore(to) ? Duration.between(since, to).toSeconds() / (60L * interval) : 0;
                    return new Stream(rs.getLong("id"), rs.getString("code"), rs.getString("well"), rs.getString("parameter"), rs.getString("mn"),
                            interval, expected, byFlags.getOrDefault(rs.getLong("id"), Map.of()));
                }).list();
        return new Period(from, to, streams);
    }

    /** The codes of the wells with a reading in [from, to), found through the readings' time index. */
    public java.util.Set<String> wellsReporting(Instant from, Instant to) {
        return new java.util.TreeSet<>(database.jdbc().sql("SELECT DISTINCT w.code FROM readings r JOIN datastreams d ON d.id = r.datastream_id "
                        + "JOIN wells w ON w.id = d.well_id WHERE r.phenomenon_time >= ? AND r.phenomenon_time < ?")
                .params(Rows.timestamp(from), Rows.timestamp(to)).query(String.class).list());
    }
}
