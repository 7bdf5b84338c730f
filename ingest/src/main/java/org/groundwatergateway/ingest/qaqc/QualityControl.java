package org.groundwatergateway.ingest.qaqc;

import static org.groundwatergateway.core.reading.QualityFlag.AFTER_GAP;
import static org.groundwatergateway.core.reading.QualityFlag.CALIBRATION_OVERDUE;
import static org.groundwatergateway.core.reading.QualityFlag.DUAL_SENSOR_MISMATCH;
import static org.groundwatergateway.core.reading.QualityFlag.DUPLICATE;
import static org.groundwatergateway.core.reading.QualityFlag.DURING_CALIBRATION;
import static org.groundwatergateway.core.reading.QualityFlag.FLATLINE;
import static org.groundwatergateway.core.reading.QualityFlag.INCONSISTENT;
import static org.groundwatergateway.core.reading.QualityFlag.RANGE;
import static org.groundwatergateway.core.reading.QualityFlag.RATE_OF_CHANGE;
import static org.groundwatergateway.core.reading.QualityFlag.SPIKE;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.core.reading.Reading;

/**
 * Automatic quality checks on each arriving reading (HJ 164-2020 §13.4): range, duplicates, gaps, rate of
 * change, spikes by the Hampel identifier (Pearson 2002, "Outliers in process modeling and
 * identification", IEEE Trans. Control Systems Technology 10(1)), flatlines, the difference between the two
 * sensors of a dual-sensor well, consistency between parameters, and calibration state. Checks only add
 * flags; the value and raw value stay as they arrived.
 *
 * <p>Not thread-safe: one ingest writer thread runs it, so each datastream's readings are judged in order.
 */
public final class QualityControl {

    /** Two sensors of a pair may differ by this fraction of their mean before review. */
    static final double DUAL_TOLERANCE = 0.10;
    /** A gap is an interval longer than this many reporting intervals. */
    static final double GAP_INTERVALS = 2.0;
    private static final int SPIKE_WINDOW = 12;
    private static final int SPIKE_MINIMUM = 6;
    private static final double MAD_TO_SIGMA = 1.4826;

    /** Where QA/QC learns about datastreams, calibrations and the readings before a restart. */
    public interface Context {
        StreamInfo stream(long datastreamId);

        /** The datastream measuring {@code parameter} at the same well, or null. */
        Long sibling(long wellId, String parameter);

        boolean underCalibration(long sensorId, Instant at);

        boolean calibrationOverdue(long sensorId, Instant at);

        /** The latest current readings of a datastream, oldest first. */
        List<Reading> history(long datastreamId, int count);

        /** The stored current value of a datastream at a time, or null. */
        Double storedValue(long datastreamId, Instant at);
    }

    private final QcConfiguration configuration;
    private final Context context;
    private final Map<Long, SeriesWindow> windows = new HashMap<>();

    public QualityControl(QcConfiguration configuration, Context context) {
        this.configuration = configuration;
        this.context = context;
    }

    /** The reading with its QA/QC flags, or null when it repeats a reading already held (same time, same value). */
    public Reading check(Reading reading) {
        StreamInfo stream = context.stream(reading.datastreamId());
        QcProfile profile = configuration.profile(stream.parameter());
        SeriesWindow window = window(stream.id());
        long t = reading.phenomenonTime().getEpochSecond();
        double v = reading.value();
        int flags = reading.qualityFlags();

        Double held = window.valueAt(t);
        if (held != null) {
            if (held == v) return null;
            return withFlags(reading, flags | DUPLICATE.bit());
        }
        if ((profile.min() != null && v < profile.min()) || (profile.max() != null && v > profile.max())) {
            return withFlags(reading, flags | RANGE.bit());
        }
        boolean inOrder = window.isEmpty() || t > window.lastTime();
        boolean afterGap = false;
        // Irregular series (laboratory samples, interval 0) have no gaps.
        if (inOrder && !window.isEmpty() && stream.intervalMinutes() > 0) {
            afterGap = (t - window.lastTime()) / 60.0 > GAP_INTERVALS * stream.intervalMinutes();
            if (afterGap) flags |= AFTER_GAP.bit();
        }
        if (inOrder && !afterGap && profile.maxRatePerHour() != null && window.lastGoodTime() != Long.MIN_VALUE) {
            // Against the last value no check found wrong, so a spike does not make its neighbour look like one.
            double hours = (t - window.lastGoodTime()) / 3600.0;
            if (Math.abs(v - window.lastGoodValue()) / hours > profile.maxRatePerHour()) flags |= RATE_OF_CHANGE.bit();
        }
        if (profile.spikeSigmas() != null) {
            double[] stats = window.medianAndMad(SPIKE_WINDOW, SPIKE_MINIMUM);
            if (stats != null) {
                double threshold = Math.max(profile.spikeSigmas() * MAD_TO_SIGMA * stats[1], profile.spikeMinDeviation());
                if (Math.abs(v - stats[0]) > threshold) flags |= SPIKE.bit();
            }
        }
        if (profile.flatlineHours() != null && inOrder && !afterGap && v > profile.flatlineFloor()
                && v == window.lastGoodValue() && (t - window.repeatingSince()) >= profile.flatlineHours() * 3600) {
            flags |= FLATLINE.bit();
        }
        if (stream.pairedId() != null && profile.dualFloor() != null) {
            Double other = valueAt(stream.pairedId(), t);
            if (other != null && v >= profile.dualFloor() && other >= profile.dualFloor()
                    && Math.abs(v - other) / ((v + other) / 2) > DUAL_TOLERANCE) {
                flags |= DUAL_SENSOR_MISMATCH.bit();
            }
        }
        if (stream.wellId() != null && !consistent(stream, v, t)) flags |= INCONSISTENT.bit();
        if (context.underCalibration(stream.sensorId(), reading.phenomenonTime())) flags |= DURING_CALIBRATION.bit();
        if (context.calibrationOverdue(stream.sensorId(), reading.phenomenonTime())) flags |= CALIBRATION_OVERDUE.bit();

        boolean good = (flags & (SPIKE.bit() | RATE_OF_CHANGE.bit())) == 0;
        window.add(t, v, good);
        return withFlags(reading, flags);
    }

    /** Drops what it remembers; it reloads each datastream's recent readings from storage when next needed. */
    public void forget() {
        windows.clear();
    }

    private boolean consistent(StreamInfo stream, double v, long t) {
        for (ConsistencyRule rule : configuration.consistencyRules()) {
            boolean numerator = rule.numerator().equals(stream.parameter());
            if (!numerator && !rule.denominator().equals(stream.parameter())) continue;
            Long sibling = context.sibling(stream.wellId(), numerator ? rule.denominator() : rule.numerator());
            if (sibling == null) continue;
            Double other = valueAt(sibling, t);
            if (other == null) continue;
            if (!(numerator ? rule.holds(v, other) : rule.holds(other, v))) return false;
        }
        return true;
    }

    /** Another datastream's value at a time: from what QA/QC remembers, or from storage when that is older. */
    private Double valueAt(long datastreamId, long t) {
        SeriesWindow window = window(datastreamId);
        Double value = window.valueAt(t);
        if (value == null && !window.isEmpty() && t < window.firstTime()) {
            value = context.storedValue(datastreamId, Instant.ofEpochSecond(t));
        }
        return value;
    }

    private SeriesWindow window(long datastreamId) {
        SeriesWindow window = windows.get(datastreamId);
        if (window == null) {
            window = new SeriesWindow();
            for (Reading r : context.history(datastreamId, SeriesWindow.CAPACITY)) {
                window.add(r.phenomenonTime().getEpochSecond(), r.value(),
                        (r.qualityFlags() & (SPIKE.bit() | RATE_OF_CHANGE.bit() | RANGE.bit())) == 0);
            }
            windows.put(datastreamId, window);
        }
        return window;
    }

    private static Reading withFlags(Reading r, int flags) {
        return new Reading(r.id(), r.datastreamId(), r.phenomenonTime(), r.value(), r.rawValue(), flags, r.version(), r.current(),
                r.source(), r.receivedTime());
    }
}
