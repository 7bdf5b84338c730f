package org.groundwatergateway.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.groundwatergateway.core.escalation.Channel;
import org.groundwatergateway.core.escalation.Notification;
import org.groundwatergateway.core.escalation.NotificationChannel;

/**
 * A notification channel whose every send attempt is counted and timed by outcome:
 * {@code gw_notification_send_seconds{channel, outcome="sent"|"failed"}} (its count is the number of attempts).
 */
public final class MeteredChannel implements NotificationChannel {

    private final NotificationChannel channel;
    private final Timer sent;
    private final Timer failed;

    public MeteredChannel(NotificationChannel channel, MeterRegistry registry) {
        this.channel = channel;
        String name = channel.channel().name();
        this.sent = timer(registry, name, "sent");
        this.failed = timer(registry, name, "failed");
    }

    private static Timer timer(MeterRegistry registry, String channel, String outcome) {
        return Timer.builder("gw.notification.send").description("Notification send attempts, by channel and outcome")
                .tag("channel", channel).tag("outcome", outcome).register(registry);
    }

    @Override
    public Channel channel() {
        return channel.channel();
    }

    @Override
    public String destination(Notification notification) {
        return channel.destination(notification);
    }

    @Override
    public void send(Notification notification, String recipient) throws Exception {
        long start = System.nanoTime();
        try {
            channel.send(notification, recipient);
            sent.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (Exception e) {
            failed.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            throw e;
        }
    }
}
