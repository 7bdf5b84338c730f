package org.groundwatergateway.ingest.mqtt;

import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * The account a platform client presents to its broker: the embedded broker's internal account, or the one configured
 * for an external broker. {@link #NONE} connects without credentials. The password never appears in {@link #toString()}.
 *
 * @param username null: no credentials
 * @param password may be null with a username (a broker that checks the name only)
 */
public record MqttCredentials(String username, char[] password) {

    public static final MqttCredentials NONE = new MqttCredentials(null, null);

    public MqttCredentials {
        if (username != null && username.isBlank()) username = null;
        password = password == null ? null : password.clone();
    }

    /** Puts the username and password on these options (nothing for {@link #NONE}). */
    public MqttConnectOptions applyTo(MqttConnectOptions options) {
        if (username != null) {
            options.setUserName(username);
            if (password != null) options.setPassword(password.clone());
        }
        return options;
    }

    @Override
    public char[] password() {
        return password == null ? null : password.clone();
    }

    @Override
    public String toString() {
        return username == null ? "MqttCredentials[none]" : "MqttCredentials[" + username + ", password " + (password == null ? "none" : "set") + "]";
    }
}
