package org.groundwatergateway.core.escalation;

import org.groundwatergateway.core.problem.InvalidInput;

/** The three tiers an alert escalates through, in order. */
public enum Tier {
    DUTY_OFFICER("值班员"), SUPERVISOR("主管"), EMERGENCY_TEAM("应急队伍");

    private final String nameZh;

    Tier(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    /** The tier above this one, or null at the top. */
    public Tier next() {
        return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
    }

    public static Tier parse(String field, String value) {
        try {
            return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidInput("core.onCall.tier", field, value);
        }
    }
}
