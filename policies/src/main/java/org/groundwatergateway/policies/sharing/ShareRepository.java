package org.groundwatergateway.policies.sharing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.groundwatergateway.policies.sharing.PolicyFormat.Syntax;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Share requests, their decisions, grants and grant versions. Rows are only ever inserted: a decision is a row of
 * its own (one per request: the primary key refuses a second), a grant's change is its next version (the key
 * (grant, version) refuses two changes of the same version).
 */
public final class ShareRepository {

    private static final String REQUESTS = "SELECT r.*, d.status, d.decided_by, d.decided_at, d.reason, g.id AS grant_id FROM share_requests r "
            + "LEFT JOIN share_request_decisions d ON d.request_id = r.id LEFT JOIN share_grants g ON g.request_id = r.id";
    private static final String LAST_VERSION = "v.version = (SELECT MAX(w.version) FROM share_grant_versions w WHERE w.grant_id = g.id)";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public ShareRepository(Database database) {
        this.jdbc = database.jdbc();
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
    }

    public long insertRequest(String organisation, String template, List<String> datasets, String purpose, Instant from, Instant until,
                              String requestedBy, Instant requestedAt) {
        return Rows.insert(jdbc.sql("INSERT INTO share_requests (organisation, template, datasets, purpose, valid_from, valid_until, requested_by, "
                        + "requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(organisation, template, Rows.joinList(datasets), purpose, Rows.timestamp(from), Rows.timestamp(until), requestedBy,
                        Rows.timestamp(requestedAt)));
    }

    public Optional<ShareRequest> request(long id) {
        return jdbc.sql(REQUESTS + " WHERE r.id = ?").param(id).query(ShareRepository::request).optional();
    }

    /** Newest first; of one organisation, or of all with null. */
    public List<ShareRequest> requests(String organisation) {
        return organisation == null ? jdbc.sql(REQUESTS + " ORDER BY r.id DESC").query(ShareRepository::request).list()
                : jdbc.sql(REQUESTS + " WHERE r.organisation = ? ORDER BY r.id DESC").param(organisation).query(ShareRepository::request).list();
    }

    /** Records a refusal or a withdrawal. */
    public void decide(long request, ShareRequest.Status status, String decidedBy, Instant decidedAt, String reason) {
        jdbc.sql("INSERT INTO share_request_decisions (request_id, status, decided_by, decided_at, reason) VALUES (?, ?, ?, ?, ?)")
                .params(request, status.name(), decidedBy, Rows.timestamp(decidedAt), reason).update();
    }

    /** Records an approval and the grant it makes, with its first version, in one transaction; returns the grant's id. */
    public long approve(ShareRequest request, List<Rule> rules, Grant.Version first) {
        return transaction.execute(status -> {
            decide(request.id(), ShareRequest.Status.APPROVED, first.changedBy(), first.changedAt(), first.reason());
            String scope = PolicyFormat.write(new PolicyDocument("grant of request " + request.id(), null, rules), Syntax.JSON);
            long grant = Rows.insert(jdbc.sql("INSERT INTO share_grants (request_id, organisation, template, scope) VALUES (?, ?, ?, ?)")
                    .params(request.id(), request.organisation(), request.template(), scope));
            addVersion(grant, first);
            return grant;
        });
    }

    public void addVersion(long grant, Grant.Version version) {
        jdbc.sql("INSERT INTO share_grant_versions (grant_id, version, status, valid_from, valid_until, changed_by, changed_at, reason) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(grant, version.version(), version.status().name(), Rows.timestamp(version.validFrom()), Rows.timestamp(version.validUntil()),
                        version.changedBy(), Rows.timestamp(version.changedAt()), version.reason()).update();
    }

    public Optional<Grant> grant(long id) {
        return withVersions(jdbc.sql("SELECT * FROM share_grants g WHERE g.id = ?").param(id).query(GrantRow::of).list()).stream().findFirst();
    }

    /** Newest first; of one organisation, or of all with null. */
    public List<Grant> grants(String organisation) {
        return withVersions(organisation == null ? jdbc.sql("SELECT * FROM share_grants g ORDER BY g.id DESC").query(GrantRow::of).list()
                : jdbc.sql("SELECT * FROM share_grants g WHERE g.organisation = ? ORDER BY g.id DESC").param(organisation).query(GrantRow::of).list());
    }

    /** The grants whose last version is active and ends after {@code now}: in force now or later. */
    public List<Grant> unexpired(Instant now) {
        return withVersions(jdbc.sql("SELECT g.* FROM share_grants g JOIN share_grant_versions v ON v.grant_id = g.id WHERE " + LAST_VERSION
                + " AND v.status = ? AND v.valid_until > ? ORDER BY g.id").params(Grant.Status.ACTIVE.name(), Rows.timestamp(now)).query(GrantRow::of).list());
    }

    private List<Grant> withVersions(List<GrantRow> rows) {
        if (rows.isEmpty()) return List.of();
        Map<Long, List<Grant.Version>> versions = new HashMap<>();
        List<Long> ids = rows.stream().map(GrantRow::id).toList();
        String marks = String.join(", ", ids.stream().map(id -> "?").toList());
        jdbc.sql("SELECT * FROM share_grant_versions WHERE grant_id IN (" + marks + ") ORDER BY grant_id, version").params(new ArrayList<Object>(ids))
                .query((rs, n) -> versions.computeIfAbsent(rs.getLong("grant_id"), k -> new ArrayList<>()).add(version(rs))).list();
        return rows.stream().map(r -> new Grant(r.id(), r.request(), r.organisation(), r.template(), r.rules(), versions.get(r.id()))).toList();
    }

    private static Grant.Version version(ResultSet rs) throws SQLException {
        return new Grant.Version(rs.getInt("version"), Grant.Status.valueOf(rs.getString("status")), Rows.instant(rs, "valid_from"),
                Rows.instant(rs, "valid_until"), rs.getString("changed_by"), Rows.instant(rs, "changed_at"), rs.getString("reason"));
    }

    private record GrantRow(long id, long request, String organisation, String template, List<Rule> rules) {
        static GrantRow of(ResultSet rs, int row) throws SQLException {
            return new GrantRow(rs.getLong("id"), rs.getLong("request_id"), rs.getString("organisation"), rs.getString("template"),
                    PolicyFormat.read(rs.getString("scope"), Syntax.JSON).rules());
        }
    }

    /** A request with its decision, if any: none yet is REQUESTED. */
    private static ShareRequest request(ResultSet rs, int row) throws SQLException {
        String status = rs.getString("status");
        return new ShareRequest(rs.getLong("id"), rs.getString("organisation"), rs.getString("template"), Rows.splitList(rs.getString("datasets")),
                rs.getString("purpose"), Rows.instant(rs, "valid_from"), Rows.instant(rs, "valid_until"), rs.getString("requested_by"),
                Rows.instant(rs, "requested_at"), status == null ? ShareRequest.Status.REQUESTED : ShareRequest.Status.valueOf(status),
                rs.getString("decided_by"), Rows.instant(rs, "decided_at"), rs.getString("reason"), Rows.nullableLong(rs, "grant_id"));
    }
}
