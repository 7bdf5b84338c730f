package org.groundwatergateway.core.emergency;

import static org.groundwatergateway.core.storage.Geometries.BIND;
import static org.groundwatergateway.core.storage.Geometries.read;
import static org.groundwatergateway.core.storage.Geometries.select;
import static org.groundwatergateway.core.storage.Geometries.wkb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Incidents with what was attached to them, and the cameras near them. */
public final class IncidentRepository {

    private static final String INCIDENT_COLUMNS = "id, park_id, alert_id, parameter_code, well_id, " + select("location")
            + ", response_level, severity, status, concentration_mg_l, plan_code, opened_at, contained_at, closed_at, closing_note, "
            + "analysis_state, analysis_error, analysis_error_zh, threshold_mg_l, realizations, flow_azimuth_deg, seepage_velocity, top_source_code, "
            + "top_source_name, top_source_p, drill_id, clock_offset_seconds, analysed_at";

    private final JdbcClient jdbc;

    public IncidentRepository(Database database) {
        this.jdbc = database.jdbc();
    }

    public Incident insert(Incident i) {
        long id = Rows.insert(jdbc.sql("INSERT INTO incidents (park_id, alert_id, parameter_code, well_id, location, response_level, severity, "
                        + "status, concentration_mg_l, plan_code, opened_at, analysis_state, drill_id, clock_offset_seconds) "
                        + "VALUES (?, ?, ?, ?, " + BIND + ", ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(i.parkId(), i.alertId(), i.parameterCode(), i.wellId(), wkb(i.location()), i.level().name(), i.severity().name(),
                        i.status().name(), i.concentrationMgPerL(), i.planCode(), Rows.timestamp(i.openedAt()), i.analysis().state().name(),
                        i.drill() == null ? null : i.drill().id(), i.drill() == null ? 0 : i.drill().clockOffset().toSeconds()));
        return find(id).orElseThrow();
    }

    public Optional<Incident> find(long id) {
        return jdbc.sql("SELECT " + INCIDENT_COLUMNS + " FROM incidents WHERE id = ?").param(id).query(IncidentRepository::incident).optional();
    }

    /** The real incidents (no drill's), newest first. */
    public List<Incident> findAll() {
        return jdbc.sql("SELECT " + INCIDENT_COLUMNS + " FROM incidents WHERE drill_id IS NULL ORDER BY opened_at DESC, id DESC")
                .query(IncidentRepository::incident).list();
    }

    /** The real incidents of a park not yet closed, oldest first: a severe alert of the same plume joins one of them. */
    public List<Incident> findUnclosed(long parkId) {
        return jdbc.sql("SELECT " + INCIDENT_COLUMNS + " FROM incidents WHERE park_id = ? AND status <> 'CLOSED' AND drill_id IS NULL "
                        + "ORDER BY opened_at, id")
                .param(parkId).query(IncidentRepository::incident).list();
    }

    public void updateStatus(long id, Incident.Status status, Instant containedAt, Instant closedAt, String closingNote) {
        jdbc.sql("UPDATE incidents SET status = ?, contained_at = ?, closed_at = ?, closing_note = ? WHERE id = ?")
                .params(status.name(), Rows.timestamp(containedAt), Rows.timestamp(closedAt), closingNote, id).update();
    }

    /** The concentration a later, higher reading of the incident's plume raised it to (mg/L). */
    public void updateConcentration(long id, double mgPerL) {
        jdbc.sql("UPDATE incidents SET concentration_mg_l = ? WHERE id = ?").params(mgPerL, id).update();
    }

    public void updateLevel(long id, ResponseLevel level) {
        jdbc.sql("UPDATE incidents SET response_level = ? WHERE id = ?").params(level.name(), id).update();
    }

    /**
     * The forecast and tracing, attached when the background analysis ends: the bands and receptors first, the state
     * last, so that whoever sees DONE finds them all.
     */
    public void attach(long id, Incident.Flow flow, double threshold, int realizations, PlumeForecast forecast, Incident.TopSource top,
                       IncidentAnalysis.Used used, Instant at) {
        for (PlumeForecast.Band b : forecast.bands()) {
            jdbc.sql("INSERT INTO incident_forecasts (incident_id, kind, label, along_m, across_m, forecast_day, p05, p50, p95) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(id, b.kind().name(), b.label(), b.alongM(), b.acrossM(), b.day(), b.p05(), b.p50(), b.p95()).update();
        }
        for (PlumeForecast.ReceptorRisk r : forecast.receptors()) {
            jdbc.sql("INSERT INTO incident_receptors (incident_id, receptor_id, along_m, across_m, advective_days, arrival_p2_5, arrival_p50, "
                            + "arrival_p97_5, not_arriving) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(id, r.receptorId(), r.alongM(), r.acrossM(), r.advectiveDays(), r.arrivalP2_5(), r.arrivalP50(), r.arrivalP97_5(),
                            r.fractionNotArriving()).update();
        }
        jdbc.sql("UPDATE incidents SET analysis_state = 'DONE', flow_azimuth_deg = ?, seepage_velocity = ?, threshold_mg_l = ?, "
                        + "realizations = ?, top_source_code = ?, top_source_name = ?, top_source_p = ?, analysed_at = ?, analysis_model = ?, "
                        + "analysis_model_version = ?, heads_from = ?, heads_to = ?, trace_from = ?, trace_to = ? WHERE id = ?")
                .params(flow.azimuthDegrees(), flow.seepageVelocity(), threshold, realizations, top == null ? null : top.enterprise(),
                        top == null ? null : top.nameZh(), top == null ? null : top.probability(), Rows.timestamp(at), used.model(),
                        used.modelVersion(), Rows.timestamp(used.headsFrom()), Rows.timestamp(used.headsTo()), Rows.timestamp(used.traceFrom()),
                        Rows.timestamp(used.traceTo()), id).update();
    }

    /** The analysis failed: why, in English and in Chinese. */
    public void failAnalysis(long id, String error, String errorZh, Instant at) {
        jdbc.sql("UPDATE incidents SET analysis_state = 'FAILED', analysis_error = ?, analysis_error_zh = ?, analysed_at = ? WHERE id = ?")
                .params(failure(error, "failed"), failure(errorZh, "失败"), Rows.timestamp(at), id).update();
    }

    private static String failure(String text, String unknown) {
        return text == null ? unknown : text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    public PlumeForecast forecast(long id) {
        List<PlumeForecast.Band> bands = jdbc.sql("SELECT * FROM incident_forecasts WHERE incident_id = ? ORDER BY kind DESC, id").param(id)
                .query((rs, n) -> new PlumeForecast.Band(PlumeForecast.Kind.valueOf(rs.getString("kind")), rs.getString("label"),
                        rs.getDouble("along_m"), rs.getDouble("across_m"), rs.getDouble("forecast_day"), rs.getDouble("p05"), rs.getDouble("p50"),
                        rs.getDouble("p95"))).list();
        List<PlumeForecast.ReceptorRisk> receptors = jdbc.sql("SELECT x.*, r.code, r.name_zh FROM incident_receptors x "
                        + "JOIN receptors r ON r.id = x.receptor_id WHERE x.incident_id = ? ORDER BY x.id").param(id)
                .query((rs, n) -> new PlumeForecast.ReceptorRisk(rs.getLong("receptor_id"), rs.getString("code"), rs.getString("name_zh"),
                        rs.getDouble("along_m"), rs.getDouble("across_m"), rs.getDouble("advective_days"), Rows.nullableDouble(rs, "arrival_p2_5"),
                        Rows.nullableDouble(rs, "arrival_p50"), Rows.nullableDouble(rs, "arrival_p97_5"), rs.getDouble("not_arriving"))).list();
        return new PlumeForecast(bands, receptors);
    }

    public IncidentTask insert(IncidentTask t) {
        long id = Rows.insert(jdbc.sql("INSERT INTO incident_tasks (incident_id, title, owner, deadline, status, done_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(t.incidentId(), t.title(), t.owner(), Rows.timestamp(t.deadline()), t.status().name(), Rows.timestamp(t.doneAt())));
        return new IncidentTask(id, t.incidentId(), t.title(), t.owner(), t.deadline(), t.status(), t.doneAt());
    }

    public List<IncidentTask> tasks(long incidentId) {
        return jdbc.sql("SELECT * FROM incident_tasks WHERE incident_id = ? ORDER BY deadline, id").param(incidentId)
                .query((rs, n) -> new IncidentTask(rs.getLong("id"), rs.getLong("incident_id"), rs.getString("title"), rs.getString("owner"),
                        Rows.instant(rs, "deadline"), IncidentTask.Status.valueOf(rs.getString("status")), Rows.instant(rs, "done_at"))).list();
    }

    public void update(IncidentTask t) {
        jdbc.sql("UPDATE incident_tasks SET owner = ?, deadline = ?, status = ?, done_at = ? WHERE id = ? AND incident_id = ?")
                .params(t.owner(), Rows.timestamp(t.deadline()), t.status().name(), Rows.timestamp(t.doneAt()), t.id(), t.incidentId()).update();
    }

    public TimelineEntry insert(TimelineEntry e) {
        long id = Rows.insert(jdbc.sql("INSERT INTO incident_timeline (incident_id, noted_at, department, author, body) VALUES (?, ?, ?, ?, ?)")
                .params(e.incidentId(), Rows.timestamp(e.at()), e.department(), e.author(), e.text()));
        return new TimelineEntry(id, e.incidentId(), e.at(), e.department(), e.author(), e.text());
    }

    public List<TimelineEntry> timeline(long incidentId) {
        return jdbc.sql("SELECT * FROM incident_timeline WHERE incident_id = ? ORDER BY noted_at, id").param(incidentId)
                .query((rs, n) -> new TimelineEntry(rs.getLong("id"), rs.getLong("incident_id"), Rows.instant(rs, "noted_at"),
                        rs.getString("department"), rs.getString("author"), rs.getString("body"))).list();
    }

    public Dispatch insert(Dispatch d) {
        long id = Rows.insert(jdbc.sql("INSERT INTO incident_dispatches (incident_id, resource_id, route, length_m, eta_minutes, status, updated_at) "
                        + "VALUES (?, ?, " + BIND + ", ?, ?, ?, ?)")
                .params(d.incidentId(), d.resource().id(), wkb(d.route()), d.lengthM(), d.etaMinutes(), d.status().name(),
                        Rows.timestamp(d.updatedAt())));
        return new Dispatch(id, d.incidentId(), d.resource(), d.depot(), d.route(), d.lengthM(), d.etaMinutes(), d.status(), d.updatedAt(), d.onSiteAt());
    }

    public List<Dispatch> dispatches(long incidentId) {
        return jdbc.sql("SELECT x.id, x.incident_id, x.resource_id, ST_AsBinary(x.route) AS route, x.length_m, x.eta_minutes, x.status AS dispatch_status, "
                        + "x.updated_at, x.on_site_at, r.depot_id, r.code, r.kind, r.name_zh, r.quantity, r.unit, r.status, d.park_id, d.code AS depot_code, "
                        + "d.name_zh AS depot_name, ST_AsBinary(d.location) AS location FROM incident_dispatches x "
                        + "JOIN emergency_resources r ON r.id = x.resource_id JOIN depots d ON d.id = r.depot_id WHERE x.incident_id = ? ORDER BY x.id")
                .param(incidentId).query(IncidentRepository::dispatch).list();
    }

    public void updateStatus(Dispatch d, Dispatch.Status status, Instant at) {
        jdbc.sql("UPDATE incident_dispatches SET status = ?, updated_at = ?, on_site_at = COALESCE(on_site_at, ?) WHERE id = ?")
                .params(status.name(), Rows.timestamp(at), status == Dispatch.Status.ON_SITE ? Rows.timestamp(at) : null, d.id()).update();
    }

    public Camera insert(Camera c) {
        long id = Rows.insert(jdbc.sql("INSERT INTO cameras (park_id, device_id, name_zh, location) VALUES (?, ?, ?, " + BIND + ")")
                .params(c.parkId(), c.deviceId(), c.nameZh(), wkb(c.location())));
        return c.withId(id);
    }

    public List<Camera> cameras() {
        return jdbc.sql("SELECT id, park_id, device_id, name_zh, " + select("location") + " FROM cameras ORDER BY device_id")
                .query((rs, n) -> new Camera(rs.getLong("id"), rs.getLong("park_id"), rs.getString("device_id"), rs.getString("name_zh"),
                        read(rs, "location", Point.class))).list();
    }

    private static Incident incident(ResultSet rs, int row) throws SQLException {
        String top = rs.getString("top_source_code");
        Double azimuth = Rows.nullableDouble(rs, "flow_azimuth_deg");
        Long drillId = Rows.nullableLong(rs, "drill_id");
        return new Incident(rs.getLong("id"), rs.getLong("park_id"), Rows.nullableLong(rs, "alert_id"), rs.getString("parameter_code"),
                Rows.nullableLong(rs, "well_id"), read(rs, "location", Point.class), ResponseLevel.valueOf(rs.getString("response_level")),
                Alert.Level.valueOf(rs.getString("severity")), Incident.Status.valueOf(rs.getString("status")),
                Rows.nullableDouble(rs, "concentration_mg_l"), rs.getString("plan_code"), Rows.instant(rs, "opened_at"),
                Rows.instant(rs, "contained_at"), Rows.instant(rs, "closed_at"), rs.getString("closing_note"),
                new Incident.Analysis(Incident.AnalysisState.valueOf(rs.getString("analysis_state")), rs.getString("analysis_error"),
                        rs.getString("analysis_error_zh"),
                        Rows.nullableDouble(rs, "threshold_mg_l"), (Integer) rs.getObject("realizations", Integer.class),
                        Rows.instant(rs, "analysed_at")),
                azimuth == null ? null : new Incident.Flow(azimuth, rs.getDouble("seepage_velocity")),
                top == null ? null : new Incident.TopSource(top, rs.getString("top_source_name"), rs.getDouble("top_source_p")),
                drillId == null ? null : new Incident.Drill(drillId, Duration.ofSeconds(rs.getLong("clock_offset_seconds"))));
    }

    private static Dispatch dispatch(ResultSet rs, int row) throws SQLException {
        var resource = new EmergencyResource(rs.getLong("resource_id"), rs.getLong("depot_id"), rs.getString("code"),
                EmergencyResource.Kind.valueOf(rs.getString("kind")), rs.getString("name_zh"), rs.getDouble("quantity"), rs.getString("unit"),
                EmergencyResource.Status.valueOf(rs.getString("status")));
        var depot = new Depot(rs.getLong("depot_id"), rs.getLong("park_id"), rs.getString("depot_code"), rs.getString("depot_name"),
                read(rs, "location", Point.class));
        return new Dispatch(rs.getLong("id"), rs.getLong("incident_id"), resource, depot, read(rs, "route", LineString.class),
                rs.getDouble("length_m"), rs.getDouble("eta_minutes"), Dispatch.Status.valueOf(rs.getString("dispatch_status")),
                Rows.instant(rs, "updated_at"), Rows.instant(rs, "on_site_at"));
    }
}
