package org.groundwatergateway.core.monitoring;

import java.time.LocalDate;

/**
 * A measuring instrument.
 *
 * @param mn HJ 212 device number (MN) of the data logger the sensor reports through; several sensors in one
 *     well share their logger's MN. Null for a sensor that reports through no logger of the platform (one described
 *     through SensorThings only, whose Observations come the same way)
 */
public record Sensor(Long id, String code, String mn, String model, String serialNumber, int calibrationIntervalDays,
                     LocalDate lastCalibratedOn) {

    public Sensor withId(long newId) {
        return new Sensor(newId, code, mn, model, serialNumber, calibrationIntervalDays, lastCalibratedOn);
    }

    /** The date the next calibration is due, or null if the sensor has never been calibrated. */
    public LocalDate calibrationDue() {
        return lastCalibratedOn == null ? null : lastCalibratedOn.plusDays(calibrationIntervalDays);
    }
}
