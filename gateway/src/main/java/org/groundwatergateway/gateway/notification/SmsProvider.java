package org.groundwatergateway.gateway.notification;

import org.groundwatergateway.core.escalation.Notification;

/** A company that sends text messages for us; returns once it accepted the message, throws with its reason otherwise. */
public interface SmsProvider {

    void send(String phoneNumber, Notification notification) throws Exception;
}
