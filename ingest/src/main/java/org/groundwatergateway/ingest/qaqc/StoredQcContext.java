package org.groundwatergateway.ingest.qaqc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.MaintenanceRecord;
import org.groundwatergateway.core.monitoring.MaintenanceRepository;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.monitoring.Sensor;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.time.ChinaStandardTime;

/** QA/QC's view of the database: datastreams, sensors and their maintenance, cached and reloaded on a miss. */
public final class StoredQcContext implements QualityControl.Context {

    private record Calibrations(Sensor sensor, List<MaintenanceRecord> records) {}

    private final MonitoringRepository monitoring;
    private final ParameterRepository parameters;
    private final MaintenanceRepository maintenance;
    private final ReadingRepository readings;
    private volatile Map<Long, StreamInfo> streams = Map.of();
    private volatile Map<String, Long> siblings = Map.of();
    private final Map<Long, Calibrations> calibrations = new ConcurrentHashMap<>();

    public StoredQcContext(MonitoringRepository monitoring, ParameterRepository parameters, MaintenanceRepository maintenance,
                           ReadingRepository readings) {
        this.monitoring = monitoring;
        this.parameters = parameters;
        this.maintenance = maintenance;
        this.readings = readings;
    }

    @Override
    public StreamInfo stream(long datastreamId) {
        StreamInfo info = streams.get(datastreamId);
        if (info == null) {
            reloadStreams();
            info = streams.get(datastreamId);
            if (info == null) throw new IllegalArgumentException("datastream: no datastream with id " + datastreamId);
        }
        return info;
    }

    @Override
    public Long sibling(long wellId, String parameter) {
        return siblings.get(wellId + "/" + parameter);
    }

    @Override
    public boolean underCalibration(long sensorId, Instant at) {
        for (MaintenanceRecord r : calibrations(sensorId).records()) {
            if (r.startedAt().isAfter(at)) break;
            if (!r.endedAt().isBefore(at)) return true;
        }
        return false;
    }

    @Override
    public boolean calibrationOverdue(long sensorId, Instant at) {
        Calibrations c = calibrations(sensorId);
        LocalDate day = ChinaStandardTime.date(at);
        LocalDate last = null;
        for (MaintenanceRecord r : c.records()) {
            if (r.startedAt().isAfter(at)) break;
            if (r.kind().calibrates()) last = ChinaStandardTime.date(r.endedAt());
        }
        LocalDate recorded = c.sensor().lastCalibratedOn();
        if (recorded != null && !recorded.isAfter(day) && (last == null || recorded.isAfter(last))) last = recorded;
        return last != null && day.isAfter(last.plusDays(c.sensor().calibrationIntervalDays()));
    }

    @Override
    public List<Reading> history(long datastreamId, int count) {
        return readings.latest(datastreamId, count);
    }

    @Override
    public Double storedValue(long datastreamId, Instant at) {
        return readings.valueAt(datastreamId, at);
    }

    /** A sensor's maintenance changed: read it again when next needed. */
    public void sensorChanged(long sensorId) {
        calibrations.remove(sensorId);
    }

    private Calibrations calibrations(long sensorId) {
        return calibrations.computeIfAbsent(sensorId, id -> new Calibrations(
                monitoring.findSensor(id).orElseThrow(() -> new IllegalArgumentException("sensor: no sensor with id " + id)),
                maintenance.findBySensor(id)));
    }

    private synchronized void reloadStreams() {
        Map<Long, String> parameterCodes = new HashMap<>();
        for (Parameter p : parameters.findAll()) parameterCodes.put(p.id(), p.code());
        Map<Long, StreamInfo> loaded = new HashMap<>();
        Map<String, Long> bySibling = new HashMap<>();
        List<Datastream> all = new ArrayList<>(monitoring.findDatastreams());
        for (Datastream d : all) {
            String parameter = parameterCodes.get(d.parameterId());
            loaded.put(d.id(), new StreamInfo(d.id(), d.code(), parameter, d.intervalMinutes(), d.pairedDatastreamId(), d.wellId(), d.sensorId()));
            // Of a dual-sensor pair, the first sensor stands for the well in cross-parameter checks.
            if (d.wellId() != null) bySibling.putIfAbsent(d.wellId() + "/" + parameter, d.id());
        }
        streams = Map.copyOf(loaded);
        siblings = Map.copyOf(bySibling);
    }
}
