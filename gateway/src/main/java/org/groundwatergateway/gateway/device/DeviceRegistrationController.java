package org.groundwatergateway.gateway.device;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.groundwatergateway.gateway.imports.ImportController;
import org.groundwatergateway.gateway.web.PublicBaseUrl;
import org.groundwatergateway.ingest.bulk.BulkImport;
import org.groundwatergateway.ingest.bulk.ImportReport;
import org.groundwatergateway.ingest.bulk.ImportRows;
import org.groundwatergateway.ingest.bulk.UploadLimits;
import org.groundwatergateway.ingest.device.DeviceRegistration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Commissioning over REST: a device's sensor with its datastreams in one call, or a park's loggers from one CSV file,
 * instead of a device, a SensorThings Sensor and a Thing with Datastreams in three calls across two APIs.
 */
@RestController
@Tag(name = "Devices", description = "设备运维 / data loggers: registration, traffic, refusals, calibration status")
public class DeviceRegistrationController {

    private final DeviceRegistration registration;
    private final PublicBaseUrl publicBaseUrl;
    private final UploadLimits limits;

    public DeviceRegistrationController(DeviceRegistration registration, PublicBaseUrl publicBaseUrl, UploadLimits limits) {
        this.registration = registration;
        this.publicBaseUrl = publicBaseUrl;
        this.limits = limits;
    }

    @PostMapping("/api/v1/devices/{mn}/sensors")
    @Operation(summary = "Register a sensor of a device and one datastream per parameter it measures at a well, in one transaction "
            + "(administrators); the device's next HJ 212 or MQTT packet is stored into them")
    public ResponseEntity<DeviceRegistration.Registered> registerSensor(HttpServletRequest http, @PathVariable String mn,
                                                                        @RequestBody DeviceRegistration.SensorRequest request) {
        DeviceRegistration.Registered registered = registration.register(mn, request);
        // Absolute, under the public root: a client behind a proxy follows it as it is.
        return ResponseEntity.created(URI.create(publicBaseUrl.root(http) + "/api/v1/devices/" + mn)).body(registered);
    }

    @PostMapping(value = "/api/v1/devices/registrations", consumes = "text/csv")
    @Operation(summary = "Register devices, sensors and datastreams from CSV (UTF-8, header row, one row per datastream, at most "
            + DeviceRegistration.MAX_ROWS + " rows): mn, park, password and description (new devices only), well, sensor, model, "
            + "serialNumber, calibrationIntervalDays, lastCalibratedOn, parameter, intervalMinutes; answered with an import report, "
            + "422 when the upload was refused whole (administrators)")
    public ResponseEntity<ImportReport> registerAll(HttpServletRequest request,
            @Parameter(description = "ALL_OR_NOTHING (default) or ACCEPT_VALID") @RequestParam(defaultValue = "ALL_OR_NOTHING") String mode)
            throws IOException {
        BulkImport.Mode chosen = BulkImport.Mode.of(mode);
        try (InputStream body = ImportController.body(request, limits)) {
            return ImportController.answer(registration.registerAll(ImportRows.csv(body, null, limits), chosen), request);
        }
    }
}
