package org.groundwatergateway.policies.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit of logins: append and read, nothing else. */
public final class LoginEventRepository {

    private static final int MAX_TEXT = 500;
    private final JdbcClient jdbc;

    public LoginEventRepository(Database database) {
        this.jdbc = database.jdbc();
    }

    public void append(Instant at, String principal, LoginEvent.Kind kind, String detail, String address) {
        jdbc.sql("INSERT INTO login_events (at, principal, kind, detail, address) VALUES (?, ?, ?, ?, ?)")
                .params(Rows.timestamp(at), clip(principal == null || principal.isBlank() ? "?" : principal, 200), kind.name(),
                        detail == null ? null : clip(detail, MAX_TEXT), address == null ? null : clip(address, 64))
                .update();
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
