package org.groundwatergateway.gateway.alert;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.alert.AlertRepository;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.policies.disclosed.DisclosedRecords;
import org.springframework.web.bind.annotation.GetMapping;
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
}
