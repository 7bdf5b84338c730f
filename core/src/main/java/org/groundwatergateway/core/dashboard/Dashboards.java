package org.groundwatergateway.core.dashboard;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.groundwatergateway.core.dashboard.Dashboard.Owner;
import org.groundwatergateway.core.dashboard.Dashboard.Panel;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.problem.InvalidInput;

/** Keeping people's dashboards: what a panel may show and how, and how much one person keeps. */
public final class Dashboards {

    static final int MAX_NAME = 60;
    static final int MAX_PANELS = 12;
    static final int MAX_WELLS = 8;
    static final int MAX_PER_OWNER = 20;
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    private final DashboardRepository dashboards;
    private final ParameterRepository parameters;
    private final MonitoringRepository monitoring;
    private final Clock clock;

    public Dashboards(DashboardRepository dashboards, ParameterRepository parameters, MonitoringRepository monitoring, Clock clock) {
        this.dashboards = dashboards;
        this.parameters = parameters;
        this.monitoring = monitoring;
        this.clock = clock;
    }

    public List<Dashboard> of(Owner owner) {
        return dashboards.findAll(owner);
    }

    /** Keeps a dashboard under the owner's name for it, replacing one kept under that name. */
    public Dashboard keep(Owner owner, String name, List<Panel> panels) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("core.dashboard.name", "name", MAX_NAME);
        }
        if (panels == null || panels.isEmpty() || panels.size() > MAX_PANELS) {
            throw new InvalidInput("core.dashboard.panels", "panels", MAX_PANELS, panels == null ? 0 : panels.size());
        }
        List<Panel> checked = new ArrayList<>();
        for (int k = 0; k < panels.size(); k++) checked.add(panel(panels.get(k), "panels[" + k + "]"));
        if (!dashboards.exists(owner, trimmed) && dashboards.count(owner) >= MAX_PER_OWNER) {
            throw new InvalidInput("core.dashboard.tooMany", "name", MAX_PER_OWNER);
        }
        return dashboards.save(new Dashboard(null, owner, trimmed, checked, clock.instant()));
    }

    /** Whether the owner had that dashboard; another person's is neither deleted nor said to exist. */
    public boolean delete(Owner owner, long id) {
        return dashboards.delete(owner, id);
    }

    /** A panel as kept: refused with its field, and what its indicator does not use left out. */
    Panel panel(Panel panel, String field) {
        if (panel == null) throw new InvalidInput("core.dashboard.indicator", field + ".indicator", null, Indicator.codes());
        Indicator indicator = Indicator.of(panel.indicator())
                .orElseThrow(() -> new InvalidInput("core.dashboard.indicator", field + ".indicator", panel.indicator(), Indicator.codes()));
        Indicator.Chart chart = Indicator.Chart.of(panel.chart()).filter(indicator.charts()::contains)
                .orElseThrow(() -> new InvalidInput("core.dashboard.chart", field + ".chart", panel.chart(), indicator.code(),
                        indicator.charts().stream().map(Indicator.Chart::code).toList()));
        if (panel.colour() == null || !COLOUR.matcher(panel.colour()).matches()) {
            throw new InvalidInput("core.dashboard.colour", field + ".colour", panel.colour());
        }
        if (panel.days() < 1 || panel.days() > indicator.maxDays()) {
            throw new InvalidInput("core.dashboard.days", field + ".days", indicator.maxDays(), panel.days(), indicator.code());
        }
        String parameter = null;
        if (indicator.needsParameter()) {
            parameter = panel.parameter();
            if (parameter == null || parameters.findByCode(parameter).isEmpty()) {
                throw new InvalidInput("core.dashboard.parameter", field + ".parameter", panel.parameter());
            }
        }
        List<String> wells = List.of();
        if (indicator.needsWells()) {
            wells = panel.wells() == null ? List.of() : panel.wells();
            if (wells.isEmpty() || wells.size() > MAX_WELLS) throw new InvalidInput("core.dashboard.wells", field + ".wells", MAX_WELLS, wells.size());
            for (int w = 0; w < wells.size(); w++) {
                String code = wells.get(w);
                if (code == null || monitoring.findWell(code).isEmpty()) throw new InvalidInput("core.dashboard.well", field + ".wells[" + w + "]", code);
            }
            if (wells.stream().distinct().count() < wells.size()) throw new InvalidInput("core.dashboard.wellTwice", field + ".wells");
        }
        return new Panel(indicator.code(), parameter, List.copyOf(wells), chart.code(), panel.colour().toLowerCase(Locale.ROOT), panel.days());
    }
}
