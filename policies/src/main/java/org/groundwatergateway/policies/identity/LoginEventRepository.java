package org.groundwatergateway.policies.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.groundwatergateway.policies.audit.AuditEvent;
import org.groundwatergateway.policies.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit of logins: append and read, nothing else. Every event also goes into the tamper-evident audit log as a
 * LOGIN entry; this table keeps the detail and answers the queries by account.
 */
public final class LoginEventRepository {

    private static final int MAX_TEXT = 500;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    public LoginEventRepository(Database database, AuditLog audit) {
        this.jdbc = database.jdbc();
        this.audit = audit;
    }

    public void append(Instant at, String principal, LoginEvent.Kind kind, String detail, String address) {
        String who = clip(principal == null || principal.isBlank() ? "?" : principal, 200);
        String from = address == null ? null : clip(address, 64);
        jdbc.sql("INSERT INTO login_events (at, principal, kind, detail, address) VALUES (?, ?, ?, ?, ?)")
                .params(Rows.timestamp(at), who, kind.name(), detail == null ? null : clip(detail, MAX_TEXT), from)
                .update();
        audit.append(AuditEvent.login(who, kind.name(), from));
    }

    /** Newest first, at most {@code limit}, optionally of one principal or one kind (null: any). */
    public List<LoginEvent> recent(String principal, LoginEvent.Kind kind, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM login_events WHERE 1 = 1");
        List<Object> params = new java.util.ArrayList<>();
        if (principal != null) {
            sql.append(" AND principal = ?");
            params.add(principal);
        }
        if (kind != null) {
            sql.append(" AND kind = ?");
            params.add(kind.name());
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(LoginEventRepository::event).list();
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static LoginEvent event(ResultSet rs, int row) throws SQLException {
        return new LoginEvent(rs.getLong("id"), Rows.instant(rs, "at"), rs.getString("principal"),
                LoginEvent.Kind.valueOf(rs.getString("kind")), rs.getString("detail"), rs.getString("address"));
    }
}
