package org.groundwatergateway.core.park;

import static org.groundwatergateway.core.storage.Geometries.BIND;
import static org.groundwatergateway.core.storage.Geometries.read;
import static org.groundwatergateway.core.storage.Geometries.select;
import static org.groundwatergateway.core.storage.Geometries.wkb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Parks and what lies in and under them: aquifer layers, enterprises, potential sources, receptors. */
public final class ParkRepository {

    private final JdbcClient jdbc;

    public ParkRepository(Database database) {
        this.jdbc = database.jdbc();
    }

    public Park insert(Park park) {
        long id = Rows.insert(jdbc.sql("INSERT INTO parks (code, name_zh, name_en, division_code, pollution_category, boundary) "
                        + "VALUES (?, ?, ?, ?, ?, " + BIND + ")")
                .params(park.code(), park.nameZh(), park.nameEn(), park.divisionCode(), park.pollutionCategory(),
                        wkb(park.boundary())));
        return park.withId(id);
    }

    public List<Park> findAll() {
        return jdbc.sql("SELECT id, code, name_zh, name_en, division_code, pollution_category, " + select("boundary")
                        + " FROM parks ORDER BY code")
                .query(ParkRepository::park).list();
    }

    public Optional<Park> findByCode(String code) {
        return jdbc.sql("SELECT id, code, name_zh, name_en, division_code, pollution_category, " + select("boundary")
                        + " FROM parks WHERE code = ?")
                .param(code).query(ParkRepository::park).optional();
    }

    public AquiferLayer insert(AquiferLayer layer) {
        long id = Rows.insert(jdbc.sql("INSERT INTO aquifer_layers (park_id, code, name_zh, name_en, confinement, top_depth_m, "
                        + "bottom_depth_m, hydraulic_conductivity, effective_porosity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(layer.parkId(), layer.code(), layer.nameZh(), layer.nameEn(), layer.confinement().name(),
                        layer.topDepthM(), layer.bottomDepthM(), layer.hydraulicConductivity(), layer.effectivePorosity()));
        return layer.withId(id);
    }

    public List<AquiferLayer> findAquifers(long parkId) {
        return jdbc.sql("SELECT * FROM aquifer_layers WHERE park_id = ? ORDER BY top_depth_m")
                .param(parkId)
                .query((rs, n) -> new AquiferLayer(rs.getLong("id"), rs.getLong("park_id"), rs.getString("code"),
                        rs.getString("name_zh"), rs.getString("name_en"),
                        AquiferLayer.Confinement.valueOf(rs.getString("confinement")), rs.getDouble("top_depth_m"),
                        rs.getDouble("bottom_depth_m"), rs.getDouble("hydraulic_conductivity"),
                        rs.getDouble("effective_porosity")))
                .list();
    }

    public Enterprise insert(Enterprise e) {
        long id = Rows.insert(jdbc.sql("INSERT INTO enterprises (park_id, credit_code, name_zh, name_en, industry, boundary, "
                        + "processes, characteristic_pollutants, confidential_fields) VALUES (?, ?, ?, ?, ?, " + BIND + ", ?, ?, ?)")
                .params(e.parkId(), e.creditCode(), e.nameZh(), e.nameEn(), e.industry(), wkb(e.boundary()),
                        Rows.joinList(e.processes()), Rows.joinList(e.characteristicPollutants()),
                        Rows.joinList(e.confidentialFields().stream().sorted().toList())));
        return e.withId(id);
    }

    public List<Enterprise> findEnterprises(long parkId) {
        return jdbc.sql("SELECT id, park_id, credit_code, name_zh, name_en, industry, " + select("boundary")
                        + ", processes, characteristic_pollutants, confidential_fields FROM enterprises WHERE park_id = ? ORDER BY id")
                .param(parkId)
                .query((rs, n) -> new Enterprise(rs.getLong("id"), rs.getLong("park_id"), rs.getString("credit_code"),
                        rs.getString("name_zh"), rs.getString("name_en"), rs.getString("industry"),
                        read(rs, "boundary", Polygon.class), Rows.splitList(rs.getString("processes")),
                        Rows.splitList(rs.getString("characteristic_pollutants")),
                        new HashSet<>(Rows.splitList(rs.getString("confidential_fields")))))
                .list();
    }

    public PotentialSource insert(PotentialSource s) {
        long id = Rows.insert(jdbc.sql("INSERT INTO potential_sources (park_id, enterprise_id, code, kind, name_zh, geom, pollutants) "
                        + "VALUES (?, ?, ?, ?, ?, " + BIND + ", ?)")
                .params(s.parkId(), s.enterpriseId(), s.code(), s.kind().name(), s.nameZh(), wkb(s.geometry()),
                        Rows.joinList(s.pollutants())));
        return s.withId(id);
    }

    public List<PotentialSource> findPotentialSources(long parkId) {
        return jdbc.sql("SELECT id, park_id, enterprise_id, code, kind, name_zh, " + select("geom")
                        + ", pollutants FROM potential_sources WHERE park_id = ? ORDER BY code")
                .param(parkId)
                .query((rs, n) -> new PotentialSource(rs.getLong("id"), rs.getLong("park_id"),
                        Rows.nullableLong(rs, "enterprise_id"), rs.getString("code"),
                        PotentialSource.Kind.valueOf(rs.getString("kind")), rs.getString("name_zh"),
                        read(rs, "geom", Geometry.class), Rows.splitList(rs.getString("pollutants"))))
                .list();
    }

    public Receptor insert(Receptor r) {
        long id = Rows.insert(jdbc.sql("INSERT INTO receptors (park_id, code, kind, name_zh, protection_level, geom) "
                        + "VALUES (?, ?, ?, ?, ?, " + BIND + ")")
                .params(r.parkId(), r.code(), r.kind().name(), r.nameZh(), r.protectionLevel(), wkb(r.geometry())));
        return r.withId(id);
    }

    public void insert(RiskZone z) {
        jdbc.sql("INSERT INTO risk_zones (park_id, code, name_zh, risk_level, basis, assessed_on, geom) VALUES (?, ?, ?, ?, ?, ?, " + BIND + ")")
                .params(z.parkId(), z.code(), z.nameZh(), z.level().name(), z.basis(), z.assessedOn(), wkb(z.area()))
                .update();
    }

    public List<RiskZone> findRiskZones(long parkId) {
        return jdbc.sql("SELECT id, park_id, code, name_zh, risk_level, basis, assessed_on, " + select("geom")
                        + " FROM risk_zones WHERE park_id = ? ORDER BY code")
                .param(parkId)
                .query((rs, n) -> new RiskZone(rs.getLong("id"), rs.getLong("park_id"), rs.getString("code"), rs.getString("name_zh"),
                        RiskZone.Level.valueOf(rs.getString("risk_level")), rs.getString("basis"), Rows.date(rs, "assessed_on"),
                        read(rs, "geom", Geometry.class)))
                .list();
    }

    public List<Receptor> findReceptors(long parkId) {
        return jdbc.sql("SELECT id, park_id, code, kind, name_zh, protection_level, " + select("geom")
                        + " FROM receptors WHERE park_id = ? ORDER BY code")
                .param(parkId)
                .query((rs, n) -> new Receptor(rs.getLong("id"), rs.getLong("park_id"), rs.getString("code"),
                        Receptor.Kind.valueOf(rs.getString("kind")), rs.getString("name_zh"),
                        rs.getString("protection_level"), read(rs, "geom", Geometry.class)))
                .list();
    }

    private static Park park(ResultSet rs, int row) throws SQLException {
        return new Park(rs.getLong("id"), rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getString("division_code"), rs.getString("pollution_category"), read(rs, "boundary", Polygon.class));
    }
}
