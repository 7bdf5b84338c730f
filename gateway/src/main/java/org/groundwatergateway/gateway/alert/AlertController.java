package org.groundwatergateway.gateway.alert;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.alert.AlertRepository;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.disclosed.DisclosedRecords;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/alerts")
@Tag(name = "Alerts", description = "报警 / open alerts")
public class AlertController {

    private final AlertRepository alerts;
    private final DisclosedRecords disclosed;

    public AlertController(AlertRepository alerts, DisclosedRecords disclosed) {
        this.alerts = alerts;
        this.disclosed = disclosed;
    }

    @GetMapping
    @Operation(summary = "Open alerts, newest first")
    public List<Alert> open() {
        return disclosed.alerts(disclosed.require(Viewers.current(), "alerts"), alerts.findOpen());
    }

    /** One real alert, open or cleared, as the viewer's disclosure shows it: what a notification links to. */
    @GetMapping("/{id}")
    @Operation(summary = "One alert, open or cleared, as the sharing policy shows it (404 when there is none, or none the viewer may see yet)")
    public Alert alert(@PathVariable long id) {
        // Missing and withheld (e.g. still inside the audience's delay) answer alike, so that a 404 does not tell them apart.
        Disclosure disclosure = disclosed.require(Viewers.current(), "alerts");
        return alerts.find(id).flatMap(a -> disclosed.alerts(disclosure, List.of(a)).stream().findFirst())
                .orElseThrow(() -> new DisclosedRecords.NotDisclosed("alert " + id));
    }
}
