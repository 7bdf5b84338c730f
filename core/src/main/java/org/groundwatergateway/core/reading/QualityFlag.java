package org.groundwatergateway.core.reading;

import java.util.EnumSet;
import java.util.Set;

/**
 * Quality flags a reading carries, as bits of one integer. The first group is the HJ 212-2017 data state
 * (Table 9; "N", normal, is the absence of all of them).
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
    COMMUNICATION_FAULT;

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
