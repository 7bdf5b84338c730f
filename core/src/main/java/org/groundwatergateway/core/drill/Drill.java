package org.groundwatergateway.core.drill;

import java.time.Duration;
import java.time.Instant;

/**
 * An emergency drill (应急演练): a simulated release replayed through the park's monitoring and warning rules until a
 * severe alert opens the drill's incident, whose response people then work as they would a real one.
 *
 * <p>Two clocks: {@code releaseStart}, {@code firstAlertAt} and {@code severeAlertAt} are drill time (the simulated
 * monitoring runs ahead of the wall clock); {@code startedAt}, {@code responseStartedAt} and {@code finishedAt} are wall
 * time. Once the severe alert is reached drill time runs at wall speed, {@code clockOffset} ahead of (or behind) it.
 *
 * @param sourceCode the potential source released from, if the drill named one
 * @param problem why the drill ended without a response, in Chinese as the drill report prints it
 * @param readings simulated readings replayed so far
 */
public record Drill(Long id, long parkId, String parkCode, String parameterCode, String sourceCode, double sourceLon, double sourceLat,
                    String aquiferCode, double sourceMgPerL, Instant releaseStart, double stepHours, double maxDays, Status status,
                    double progress, String problem, Instant startedAt, String startedBy, int readings, Long firstAlertId,
                    Instant firstAlertAt, Long severeAlertId, Instant severeAlertAt, Duration clockOffset, Instant responseStartedAt,
                    Long incidentId, Instant finishedAt) {

    public enum Status {
        /** The release is being replayed through the monitoring. */
        SIMULATING("模拟中"),
        /** A severe alert opened the drill's incident; people are responding. */
        RESPONDING("处置中"),
        /** No rule reached 严重 within the drill's span: the monitoring did not see the release in time. */
        UNDETECTED("未发现"),
        FINISHED("已结束"),
        FAILED("失败");

        private final String nameZh;

        Status(String nameZh) {
            this.nameZh = nameZh;
        }

        public String nameZh() {
            return nameZh;
        }
    }
}
