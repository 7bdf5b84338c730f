package org.groundwatergateway.core.monitoring;

import java.time.Instant;
import org.groundwatergateway.core.problem.InvalidInput;

/**
 * Something done to a sensor: a zero or span check, a calibration, maintenance, a repair or a replacement.
 * Readings taken meanwhile are flagged, since they do not measure the groundwater.
 */
public record MaintenanceRecord(Long id, long sensorId, Kind kind, Instant startedAt, Instant endedAt, String performedBy,
                                String result, String notes) {

    public enum Kind {
        ZERO_CHECK, SPAN_CHECK, CALIBRATION, MAINTENANCE, REPAIR, REPLACEMENT;

        /** Whether it resets the calibration schedule. */
        public boolean calibrates() {
            return this == CALIBRATION || this == REPLACEMENT;
        }
    }

    public MaintenanceRecord {
        if (endedAt.isBefore(startedAt)) throw new InvalidInput("core.maintenance.endsBeforeStart", "endedAt");
    }

    public MaintenanceRecord withId(long newId) {
        return new MaintenanceRecord(newId, sensorId, kind, startedAt, endedAt, performedBy, result, notes);
    }
}
