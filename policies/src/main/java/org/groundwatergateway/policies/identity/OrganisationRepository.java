package org.groundwatergateway.policies.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.groundwatergateway.policies.OrganisationKind;
import org.springframework.jdbc.core.simple.JdbcClient;

public final class OrganisationRepository {

    private final JdbcClient jdbc;

    public OrganisationRepository(Database database) {
        this.jdbc = database.jdbc();
    }

    public Organisation insert(Organisation o) {
        long id = Rows.insert(jdbc.sql("INSERT INTO organisations (code, name_zh, name_en, kind, credit_code, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(o.code(), o.nameZh(), o.nameEn(), o.kind().name(), o.creditCode(), Rows.timestamp(o.createdAt())));
        return o.withId(id);
    }

    public Optional<Organisation> find(long id) {
        return jdbc.sql("SELECT * FROM organisations WHERE id = ?").param(id).query(OrganisationRepository::organisation).optional();
    }

    public Optional<Organisation> findByCode(String code) {
        return jdbc.sql("SELECT * FROM organisations WHERE code = ?").param(code).query(OrganisationRepository::organisation).optional();
    }

    public List<Organisation> findAll() {
        return jdbc.sql("SELECT * FROM organisations ORDER BY code").query(OrganisationRepository::organisation).list();
    }

    private static Organisation organisation(ResultSet rs, int row) throws SQLException {
        return new Organisation(rs.getLong("id"), rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                OrganisationKind.valueOf(rs.getString("kind")), rs.getString("credit_code"), Rows.instant(rs, "created_at"));
    }
}
