package org.groundwatergateway.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The topic filters the broker's rules name: a wildcard reaches no further than the literal levels before it. */
class MqttTopicsTest {

    @Test
    void sensorThingsFiltersStartWithTheLiteralVersion() {
        assertThat(MqttTopics.isSensorThings("v1.1/Datastreams(5)/Observations")).isTrue();
        assertThat(MqttTopics.isSensorThings("v1.1/#")).isTrue();
        assertThat(MqttTopics.isSensorThings("v1.1/+/Observations")).isTrue();
        for (String other : new String[] {"#", "+/#", "+/Datastreams(5)/Observations", "gw/#", "v1.1", "v1.10/Things", "$SYS/#", ""}) {
            assertThat(MqttTopics.isSensorThings(other)).as(other).isFalse();
        }
    }

    @Test
    void alertFiltersStayUnderGwAlerts() {
        assertThat(MqttTopics.isAlerts("gw/alerts/#")).isTrue();
        assertThat(MqttTopics.isAlerts("gw/alerts/severe")).isTrue();
        assertThat(MqttTopics.isAlerts("gw/alerts/+")).isTrue();
        for (String other : new String[] {"gw/+/severe", "gw/#", "+/alerts/#", "gw/alerts", "gw/alerts/", "gw/32062324000001/readings"}) {
            assertThat(MqttTopics.isAlerts(other)).as(other).isFalse();
        }
    }

    @Test
    void aDevicesTopicAndTheCreationTopics() {
        assertThat(MqttTopics.readings("32062324000001")).isEqualTo("gw/32062324000001/readings");
        assertThat(MqttTopics.isSensorThingsCreation("v1.1/Observations")).isTrue();
        assertThat(MqttTopics.isSensorThingsCreation("v1.1/Datastreams(5)/Observations")).isTrue();
        assertThat(MqttTopics.isSensorThingsCreation("v1.1/Datastreams(5)")).isFalse();
        assertThat(MqttTopics.isSensorThingsCreation("v1.1/FeaturesOfInterest(5)/Observations")).isFalse();
        assertThat(MqttTopics.isSensorThingsCreation("v1.1/+/Observations")).isFalse();
    }
}
