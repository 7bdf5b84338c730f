package org.groundwatergateway.core.warning;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.monitoring.Well;

/**
 * One version of a warning rule: what it watches (a parameter at wells of some HJ 164 roles, optionally of
 * one park and aquifer), how it measures a reading, and the measure at which each warning level starts.
 * What the thresholds are measured in depends on the kind (see {@link Kind}); a null threshold leaves that
 * level out, and the ones given rise with the level.
 *
 * @param roles the well roles the rule applies to; empty for all
 * @param limitClass CLASS_LIMIT and TREND: the GB/T 14848 class (1-4) whose upper bound is the limit
 * @param hysteresis a level clears only once the measure is below the lowest threshold × (1 − hysteresis)
 * @param clearAfter ... for this many consecutive readings
 * @param windowHours LEVEL_CHANGE: the change window; TREND: the series tested; BACKGROUND: the baseline
 *     window before now; COMBINED: how old the other parameters' values may be
 * @param horizonDays TREND: how far ahead the Sen slope is projected
 */
public record WarningRule(Long id, int version, String name, Kind kind, String parameterCode, Set<Well.Role> roles,
                          String parkCode, String aquiferCode, Integer limitClass, Thresholds thresholds,
                          double hysteresis, int clearAfter, Double windowHours, Double horizonDays,
                          List<Condition> conditions, Instant createdAt, String createdBy, Instant retiredAt) {

    public enum Kind {
        /** Measure: value / the GB/T 14848 class limit. */
        CLASS_LIMIT,
        /** Measure: soil value / the GB 36600 industrial screening value. */
        SOIL_SCREENING,
        /** Measure: value / the upper prediction limit of the background wells' values. */
        BACKGROUND,
        /** Measure: the Sen-slope projection at the horizon / the class limit, while Mann–Kendall finds an increase. */
        TREND,
        /** Measure: |change| of the value over the window, in the parameter's unit (m for water level). */
        LEVEL_CHANGE,
        /** Measure: |change| per hour since the previous reading. */
        RATE_OF_CHANGE,
        /** Measure: 1 when every condition holds at the well, else 0; one threshold of 1 at the rule's level. */
        COMBINED
    }

    public record Thresholds(Double general, Double serious, Double severe) {

        /** The highest level whose threshold the measure reaches, or null. */
        public Alert.Level levelOf(double measure) {
            if (severe != null && measure >= severe) return Alert.Level.SEVERE;
            if (serious != null && measure >= serious) return Alert.Level.SERIOUS;
            if (general != null && measure >= general) return Alert.Level.GENERAL;
            return null;
        }

        /** The lowest threshold given: below it (less hysteresis) an alert clears. */
        public double lowest() {
            return general != null ? general : serious != null ? serious : severe;
        }

        public static Thresholds at(Alert.Level level, double threshold) {
            return new Thresholds(level == Alert.Level.GENERAL ? threshold : null, level == Alert.Level.SERIOUS ? threshold : null,
                    level == Alert.Level.SEVERE ? threshold : null);
        }
    }

    /** One condition of a COMBINED rule, e.g. pH BELOW 6.5. */
    public record Condition(String parameterCode, Comparison comparison, double threshold) {
        public boolean holds(double value) {
            return comparison == Comparison.ABOVE ? value > threshold : value < threshold;
        }
    }

    public enum Comparison { ABOVE, BELOW }

    public boolean appliesTo(Well.Role role) {
        return roles.isEmpty() || roles.contains(role);
    }

    public boolean retired() {
        return retiredAt != null;
    }

    /** The kind of alert a rule of this kind raises, e.g. {@code WARNING_CLASS_LIMIT}. */
    public String alertKind() {
        return "WARNING_" + kind.name();
    }
}
