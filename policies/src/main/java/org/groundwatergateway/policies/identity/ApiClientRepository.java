package org.groundwatergateway.policies.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.groundwatergateway.policies.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

public final class ApiClientRepository {

    private final JdbcClient jdbc;

    public ApiClientRepository(Database database) {
        this.jdbc = database.jdbc();
    }

    public ApiClient insert(ApiClient c) {
        long id = Rows.insert(jdbc.sql("INSERT INTO api_clients (client_id, name, organisation_id, secret_hash, secret_rotated_at, grant_types, "
                        + "scopes, redirect_uris, roles, enabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.clientId(), c.name(), c.organisationId(), c.secretHash(), Rows.timestamp(c.secretRotatedAt()),
                        Rows.joinList(List.copyOf(c.grantTypes())), Rows.joinList(List.copyOf(c.scopes())), Rows.joinList(c.redirectUris()),
                        Rows.joinList(c.roles().stream().map(Role::name).toList()), c.enabled(), Rows.timestamp(c.createdAt())));
        return c.withId(id);
    }

    public Optional<ApiClient> findByClientId(String clientId) {
        return jdbc.sql("SELECT * FROM api_clients WHERE client_id = ?").param(clientId).query(ApiClientRepository::client).optional();
    }

    public List<ApiClient> findAll() {
        return jdbc.sql("SELECT * FROM api_clients ORDER BY client_id").query(ApiClientRepository::client).list();
    }

    public void changeSecret(long id, String hash, Instant at) {
        jdbc.sql("UPDATE api_clients SET secret_hash = ?, secret_rotated_at = ? WHERE id = ?").params(hash, Rows.timestamp(at), id).update();
    }

    private static ApiClient client(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Rows.splitList(rs.getString("roles")).forEach(r -> roles.add(Role.valueOf(r)));
        return new ApiClient(rs.getLong("id"), rs.getString("client_id"), rs.getString("name"), rs.getLong("organisation_id"),
                rs.getString("secret_hash"), Rows.instant(rs, "secret_rotated_at"), new HashSet<>(Rows.splitList(rs.getString("grant_types"))),
                new HashSet<>(Rows.splitList(rs.getString("scopes"))), Rows.splitList(rs.getString("redirect_uris")), roles,
                rs.getBoolean("enabled"), Rows.instant(rs, "created_at"));
    }
}
