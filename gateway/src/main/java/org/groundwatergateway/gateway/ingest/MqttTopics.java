package org.groundwatergateway.gateway.ingest;

import org.groundwatergateway.ingest.mqtt.MqttSubscriber;
import org.groundwatergateway.ogc.sta.service.MqttMessages;

/**
 * The topics the broker's rules name. A subscription's topic filter is judged by its literal leading levels, so a
 * wildcard can never reach further than the levels it follows: {@code v1.1/#} is a SensorThings filter, {@code #},
 * {@code +/...} and {@code gw/+/severe} are not SensorThings filters nor alert filters.
 */
final class MqttTopics {

    static final String ALERTS = "gw/alerts/";

    private MqttTopics() {}

    /** {@code gw/{mn}/readings}: where the device with this MN publishes its readings. */
    static String readings(String mn) {
        return MqttSubscriber.TOPIC_FILTER.replace("+", mn);
    }

    /** A filter within the SensorThings topics {@code v1.1/...} (its first level literally {@code v1.1}). */
    static boolean isSensorThings(String filter) {
        return filter != null && filter.startsWith(MqttMessages.VERSION + "/");
    }

    /** A filter within the alert topics {@code gw/alerts/...} ({@code gw/alerts/#}, {@code gw/alerts/severe}, ...). */
    static boolean isAlerts(String filter) {
        return filter != null && filter.startsWith(ALERTS) && filter.length() > ALERTS.length();
    }

    /** A topic a published Observation is created from: {@code v1.1/Observations}, {@code v1.1/Datastreams(id)/Observations}. */
    static boolean isSensorThingsCreation(String topic) {
        return MqttMessages.isCreationTopic(topic);
    }
}
