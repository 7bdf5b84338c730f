package org.groundwatergateway.policies.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.groundwatergateway.policies.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

public final class UserAccountRepository {

    private final Database database;
    private final JdbcClient jdbc;

    public UserAccountRepository(Database database) {
        this.database = database;
        this.jdbc = database.jdbc();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM user_accounts").query(Long.class).single();
    }

    public UserAccount insert(UserAccount u) {
        return database.inTransaction(connection -> {
            long id = Rows.insert(jdbc.sql("INSERT INTO user_accounts (username, display_name, organisation_id, password_hash, "
                            + "password_changed_at, enabled, failed_logins, locked_until, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, NULL, ?)")
                    .params(u.username(), u.displayName(), u.organisationId(), u.passwordHash(), Rows.timestamp(u.passwordChangedAt()),
                            u.enabled(), Rows.timestamp(u.createdAt())));
            writeRoles(id, u.roles());
            rememberPassword(id, u.passwordHash(), u.passwordChangedAt());
            return u.withId(id);
        });
    }

    public Optional<UserAccount> findByUsername(String username) {
        return withRoles(jdbc.sql("SELECT * FROM user_accounts WHERE username = ?").param(username).query(UserAccountRepository::account).list())
                .stream().findFirst();
    }

    public List<UserAccount> findAll() {
        return withRoles(jdbc.sql("SELECT * FROM user_accounts ORDER BY username").query(UserAccountRepository::account).list());
    }

    public void setRoles(long userId, Set<Role> roles) {
        database.inTransaction(connection -> {
            jdbc.sql("DELETE FROM user_roles WHERE user_id = ?").param(userId).update();
            writeRoles(userId, roles);
            return null;
        });
    }

    public void setEnabled(long userId, boolean enabled) {
        jdbc.sql("UPDATE user_accounts SET enabled = ? WHERE id = ?").params(enabled, userId).update();
    }

    public void changePassword(long userId, String hash, Instant at) {
        database.inTransaction(connection -> {
            jdbc.sql("UPDATE user_accounts SET password_hash = ?, password_changed_at = ?, failed_logins = 0, locked_until = NULL WHERE id = ?")
                    .params(hash, Rows.timestamp(at), userId).update();
            rememberPassword(userId, hash, at);
            return null;
        });
    }

    /** The newest {@code limit} password hashes of the account, the current one included. */
    public List<String> passwordHistory(long userId, int limit) {
        return jdbc.sql("SELECT password_hash FROM password_history WHERE user_id = ? ORDER BY changed_at DESC, id DESC LIMIT ?")
                .params(userId, limit).query(String.class).list();
    }

    /** Counts a failed login; locks the account until {@code lockUntil} when this one reaches {@code limit}. Returns the count. */
    public int recordFailure(long userId, int limit, Instant lockUntil) {
        return database.inTransaction(connection -> {
            jdbc.sql("UPDATE user_accounts SET failed_logins = failed_logins + 1 WHERE id = ?").param(userId).update();
            int failures = jdbc.sql("SELECT failed_logins FROM user_accounts WHERE id = ?").param(userId).query(Integer.class).single();
            if (failures >= limit) {
                jdbc.sql("UPDATE user_accounts SET locked_until = ?, failed_logins = 0 WHERE id = ?")
                        .params(Rows.timestamp(lockUntil), userId).update();
            }
            return failures;
        });
    }

    public void recordSuccess(long userId) {
        jdbc.sql("UPDATE user_accounts SET failed_logins = 0, locked_until = NULL WHERE id = ? AND (failed_logins <> 0 OR locked_until IS NOT NULL)")
                .param(userId).update();
    }

    private void writeRoles(long userId, Set<Role> roles) {
        for (Role role : roles) {
            jdbc.sql("INSERT INTO user_roles (user_id, role) VALUES (?, ?)").params(userId, role.name()).update();
        }
    }

    private void rememberPassword(long userId, String hash, Instant at) {
        jdbc.sql("INSERT INTO password_history (user_id, password_hash, changed_at) VALUES (?, ?, ?)")
                .params(userId, hash, Rows.timestamp(at)).update();
    }

    private List<UserAccount> withRoles(List<UserAccount> accounts) {
        return accounts.stream().map(u -> new UserAccount(u.id(), u.username(), u.displayName(), u.organisationId(), u.passwordHash(),
                u.passwordChangedAt(), u.enabled(), u.failedLogins(), u.lockedUntil(), roles(u.id()), u.createdAt())).toList();
    }

    private Set<Role> roles(long userId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("SELECT role FROM user_roles WHERE user_id = ?").param(userId).query(String.class).list()
                .forEach(role -> roles.add(Role.valueOf(role)));
        return roles;
    }

    private static UserAccount account(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), rs.getLong("organisation_id"),
                rs.getString("password_hash"), Rows.instant(rs, "password_changed_at"), rs.getBoolean("enabled"), rs.getInt("failed_logins"),
                Rows.instant(rs, "locked_until"), Set.of(), Rows.instant(rs, "created_at"));
    }
}
