package org.groundwatergateway.core.storage;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.groundwatergateway.core.reading.Reading;
import org.postgresql.PGConnection;

/**
 * PostgreSQL with PostGIS. Readings are range-partitioned by month (UTC) of phenomenon time; the
 * partition for a month is created the first time rows for it are written. Strict appends go in with COPY,
 * idempotent ones with one INSERT … SELECT FROM unnest(arrays) … ON CONFLICT DO NOTHING.
 */
public final class PostgisDialect implements SqlDialect {

    private static final String UPSERT_LATEST = "INSERT INTO latest_readings (datastream_id, phenomenon_time, result_value, quality_flags, "
            + "first_phenomenon_time) VALUES (?, ?, ?, ?, ?) ON CONFLICT (datastream_id) DO UPDATE SET "
            + LatestReadings.widened("latest_readings", "EXCLUDED") + " WHERE " + LatestReadings.whenWidened("latest_readings", "EXCLUDED");

    private final Set<YearMonth> knownPartitions = ConcurrentHashMap.newKeySet();

    @Override
    public String migrationFolder() {
        return "postgis";
    }

    @Override
    public void prepare(Connection connection) {
        // The postgis extension is created by migration V1_0.
    }

    @Override
    public void makeCommitsDurable(Connection connection) {
        // A PostgreSQL commit returns after its WAL is flushed.
    }

    @Override
    public void appendReadings(Connection connection, List<Reading> readings) throws SQLException {
        if (readings.isEmpty()) return;
        ensurePartitions(connection, readings);
        copy(connection, readings);
        LatestReadings.record(connection, readings, UPSERT_LATEST);
    }

    /**
     * One INSERT … SELECT FROM unnest(nine arrays) … ON CONFLICT DO NOTHING RETURNING, whatever the batch size:
     * one round trip, and the rows reported are the ones really inserted. No conflict target: a reading is skipped when
     * its key is stored already and also when a current version holds its time (one moved there by a PATCH, V6_27's
     * readings_one_current).
     */
    @Override
    public List<Reading> appendNewReadings(Connection connection, List<Reading> readings) throws SQLException {
        if (readings.isEmpty()) return List.of();
        ensurePartitions(connection, readings);
        int n = readings.size();
        long[] datastreams = new long[n];
        long[] times = new long[n];
        double[] values = new double[n];
        double[] raw = new double[n];
        int[] flags = new int[n];
        int[] versions = new int[n];
        boolean[] current = new boolean[n];
        String[] sources = new String[n];
        long[] received = new long[n];
        for (int i = 0; i < n; i++) {
            Reading r = readings.get(i);
            datastreams[i] = r.datastreamId();
            times[i] = micros(r.phenomenonTime());
            values[i] = r.value();
            raw[i] = r.rawValue();
            flags[i] = r.qualityFlags();
            versions[i] = r.version();
            current[i] = r.current();
            sources[i] = r.source();
            received[i] = micros(r.receivedTime());
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO readings (" + ReadingColumns.NAMES + ") "
                + "SELECT d, TIMESTAMPTZ 'epoch' + t * INTERVAL '1 microsecond', v, w, f, n, c, s, TIMESTAMPTZ 'epoch' + r * INTERVAL '1 microsecond' "
                + "FROM unnest(?::bigint[], ?::bigint[], ?::float8[], ?::float8[], ?::int4[], ?::int4[], ?::bool[], ?::text[], ?::bigint[]) "
                + "AS u(d, t, v, w, f, n, c, s, r) ON CONFLICT DO NOTHING "
                + "RETURNING id, datastream_id, phenomenon_time, version")) {
            // Primitive arrays: the driver sends them in PostgreSQL's binary array format, which costs no parsing.
            insert.setObject(1, datastreams);
            insert.setObject(2, times);
            insert.setObject(3, values);
            insert.setObject(4, raw);
            insert.setObject(5, flags);
            insert.setObject(6, versions);
            insert.setObject(7, current);
            insert.setObject(8, sources);
            insert.setObject(9, received);
            List<Reading> inserted = inserted(insert, readings);
            LatestReadings.record(connection, inserted, UPSERT_LATEST);
            return inserted;
        }
    }

    /** Runs an INSERT … RETURNING id, datastream_id, phenomenon_time, version and gives the inserted readings their ids. */
    private static List<Reading> inserted(PreparedStatement insert, List<Reading> readings) throws SQLException {
        Map<Key, Long> ids = new HashMap<>(readings.size() * 2);
        try (ResultSet inserted = insert.executeQuery()) {
            while (inserted.next()) {
                ids.put(new Key(inserted.getLong(2), micros(inserted.getObject(3, OffsetDateTime.class).toInstant()), inserted.getInt(4)),
                        inserted.getLong(1));
            }
        }
        List<Reading> result = new ArrayList<>(ids.size());
        for (Reading r : readings) {
            Long id = ids.remove(new Key(r.datastreamId(), micros(r.phenomenonTime()), r.version()));
            if (id != null) result.add(ReadingColumns.withId(r, id));
        }
        return result;
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    /** A reading's identity: datastream, phenomenon time in microseconds (what PostgreSQL keeps), version. */
    private record Key(long datastreamId, long micros, int version) {}

    private static void copy(Connection connection, List<Reading> readings) throws SQLException {
        StringBuilder csv = new StringBuilder(readings.size() * 96);
        for (Reading r : readings) {
            csv.append(r.datastreamId()).append(',')
                    .append(r.phenomenonTime()).append(',')
                    .append(r.value()).append(',')
                    .append(r.rawValue()).append(',')
                    .append(r.qualityFlags()).append(',')
                    .append(r.version()).append(',')
                    .append(r.current()).append(',')
                    .append(csvText(r.source())).append(',')
                    .append(r.receivedTime()).append('\n');
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY readings (" + ReadingColumns.NAMES + ") FROM STDIN WITH (FORMAT csv)",
                    new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY of " + readings.size() + " readings failed", e);
        }
    }

    private void ensurePartitions(Connection connection, List<Reading> readings) throws SQLException {
        for (Reading r : readings) {
            YearMonth month = YearMonth.from(r.phenomenonTime().atOffset(ZoneOffset.UTC));
            if (knownPartitions.contains(month)) continue;
            createPartition(connection, month);
            knownPartitions.add(month);
        }
    }

    private static void createPartition(Connection connection, YearMonth month) throws SQLException {
        Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        String name = String.format("readings_y%04dm%02d", month.getYear(), month.getMonthValue());
        // Identifiers and bounds come from a YearMonth, never from input.
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF readings FOR VALUES FROM ('"
                    + from + "') TO ('" + to + "')");
        }
    }

    private static String csvText(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
