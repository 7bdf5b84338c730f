package org.groundwatergateway.gateway.notification;

import org.groundwatergateway.core.escalation.Channel;
import org.groundwatergateway.core.escalation.Notification;
import org.groundwatergateway.core.escalation.NotificationChannel;

/** SMS to each on-call contact's mobile, through whichever provider is configured. */
public final class SmsChannel implements NotificationChannel {

    private final SmsProvider provider;

    public SmsChannel(SmsProvider provider) {
        this.provider = provider;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public void send(Notification notification, String recipient) throws Exception {
        provider.send(recipient, notification);
    }
}
