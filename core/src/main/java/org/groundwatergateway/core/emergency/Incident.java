package org.groundwatergateway.core.emergency;

import java.time.Instant;
import org.groundwatergateway.core.alert.Alert;
import org.locationtech.jts.geom.Point;

/**
 * An emergency: opened by a severe alert or declared by people, worked through its response and closed with an
 * evaluation. The analyses (plume forecast, receptors, tracing) attach after opening; {@code analysis} says how far.
 *
 * @param alertId the alert that opened it; null when declared
 * @param wellId the well that saw it, if any
 * @param concentrationMgPerL the latest daily mean at the well when opened (or as declared), for the plan's dose
 * @param topSource the tracing's most probable source enterprise, once traced
 */
public record Incident(Long id, long parkId, Long alertId, String parameterCode, Long wellId, Point location, ResponseLevel level,
                       Alert.Level severity, Status status, Double concentrationMgPerL, String planCode, Instant openedAt,
                       Instant containedAt, Instant closedAt, String closingNote, Analysis analysis, Flow flow, TopSource topSource) {

    public enum Status { OPEN, RESPONDING, CONTAINED, CLOSED }

    public enum AnalysisState { PENDING, DONE, FAILED }

    public record Analysis(AnalysisState state, String error, Double thresholdMgPerL, Integer realizations) {}

    /** The regional flow the forecast ran on: where the water goes (clockwise from north) and how fast (m/d). */
    public record Flow(double azimuthDegrees, double seepageVelocity) {}

    /** @param enterprise the enterprise's unified social credit code */
    public record TopSource(String enterprise, String nameZh, double probability) {}
}
