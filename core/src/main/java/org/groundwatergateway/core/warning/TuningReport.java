package org.groundwatergateway.core.warning;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.core.alert.Alert;

/**
 * What a rule's current version and candidate thresholds would have raised on the stored history of a period,
 * weighed against the verdicts and missed alarms people recorded for it (see {@link ThresholdTuning}).
 *
 * @param datastreamsWatched how many datastreams the rule watches; {@code datastreams} lists those with readings in the period
 * @param readings readings judged, over all datastreams
 * @param readingsLeftOut readings not judged for their quality flags (instrument states, faults, rejections), as live evaluation leaves them out
 * @param falseAlarms recorded FALSE_ALARM verdicts on the rule's alerts observed in the period on the datastreams it watches
 * @param confirmedAlarms recorded CONFIRMED verdicts, likewise
 * @param missedAlarms recorded missed alarms, likewise
 * @param current the rule's own thresholds, replayed
 * @param reason why {@code proposed} was chosen
 */
public record TuningReport(long ruleId, int ruleVersion, WarningRule.Kind kind, Instant from, Instant to, double toleranceHours,
                           int datastreamsWatched, List<StreamReplayed> datastreams, long readings, long readingsLeftOut,
                           int falseAlarms, int confirmedAlarms, int missedAlarms,
                           Candidate current, List<Candidate> candidates, Candidate proposed, String reason) {

    public record StreamReplayed(String code, long readings, long readingsLeftOut) {}

    /**
     * One set of thresholds replayed: the current ones × {@code scale}, every level alike so that their ratios stay.
     *
     * @param alarms the alarms (an alert from raising to clearing) it would have raised
     * @param alarmsByLevel the alarms by the highest level each reached, as the alert would have ended
     * @param falseAlarmsRaised of the recorded false alarms, how many it would still raise
     * @param confirmedKept of the recorded confirmed alarms, how many it would still raise
     * @param missedCaught of the recorded missed alarms, how many it would have raised
     */
    public record Candidate(double scale, WarningRule.Thresholds thresholds, int alarms, Map<Alert.Level, Integer> alarmsByLevel,
                            int falseAlarmsRaised, int confirmedKept, int missedCaught) {}
}
