package org.groundwatergateway.gateway.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.groundwatergateway.core.dashboard.Dashboard;
import org.groundwatergateway.core.dashboard.Dashboards;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.gateway.web.NotFoundException;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.disclosed.DisclosedRecords;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in person's custom dashboards (issue #20, §10.4.2): theirs alone, kept on the server. A dashboard keeps
 * only its layout; the portal draws each panel from the platform's own APIs, so what a panel shows is what the person
 * may read there.
 */
@RestController
@RequestMapping("/api/v1/dashboards")
@Tag(name = "Dashboards", description = "我的看板 / custom dashboards")
public class DashboardController {

    /** A panel as sent and shown. */
    public record PanelView(
            @Schema(description = "series | alerts-by-level | completeness | wells-by-class") String indicator,
            @Schema(description = "the parameter's code, for series and wells-by-class") String parameter,
            @Schema(description = "1 to 8 wells' codes, for series") List<String> wells,
            @Schema(description = "line | bar | scatter | number, as the indicator allows") String chart,
            @Schema(description = "#rrggbb") String colour,
            @Schema(description = "the days the panel spans, 1 to 365 (completeness: 31)") Integer days) {

        static PanelView of(Dashboard.Panel p) {
            return new PanelView(p.indicator(), p.parameter(), p.wells(), p.chart(), p.colour(), p.days());
        }

        Dashboard.Panel panel() {
            return new Dashboard.Panel(indicator, parameter, wells, chart, colour, days == null ? 0 : days);
        }
    }

    /** A dashboard as sent: its name and 1 to 12 panels. */
    @Schema(example = "{\"name\": \"值班看板\", \"panels\": [{\"indicator\": \"series\", \"parameter\": \"benzene\", \"wells\": [\"GW-U04\", "
            + "\"GW-U05\"], \"chart\": \"line\", \"colour\": \"#d62828\", \"days\": 30}, {\"indicator\": \"alerts-by-level\", \"chart\": \"bar\", "
            + "\"colour\": \"#2f6fdb\", \"days\": 7}]}")
    public record DashboardRequest(String name, List<PanelView> panels) {}

    public record DashboardView(long id, String name, List<PanelView> panels, Instant savedAt) {
        static DashboardView of(Dashboard d) {
            return new DashboardView(d.id(), d.name(), d.panels().stream().map(PanelView::of).toList(), d.savedAt());
        }
    }

    private final Dashboards dashboards;

    public DashboardController(Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping
    @Operation(summary = "My dashboards, by name, each with its panels in order")
    public List<DashboardView> mine() {
        return dashboards.of(owner()).stream().map(DashboardView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Keep a dashboard under a name (a dashboard of mine under the same name is replaced)",
            description = "At most 12 panels and 20 dashboards a person; a refusal names the field at fault (`panels[2].colour`).")
    public DashboardView keep(@RequestBody DashboardRequest request) {
        List<Dashboard.Panel> panels = request.panels() == null ? null
                : request.panels().stream().map(p -> p == null ? null : p.panel()).toList();
        return DashboardView.of(dashboards.keep(owner(), request.name(), panels));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete one of my dashboards")
    public void delete(@PathVariable long id) {
        if (!dashboards.delete(owner(), id)) throw new NotFoundException(new InvalidInput("gateway.notFound.dashboard", "id", id));
    }

    /** The signed-in person or client, by organisation and name; a caller the platform cannot place keeps none. */
    private static Dashboard.Owner owner() {
        Viewer viewer = Viewers.current();
        if (viewer.isAnonymous() || viewer.organisation() == null) throw new DisclosedRecords.NotDisclosed("dashboards");
        return new Dashboard.Owner(viewer.organisation(), viewer.name());
    }
}
