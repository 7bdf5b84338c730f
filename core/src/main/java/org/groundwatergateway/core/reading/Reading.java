package org.groundwatergateway.core.reading;

import java.time.Instant;

/**
 * One version of one value of a datastream: the SensorThings Observation.
 *
 * @param value the value in the parameter's unit after any correction of this version
 * @param rawValue the value as it arrived from the device or lab, never changed
 * @param qualityFlags a set of {@link QualityFlag} bits
 * @param current false once a later version has replaced this one
 * @param source where it came from, e.g. {@code hj212}, {@code mqtt}, {@code csv}, {@code demo}
 */
public record Reading(Long id, long datastreamId, Instant phenomenonTime, double value, double rawValue,
                      int qualityFlags, int version, boolean current, String source, Instant receivedTime) {

    /** A first version, as it arrives. */
    public static Reading arrived(long datastreamId, Instant phenomenonTime, double value, int qualityFlags, String source,
                                  Instant receivedTime) {
        return new Reading(null, datastreamId, phenomenonTime, value, value, qualityFlags, 1, true, source, receivedTime);
    }

    /** This reading stored as another version of its time (see {@link ReadingRepository#versionOfNewObservation}). */
    public Reading asVersion(int version) {
        return new Reading(id, datastreamId, phenomenonTime, value, rawValue, qualityFlags, version, current, source, receivedTime);
    }
}
