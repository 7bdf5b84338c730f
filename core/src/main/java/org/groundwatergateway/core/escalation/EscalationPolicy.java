package org.groundwatergateway.core.escalation;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.groundwatergateway.core.alert.Alert.Level;

/**
 * How alerts escalate.
 *
 * @param timeouts per warning level, how long a tier has to acknowledge before the next tier is notified
 * @param notifyAtOnce per warning level, the highest tier notified as soon as the alert is raised (all tiers below it
 *     too): a severe alert may reach the supervisor at once
 * @param channels per tier, the channels its notifications go out on
 */
public record EscalationPolicy(Map<Level, Duration> timeouts, Map<Level, Tier> notifyAtOnce, Map<Tier, Set<Channel>> channels) {

    public EscalationPolicy {
        for (Level level : Level.values()) {
            Duration timeout = timeouts.get(level);
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout of " + level + ": a positive duration is required, e.g. PT30M");
            }
            if (notifyAtOnce.get(level) == null) throw new IllegalArgumentException("notify-at-once of " + level + " is required");
        }
        timeouts = Map.copyOf(timeouts);
        notifyAtOnce = Map.copyOf(notifyAtOnce);
        EnumMap<Tier, Set<Channel>> copy = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) copy.put(tier, Set.copyOf(channels.getOrDefault(tier, Set.of())));
        channels = Map.copyOf(copy);
    }

    /** General 30 min, serious 15 min, severe 5 min; severe alerts reach the supervisor at once; every tier on every channel. */
    public static EscalationPolicy defaults() {
        EnumMap<Tier, Set<Channel>> channels = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) channels.put(tier, EnumSet.allOf(Channel.class));
        return new EscalationPolicy(
                Map.of(Level.GENERAL, Duration.ofMinutes(30), Level.SERIOUS, Duration.ofMinutes(15), Level.SEVERE, Duration.ofMinutes(5)),
                Map.of(Level.GENERAL, Tier.DUTY_OFFICER, Level.SERIOUS, Tier.DUTY_OFFICER, Level.SEVERE, Tier.SUPERVISOR), channels);
    }

    public Duration timeout(Level level) {
        return timeouts.get(level);
    }
}
