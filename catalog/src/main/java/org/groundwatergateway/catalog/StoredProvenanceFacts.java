package org.groundwatergateway.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.monitoring.Sensor;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Provenance read from the platform's own tables: {@code readings} (every version, raw values kept), {@code review_tasks}
 * (who decided what, when and why), {@code lab_results}, the datastream's sensor and its data logger's MN, the
 * {@code incidents}' stored analyses and the {@code plumes}. Datastreams, wells and sensors are read through their views
 * of what is in service.
 */
public final class StoredProvenanceFacts implements ProvenanceFacts {

    private final JdbcClient jdbc;
    private final MonitoringRepository monitoring;
    private final ParameterRepository parameters;

    public StoredProvenanceFacts(Database database) {
        this.jdbc = database.jdbc();
        this.monitoring = new MonitoringRepository(database);
        this.parameters = new ParameterRepository(database);
    }

    @Override
    public Optional<Observation> observationOf(long readingId) {
        Optional<Long> datastream = jdbc.sql("SELECT datastream_id FROM readings WHERE id = ?").param(readingId).query(Long.class).optional();
        if (datastream.isEmpty()) return Optional.empty();
        return monitoring.findDatastream(datastream.get()).map(d -> observation(d, "(SELECT x.sta_id FROM readings x WHERE x.id = ?)", readingId, new Lookups()));
    }

    @Override
    public List<Observation> reviewedObservations(int maxTasks, int maxObservations) {
        List<Review> tasks = jdbc.sql("SELECT * FROM review_tasks WHERE status <> 'OPEN' AND decided_at IS NOT NULL ORDER BY decided_at DESC, id DESC LIMIT ?")
                .param(maxTasks).query(StoredProvenanceFacts::review).list();
        Map<Long, Observation> observations = new LinkedHashMap<>();
        Lookups lookups = new Lookups();
        for (Review task : tasks) {
            Datastream datastream = lookups.datastream(task.datastreamId());
            if (datastream == null) continue;
            // Every Observation that had a version in the task's window, wherever a PATCH has moved it since.
            List<Long> ids = jdbc.sql("SELECT DISTINCT sta_id FROM readings WHERE datastream_id = ? AND phenomenon_time >= ? "
                            + "AND phenomenon_time <= ? ORDER BY sta_id LIMIT ?")
                    .params(task.datastreamId(), Rows.timestamp(task.firstTime()), Rows.timestamp(task.lastTime()), maxObservations)
                    .query(Long.class).list();
            for (long id : ids) {
                if (observations.size() >= maxObservations) return List.copyOf(observations.values());
                if (!observations.containsKey(id)) observations.put(id, observation(datastream, "?", id, lookups));
            }
        }
        return List.copyOf(observations.values());
    }

    /**
     * An Observation with what it needs: every version of its lineage (V6_27) since it was first given, oldest first,
     * found by its SensorThings id on the indexed {@code sta_id}, wherever a PATCH moved it in time, and the reviews whose
     * window covers any of its times.
     *
     * @param observationId the SQL giving the Observation's id from {@code parameter}
     */
    private Observation observation(Datastream datastream, String observationId, long parameter, Lookups lookups) {
        List<Reading> versions = jdbc.sql("SELECT * FROM readings WHERE sta_id = " + observationId + " ORDER BY id")
                .param(parameter).query(StoredProvenanceFacts::reading).list();
        Map<Long, Review> reviews = new java.util.TreeMap<>();
        for (Instant time : new java.util.TreeSet<>(versions.stream().map(Reading::phenomenonTime).toList())) {
            jdbc.sql("SELECT * FROM review_tasks WHERE datastream_id = ? AND first_time <= ? AND last_time >= ?")
                    .params(datastream.id(), Rows.timestamp(time), Rows.timestamp(time)).query(StoredProvenanceFacts::review).list()
                    .forEach(r -> reviews.put(r.id(), r));
        }
        Instant given = versions.get(0).phenomenonTime();
        LabResult lab = jdbc.sql("SELECT * FROM lab_results WHERE datastream_id = ? AND phenomenon_time = ?")
                .params(datastream.id(), Rows.timestamp(given))
                .query((rs, n) -> new LabResult(rs.getString("sample_id"), rs.getString("lab_report_id"), Rows.nullableDouble(rs, "detection_limit"),
                        rs.getBoolean("non_detect"))).optional().orElse(null);
        return new Observation(datastream, lookups.parameter(datastream.parameterId()), datastream.wellId() == null ? null : lookups.well(datastream.wellId()),
                lookups.sensor(datastream.sensorId()), versions, reviews.values().stream()
                        .sorted(java.util.Comparator.comparing(Review::openedAt).thenComparing(Review::id)).toList(), lab);
    }

    @Override
    public Optional<IncidentAnalysisRecord> incidentAnalysis(long incidentId) {
        return jdbc.sql("SELECT i.*, a.id AS aquifer, a.code AS aquifer_code FROM incidents i JOIN aquifer_layers a ON a.id = COALESCE("
                        + "(SELECT w.aquifer_id FROM well_register w WHERE w.id = i.well_id), (SELECT s.id FROM aquifer_layers s WHERE s.park_id = i.park_id "
                        + "ORDER BY CASE WHEN s.confinement = 'UNCONFINED' THEN 0 ELSE 1 END, s.id LIMIT 1)) WHERE i.id = ?")
                .param(incidentId)
                .query((rs, n) -> new IncidentAnalysisRecord(rs.getLong("id"), rs.getString("parameter_code"), Rows.nullableLong(rs, "well_id"),
                        rs.getLong("aquifer"), rs.getString("aquifer_code"), Rows.instant(rs, "opened_at"), rs.getString("analysis_state"),
                        Rows.instant(rs, "analysed_at"), Rows.nullableDouble(rs, "threshold_mg_l"), (Integer) rs.getObject("realizations", Integer.class),
                        Rows.nullableDouble(rs, "flow_azimuth_deg"), Rows.nullableDouble(rs, "seepage_velocity"), rs.getString("top_source_code"),
                        Rows.nullableDouble(rs, "top_source_p"), rs.getString("analysis_model"), rs.getString("analysis_model_version"),
                        Rows.instant(rs, "heads_from"), Rows.instant(rs, "heads_to"), Rows.instant(rs, "trace_from"), Rows.instant(rs, "trace_to"),
                        Rows.nullableLong(rs, "drill_id")))
                .optional();
    }

    @Override
    public Optional<PlumeRecord> plume(long plumeId) {
        return jdbc.sql("SELECT l.id, p.code, l.source_code, l.valid_time, l.band, l.threshold, l.method, l.model_version FROM plumes l "
                        + "JOIN parameters p ON p.id = l.parameter_id WHERE l.id = ?")
                .param(plumeId)
                .query((rs, n) -> new PlumeRecord(rs.getLong("id"), rs.getString("code"), rs.getString("source_code"), Rows.instant(rs, "valid_time"),
                        rs.getString("band"), rs.getDouble("threshold"), rs.getString("method"), rs.getString("model_version")))
                .optional();
    }

    @Override
    public List<Datastream> datastreamsIn(long aquiferId, String parameterCode) {
        List<Long> ids = jdbc.sql("SELECT d.id FROM datastreams d JOIN wells w ON w.id = d.well_id JOIN parameters p ON p.id = d.parameter_id "
                        + "WHERE w.aquifer_id = ? AND p.code = ? ORDER BY d.code")
                .params(aquiferId, parameterCode).query(Long.class).list();
        List<Datastream> found = new ArrayList<>();
        for (long id : ids) monitoring.findDatastream(id).ifPresent(found::add);
        return found;
    }

    @Override
    public List<Well> wells() {
        return monitoring.findWells();
    }

    @Override
    public List<Datastream> datastreams() {
        return monitoring.findDatastreams();
    }

    @Override
    public List<Parameter> parameters() {
        return parameters.findAll();
    }

    /** Datastreams, parameters, wells and sensors read once per description. */
    private final class Lookups {
        private final Map<Long, Optional<Datastream>> datastreams = new java.util.HashMap<>();
        private final Map<Long, Parameter> parametersById = new java.util.HashMap<>();
        private final Map<Long, Well> wells = new java.util.HashMap<>();
        private final Map<Long, Sensor> sensors = new java.util.HashMap<>();

        Datastream datastream(long id) {
            return datastreams.computeIfAbsent(id, monitoring::findDatastream).orElse(null);
        }

        Parameter parameter(long id) {
            return parametersById.computeIfAbsent(id, key -> parameters.findById(key).orElseThrow());
        }

        Well well(long id) {
            return wells.computeIfAbsent(id, key -> monitoring.findWell(key).orElse(null));
        }

        Sensor sensor(long id) {
            return sensors.computeIfAbsent(id, key -> monitoring.findSensor(key).orElse(null));
        }
    }

    private static Reading reading(ResultSet rs, int row) throws SQLException {
        return new Reading(rs.getLong("id"), rs.getLong("datastream_id"), Rows.instant(rs, "phenomenon_time"), rs.getDouble("result_value"),
                rs.getDouble("raw_value"), rs.getInt("quality_flags"), rs.getInt("version"), rs.getBoolean("current_version"), rs.getString("source"),
                Rows.instant(rs, "received_time"));
    }

    private static Review review(ResultSet rs, int row) throws SQLException {
        return new Review(rs.getLong("id"), rs.getLong("datastream_id"), Rows.instant(rs, "first_time"), Rows.instant(rs, "last_time"),
                rs.getInt("flags"), Rows.instant(rs, "opened_at"), rs.getString("status"), rs.getString("decided_by"), Rows.instant(rs, "decided_at"),
                rs.getString("reason"), Rows.nullableDouble(rs, "corrected_value"));
    }
}
