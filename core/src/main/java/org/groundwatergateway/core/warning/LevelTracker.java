package org.groundwatergateway.core.warning;

import org.groundwatergateway.core.alert.Alert;

/**
 * The warning state of one rule at one datastream, fed one measure at a time: raises when the measure
 * reaches a threshold, upgrades when it reaches a higher one, and clears only after the measure has stayed
 * below the lowest threshold × (1 − hysteresis) for the rule's number of consecutive readings, so a value
 * hovering at a threshold is one alert, not a flurry. It never lowers a level short of clearing: the alert
 * stays at the worst level seen until it is over. Live evaluation and threshold tuning share it.
 */
final class LevelTracker {

    enum Change { NONE, RAISED, UPGRADED, CLEARED }

    private final WarningRule.Thresholds thresholds;
    private final double clearBelow;
    private final int clearAfter;
    private Alert.Level level;
    private int readingsBelow;

    LevelTracker(WarningRule.Thresholds thresholds, double hysteresis, int clearAfter, Alert.Level openLevel) {
        this.thresholds = thresholds;
        this.clearBelow = thresholds.lowest() * (1 - hysteresis);
        this.clearAfter = clearAfter;
        this.level = openLevel;
    }

    /** Takes the next measure; NaN (nothing to judge) changes nothing. */
    Change next(double measure) {
        if (Double.isNaN(measure)) return Change.NONE;
        Alert.Level reached = thresholds.levelOf(measure);
        if (level == null) {
            if (reached == null) return Change.NONE;
            level = reached;
            readingsBelow = 0;
            return Change.RAISED;
        }
        if (measure < clearBelow) {
            if (++readingsBelow < clearAfter) return Change.NONE;
            level = null;
            readingsBelow = 0;
            return Change.CLEARED;
        }
        readingsBelow = 0;
        if (reached != null && reached.compareTo(level) > 0) {
            level = reached;
            return Change.UPGRADED;
        }
        return Change.NONE;
    }

    /** The open level, or null when clear. */
    Alert.Level level() {
        return level;
    }
}
