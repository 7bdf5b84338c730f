package org.groundwatergateway.core.demo;

import java.time.Instant;
import java.util.List;

/**
 * What the demo park's generator put into the data, so that warnings, QA/QC and tracing can be measured
 * against it. {@code docs/demo-park.md} states the same facts.
 */
public record GroundTruth(Flow flow, List<Release> releases, List<Fault> faults) {

    /** The unconfined aquifer's uniform regional flow. */
    public record Flow(double azimuthDegrees, double hydraulicGradient, double hydraulicConductivity,
                       double effectivePorosity, double seepageVelocity) {}

    /**
     * A leak: a continuous source that starts at {@code start} and does not stop within the demo window.
     *
     * @param east local grid east of the source plane centre, m
     * @param north local grid north, m
     * @param sourceConcentration dissolved concentration at the source plane, mg/L
     * @param massDischargeGramsPerDay dissolved mass leaving the source zone
     */
    public record Release(String potentialSourceCode, String enterpriseCreditCode, String parameterCode, double lon,
                          double lat, double east, double north, Instant start, double sourceConcentration,
                          double sourceWidthM, double sourceDepthM, double retardation, double decayPerDay,
                          double massDischargeGramsPerDay) {}

    /** A fault injected into one datastream between two instants (end exclusive). */
    public record Fault(Kind kind, String datastreamCode, Instant start, Instant end, String description) {
        public enum Kind { SPIKE, FLATLINE, GAP, DRIFT, OUT_OF_RANGE }
    }
}
