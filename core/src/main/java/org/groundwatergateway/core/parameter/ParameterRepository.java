package org.groundwatergateway.core.parameter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.groundwatergateway.core.monitoring.Retirement;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;

public final class ParameterRepository {

    private final JdbcClient jdbc;

    public ParameterRepository(Database database) {
        this.jdbc = database.jdbc();
    }

    public Parameter insert(Parameter p) {
        GroundwaterClassLimits limits = p.classLimits();
        Parameter.SoilValues soil = p.soilValues();
        List<Object> values = new ArrayList<>(List.of(p.code()));
        values.add(p.hj212Code());
        values.add(p.cas());
        values.addAll(List.of(p.nameZh(), p.nameEn(), p.unit(), p.category()));
        for (int c = 1; c <= 4; c++) {
            values.add(limits == null ? null : limits.bounds(c).lower());
            values.add(limits == null ? null : limits.bounds(c).upper());
        }
        values.add(soil == null ? null : soil.screeningIndustrial());
        values.add(soil == null ? null : soil.interventionIndustrial());
        values.add(soil == null ? null : soil.screeningResidential());
        values.add(soil == null ? null : soil.interventionResidential());
        long id = Rows.insert(jdbc.sql("INSERT INTO parameters (code, hj212_code, cas, name_zh, name_en, unit, category, "
                        + "class1_lower, class1_upper, class2_lower, class2_upper, class3_lower, class3_upper, class4_lower, class4_upper, "
                        + "soil_screening_industrial, soil_intervention_industrial, soil_screening_residential, soil_intervention_residential) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(values));
        return p.withId(id);
    }

    /** Loads the reference catalogue into an empty parameter table; does nothing if parameters exist. */
    public void loadCatalogIfEmpty() {
        Integer count = jdbc.sql("SELECT COUNT(*) FROM parameters").query(Integer.class).single();
        if (count == 0) ParameterCatalog.load().forEach(this::insert);
    }

    public List<Parameter> findAll() {
        return jdbc.sql("SELECT * FROM parameters ORDER BY code").query(ParameterRepository::parameter).list();
    }

    /**
     * The parameters a datastream may be registered for: those whose ObservedProperty is in service. A retired one stays
     * in the catalogue, which lab and soil results and rules name.
     */
    public List<Parameter> findObservable() {
        return jdbc.sql("SELECT * FROM parameters WHERE " + Retirement.Entry.OBSERVED_PROPERTY.inService() + " ORDER BY code")
                .query(ParameterRepository::parameter).list();
    }

    public Optional<Parameter> findByCode(String code) {
        return jdbc.sql("SELECT * FROM parameters WHERE code = ?").param(code).query(ParameterRepository::parameter).optional();
    }

    public Optional<Parameter> findById(long id) {
        return jdbc.sql("SELECT * FROM parameters WHERE id = ?").param(id).query(ParameterRepository::parameter).optional();
    }

    private static Parameter parameter(ResultSet rs, int row) throws SQLException {
        GroundwaterClassLimits limits = null;
        if (Rows.nullableDouble(rs, "class4_upper") != null || Rows.nullableDouble(rs, "class4_lower") != null) {
            List<GroundwaterClassLimits.Bounds> bounds = new ArrayList<>();
            for (int c = 1; c <= 4; c++) {
                bounds.add(new GroundwaterClassLimits.Bounds(Rows.nullableDouble(rs, "class" + c + "_lower"),
                        Rows.nullableDouble(rs, "class" + c + "_upper")));
            }
            limits = new GroundwaterClassLimits(bounds);
        }
        Parameter.SoilValues soil = null;
        Double screening = Rows.nullableDouble(rs, "soil_screening_industrial");
        Double intervention = Rows.nullableDouble(rs, "soil_intervention_industrial");
        Double screeningResidential = Rows.nullableDouble(rs, "soil_screening_residential");
        Double interventionResidential = Rows.nullableDouble(rs, "soil_intervention_residential");
        if (screening != null || intervention != null || screeningResidential != null || interventionResidential != null) {
            soil = new Parameter.SoilValues(screening, intervention, screeningResidential, interventionResidential);
        }
        return new Parameter(rs.getLong("id"), rs.getString("code"), rs.getString("hj212_code"), rs.getString("cas"),
                rs.getString("name_zh"), rs.getString("name_en"), rs.getString("unit"), rs.getString("category"), limits, soil);
    }
}
