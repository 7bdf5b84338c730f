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
import org.groundwatergateway.core.reading.QualityFlag;
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
        Optional<Reading> reading = jdbc.sql("SELECT * FROM readings WHERE id = ?").param(readingId).query(StoredProvenanceFacts::reading).optional();
        if (reading.isEmpty()) return Optional.empty();
        Optional<Datastream> datastream = monitoring.findDatastream(reading.get().datastreamId());
        if (datastream.isEmpty()) return Optional.empty();
        Observation observation = observation(datastream.get(), reading.get().phenomenonTime(), new Lookups(), readingId);
        // A version before a retraction belongs to the observation that was withdrawn, not to the one given again since.
        if (observation == null || observation.versions().stream().noneMatch(v -> v.id() == readingId)) return Optional.empty();
        return Optional.of(observation);
    }

    @Override
    public List<Observation> reviewedObservations(int maxTasks, int maxObservations) {
        List<Review> tasks = jdbc.sql("SELECT * FROM review_tasks WHERE status <> 'OPEN' AND decided_at IS NOT NULL ORDER BY decided_at DESC, id DESC LIMIT ?")
                .param(maxTasks).query(StoredProvenanceFacts::review).list();
        Map<String, Observation> observations = new LinkedHashMap<>();
        Lookups lookups = new Lookups();
        for (Review task : tasks) {
            Datastream datastream = lookups.datastream(task.datastreamId());
            if (datastream == null) continue;
            List<Instant> times = jdbc.sql("SELECT DISTINCT phenomenon_time FROM readings WHERE datastream_id = ? AND phenomenon_time >= ? "
                            + "AND phenomenon_time <= ? ORDER BY phenomenon_time LIMIT ?")
                    .params(task.datastreamId(), Rows.timestamp(task.firstTime()), Rows.timestamp(task.lastTime()), maxObservations)
                    .query((rs, n) -> Rows.instant(rs, "phenomenon_time")).list();
            for (Instant time : times) {
                if (observations.size() >= maxObservations) return List.copyOf(observations.values());
                String key = task.datastreamId() + "@" + time;
                if (observations.containsKey(key)) continue;
                Observation observation = observation(datastream, time, lookups, null);
                if (observation != null) observations.put(key, observation);
            }
        }
        return List.copyOf(observations.values());
    }

    /**
     * The observation of a datastream at a time: its versions since it was last given, with what else it needs. The
     * versions are those of its lineage (V6_26), found from {@code version} (one of them) or else from the last at that time.
     */
    private Observation observation(Datastream datastream, Instant time, Lookups lookups, Long version) {
        List<Reading> versions = jdbc.sql("SELECT * FROM readings WHERE datastream_id = ? AND phenomenon_time = ? ORDER BY version")
                .params(datastream.id(), Rows.timestamp(time)).query(StoredProvenanceFacts::reading).list();
        if (versions.isEmpty()) return null;
        // Versions up to a retraction belong to the withdrawn observation; a version after it starts the one given again.
        int start = 0;
        for (int i = 0; i < versions.size() - 1; i++) {
            if ((versions.get(i).qualityFlags() & QualityFlag.RETRACTED.bit()) != 0) start = i + 1;
        }
        List<Reading> chain = versions.subList(start, versions.size());
        // The Observation's lineage (V6_26): every version since it was first given, wherever a PATCH moved it in time.
        long last = version != null ? version : chain.get(chain.size() - 1).id();
        List<Reading> lineage = jdbc.sql("SELECT * FROM readings WHERE id = (SELECT COALESCE(observation_id, id) FROM readings WHERE id = ?) "
                        + "OR observation_id = (SELECT COALESCE(observation_id, id) FROM readings WHERE id = ?) ORDER BY id")
                .params(last, last).query(StoredProvenanceFacts::reading).list();
        if (!lineage.isEmpty()) chain = lineage;
        List<Review> reviews = jdbc.sql("SELECT * FROM review_tasks WHERE datastream_id = ? AND first_time <= ? AND last_time >= ? "
                        + "ORDER BY opened_at, id")
                .params(datastream.id(), Rows.timestamp(time), Rows.timestamp(time)).query(StoredProvenanceFacts::review).list();
        LabResult lab = jdbc.sql("SELECT * FROM lab_results WHERE datastream_id = ? AND phenomenon_time = ?")
                .params(datastream.id(), Rows.timestamp(time))
                .query((rs, n) -> new LabResult(rs.getString("sample_id"), rs.getString("lab_report_id"), Rows.nullableDouble(rs, "detection_limit"),
                        rs.getBoolean("non_detect"))).optional().orElse(null);
        return new Observation(datastream, lookups.parameter(datastream.parameterId()), datastream.wellId() == null ? null : lookups.well(datastream.wellId()),
                lookups.sensor(datastream.sensorId()), chain, reviews, lab);
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
