package org.groundwatergateway.ingest.device;

import org.groundwatergateway.core.problem.CataloguedRefusal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.Device;
import org.groundwatergateway.core.monitoring.DeviceRepository;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.monitoring.Sensor;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.park.Park;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.ingest.bulk.BulkImport;
import org.groundwatergateway.ingest.bulk.ImportReport;
import org.groundwatergateway.ingest.bulk.ImportReport.RowError;
import org.groundwatergateway.ingest.bulk.ImportRows.Row;
import org.groundwatergateway.ingest.hj212.PollutantCodes;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commissioning of data loggers in one step: a sensor carrying its logger's MN and one datastream per parameter it
 * measures at a well, for one device ({@link #register}) or for a park's worth from CSV rows ({@link #registerAll}),
 * new devices included. Everything is checked before anything is written, written in one transaction, and then made
 * known to the {@link DeviceRegistry}, so that the device's next HJ 212 or MQTT packet is stored without a restart.
 */
public final class DeviceRegistration {

    /** Rows (datastreams) one upload may register: a park's commissioning, not an unbounded body. */
    public static final int MAX_ROWS = 10_000;

    /** Why a registration was refused, as the caller's fault: a bad value, a missing referent, or a clash with what exists. */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT }

    /** A refused registration, naming the field (or CSV column) at fault. */
    public static final class Refused extends CataloguedRefusal {
        private final Kind kind;

        Refused(Kind kind, InvalidInput problem) {
            super(problem);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }

        public String field() {
            return problem().field();
        }
    }

    /**
     * A sensor and what it measures at a well.
     *
     * @param parameters parameter codes, HJ 212 pollutant codes or CAS numbers; one datastream each
     * @param intervalMinutes the reporting interval of its datastreams
     */
    public record SensorRequest(String code, String model, String serialNumber, Integer calibrationIntervalDays, LocalDate lastCalibratedOn,
                                String well, List<String> parameters, Integer intervalMinutes) {}

    /** A datastream as registered, with the HJ 212 pollutant code the device should send its values under. */
    public record RegisteredDatastream(long id, String code, String parameter, String hj212Code, int intervalMinutes) {}

    public record Registered(String mn, String sensor, String well, List<RegisteredDatastream> datastreams) {}

    private final DeviceRepository devices;
    private final MonitoringRepository monitoring;
    private final ParameterRepository parameters;
    private final ParkRepository parks;
    private final PollutantCodes codes;
    private final DeviceRegistry registry;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public DeviceRegistration(Database database, DeviceRepository devices, MonitoringRepository monitoring, ParameterRepository parameters,
                              ParkRepository parks, PollutantCodes codes, DeviceRegistry registry, Clock clock) {
        this.devices = devices;
        this.monitoring = monitoring;
        this.parameters = parameters;
        this.parks = parks;
        this.codes = codes;
        this.registry = registry;
        this.clock = clock;
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
    }

    /** A sensor of a registered device and its datastreams; refused with the field at fault. */
    public Registered register(String mn, SensorRequest request) {
        Plan plan = new Plan();
        Device device = plan.devices.get(mn);
        if (device == null) throw new Refused(Kind.NOT_FOUND, new InvalidInput("ingest.registration.noDevice", "mn", mn));
        PlannedSensor sensor = plan.sensor(device, text("code", request.code()), text("model", request.model()),
                text("serialNumber", request.serialNumber()), positive("calibrationIntervalDays", request.calibrationIntervalDays(), 3660),
                request.lastCalibratedOn(), text("well", request.well()));
        int interval = positive("intervalMinutes", request.intervalMinutes(), 1440);
        if (request.parameters() == null || request.parameters().isEmpty()) throw new Refused(Kind.INVALID, new InvalidInput("ingest.registration.noParameter", "parameters"));
        for (String name : request.parameters()) {
            Parameter parameter = plan.parameter("parameters", text("parameters", name));
            plan.checkDatastream(device, parameter);
            plan.add(device, sensor, parameter, interval);
        }
        return plan.store().get(0);
    }

    /**
     * Devices, sensors and datastreams from rows, one per datastream (columns as in the README and the API
     * description): mn, park, password and description (for a new device), well, sensor, model, serialNumber,
     * calibrationIntervalDays, lastCalibratedOn, parameter, intervalMinutes. ALL_OR_NOTHING stores nothing if any row
     * is refused; ACCEPT_VALID stores the rows that pass. The report counts the datastreams stored.
     */
    public ImportReport registerAll(Iterable<Row> rows, BulkImport.Mode mode) {
        Plan plan = new Plan();
        List<RowError> errors = new ArrayList<>();
        int count = 0;
        for (Row row : rows) {
            if (++count > MAX_ROWS) {
                throw new InvalidInput("ingest.device.tooManyRows", "body", MAX_ROWS);
            }
            try {
                Device device = plan.device(row);
                PlannedSensor sensor = plan.sensor(device, cell(row, "sensor"), cell(row, "model"), cell(row, "serialNumber"),
                        positive("calibrationIntervalDays", integer(row, "calibrationIntervalDays"), 3660), date(row, "lastCalibratedOn"),
                        cell(row, "well"));
                Parameter parameter = plan.parameter("parameter", cell(row, "parameter"));
                int interval = positive("intervalMinutes", integer(row, "intervalMinutes"), 1440);
                plan.checkDatastream(device, parameter);
                plan.add(device, sensor, parameter, interval);
            } catch (Refused r) {
                errors.add(new RowError(row.number(), r.problem()));
            }
        }
        boolean refused = !errors.isEmpty() && mode == BulkImport.Mode.ALL_OR_NOTHING;
        int stored = refused ? 0 : plan.store().stream().mapToInt(r -> r.datastreams().size()).sum();
        int rejectedRows = refused ? count : (int) errors.stream().map(RowError::row).distinct().count();
        return new ImportReport(mode.name(), count, stored, 0, rejectedRows, errors);
    }

    private record PlannedSensor(String code, String mn, String model, String serialNumber, int calibrationIntervalDays,
                                 LocalDate lastCalibratedOn, Well well) {}

    private record PlannedDatastream(PlannedSensor sensor, Parameter parameter, String code, int intervalMinutes) {}

    /**
     * What exists, read once, and what is to be added: every check sees the rows before it, so that a file cannot
     * describe one device or sensor two ways or register one datastream twice.
     */
    private final class Plan {
        final Map<String, Device> devices = new HashMap<>();
        final Map<String, Park> parksByCode = new HashMap<>();
        final Map<String, Well> wells = new HashMap<>();
        final Map<String, Parameter> parametersByName = new HashMap<>();
        final Set<String> sensorCodes = new HashSet<>();
        final Set<String> datastreamCodes = new HashSet<>();
        /** MN + "/" + parameter code: the key the intake finds a datastream by, so one MN may feed a parameter once. */
        final Map<String, String> fedBy = new HashMap<>();
        final Map<String, Device> newDevices = new LinkedHashMap<>();
        final Map<String, PlannedSensor> newSensors = new LinkedHashMap<>();
        final List<PlannedDatastream> newDatastreams = new ArrayList<>();

        Plan() {
            DeviceRegistration.this.devices.findAll().forEach(d -> devices.put(d.mn(), d));
            parks.findAll().forEach(p -> parksByCode.put(p.code(), p));
            monitoring.findWells().forEach(w -> wells.put(w.code(), w));
            Map<Long, Parameter> byId = new HashMap<>();
            // A retired ObservedProperty takes no new datastream, as in SensorThings.
            for (Parameter p : parameters.findObservable()) {
                byId.put(p.id(), p);
                parametersByName.put(p.code(), p);
            }
            for (Parameter p : byId.values()) {
                if (p.cas() != null) parametersByName.putIfAbsent(p.cas(), p);
                if (p.hj212Code() != null) parametersByName.putIfAbsent(p.hj212Code(), p);
                codes.codeFor(p.code()).ifPresent(c -> parametersByName.putIfAbsent(c, p));
            }
            Map<Long, String> sensorMn = new HashMap<>();
            for (Sensor s : monitoring.findSensors()) {
                sensorCodes.add(s.code());
                sensorMn.put(s.id(), s.mn());
            }
            for (Datastream d : monitoring.findDatastreams()) {
                datastreamCodes.add(d.code());
                if (sensorMn.get(d.sensorId()) == null) continue;
                fedBy.putIfAbsent(sensorMn.get(d.sensorId()) + "/" + byId.get(d.parameterId()).code(), d.code());
            }
        }

        /** The row's device: registered already (its park, if given, must agree) or new, described alike on every row. */
        Device device(Row row) {
            String mn = cell(row, "mn");
            if (!Device.isValidMn(mn)) throw new Refused(Kind.INVALID, new InvalidInput("ingest.registration.mn", "mn"));
            String parkCode = row.get("park");
            Park park = parkCode == null ? null : parksByCode.get(parkCode);
            if (parkCode != null && park == null) throw new Refused(Kind.NOT_FOUND, new InvalidInput("ingest.park.unknown", "park", parkCode));
            String password = row.get("password");
            Device registered = devices.get(mn);
            if (registered != null) {
                if (park != null && park.id() != registered.parkId()) {
                    throw new Refused(Kind.CONFLICT, new InvalidInput("ingest.registration.otherPark", "park", mn));
                }
                return registered;
            }
            Device planned = newDevices.get(mn);
            if (planned != null) {
                if (park != null && park.id() != planned.parkId()) throw new Refused(Kind.INVALID, new InvalidInput("ingest.registration.differsFromEarlierRow", "park", mn));
                if (password != null && !password.equals(planned.password())) {
                    throw new Refused(Kind.INVALID, new InvalidInput("ingest.registration.differsFromEarlierRow", "password", mn));
                }
                return planned;
            }
            if (park == null) throw new Refused(Kind.INVALID, new InvalidInput("ingest.registration.missingForNewDevice", "park", mn));
            if (password == null) throw new Refused(Kind.INVALID, new InvalidInput("ingest.registration.missingForNewDevice", "password", mn));
            if (password.length() > 32) throw new Refused(Kind.INVALID, new InvalidInput("ingest.registration.password", "password"));
            return Device.register(mn, park.id(), password, row.get("description"), clock.instant());
        }

        PlannedSensor sensor(Device device, String code, String model, String serialNumber, int calibrationIntervalDays,
                             LocalDate lastCalibratedOn, String wellCode) {
            if (!code.matches("[0-9A-Za-z_.-]{1,64}")) throw new Refused(Kind.INVALID, new InvalidInput("ingest.registration.sensorCode", "sensor"));
            if (model.length() > 100) throw new Refused(Kind.INVALID, new InvalidInput("ingest.registration.tooLong", "model"));
            if (serialNumber.length() > 100) throw new Refused(Kind.INVALID, new InvalidInput("ingest.registration.tooLong", "serialNumber"));
            Well well = wells.get(wellCode);
            if (well == null) throw new Refused(Kind.INVALID, new InvalidInput("ingest.registration.noWell", "well", wellCode));
            if (well.parkId() != device.parkId()) {
                throw new Refused(Kind.INVALID, new InvalidInput("ingest.registration.wellInOtherPark", "well", wellCode, device.mn()));
            }
            PlannedSensor sensor = new PlannedSensor(code, device.mn(), model, serialNumber, calibrationIntervalDays, lastCalibratedOn, well);
            PlannedSensor earlier = newSensors.get(code);
            if (earlier == null && sensorCodes.contains(code)) throw new Refused(Kind.CONFLICT, new InvalidInput("ingest.registration.sensorExists", "sensor", code));
            if (earlier != null && !earlier.equals(sensor)) {
                throw new Refused(Kind.INVALID, new InvalidInput("ingest.registration.sensorDiffers", "sensor", code));
            }
            return sensor;
        }

        Parameter parameter(String field, String name) {
            Parameter p = parametersByName.get(name);
            if (p == null) throw new Refused(Kind.INVALID, new InvalidInput("ingest.registration.unknownParameter", field, name));
            return p;
        }

        void checkDatastream(Device device, Parameter parameter) {
            String existing = fedBy.get(device.mn() + "/" + parameter.code());
            if (existing != null) {
                throw new Refused(Kind.CONFLICT, new InvalidInput("ingest.registration.alreadyFed", "parameter", device.mn(), parameter.code(), existing));
            }
        }

        /** Records a checked row: its device and sensor if new, and the datastream, coded well/parameter unless that is taken. */
        void add(Device device, PlannedSensor sensor, Parameter parameter, int intervalMinutes) {
            if (!devices.containsKey(device.mn())) newDevices.putIfAbsent(device.mn(), device);
            newSensors.putIfAbsent(sensor.code(), sensor);
            String code = sensor.well().code() + "/" + parameter.code();
            if (datastreamCodes.contains(code)) code += "/" + sensor.code();
            datastreamCodes.add(code);
            fedBy.put(device.mn() + "/" + parameter.code(), code);
            newDatastreams.add(new PlannedDatastream(sensor, parameter, code, intervalMinutes));
        }

        /** Writes the plan in one transaction, then lets the intake see it; one result per new sensor. */
        List<Registered> store() {
            List<Registered> registered = transaction.execute(status -> {
                newDevices.values().forEach(DeviceRegistration.this.devices::insert);
                Map<String, Long> sensorIds = new HashMap<>();
                for (PlannedSensor s : newSensors.values()) {
                    sensorIds.put(s.code(), monitoring.insert(new Sensor(null, s.code(), s.mn(), s.model(), s.serialNumber(),
                            s.calibrationIntervalDays(), s.lastCalibratedOn())).id());
                }
                Map<String, List<RegisteredDatastream>> bySensor = new LinkedHashMap<>();
                for (PlannedDatastream d : newDatastreams) {
                    long id = monitoring.insert(new Datastream(null, d.code(), d.sensor().well().id(), null, d.parameter().id(),
                            sensorIds.get(d.sensor().code()), null, d.intervalMinutes())).id();
                    bySensor.computeIfAbsent(d.sensor().code(), k -> new ArrayList<>()).add(new RegisteredDatastream(id, d.code(),
                            d.parameter().code(), codes.codeFor(d.parameter().code()).orElse(d.parameter().hj212Code()), d.intervalMinutes()));
                }
                return newSensors.values().stream().map(s -> new Registered(s.mn(), s.code(), s.well().code(), bySensor.get(s.code()))).toList();
            });
            registry.reload();
            return registered;
        }
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) throw new Refused(Kind.INVALID, new InvalidInput("ingest.registration.missing", field));
        return value.trim();
    }

    private static String cell(Row row, String column) {
        return text(column, row.get(column));
    }

    private static int positive(String field, Integer value, int max) {
        if (value == null) throw new Refused(Kind.INVALID, new InvalidInput("ingest.registration.missing", field));
        if (value < 1 || value > max) throw new Refused(Kind.INVALID, new InvalidInput("ingest.registration.range", field, max));
        return value;
    }

    private static Integer integer(Row row, String column) {
        String text = row.get(column);
        if (text == null) return null;
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new Refused(Kind.INVALID, new InvalidInput("ingest.registration.notWholeNumber", column, text));
        }
    }

    private static LocalDate date(Row row, String column) {
        String text = row.get(column);
        if (text == null) return null;
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Refused(Kind.INVALID, new InvalidInput("ingest.registration.notDate", column, text));
        }
    }
}
