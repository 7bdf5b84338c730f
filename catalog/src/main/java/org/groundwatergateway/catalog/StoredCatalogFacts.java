package org.groundwatergateway.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.groundwatergateway.core.monitoring.Retirement;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.groundwatergateway.policies.published.Grouping;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The catalog's facts read from the store. Each dataset's period is bound by the dataset's id, as the OGC services bind
 * their views: the registry says what a dataset is, the store says when its items are.
 */
public final class StoredCatalogFacts implements CatalogFacts {

    /**
     * Readings: from the first current reading of the datastreams in service to their latest, both kept per datastream
     * in {@code latest_readings} (V6_29) by every write of readings, so no partition of the readings is searched.
     */
    private static final String READINGS_PERIOD = "SELECT MIN(l.first_phenomenon_time) AS start_time, MAX(l.phenomenon_time) AS end_time "
            + "FROM latest_readings l JOIN datastreams d ON d.id = l.datastream_id";
    /** One well's or parameter's readings, found the same way; {@code %s} is the datastreams' column of the member. */
    private static final String MEMBER_READINGS_PERIOD = READINGS_PERIOD + " WHERE d.%1$s = :member";
    private static final String PLUMES_PERIOD = "SELECT MIN(valid_time) AS start_time, MAX(valid_time) AS end_time FROM plumes";
    /** The incident traces' windows: from the first one's start to the last one's end. */
    private static final String TRACES_PERIOD = "SELECT MIN(window_from) AS start_time, MAX(window_to) AS end_time FROM source_traces";
    private static final Map<String, String> PERIODS = Map.of("latest_readings", READINGS_PERIOD, "datastreams_by_well", READINGS_PERIOD,
            "datastreams_by_parameter", READINGS_PERIOD, "plumes", PLUMES_PERIOD, "source_probabilities", TRACES_PERIOD);

    private final Database database;

    public StoredCatalogFacts(Database database) {
        this.database = database;
    }

    @Override
    public List<ParkArea> parks() {
        return new ParkRepository(database).findAll().stream()
                .map(park -> new ParkArea(park.code(), park.nameZh(), park.nameEn(), park.boundary())).toList();
    }

    @Override
    public List<Member> wellsWithDatastreams() {
        return database.jdbc().sql("SELECT w.id, w.code, w.name_zh FROM wells w WHERE EXISTS (SELECT 1 FROM datastreams d WHERE d.well_id = w.id) "
                        + "ORDER BY w.code")
                .query((rs, n) -> new Member(rs.getLong("id"), rs.getString("code"), rs.getString("name_zh"), rs.getString("code"))).list();
    }

    /** Parameters in service, as SensorThings lists its ObservedProperties. */
    @Override
    public List<Member> parametersWithDatastreams() {
        return database.jdbc().sql("SELECT p.id, p.code, p.name_zh, p.name_en FROM parameters p WHERE p." + Retirement.Entry.OBSERVED_PROPERTY.inService()
                        + " AND EXISTS (SELECT 1 FROM datastreams d WHERE d.parameter_id = p.id) ORDER BY p.code")
                .query((rs, n) -> new Member(rs.getLong("id"), rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"))).list();
    }

    @Override
    public Optional<Period> period(String datasetId) {
        String sql = PERIODS.get(datasetId);
        if (sql == null) return Optional.empty();
        return period(database.jdbc().sql(sql));
    }

    /** The readings of the well's datastreams (a weather station's are no well's), or the parameter's. */
    @Override
    public Optional<Period> period(Grouping groupedBy, Member member) {
        String column = switch (groupedBy) {
            case WELL -> "well_id";
            case PARAMETER -> "parameter_id";
        };
        return period(database.jdbc().sql(MEMBER_READINGS_PERIOD.formatted(column)).param("member", member.id()));
    }

    private static Optional<Period> period(JdbcClient.StatementSpec statement) {
        return statement.query((rs, n) -> {
            Instant start = Rows.instant(rs, "start_time");
            Instant end = Rows.instant(rs, "end_time");
            return start == null || end == null ? null : new Period(start, end);
        }).list().stream().filter(Objects::nonNull).findFirst();
    }
}
