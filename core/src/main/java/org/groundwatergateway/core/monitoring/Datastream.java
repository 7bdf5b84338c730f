package org.groundwatergateway.core.monitoring;

/**
 * One parameter measured by one sensor at one well (or weather station): the SensorThings Datastream. One of
 * neither is a generic Thing's, created through SensorThings, which names its Thing apart ({@link
 * MonitoringRepository#genericThingOf}).
 *
 * @param pairedDatastreamId at dual-sensor wells, the datastream of the second sensor measuring the same
 *     parameter, compared by QA/QC
 */
public record Datastream(Long id, String code, Long wellId, Long weatherStationId, long parameterId, long sensorId,
                         Long pairedDatastreamId, int intervalMinutes) {

    public Datastream {
        if (wellId != null && weatherStationId != null) {
            throw new IllegalArgumentException("datastream " + code + " belongs to one well or weather station, not both");
        }
    }

    public Datastream withId(long newId) {
        return new Datastream(newId, code, wellId, weatherStationId, parameterId, sensorId, pairedDatastreamId, intervalMinutes);
    }
}
