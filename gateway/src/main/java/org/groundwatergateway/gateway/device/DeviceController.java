package org.groundwatergateway.gateway.device;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.groundwatergateway.core.monitoring.Device;
import org.groundwatergateway.core.monitoring.DeviceRepository;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.monitoring.Sensor;
import org.groundwatergateway.core.park.Park;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.time.ChinaStandardTime;
import org.groundwatergateway.gateway.web.NotFoundException;
import org.groundwatergateway.gateway.web.RequestValues;
import org.groundwatergateway.ingest.device.DeviceRegistry;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/devices")
@Tag(name = "Devices", description = "设备运维 / data loggers: registration, traffic, refusals, calibration status")
public class DeviceController {

    /** The widths of the devices table's columns (V2_1): longer texts are refused by name, not failed in storage. */
    private static final int PASSWORD_WIDTH = 32;
    private static final int DESCRIPTION_WIDTH = 200;

    private final DeviceRepository devices;
    private final DeviceRegistry registry;
    private final MonitoringRepository monitoring;
    private final ParkRepository parks;
    private final Clock clock;

    public DeviceController(DeviceRepository devices, DeviceRegistry registry, MonitoringRepository monitoring, ParkRepository parks,
                            Clock clock) {
        this.devices = devices;
        this.registry = registry;
        this.monitoring = monitoring;
        this.parks = parks;
        this.clock = clock;
    }

    /** A sensor of the device and when its calibration is due. */
    public record SensorStatus(String code, String model, LocalDate lastCalibratedOn, LocalDate calibrationDue, boolean calibrationOverdue) {}

    /** A device for O&amp;M (its password is never shown). */
    public record DeviceView(String mn, String park, String description, boolean enabled, boolean accepts2005, int maxDataLength,
                             Instant registeredAt, Instant lastSeenAt, long packetsReceived, long packetsRejected,
                             double rejectionRate, List<SensorStatus> sensors) {}

    public record DeviceRequest(String mn, String park, String password, String description, Boolean accepts2005,
                                Integer maxDataLength, Boolean enabled) {}

    @GetMapping
    @Operation(summary = "Devices with their traffic and the calibration status of their sensors")
    public List<DeviceView> all() {
        registry.flushTraffic();
        Map<Long, String> parkCodes = parks.findAll().stream().collect(Collectors.toMap(Park::id, Park::code));
        Map<String, List<Sensor>> sensors = monitoring.findSensors().stream().filter(s -> s.mn() != null)
                .collect(Collectors.groupingBy(Sensor::mn));
        LocalDate today = ChinaStandardTime.date(clock.instant());
        return devices.findAll().stream().map(d -> view(d, parkCodes, sensors.getOrDefault(d.mn(), List.of()), today)).toList();
    }

    @GetMapping("/{mn}")
    @Operation(summary = "One device")
    public DeviceView one(@PathVariable String mn) {
        return all().stream().filter(d -> d.mn().equals(mn)).findFirst().orElseThrow(() -> new NotFoundException(new InvalidInput("gateway.notFound.device", "mn", mn)));
    }

    @GetMapping("/{mn}/rejections")
    @Operation(summary = "What was refused from a device, newest first, with the reason")
    public List<DeviceRegistry.Rejection> rejections(@PathVariable String mn, @RequestParam(defaultValue = "100") int limit) {
        return registry.recentRejections(mn, RequestValues.limit("limit", limit, 1000));
    }

    @GetMapping("/rejections")
    @Operation(summary = "What was refused from any sender, unknown ones included, newest first")
    public List<DeviceRegistry.Rejection> allRejections(@RequestParam(defaultValue = "100") int limit) {
        return registry.recentRejections(null, RequestValues.limit("limit", limit, 1000));
    }

    @PostMapping
    @Operation(summary = "Register a data logger so its HJ 212 or MQTT data is accepted (administrators)")
    public ResponseEntity<DeviceView> register(@RequestBody DeviceRequest request) {
        String mn = RequestValues.required("mn", request.mn());
        if (!Device.isValidMn(mn)) throw new InvalidInput("gateway.device.mn", "mn");
        Park park = parks.findByCode(RequestValues.required("park", request.park()))
                .orElseThrow(() -> new InvalidInput("gateway.park.unknown", "park", request.park()));
        String password = RequestValues.atMost("password", RequestValues.required("password", request.password()), PASSWORD_WIDTH);
        devices.insert(new Device(null, mn, park.id(), password, Boolean.TRUE.equals(request.accepts2005()),
                request.maxDataLength() == null ? 1024 : request.maxDataLength(), request.enabled() == null || request.enabled(),
                RequestValues.atMost("description", request.description(), DESCRIPTION_WIDTH), clock.instant(), null, 0, 0));
        registry.reload();
        return ResponseEntity.created(URI.create("/api/v1/devices/" + mn)).body(one(mn));
    }

    @PutMapping("/{mn}")
    @Operation(summary = "Change a device's password, protocol tolerance or state (administrators)")
    public DeviceView update(@PathVariable String mn, @RequestBody DeviceRequest request) {
        Device d = devices.findByMn(mn).orElseThrow(() -> new NotFoundException(new InvalidInput("gateway.notFound.device", "mn", mn)));
        RequestValues.atMost("password", request.password(), PASSWORD_WIDTH);
        RequestValues.atMost("description", request.description(), DESCRIPTION_WIDTH);
        devices.update(new Device(d.id(), mn, d.parkId(), request.password() != null ? request.password() : d.password(),
                request.accepts2005() != null ? request.accepts2005() : d.accepts2005(),
                request.maxDataLength() != null ? request.maxDataLength() : d.maxDataLength(),
                request.enabled() != null ? request.enabled() : d.enabled(),
                request.description() != null ? request.description() : d.description(), d.registeredAt(), d.lastSeenAt(),
                d.packetsReceived(), d.packetsRejected()));
        registry.reload();
        return one(mn);
    }

    private static DeviceView view(Device d, Map<Long, String> parkCodes, List<Sensor> sensors, LocalDate today) {
        long total = d.packetsReceived() + d.packetsRejected();
        List<SensorStatus> status = sensors.stream().map(s -> new SensorStatus(s.code(), s.model(), s.lastCalibratedOn(), s.calibrationDue(),
                s.calibrationDue() != null && s.calibrationDue().isBefore(today))).toList();
        return new DeviceView(d.mn(), parkCodes.get(d.parkId()), d.description(), d.enabled(), d.accepts2005(), d.maxDataLength(),
                d.registeredAt(), d.lastSeenAt(), d.packetsReceived(), d.packetsRejected(), total == 0 ? 0 : (double) d.packetsRejected() / total,
                status);
    }
}
