package org.groundwatergateway.core.monitoring;

import static org.groundwatergateway.core.storage.Geometries.BIND;
import static org.groundwatergateway.core.storage.Geometries.read;
import static org.groundwatergateway.core.storage.Geometries.select;
import static org.groundwatergateway.core.storage.Geometries.wkb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wells, weather stations, sensors and the datastreams that tie them to parameters. Reads see those in service (the
 * views named after them); writes go to their registers, which keep retired entries too ({@link Retirement}).
 */
public final class MonitoringRepository {

    private static final String WELL_COLUMNS = "id, park_id, code, name_zh, " + select("location")
            + ", ground_elevation_m, casing_top_elevation_m, screen_top_depth_m, screen_bottom_depth_m, aquifer_id, role, status";

    private final JdbcClient jdbc;

    public MonitoringRepository(Database database) {
        this.jdbc = database.jdbc();
    }

    public Well insert(Well w) {
        long id = Rows.insert(jdbc.sql("INSERT INTO well_register (park_id, code, name_zh, location, ground_elevation_m, casing_top_elevation_m, "
                        + "screen_top_depth_m, screen_bottom_depth_m, aquifer_id, role, status) VALUES (?, ?, ?, " + BIND
                        + ", ?, ?, ?, ?, ?, ?, ?)")
                .params(w.parkId(), w.code(), w.nameZh(), wkb(w.location()), w.groundElevationM(), w.casingTopElevationM(),
                        w.screenTopDepthM(), w.screenBottomDepthM(), w.aquiferId(), w.role().name(), w.status().name()));
        return w.withId(id);
    }

    public List<Well> findWells() {
        return jdbc.sql("SELECT " + WELL_COLUMNS + " FROM wells ORDER BY code").query(MonitoringRepository::well).list();
    }

    public List<Well> findWells(long parkId) {
        return jdbc.sql("SELECT " + WELL_COLUMNS + " FROM wells WHERE park_id = ? ORDER BY code")
                .param(parkId).query(MonitoringRepository::well).list();
    }

    public Optional<Well> findWell(long id) {
        return jdbc.sql("SELECT " + WELL_COLUMNS + " FROM wells WHERE id = ?").param(id).query(MonitoringRepository::well).optional();
    }

    public Optional<Well> findWell(String code) {
        return jdbc.sql("SELECT " + WELL_COLUMNS + " FROM wells WHERE code = ?")
                .param(code).query(MonitoringRepository::well).optional();
    }

    public WeatherStation insert(WeatherStation s) {
        long id = Rows.insert(jdbc.sql("INSERT INTO weather_station_register (park_id, code, name_zh, location) VALUES (?, ?, ?, " + BIND + ")")
                .params(s.parkId(), s.code(), s.nameZh(), wkb(s.location())));
        return s.withId(id);
    }

    /**
     * Registers a Thing created through SensorThings that is neither a well nor a weather station (Retirement's
     * {@code GENERIC_THING}); SensorThings alone shows it.
     *
     * @param properties the client's properties as a JSON object's text, or null
     * @return its row id in {@code sta_thing_register}
     */
    public long insertGenericThing(String name, String description, String properties, Instant at) {
        return Rows.insert(jdbc.sql("INSERT INTO sta_thing_register (name, description, properties, created_at) VALUES (?, ?, ?, ?)")
                .params(name, description, properties, Rows.timestamp(at)));
    }

    /** The generic Thing (row of {@code sta_thing_register}) a datastream of neither a well nor a weather station belongs to. */
    public Optional<Long> genericThingOf(long datastreamId) {
        return jdbc.sql("SELECT thing_id FROM sta_datastreams WHERE datastream_id = ?").param(datastreamId).query(Long.class).optional();
    }

    public List<WeatherStation> findWeatherStations(long parkId) {
        return jdbc.sql("SELECT id, park_id, code, name_zh, " + select("location") + " FROM weather_stations WHERE park_id = ? ORDER BY code")
                .param(parkId)
                .query((rs, n) -> new WeatherStation(rs.getLong("id"), rs.getLong("park_id"), rs.getString("code"),
                        rs.getString("name_zh"), read(rs, "location", Point.class)))
                .list();
    }

    public Sensor insert(Sensor s) {
        long id = Rows.insert(jdbc.sql("INSERT INTO sensor_register (code, mn, model, serial_number, calibration_interval_days, last_calibrated_on) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(s.code(), s.mn(), s.model(), s.serialNumber(), s.calibrationIntervalDays(), s.lastCalibratedOn()));
        return s.withId(id);
    }

    public Optional<Sensor> findSensor(long id) {
        return jdbc.sql("SELECT * FROM sensors WHERE id = ?").param(id).query(MonitoringRepository::sensor).optional();
    }

    public Optional<Sensor> findSensor(String code) {
        return jdbc.sql("SELECT * FROM sensors WHERE code = ?").param(code).query(MonitoringRepository::sensor).optional();
    }

    public List<Sensor> findSensors() {
        return jdbc.sql("SELECT * FROM sensors ORDER BY code").query(MonitoringRepository::sensor).list();
    }

    public Datastream insert(Datastream d) {
        long id = Rows.insert(jdbc.sql("INSERT INTO datastream_register (code, well_id, weather_station_id, parameter_id, sensor_id, "
                        + "paired_datastream_id, interval_minutes) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(d.code(), d.wellId(), d.weatherStationId(), d.parameterId(), d.sensorId(), d.pairedDatastreamId(),
                        d.intervalMinutes()));
        return d.withId(id);
    }

    /** Records that two datastreams measure the same parameter at the same well with different sensors. */
    public void pair(long datastreamId, long otherId) {
        jdbc.sql("UPDATE datastream_register SET paired_datastream_id = ? WHERE id = ?").params(otherId, datastreamId).update();
        jdbc.sql("UPDATE datastream_register SET paired_datastream_id = ? WHERE id = ?").params(datastreamId, otherId).update();
    }

    public Optional<Datastream> findDatastream(long id) {
        return jdbc.sql("SELECT * FROM datastreams WHERE id = ?").param(id).query(MonitoringRepository::datastream).optional();
    }

    public List<Datastream> findDatastreamsOfWell(long wellId) {
        return jdbc.sql("SELECT * FROM datastreams WHERE well_id = ? ORDER BY code").param(wellId)
                .query(MonitoringRepository::datastream).list();
    }

    public List<Datastream> findDatastreams() {
        return jdbc.sql("SELECT * FROM datastreams ORDER BY code").query(MonitoringRepository::datastream).list();
    }

    private static Well well(ResultSet rs, int row) throws SQLException {
        return new Well(rs.getLong("id"), rs.getLong("park_id"), rs.getString("code"), rs.getString("name_zh"),
                read(rs, "location", Point.class), rs.getDouble("ground_elevation_m"), rs.getDouble("casing_top_elevation_m"),
                rs.getDouble("screen_top_depth_m"), rs.getDouble("screen_bottom_depth_m"), rs.getLong("aquifer_id"),
                Well.Role.valueOf(rs.getString("role")), Well.Status.valueOf(rs.getString("status")));
    }

    private static Sensor sensor(ResultSet rs, int row) throws SQLException {
        return new Sensor(rs.getLong("id"), rs.getString("code"), rs.getString("mn"), rs.getString("model"),
                rs.getString("serial_number"), rs.getInt("calibration_interval_days"), Rows.date(rs, "last_calibrated_on"));
    }

    /** Stores an aquifer's network coverage in place of the one computed before. */
    public void replaceCoverage(long parkId, NetworkCoverage coverage) {
        jdbc.sql("DELETE FROM network_coverage WHERE park_id = ? AND aquifer_id = ?").params(parkId, coverage.aquiferId()).update();
        jdbc.sql("INSERT INTO network_coverage (park_id, aquifer_id, radius_m, well_count, covered_fraction, computed_at, geom) "
                        + "VALUES (?, ?, ?, ?, ?, ?, " + BIND + ")")
                .params(parkId, coverage.aquiferId(), coverage.radiusM(), coverage.wellCount(), coverage.coveredFraction(),
                        Rows.timestamp(Instant.now()), wkb(coverage.area()))
                .update();
    }

    private static Datastream datastream(ResultSet rs, int row) throws SQLException {
        return new Datastream(rs.getLong("id"), rs.getString("code"), Rows.nullableLong(rs, "well_id"),
                Rows.nullableLong(rs, "weather_station_id"), rs.getLong("parameter_id"), rs.getLong("sensor_id"),
                Rows.nullableLong(rs, "paired_datastream_id"), rs.getInt("interval_minutes"));
    }
}
