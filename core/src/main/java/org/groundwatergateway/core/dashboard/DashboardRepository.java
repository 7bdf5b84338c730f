package org.groundwatergateway.core.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.groundwatergateway.core.dashboard.Dashboard.Owner;
import org.groundwatergateway.core.dashboard.Dashboard.Panel;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The dashboards people keep, each read and changed only under its owner; a dashboard and its panels change together. */
public final class DashboardRepository {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public DashboardRepository(Database database) {
        this.jdbc = database.jdbc();
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
    }

    /** Keeps the dashboard under its owner and name; one the owner kept under the same name is replaced, panels and all. */
    public Dashboard save(Dashboard dashboard) {
        Owner owner = dashboard.owner();
        try {
            long id = transaction.execute(status -> {
                Optional<Long> kept = jdbc.sql("SELECT id FROM dashboards WHERE owner_organisation = ? AND owner_name = ? AND name = ?")
                        .params(owner.organisation(), owner.name(), dashboard.name()).query(Long.class).optional();
                long saved = kept.orElseGet(() -> Rows.insert(jdbc.sql("INSERT INTO dashboards (owner_organisation, owner_name, name, saved_at) "
                        + "VALUES (?, ?, ?, ?)").params(owner.organisation(), owner.name(), dashboard.name(), Rows.timestamp(dashboard.savedAt()))));
                jdbc.sql("UPDATE dashboards SET saved_at = ? WHERE id = ?").params(Rows.timestamp(dashboard.savedAt()), saved).update();
                jdbc.sql("DELETE FROM dashboard_panels WHERE dashboard_id = ?").param(saved).update();
                for (int k = 0; k < dashboard.panels().size(); k++) {
                    Panel p = dashboard.panels().get(k);
                    jdbc.sql("INSERT INTO dashboard_panels (dashboard_id, position, indicator, parameter, wells, chart, colour, days) "
                                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                            .params(saved, k, p.indicator(), p.parameter(), p.wells().isEmpty() ? null : Rows.joinList(p.wells()), p.chart(),
                                    p.colour(), p.days()).update();
                }
                return saved;
            });
            return find(owner, id).orElseThrow();
        } catch (DuplicateKeyException savedMeanwhile) {
            // The same person saved under the same name at the same moment (two tabs): the later layout wins.
            return save(dashboard);
        }
    }

    /** The owner's dashboards by name, each with its panels in order. */
    public List<Dashboard> findAll(Owner owner) {
        return read("d.owner_organisation = ? AND d.owner_name = ?", owner.organisation(), owner.name());
    }

    public Optional<Dashboard> find(Owner owner, long id) {
        return read("d.owner_organisation = ? AND d.owner_name = ? AND d.id = ?", owner.organisation(), owner.name(), id).stream().findFirst();
    }

    public boolean exists(Owner owner, String name) {
        return jdbc.sql("SELECT COUNT(*) FROM dashboards WHERE owner_organisation = ? AND owner_name = ? AND name = ?")
                .params(owner.organisation(), owner.name(), name).query(Integer.class).single() > 0;
    }

    public int count(Owner owner) {
        return jdbc.sql("SELECT COUNT(*) FROM dashboards WHERE owner_organisation = ? AND owner_name = ?")
                .params(owner.organisation(), owner.name()).query(Integer.class).single();
    }

    /** Whether the owner had a dashboard of this id (another's is not theirs to delete, and is not said to exist). */
    public boolean delete(Owner owner, long id) {
        return jdbc.sql("DELETE FROM dashboards WHERE id = ? AND owner_organisation = ? AND owner_name = ?")
                .params(id, owner.organisation(), owner.name()).update() == 1;
    }

    /** A dashboard's row joined with one of its panels (null for a dashboard without panels). */
    private record Row(Dashboard dashboard, Panel panel) {}

    private List<Dashboard> read(String where, Object... params) {
        List<Row> rows = jdbc.sql("SELECT d.id, d.owner_organisation, d.owner_name, d.name, d.saved_at, p.indicator, p.parameter, p.wells, p.chart, "
                        + "p.colour, p.days FROM dashboards d LEFT JOIN dashboard_panels p ON p.dashboard_id = d.id WHERE " + where
                        + " ORDER BY d.name, d.id, p.position")
                .params(params)
                .query((rs, n) -> new Row(new Dashboard(rs.getLong("id"), new Owner(rs.getString("owner_organisation"), rs.getString("owner_name")),
                        rs.getString("name"), List.of(), Rows.instant(rs, "saved_at")),
                        rs.getString("indicator") == null ? null : new Panel(rs.getString("indicator"), rs.getString("parameter"),
                                Rows.splitList(rs.getString("wells")), rs.getString("chart"), rs.getString("colour"), rs.getInt("days"))))
                .list();
        Map<Long, Dashboard> dashboards = new LinkedHashMap<>();
        Map<Long, List<Panel>> panels = new LinkedHashMap<>();
        for (Row row : rows) {
            dashboards.putIfAbsent(row.dashboard().id(), row.dashboard());
            List<Panel> of = panels.computeIfAbsent(row.dashboard().id(), id -> new ArrayList<>());
            if (row.panel() != null) of.add(row.panel());
        }
        return dashboards.values().stream().map(d -> new Dashboard(d.id(), d.owner(), d.name(), List.copyOf(panels.get(d.id())), d.savedAt())).toList();
    }
}
