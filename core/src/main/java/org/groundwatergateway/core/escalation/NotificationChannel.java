package org.groundwatergateway.core.escalation;

/**
 * One way of sending notifications (SMS provider, SMTP, push, webhook, MQTT). {@link #send} may block and may throw;
 * the dispatcher runs it on the channel's own threads with a timeout, records the outcome and retries.
 */
public interface NotificationChannel {

    Channel channel();

    /** Where a broadcast channel sends this notification (a URL, a topic, a stream); personal channels use contact addresses. */
    default String destination(Notification notification) {
        return channel().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Sends to one recipient; returns normally only once the far side has accepted it. */
    void send(Notification notification, String recipient) throws Exception;
}
