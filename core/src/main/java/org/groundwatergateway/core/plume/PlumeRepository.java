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

    public long count() {
        return database.jdbc().sql("SELECT COUNT(*) FROM plumes").query(Long.class).single();
    }
}
