package org.groundwatergateway.ingest.hj212;

import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.reading.QualityFlag;

/** The data flags of HJ 212-2017 Table 8 as quality flags; MQTT payloads use the same letters. */
public final class Hj212DataFlags {

    private Hj212DataFlags() {}

    /** The quality-flag bits of a data flag letter; N (normal) and no flag are none. */
    public static int bits(String flag) {
        if (flag == null || flag.isEmpty() || flag.equals("N")) return 0;
        QualityFlag mapped = switch (flag) {
            case "F" -> QualityFlag.STOPPED;
            case "M" -> QualityFlag.MAINTENANCE;
            case "S" -> QualityFlag.MANUAL;
            case "D" -> QualityFlag.FAULT;
            case "C" -> QualityFlag.CALIBRATION;
            case "T" -> QualityFlag.OVER_RANGE;
            case "B" -> QualityFlag.COMMUNICATION_FAULT;
            default -> throw new InvalidInput("ingest.hj212.flag", null, flag);
        };
        return mapped.bit();
    }
}
