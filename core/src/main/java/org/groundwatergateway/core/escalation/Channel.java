package org.groundwatergateway.core.escalation;

/**
 * The ways a notification goes out. SMS and e-mail reach each on-call contact of a tier; push, webhook and the
 * MQTT topic are one message per tier to whoever listens there.
 */
public enum Channel {
    SMS, EMAIL, PUSH, WEBHOOK, MQTT;

    /** The contact's address on this channel, or null when the contact has none or the channel is not personal. */
    public String address(Contact contact) {
        return switch (this) {
            case SMS -> contact.phoneDigits();
            case EMAIL -> contact.email();
            default -> null;
        };
    }

    public boolean personal() {
        return this == SMS || this == EMAIL;
    }
}
