package org.groundwatergateway.core.warning;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Warning rules and all their versions. Editing a rule adds a version and keeps the old ones, which the
 * alerts they raised still name; retiring a rule stops it without deleting anything. Rules are stored as
 * checked by {@link RuleValidation}.
 */
public final class WarningRuleRepository {

    private final Database database;
    private final JdbcClient jdbc;

    public WarningRuleRepository(Database database) {
        this.database = database;
        this.jdbc = database.jdbc();
    }

    /** Stores a new rule as its version 1. */
    public WarningRule create(WarningRule rule, String by, Instant at) {
        return database.inTransaction(connection -> {
            JdbcClient tx = on(connection);
            long id = Rows.insert(tx.sql("INSERT INTO warning_rules (created_at) VALUES (?)").param(Rows.timestamp(at)));
            return insertVersion(tx, id, 1, rule, by, at);
        });
    }

    /** Stores an edit as the rule's next version. */
    public WarningRule update(long id, WarningRule rule, String by, Instant at) {
        return database.inTransaction(connection -> {
            WarningRule current = find(id).orElseThrow(() -> new InvalidInput("core.rule.unknown", "id", id));
            if (current.retired()) throw new InvalidInput("core.rule.retired", "id", id);
            return insertVersion(on(connection), id, current.version() + 1, rule, by, at);
        });
    }

    /** Retires a rule: it raises nothing from now on. Returns false if there is no such active rule. */
    public boolean retire(long id, Instant at) {
        return jdbc.sql("UPDATE warning_rules SET retired_at = ? WHERE id = ? AND retired_at IS NULL")
                .params(Rows.timestamp(at), id).update() > 0;
    }

    /** The rule's latest version. */
    public Optional<WarningRule> find(long id) {
        return versions(id).stream().reduce((a, b) -> b);
    }

    public Optional<WarningRule> find(long id, int version) {
        return versions(id).stream().filter(r -> r.version() == version).findFirst();
    }

    /** Every version of a rule, oldest first. */
    public List<WarningRule> versions(long id) {
        return withConditions(jdbc.sql(SELECT + " WHERE v.rule_id = ? ORDER BY v.version").param(id).query(WarningRuleRepository::rule).list());
    }

    /** The latest version of every rule, retired ones included when asked. */
    public List<WarningRule> findAll(boolean withRetired) {
        return withConditions(jdbc.sql(SELECT + " WHERE v.version = (SELECT MAX(l.version) FROM warning_rule_versions l WHERE l.rule_id = v.rule_id)"
                        + (withRetired ? "" : " AND r.retired_at IS NULL") + " ORDER BY v.rule_id")
                .query(WarningRuleRepository::rule).list());
    }

    /** Changes whenever a rule is added, edited or retired: lets a cache of rules know it is stale for one cheap query. */
    public long revision() {
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM warning_rule_versions) + (SELECT COUNT(*) FROM warning_rules WHERE retired_at IS NOT NULL)")
                .query(Long.class).single();
    }

    private static final String SELECT = "SELECT v.*, r.retired_at FROM warning_rule_versions v JOIN warning_rules r ON r.id = v.rule_id";

    /** A client on the transaction's connection, so that a rule's rows are written together or not at all. */
    private static JdbcClient on(Connection connection) {
        return JdbcClient.create(new SingleConnectionDataSource(connection, true));
    }

    private static WarningRule insertVersion(JdbcClient jdbc, long id, int version, WarningRule r, String by, Instant at) {
        WarningRule.Thresholds t = r.thresholds();
        jdbc.sql("INSERT INTO warning_rule_versions (rule_id, version, name, kind, parameter_code, well_roles, park_code, aquifer_code, "
                        + "limit_class, general_threshold, serious_threshold, severe_threshold, hysteresis, clear_after, window_hours, "
                        + "horizon_days, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, version, r.name(), r.kind().name(), r.parameterCode(),
                        r.roles().isEmpty() ? null : r.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                        r.parkCode(), r.aquiferCode(), r.limitClass(), t.general(), t.serious(), t.severe(), r.hysteresis(),
                        r.clearAfter(), r.windowHours(), r.horizonDays(), Rows.timestamp(at), by)
                .update();
        for (int i = 0; i < r.conditions().size(); i++) {
            WarningRule.Condition c = r.conditions().get(i);
            jdbc.sql("INSERT INTO warning_rule_conditions (rule_id, version, position, parameter_code, comparison, threshold) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(id, version, i, c.parameterCode(), c.comparison().name(), c.threshold()).update();
        }
        return new WarningRule(id, version, r.name(), r.kind(), r.parameterCode(), r.roles(), r.parkCode(), r.aquiferCode(),
                r.limitClass(), t, r.hysteresis(), r.clearAfter(), r.windowHours(), r.horizonDays(), r.conditions(), at, by, null);
    }

    private List<WarningRule> withConditions(List<WarningRule> rules) {
        if (rules.stream().noneMatch(r -> r.kind() == WarningRule.Kind.COMBINED)) return rules;
        List<WarningRule> complete = new ArrayList<>(rules.size());
        for (WarningRule r : rules) {
            if (r.kind() != WarningRule.Kind.COMBINED) {
                complete.add(r);
                continue;
            }
            List<WarningRule.Condition> conditions = jdbc.sql("SELECT * FROM warning_rule_conditions WHERE rule_id = ? AND version = ? ORDER BY position")
                    .params(r.id(), r.version())
                    .query((rs, row) -> new WarningRule.Condition(rs.getString("parameter_code"),
                            WarningRule.Comparison.valueOf(rs.getString("comparison")), rs.getDouble("threshold")))
                    .list();
            complete.add(new WarningRule(r.id(), r.version(), r.name(), r.kind(), r.parameterCode(), r.roles(), r.parkCode(),
                    r.aquiferCode(), r.limitClass(), r.thresholds(), r.hysteresis(), r.clearAfter(), r.windowHours(), r.horizonDays(),
                    conditions, r.createdAt(), r.createdBy(), r.retiredAt()));
        }
        return complete;
    }

    private static WarningRule rule(ResultSet rs, int row) throws SQLException {
        String roles = rs.getString("well_roles");
        Set<Well.Role> roleSet = EnumSet.noneOf(Well.Role.class);
        if (roles != null) Arrays.stream(roles.split(",")).map(Well.Role::valueOf).forEach(roleSet::add);
        return new WarningRule(rs.getLong("rule_id"), rs.getInt("version"), rs.getString("name"),
                WarningRule.Kind.valueOf(rs.getString("kind")), rs.getString("parameter_code"), Set.copyOf(roleSet),
                rs.getString("park_code"), rs.getString("aquifer_code"), rs.getObject("limit_class", Integer.class),
                new WarningRule.Thresholds(Rows.nullableDouble(rs, "general_threshold"), Rows.nullableDouble(rs, "serious_threshold"),
                        Rows.nullableDouble(rs, "severe_threshold")),
                rs.getDouble("hysteresis"), rs.getInt("clear_after"), Rows.nullableDouble(rs, "window_hours"),
                Rows.nullableDouble(rs, "horizon_days"), List.of(), Rows.instant(rs, "created_at"), rs.getString("created_by"),
                Rows.instant(rs, "retired_at"));
    }
}
