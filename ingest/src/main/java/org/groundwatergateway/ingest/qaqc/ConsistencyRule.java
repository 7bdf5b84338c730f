package org.groundwatergateway.ingest.qaqc;

/** Two parameters measured at the same place and time whose ratio must stay within bounds. */
public record ConsistencyRule(String numerator, String denominator, double minRatio, double maxRatio) {

    boolean holds(double numeratorValue, double denominatorValue) {
        if (denominatorValue <= 0) return true;
        double ratio = numeratorValue / denominatorValue;
        return ratio >= minRatio && ratio <= maxRatio;
    }
}
