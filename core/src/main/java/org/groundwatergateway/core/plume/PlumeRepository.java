package org.groundwatergateway.core.plume;

import java.util.List;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Geometries;
import org.groundwatergateway.core.storage.Rows;

/** Plume outlines, as simulations and estimates write them and the map services read them. */
public final class PlumeRepository {

    private final Database database;

    public PlumeRepository(Database database) {
        this.database = database;
    }

    public void insert(List<Plume> plumes) {
        for (Plume p : plumes) {
            database.jdbc().sql("INSERT INTO plumes (park_id, parameter_id, source_code, valid_time, band, threshold, method, area_m2, geom, "
                            + "model_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, " + Geometries.BIND + ", ?)")
                    .params(p.parkId(), p.parameterId(), p.sourceCode(), Rows.timestamp(p.validTime()), p.band().name(), p.threshold(),
                            p.method(), p.areaM2(), Geometries.wkb(p.outline()), p.modelVersion())
                    .update();
        }
    }

    /**
     * The documented plumes of a parameter in a park before an instant: each source code with an outline valid before it,
     * and the first time one was.
     */
    public java.util.Map<String, java.time.Instant> documentedSources(long parkId, long parameterId, java.time.Instant before) {
        java.util.Map<String, java.time.Instant> sources = new java.util.LinkedHashMap<>();
        database.jdbc().sql("SELECT source_code, MIN(valid_time) AS first_time FROM plumes WHERE park_id = ? AND parameter_id = ? "
                        + "AND source_code IS NOT NULL AND valid_time < ? GROUP BY source_code ORDER BY source_code")
                .params(parkId, parameterId, Rows.timestamp(before))
                .query((rs, n) -> sources.put(rs.getString("source_code"), Rows.instant(rs, "first_time"))).list();
        return sources;
    }

    public long count() {
        return database.jdbc().sql("SELECT COUNT(*) FROM plumes").query(Long.class).single();
    }
}
