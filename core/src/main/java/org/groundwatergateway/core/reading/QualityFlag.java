package org.groundwatergateway.core.reading;

import java.util.EnumSet;
import java.util.Set;

/**
 * Quality flags a reading carries, as bits of one integer (new flags are only ever appended: stored bits
 * keep their meaning). The first group is the device's own data state, HJ 212-2017 Table 8 ("N", normal,
 * is the absence of all of them); the second is what the platform's QA/QC found (HJ 164-2020 §13.4);
 * the third records review decisions and retractions.
 */
public enum QualityFlag {
    /** F: the monitoring instrument was stopped. */
    STOPPED,
    /** M: maintenance. */
    MAINTENANCE,
    /** S: value set manually. */
    MANUAL,
    /** D: instrument fault. */
    FAULT,
    /** C: calibration. */
    CALIBRATION,
    /** T: above the instrument's upper limit. */
    OVER_RANGE,
    /** B: communication fault. */
    COMMUNICATION_FAULT,

    /** Outside the instrument's measuring range or what is physically possible in groundwater. */
    RANGE,
    /** Changed faster than the parameter can change between two readings. */
    RATE_OF_CHANGE,
    /** The same value for longer than a working instrument repeats itself. */
    FLATLINE,
    /** Far from its neighbours (Hampel identifier). */
    SPIKE,
    /** A second, different value for a time that already has one. */
    DUPLICATE,
    /** The first reading after a gap in the series. */
    AFTER_GAP,
    /** The second sensor of a dual-sensor well differs by more than 10 %. */
    DUAL_SENSOR_MISMATCH,
    /** Inconsistent with another parameter measured at the same place and time (e.g. conductivity and TDS). */
    INCONSISTENT,
    /** Measured while the sensor was being checked or calibrated. */
    DURING_CALIBRATION,
    /** Measured after the sensor's calibration fell due. */
    CALIBRATION_OVERDUE,

    /** A reviewer replaced the value; the raw value stays in the reading. */
    CORRECTED,
    /** A reviewer rejected the value as not representative. */
    REJECTED,

    /** Below the laboratory's detection limit; the value is the detection limit. */
    NON_DETECT,

    /**
     * The reading was withdrawn (a SensorThings DELETE of its Observation): this version records when and keeps the
     * raw value, and no version of the reading is current any more.
     */
    RETRACTED;

    /** Flags a reviewer should look at: QA/QC findings that are not routine (calibration and gaps are not). */
    public static final Set<QualityFlag> NEEDS_REVIEW = EnumSet.of(RANGE, RATE_OF_CHANGE, FLATLINE, SPIKE, DUPLICATE,
            DUAL_SENSOR_MISMATCH, INCONSISTENT);

    /**
     * Flags of a reading that does not describe the groundwater, which analyses leave out: instrument states,
     * QA/QC findings of a fault in the value, and a reviewer's rejection.
     */
    public static final Set<QualityFlag> NOT_REPRESENTATIVE = EnumSet.of(STOPPED, MAINTENANCE, FAULT, CALIBRATION,
            COMMUNICATION_FAULT, RANGE, SPIKE, FLATLINE, DURING_CALIBRATION, REJECTED);

    /**
     * Readings that are not valid data for a mean over time: the instrument's own states other than normal (HJ 212-2017
     * Table 8: stopped, maintenance, fault, calibration, communication fault), readings taken while the sensor was being
     * checked, and readings a reviewer rejected.
     */
    public static final Set<QualityFlag> NOT_VALID_FOR_MEANS = EnumSet.of(STOPPED, MAINTENANCE, FAULT, CALIBRATION,
            COMMUNICATION_FAULT, DURING_CALIBRATION, REJECTED);

    public static boolean any(int bits, Set<QualityFlag> flags) {
        return (bits & bits(flags)) != 0;
    }

    public int bit() {
        return 1 << ordinal();
    }

    public static int bits(Set<QualityFlag> flags) {
        int bits = 0;
        for (QualityFlag flag : flags) bits |= flag.bit();
        return bits;
    }

    public static Set<QualityFlag> of(int bits) {
        EnumSet<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
        for (QualityFlag flag : values()) {
            if ((bits & flag.bit()) != 0) flags.add(flag);
        }
        return flags;
    }
}
