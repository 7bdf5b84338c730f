package org.groundwatergateway.gateway.device;

import org.groundwatergateway.core.problem.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.groundwatergateway.core.monitoring.MaintenanceRecord;
import org.groundwatergateway.core.monitoring.MaintenanceRepository;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.monitoring.Sensor;
import org.groundwatergateway.gateway.web.NotFoundException;
import org.groundwatergateway.gateway.web.RequestValues;
import org.groundwatergateway.ingest.qaqc.StoredQcContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sensors/{code}/maintenance")
@Tag(name = "Devices", description = "设备运维 / data loggers: registration, traffic, refusals, calibration status")
public class MaintenanceController {

    private final MonitoringRepository monitoring;
    private final MaintenanceRepository maintenance;
    private final StoredQcContext qualityControl;

    public MaintenanceController(MonitoringRepository monitoring, MaintenanceRepository maintenance, StoredQcContext qualityControl) {
        this.monitoring = monitoring;
        this.maintenance = maintenance;
        this.qualityControl = qualityControl;
    }

    /** A zero/span check, calibration, maintenance, repair or replacement; times ISO-8601 with offset. */
    public record MaintenanceRequest(String kind, String startedAt, String endedAt, String performedBy, String result, String notes) {}

    @GetMapping
    @Operation(summary = "A sensor's O&M records (kept at least three years)")
    public List<MaintenanceRecord> records(@PathVariable String code) {
        return maintenance.findBySensor(sensor(code).id());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record maintenance; readings taken meanwhile are flagged, and a calibration restarts the schedule")
    public MaintenanceRecord record(@PathVariable String code, @RequestBody MaintenanceRequest request) {
        Sensor sensor = sensor(code);
        MaintenanceRecord.Kind kind = RequestValues.enumValue("kind", MaintenanceRecord.Kind.class, RequestValues.required("kind", request.kind()));
        MaintenanceRecord saved = maintenance.insert(new MaintenanceRecord(null, sensor.id(), kind,
                RequestValues.required("startedAt", RequestValues.instant("startedAt", request.startedAt())),
                RequestValues.required("endedAt", RequestValues.instant("endedAt", request.endedAt())),
                RequestValues.required("performedBy", request.performedBy()), request.result(), request.notes()));
        qualityControl.sensorChanged(sensor.id());
        return saved;
    }

    private Sensor sensor(String code) {
        return monitoring.findSensor(code).orElseThrow(() -> new NotFoundException(new InvalidInput("gateway.notFound.sensor", "code", code)));
    }
}
