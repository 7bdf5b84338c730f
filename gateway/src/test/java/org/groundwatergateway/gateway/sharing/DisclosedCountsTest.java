package org.groundwatergateway.gateway.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DisclosedCountsTest {

    private static DisclosedCounts count(String type, String body) {
        return DisclosedCounts.of(type, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void geoJsonCountsFeaturesAndTheirPropertiesNotCoordinates() {
        String body = """
                {"type":"FeatureCollection","numberMatched":2,"features":[
                 {"type":"Feature","id":"w.1","geometry":{"type":"Point","coordinates":[120.1,30.2]},"properties":{"code":"GW-U01","depth":12.5,"owner":null}},
                 {"type":"Feature","id":"w.2","geometry":{"type":"Point","coordinates":[120.3,30.4]},"properties":{"code":"GW-U02","tags":["a","b"]}}]}""";
        // Per feature: type, id, geometry.type, then its properties (nulls and array elements are not values).
        assertThat(count("application/geo+json", body)).isEqualTo(new DisclosedCounts(2L, 9L));
    }

    @Test
    void sensorThingsCollectionsRestArraysAndSingleObjects() {
        assertThat(count("application/json", "{\"@iot.count\":3,\"value\":[{\"@iot.id\":1,\"result\":\"III\"},{\"@iot.id\":2,\"result\":\"IV\"}]}"))
                .isEqualTo(new DisclosedCounts(2L, 4L));
        assertThat(count("application/json;charset=UTF-8", "[{\"code\":\"GW-U01\"},{\"code\":\"GW-U02\",\"x\":1}]")).isEqualTo(new DisclosedCounts(2L, 3L));
        assertThat(count("application/json", "{\"disclosure\":\"策略 v2\",\"code\":\"GW-U01\",\"location\":{\"lon\":120.1,\"lat\":30.2}}"))
                .isEqualTo(new DisclosedCounts(1L, 4L));
        assertThat(count("application/json", "[]")).isEqualTo(new DisclosedCounts(0L, 0L));
    }

    @Test
    void gmlCountsMembersAndTheirTextLeaves() {
        String body = """
                <wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:gw="urn:gw" numberReturned="2">
                  <wfs:member><gw:wells gml:id="w.1"><gw:code>GW-U01</gw:code><gw:geom><gml:Point><gml:pos>30.2 120.1</gml:pos></gml:Point></gw:geom><gw:owner/></gw:wells></wfs:member>
                  <wfs:member><gw:wells gml:id="w.2"><gw:code>GW-U02</gw:code></gw:wells></wfs:member>
                </wfs:FeatureCollection>""";
        assertThat(count("application/gml+xml; version=3.2", body)).isEqualTo(new DisclosedCounts(2L, 3L));
        assertThat(count("text/xml", "<WMS_Capabilities><Layer><Name>wells</Name></Layer></WMS_Capabilities>")).isEqualTo(new DisclosedCounts(0L, 0L));
    }

    @Test
    void csvCountsRecordsAfterTheHeaderAndNonEmptyFields() {
        String body = "well,time,value\r\nGW-U01,2025-11-01T00:00:00+08:00,\"1,5\"\r\nGW-U02,\"line\nbreak\",\r\n";
        assertThat(count("text/csv;charset=UTF-8", body)).isEqualTo(new DisclosedCounts(2L, 5L));
    }

    @Test
    void imagesAndUnreadableBodiesAreNotCounted() {
        assertThat(count("image/png", "\u0089PNG")).isEqualTo(DisclosedCounts.UNCOUNTED);
        assertThat(count("application/json", "{\"cut\":")).isEqualTo(DisclosedCounts.UNCOUNTED);
    }
}
