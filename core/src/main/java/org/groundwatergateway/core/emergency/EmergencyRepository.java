package org.groundwatergateway.core.emergency;

import static org.groundwatergateway.core.storage.Geometries.BIND;
import static org.groundwatergateway.core.storage.Geometries.read;
import static org.groundwatergateway.core.storage.Geometries.select;
import static org.groundwatergateway.core.storage.Geometries.wkb;

import java.util.List;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Depots, the resources they hold and the road network used to reach an incident. */
public final class EmergencyRepository {

    private final JdbcClient jdbc;

    public EmergencyRepository(Database database) {
        this.jdbc = database.jdbc();
    }

    public Depot insert(Depot d) {
        long id = Rows.insert(jdbc.sql("INSERT INTO depots (park_id, code, name_zh, location) VALUES (?, ?, ?, " + BIND + ")")
                .params(d.parkId(), d.code(), d.nameZh(), wkb(d.location())));
        return d.withId(id);
    }

    public EmergencyResource insert(EmergencyResource r) {
        long id = Rows.insert(jdbc.sql("INSERT INTO emergency_resources (depot_id, code, kind, name_zh, quantity, unit, status) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(r.depotId(), r.code(), r.kind().name(), r.nameZh(), r.quantity(), r.unit(), r.status().name()));
        return r.withId(id);
    }

    public RoadSegment insert(RoadSegment s) {
        long id = Rows.insert(jdbc.sql("INSERT INTO road_segments (park_id, name_zh, geom, speed_kmh) VALUES (?, ?, " + BIND + ", ?)")
                .params(s.parkId(), s.nameZh(), wkb(s.geometry()), s.speedKmh()));
        return s.withId(id);
    }

    public List<Depot> findDepots(long parkId) {
        return jdbc.sql("SELECT id, park_id, code, name_zh, " + select("location") + " FROM depots WHERE park_id = ? ORDER BY code")
                .param(parkId)
                .query((rs, n) -> new Depot(rs.getLong("id"), rs.getLong("park_id"), rs.getString("code"), rs.getString("name_zh"),
                        read(rs, "location", Point.class)))
                .list();
    }

    public List<EmergencyResource> findResources(long depotId) {
        return jdbc.sql("SELECT * FROM emergency_resources WHERE depot_id = ? ORDER BY code")
                .param(depotId)
                .query((rs, n) -> new EmergencyResource(rs.getLong("id"), rs.getLong("depot_id"), rs.getString("code"),
                        EmergencyResource.Kind.valueOf(rs.getString("kind")), rs.getString("name_zh"), rs.getDouble("quantity"),
                        rs.getString("unit"), EmergencyResource.Status.valueOf(rs.getString("status"))))
                .list();
    }

    public List<RoadSegment> findRoads(long parkId) {
        return jdbc.sql("SELECT id, park_id, name_zh, " + select("geom") + ", speed_kmh FROM road_segments WHERE park_id = ? ORDER BY id")
                .param(parkId)
                .query((rs, n) -> new RoadSegment(rs.getLong("id"), rs.getLong("park_id"), rs.getString("name_zh"),
                        read(rs, "geom", LineString.class), rs.getDouble("speed_kmh")))
                .list();
    }

    public void updateStatus(long resourceId, EmergencyResource.Status status) {
        jdbc.sql("UPDATE emergency_resources SET status = ? WHERE id = ?").params(status.name(), resourceId).update();
    }
}
