package org.groundwatergateway.ingest.qaqc;

/**
 * The QA/QC limits of one parameter ({@code qaqc/profiles.csv}); a null limit switches its check off.
 *
 * @param maxRatePerHour the largest credible change per hour between consecutive readings
 * @param flatlineFloor values at or below it (non-detects) may legitimately repeat and are not flatlines
 * @param flatlineHours how long the same value may repeat before it is a flatline
 * @param spikeSigmas the Hampel identifier's threshold in robust standard deviations (1.4826 × MAD)
 * @param spikeMinDeviation the least deviation from the window median that can be a spike, in the parameter's unit
 * @param dualFloor both sensors of a pair must read at least this for their difference to be judged
 */
public record QcProfile(String parameter, Double min, Double max, Double maxRatePerHour, Double flatlineFloor,
                        Double flatlineHours, Double spikeSigmas, Double spikeMinDeviation, Double dualFloor) {

    /** For parameters without a profile: no limits, only duplicates and gaps are checked. */
    static QcProfile unchecked(String parameter) {
        return new QcProfile(parameter, null, null, null, null, null, null, null, null);
    }
}
