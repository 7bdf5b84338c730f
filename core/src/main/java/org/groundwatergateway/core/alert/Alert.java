package org.groundwatergateway.core.alert;

import java.time.Instant;

/**
 * Something people must act on. The warning levels are those of the standard's three-tier warning:
 * 一般 general, 较重 serious, 严重 severe.
 *
 * @param subject what it is about: a device MN, a datastream code, a review task
 * @param origin for alerts a warning rule raised: the rule version, datastream and value; null otherwise
 * @param drillId the drill that raised it; null for a real alert
 */
public record Alert(Long id, String kind, Level level, String subject, String message, Instant raisedAt, Instant clearedAt,
                    RuleOrigin origin, Long drillId) {

    public enum Level {
        GENERAL("一般"), SERIOUS("较重"), SEVERE("严重");

        private final String nameZh;

        Level(String nameZh) {
            this.nameZh = nameZh;
        }

        public String nameZh() {
            return nameZh;
        }
    }

    /** The rule version that raised an alert, about which datastream, and the value observed when. */
    public record RuleOrigin(long ruleId, int ruleVersion, long datastreamId, double value, Instant observedAt) {}
}
