package org.groundwatergateway.gateway.config;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.escalation.Channel;
import org.groundwatergateway.core.escalation.Tier;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Escalation of alerts ({@code gw.escalation.*}).
 *
 * @param timeout per warning level, how long a tier has to acknowledge before the next one is notified
 * @param notifyAtOnce per warning level, the highest tier notified as soon as an alert is raised
 * @param channels per tier, the channels it is notified on
 * @param checkInterval how often due escalations are looked for
 * @param sendTimeout how long one send may take before it counts as failed
 * @param attempts how many times a failed send is tried in all
 * @param retryDelay the pause before a retry
 */
@ConfigurationProperties("gw.escalation")
public record EscalationProperties(Map<Alert.Level, Duration> timeout, Map<Alert.Level, Tier> notifyAtOnce, Map<Tier, Set<Channel>> channels,
                                   Duration checkInterval, Duration sendTimeout, int attempts, Duration retryDelay) {}
