package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.groundwatergateway.core.storage.Database;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A SensorThings DELETE of a Datastream or Thing retires it: gone from SensorThings, WFS, OGC API, the REST API and the
 * warning engine, while its readings stay stored for audit. The well is made here, so the demo's data stays as it is.
 */
class RetirementTest extends RunningGateway {

    private static final String STA = "/sta/v1.1";

    @Autowired
    private Database database;

    @Test
    void aRetiredDatastreamLeavesEveryDoorAndItsReadingsStayStored() {
        long sensor = created(http.post(STA + "/Sensors", "{\"name\": \"RET-SENSOR\", \"description\": \"benzene analyser\", "
                + "\"encodingType\": \"application/pdf\", \"metadata\": \"x\"}", "admin", "demo-admin"));
        long benzene = ok(http.get(STA + "/ObservedProperties?$filter=properties/code%20eq%20'benzene'")).path("value").get(0).path("@iot.id").asLong();
        long well = created(http.post(STA + "/Things", "{\"name\": \"GW-RET1\", \"description\": \"退役测试井\", \"properties\": {\"park\": "
                + "\"HBDP\", \"aquifer\": \"Q1\", \"groundElevationM\": 5.1, \"casingTopElevationM\": 5.6, \"screenTopDepthM\": 3, "
                + "\"screenBottomDepthM\": 9}, \"Locations\": [{\"name\": \"GW-RET1\", \"encodingType\": \"application/geo+json\", "
                + "\"location\": {\"type\": \"Point\", \"coordinates\": [121.013, 32.553]}}], \"Datastreams\": [{\"name\": \"GW-RET1/benzene\", "
                + "\"Sensor\": {\"@iot.id\": " + sensor + "}, "
                + "\"ObservedProperty\": {\"@iot.id\": " + benzene + "}}]}", "admin", "demo-admin"));
        long ds = ok(http.get(STA + "/Things(" + well + ")/Datastreams")).path("value").get(0).path("@iot.id").asLong();
        for (String time : List.of("2025-11-05T08:00:00+08:00", "2025-11-05T09:00:00+08:00")) {
            created(http.post(STA + "/Datastreams(" + ds + ")/Observations", "{\"phenomenonTime\": \"" + time + "\", \"result\": 0.2}",
                    "admin", "demo-admin"));
        }
        String tuning = phTuning();
        int watched = ok(http.get(tuning)).path("datastreamsWatched").asInt();
        assertThat(doors()).allSatisfy(door -> assertThat(door).contains("GW-RET1"));

        // Not the public, not a duty officer, and not a data reviewer, who may retract Observations but not retire the
        // network: retiring is the O&M engineer's, as registering is.
        assertThat(http.delete(STA + "/Datastreams(" + ds + ")", null, null).status()).isEqualTo(401);
        assertThat(http.delete(STA + "/Datastreams(" + ds + ")", "duty", "demo-duty").status()).isEqualTo(403);
        assertThat(http.delete(STA + "/Datastreams(" + ds + ")", "reviewer", "demo-reviewer").status()).isEqualTo(403);
        assertThat(http.delete(STA + "/ObservedProperties(1)", "reviewer", "demo-reviewer").status()).isEqualTo(403);
        assertThat(http.delete(STA + "/Datastreams(" + ds + ")", "admin", "demo-admin").status()).isEqualTo(200);

        assertThat(http.get(STA + "/Datastreams(" + ds + ")").status()).isEqualTo(404);
        assertThat(ok(http.get(STA + "/Things(" + well + ")/Datastreams")).path("value")).isEmpty();
        assertThat(ok(http.get(STA + "/Observations?$filter=Datastream/id%20eq%20" + ds)).path("value")).isEmpty();
        assertThat(ok(http.get(STA + "/Datastreams?$filter=name%20eq%20'GW-RET1/benzene'")).path("value")).isEmpty();
        assertThat(http.get("/api/v1/datastreams/" + ds).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/datastreams/" + ds + "/readings").status()).isEqualTo(404);
        assertThat(doors().subList(0, 2)).allSatisfy(latest -> assertThat(latest).doesNotContain("GW-RET1"));
        // The warning engine watches it no more, and nothing more is taken for it.
        assertThat(ok(http.get(tuning)).path("datastreamsWatched").asInt()).isEqualTo(watched - 1);
        assertThat(ok(http.get(tuning)).path("datastreams").findValuesAsString("code")).doesNotContain("GW-RET1/benzene");
        assertThat(http.post(STA + "/Datastreams(" + ds + ")/Observations", "{\"phenomenonTime\": \"2025-11-05T10:00:00+08:00\", "
                + "\"result\": 0.3}", "admin", "demo-admin").status()).isEqualTo(400);
        assertThat(http.delete(STA + "/Datastreams(" + ds + ")", "admin", "demo-admin").status()).isEqualTo(404);
        // Stored for audit: the datastream in its register, both raw values, the retirement in the audit log.
        assertThat(database.jdbc().sql("SELECT code FROM datastream_register WHERE id = ? AND retired_at IS NOT NULL").param(ds)
                .query(String.class).single()).isEqualTo("GW-RET1/benzene");
        assertThat(database.jdbc().sql("SELECT raw_value FROM readings WHERE datastream_id = ? AND version = 1").param(ds)
                .query(Double.class).list()).containsExactly(0.2, 0.2);
        assertThat(database.jdbc().sql("SELECT actor FROM audit_log WHERE action = 'RETIRED' AND subject = ?").param("datastream:" + ds)
                .query(String.class).list()).containsExactly("admin");

        // The well itself, retired: gone from the wells of every door too.
        assertThat(http.delete(STA + "/Things(" + well + ")", "admin", "demo-admin").status()).isEqualTo(200);
        assertThat(http.get(STA + "/Things(" + well + ")").status()).isEqualTo(404);
        assertThat(http.get(STA + "/Locations(" + well + ")").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/wells/GW-RET1").status()).isEqualTo(404);
        assertThat(doors()).allSatisfy(door -> assertThat(door).doesNotContain("GW-RET1"));
        assertThat(http.get(STA + "/Sensors(" + sensor + ")").status()).isEqualTo(200);
    }

    /** Latest readings in WFS and OGC API, then the wells in WFS, OGC API and REST. */
    private List<String> doors() {
        List<String> answers = new ArrayList<>();
        answers.add(http.get("/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gw:latest_readings").body());
        answers.add(http.get("/ogcapi/collections/latest_readings/items?limit=1000").body());
        answers.add(http.get("/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gw:wells").body());
        answers.add(http.get("/ogcapi/collections/wells/items?limit=1000").body());
        answers.add(http.get("/api/v1/wells").body());
        return answers;
    }

    /** The tuning report of a benzene warning rule that watches the datastream made here. */
    private String phTuning() {
        for (JsonNode rule : ok(http.get("/api/v1/warning-rules"))) {
            String tuning = "/api/v1/warning-rules/" + rule.path("id").asLong() + "/tuning?from=2025-11-05T00:00:00Z&to=2025-11-06T00:00:00Z";
            if (rule.path("parameterCode").asString("").equals("benzene")
                    && ok(http.get(tuning)).path("datastreams").findValuesAsString("code").contains("GW-RET1/benzene")) return tuning;
        }
        throw new AssertionError("no benzene rule of the demo watches GW-RET1/benzene");
    }

    private static long created(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("@iot.id").asLong();
    }
}
