package org.groundwatergateway.core.emergency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.groundwatergateway.core.alert.Alert;
import org.locationtech.jts.geom.Point;

/**
 * An emergency: opened by a severe alert or declared by people, worked through its response and closed with an
 * evaluation. The analyses (plume forecast, receptors, tracing) attach after opening; {@code analysis} says how far.
 *
 * @param alertId the alert that opened it; null when declared
 * @param wellId the well that saw it, if any
 * @param concentrationMgPerL the reading that made the opening alert severe, raised by higher ones of the same plume since
 *     (or as declared), for the plan's dose and the forecast's source
 * @param topSource the tracing's most probable source enterprise, once traced
 * @param drill the drill it is part of; null for a real incident
 */
public record Incident(Long id, long parkId, Long alertId, String parameterCode, Long wellId, Point location, ResponseLevel level,
                       Alert.Level severity, Status status, Double concentrationMgPerL, String planCode, Instant openedAt,
                       Instant containedAt, Instant closedAt, String closingNote, Analysis analysis, Flow flow, TopSource topSource,
                       Drill drill) {

    public enum Status {
        OPEN("已启动"), RESPONDING("处置中"), CONTAINED("已控制"), CLOSED("已关闭");

        private final String nameZh;

        Status(String nameZh) {
            this.nameZh = nameZh;
        }

        public String nameZh() {
            return nameZh;
        }
    }

    public enum AnalysisState {
        PENDING("分析中"), DONE("已完成"), FAILED("失败");

        private final String nameZh;

        AnalysisState(String nameZh) {
            this.nameZh = nameZh;
        }

        public String nameZh() {
            return nameZh;
        }
    }

    /** @param finishedAt when the analysis attached or failed, on the incident's time */
    public record Analysis(AnalysisState state, String error, String errorZh, Double thresholdMgPerL, Integer realizations, Instant finishedAt) {}

    /** The regional flow the forecast ran on: where the water goes (clockwise from north) and how fast (m/d). */
    public record Flow(double azimuthDegrees, double seepageVelocity) {}

    /**
     * A drill's incident runs on drill time: the wall clock shifted by {@code clockOffset}, so that the response is timed
     * from the simulated alert that opened it.
     */
    public record Drill(long id, Duration clockOffset) {

        public Clock clock(Clock wall) {
            return Clock.offset(wall, clockOffset);
        }
    }

    /** @param enterprise the enterprise's unified social credit code */
    public record TopSource(String enterprise, String nameZh, double probability) {}
}
