package org.groundwatergateway.core.soil;

import static org.groundwatergateway.core.storage.Geometries.BIND;
import static org.groundwatergateway.core.storage.Geometries.read;
import static org.groundwatergateway.core.storage.Geometries.select;
import static org.groundwatergateway.core.storage.Geometries.wkb;

import java.util.List;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.core.simple.JdbcClient;

public final class SoilRepository {

    private final JdbcClient jdbc;

    public SoilRepository(Database database) {
        this.jdbc = database.jdbc();
    }

    public SoilBoring insert(SoilBoring b) {
        long id = Rows.insert(jdbc.sql("INSERT INTO soil_borings (park_id, code, location, drilled_on) VALUES (?, ?, " + BIND + ", ?)")
                .params(b.parkId(), b.code(), wkb(b.location()), b.drilledOn()));
        return b.withId(id);
    }

    public SoilSample insert(SoilSample s) {
        long id = Rows.insert(jdbc.sql("INSERT INTO soil_samples (boring_id, sample_code, depth_top_m, depth_bottom_m, parameter_id, "
                        + "value_mg_kg, sampled_on) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(s.boringId(), s.sampleCode(), s.depthTopM(), s.depthBottomM(), s.parameterId(), s.valueMgPerKg(),
                        s.sampledOn()));
        return s.withId(id);
    }

    public List<SoilBoring> findBorings(long parkId) {
        return jdbc.sql("SELECT id, park_id, code, " + select("location") + ", drilled_on FROM soil_borings WHERE park_id = ? ORDER BY code")
                .param(parkId)
                .query((rs, n) -> new SoilBoring(rs.getLong("id"), rs.getLong("park_id"), rs.getString("code"),
                        read(rs, "location", Point.class), Rows.date(rs, "drilled_on")))
                .list();
    }

    public List<SoilSample> findSamples(long boringId) {
        return jdbc.sql("SELECT * FROM soil_samples WHERE boring_id = ? ORDER BY depth_top_m, parameter_id")
                .param(boringId)
                .query((rs, n) -> new SoilSample(rs.getLong("id"), rs.getLong("boring_id"), rs.getString("sample_code"),
                        rs.getDouble("depth_top_m"), rs.getDouble("depth_bottom_m"), rs.getLong("parameter_id"),
                        rs.getDouble("value_mg_kg"), Rows.date(rs, "sampled_on")))
                .list();
    }
}
