package org.groundwatergateway.ingest.qaqc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.reading.Reading;
import org.junit.jupiter.api.Test;

/** Each check on synthetic hourly series, with the shipped profiles. */
class QualityControlTest {

    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    // id -> stream: 1 pH, 2 conductivity A, 3 conductivity B (paired with 2), 4 TDS at the same well, 5 benzene
    private final Map<Long, StreamInfo> streams = Map.of(
            1L, new StreamInfo(1, "W/ph", "ph", 60, null, 10L, 100),
            2L, new StreamInfo(2, "W/conductivity", "conductivity", 60, 3L, 10L, 101),
            3L, new StreamInfo(3, "W/conductivity/B", "conductivity", 60, 2L, 10L, 102),
            4L, new StreamInfo(4, "W/tds", "total-dissolved-solids-tds", 60, null, 10L, 103),
            5L, new StreamInfo(5, "W/benzene", "benzene", 60, null, 10L, 104));
    private Instant calibrationStart = Instant.MAX;
    private Instant calibrationEnd = Instant.MAX;
    private final Map<String, Double> stored = new HashMap<>();

    private final QualityControl qc = new QualityControl(QcConfiguration.load(), new QualityControl.Context() {
        public StreamInfo stream(long id) { return streams.get(id); }
        public Long sibling(long wellId, String parameter) {
            return switch (parameter) {
                case "conductivity" -> 2L;
                case "total-dissolved-solids-tds" -> 4L;
                default -> null;
            };
        }
        public boolean underCalibration(long sensorId, Instant at) {
            return sensorId == 100 && !at.isBefore(calibrationStart) && !at.isAfter(calibrationEnd);
        }
        public boolean calibrationOverdue(long sensorId, Instant at) { return sensorId == 104 && at.isAfter(T0.plusSeconds(86400 * 30)); }
        public List<Reading> history(long id, int count) { return List.of(); }
        public Double storedValue(long id, Instant at) { return stored.get(id + "@" + at); }
    });

    private Set<QualityFlag> check(long stream, int hour, double value) {
        Reading r = qc.check(Reading.arrived(stream, T0.plusSeconds(hour * 3600L), value, 0, "test", T0));
        return r == null ? null : QualityFlag.of(r.qualityFlags());
    }

    /** Feeds a normal series with small alternating noise and returns the flags of the last reading. */
    private void baseline(long stream, int hours, double level, double wiggle) {
        for (int h = 0; h < hours; h++) assertThat(check(stream, h, level + (h % 3 - 1) * wiggle)).as("hour %d", h).isEmpty();
    }

    @Test
    void rangeCatchesInstrumentErrorCodes() {
        baseline(1, 5, 7.4, 0.02);
        assertThat(check(1, 5, -9999)).containsExactly(QualityFlag.RANGE);
        assertThat(check(1, 6, 7.41)).isEmpty();
    }

    @Test
    void aSingleHourSpikeIsFlaggedAndItsNeighbourIsNot() {
        baseline(2, 24, 1400, 12);
        assertThat(check(2, 24, 4200)).containsExactly(QualityFlag.SPIKE);
        assertThat(check(2, 25, 1402)).isEmpty();
    }

    @Test
    void rateOfChangeFlagsImpossibleJumps() {
        baseline(1, 3, 7.4, 0.02);
        assertThat(check(1, 3, 8.9)).contains(QualityFlag.RATE_OF_CHANGE);
    }

    @Test
    void aFlatlineIsFlaggedOnceItHasLastedTwelveHoursButNonDetectsMayRepeat() {
        baseline(1, 10, 7.4, 0.02);
        for (int h = 10; h < 22; h++) assertThat(check(1, h, 7.21)).as("hour %d", h).doesNotContain(QualityFlag.FLATLINE);
        assertThat(check(1, 22, 7.21)).contains(QualityFlag.FLATLINE);
        for (int h = 0; h < 48; h++) assertThat(check(5, h, 0.0)).as("benzene below detection, hour %d", h).isEmpty();
    }

    @Test
    void gapsDuplicatesAndResendsAreTold() {
        baseline(1, 5, 7.4, 0.02);
        assertThat(check(1, 9, 7.4)).containsExactly(QualityFlag.AFTER_GAP);
        assertThat(check(1, 9, 7.4)).as("the same value again is a resend and is dropped").isNull();
        assertThat(check(1, 9, 7.5)).containsExactly(QualityFlag.DUPLICATE);
        assertThat(check(1, 7, 7.4)).as("a late reading inside the gap").isEmpty();
    }

    @Test
    void dualSensorsMayDifferByTenPercent() {
        assertThat(check(2, 0, 1000)).isEmpty();
        assertThat(check(3, 0, 1090)).isEmpty();
        assertThat(check(2, 1, 1000)).isEmpty();
        assertThat(check(3, 1, 1120)).containsExactly(QualityFlag.DUAL_SENSOR_MISMATCH);
        // Older than what QA/QC remembers: the stored value of the pair is used.
        stored.put("2@" + T0.minusSeconds(7200), 1000.0);
        assertThat(check(3, -2, 1300)).contains(QualityFlag.DUAL_SENSOR_MISMATCH);
    }

    @Test
    void tdsMustAgreeWithConductivity() {
        assertThat(check(2, 0, 1000)).isEmpty();
        assertThat(check(4, 0, 650)).isEmpty();
        assertThat(check(2, 1, 1000)).isEmpty();
        assertThat(check(4, 1, 1500)).containsExactly(QualityFlag.INCONSISTENT);
    }

    @Test
    void calibrationPeriodsAndOverdueCalibrationsAreFlagged() {
        calibrationStart = T0.plusSeconds(3 * 3600);
        calibrationEnd = T0.plusSeconds(3 * 3600 + 2400);
        baseline(1, 3, 7.4, 0.02);
        assertThat(check(1, 3, 7.4)).containsExactly(QualityFlag.DURING_CALIBRATION);
        assertThat(check(5, 24 * 31, 3.0)).containsExactly(QualityFlag.CALIBRATION_OVERDUE);
    }

    @Test
    void deviceFlagsAreKept() {
        Reading maintained = qc.check(Reading.arrived(1, T0, 7.4, QualityFlag.MAINTENANCE.bit(), "test", T0));
        assertThat(QualityFlag.of(maintained.qualityFlags())).containsExactly(QualityFlag.MAINTENANCE);
        assertThat(maintained.rawValue()).isEqualTo(7.4);
    }
}
