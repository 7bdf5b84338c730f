package org.groundwatergateway.policies.sharing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The stored versions of the sharing policy and their activations; nothing stored is ever updated. */
public final class PolicyRepository {

    private static final String VERSIONS = "SELECT p.version, p.name, p.created_by, p.created_at, "
            + "(SELECT MAX(a.activated_at) FROM sharing_policy_activations a WHERE a.version = p.version) AS activated_at "
            + "FROM sharing_policies p";

    private final JdbcClient jdbc;

    public PolicyRepository(Database database) {
        this.jdbc = database.jdbc();
    }

    /**
     * Stores a document as the next version. Two administrators storing at once may both pick the same number; the
     * second then fails on the primary key rather than overwrite anything.
     */
    public int insert(String name, String documentJson, String createdBy, Instant createdAt) {
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM sharing_policies").query(Integer.class).single();
        jdbc.sql("INSERT INTO sharing_policies (version, name, document, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(version, name, documentJson, createdBy, Rows.timestamp(createdAt)).update();
        return version;
    }

    public void activate(int version, String activatedBy, Instant activatedAt) {
        jdbc.sql("INSERT INTO sharing_policy_activations (version, activated_by, activated_at) VALUES (?, ?, ?)")
                .params(version, activatedBy, Rows.timestamp(activatedAt)).update();
    }

    /** The version activated last; empty before the first activation. */
    public Optional<Integer> activeVersion() {
        return jdbc.sql("SELECT version FROM sharing_policy_activations ORDER BY id DESC LIMIT 1").query(Integer.class).optional();
    }

    public Optional<String> document(int version) {
        return jdbc.sql("SELECT document FROM sharing_policies WHERE version = ?").param(version).query(String.class).optional();
    }

    /** Every version, newest first. */
    public List<PolicyVersion> versions() {
        Integer active = activeVersion().orElse(null);
        return jdbc.sql(VERSIONS + " ORDER BY p.version DESC").query((rs, row) -> version(rs, active)).list();
    }

    public Optional<PolicyVersion> version(int version) {
        Integer active = activeVersion().orElse(null);
        return jdbc.sql(VERSIONS + " WHERE p.version = ?").param(version).query((rs, row) -> version(rs, active)).optional();
    }

    private static PolicyVersion version(ResultSet rs, Integer active) throws SQLException {
        int version = rs.getInt("version");
        Instant activatedAt = Rows.instant(rs, "activated_at");
        PolicyVersion.State state = active != null && active == version ? PolicyVersion.State.ACTIVE
                : activatedAt == null ? PolicyVersion.State.DRAFT : PolicyVersion.State.RETIRED;
        return new PolicyVersion(version, rs.getString("name"), state, rs.getString("created_by"), Rows.instant(rs, "created_at"), activatedAt);
    }
}
