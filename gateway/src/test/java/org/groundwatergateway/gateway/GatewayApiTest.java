package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The REST basics over real HTTP, on the embedded database with a short demo park. */
class GatewayApiTest extends RunningGateway {

    @Test
    void healthIsUpAndReportsTheLoadedDemo() {
        JsonNode health = http.get("/actuator/health").json();
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("demoPark").path("details").path("loaded").asBoolean()).isTrue();
        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(http.getAs("/actuator/prometheus", "sysadmin", "demo-sysadmin").body()).contains("jvm_memory_used_bytes");
        assertThat(http.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
    }

    @Test
    void parksCarryTheirBoundary() {
        JsonNode parks = http.get("/api/v1/parks").json();
        assertThat(parks).hasSize(1);
        assertThat(parks.get(0).path("code").asString()).isEqualTo("HBDP");
        assertThat(parks.get(0).path("divisionCode").asString()).isEqualTo("320623");
        assertThat(parks.get(0).path("boundary").path("type").asString()).isEqualTo("Polygon");
        // Its layers from the top down, as docs/demo-park.md gives them: Q1 1–12 m, C1 28–45 m below ground.
        assertThat(parks.get(0).path("aquifers").valueStream().map(a -> a.path("code").asString() + " " + a.path("confinement").asString() + " "
                + a.path("topDepthM").asDouble() + "-" + a.path("bottomDepthM").asDouble()).toList())
                .containsExactly("Q1 UNCONFINED 1.0-12.0", "C1 CONFINED 28.0-45.0");
        assertThat(http.get("/api/v1/parks/NOPE").status()).isEqualTo(404);
    }

    @Test
    void wellsAreAGeoJsonFeatureCollectionInsideThePark() {
        var response = http.get("/api/v1/wells");
        assertThat(response.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/geo+json"));
        JsonNode wells = response.json();
        assertThat(wells.path("type").asString()).isEqualTo("FeatureCollection");
        // Other tests may register wells; the demo's own are GW-U01..30 and GW-C01..10.
        assertThat(wells.path("features").valueStream().map(f -> f.path("id").asString()).filter(id -> id.matches("GW-[UC]\\d{2}")))
                .hasSize(40);
        for (JsonNode feature : wells.path("features")) {
            JsonNode position = feature.path("geometry").path("coordinates");
            assertThat(position.get(0).asDouble()).as("longitude").isBetween(121.0, 121.032);
            assertThat(position.get(1).asDouble()).as("latitude").isBetween(32.54, 32.559);
            if (feature.path("id").asString().matches("GW-[UC]\\d{2}")) {
                assertThat(feature.path("properties").path("datastreams").size()).isGreaterThanOrEqualTo(4);
            }
        }
        JsonNode well = http.get("/api/v1/wells/GW-U04").json();
        assertThat(well.path("properties").path("role").asString()).isEqualTo("SOURCE_AREA");
        assertThat(well.path("properties").path("aquifer").asString()).isEqualTo("Q1");
        assertThat(http.get("/api/v1/wells?park=HBDP").json().path("features").size()).isGreaterThanOrEqualTo(40);
        assertThat(http.get("/api/v1/wells?park=NOPE").status()).isEqualTo(404);
    }

    @Test
    void readingsArePagedWithNextLinksUntilTheEnd() {
        JsonNode streams = http.get("/api/v1/datastreams?well=GW-U04").json();
        long benzene = -1;
        for (JsonNode s : streams) if (s.path("code").asString().equals("GW-U04/benzene")) benzene = s.path("id").asLong();
        assertThat(http.get("/api/v1/datastreams/" + benzene).json().path("readingCount").asLong()).isEqualTo(DEMO_DAYS * 24);

        List<String> times = new ArrayList<>();
        String next = "/api/v1/datastreams/" + benzene + "/readings?limit=30&from=2025-11-01T00:00:00%2B08:00";
        int pages = 0;
        while (next != null) {
            JsonNode page = http.get(next).json();
            page.path("items").forEach(item -> times.add(item.path("time").asString()));
            next = page.path("next").isNull() || page.path("next").isMissingNode() ? null : page.path("next").asString();
            pages++;
        }
        assertThat(pages).isEqualTo(2);
        assertThat(times).hasSize(DEMO_DAYS * 24).doesNotHaveDuplicates().isSorted();
        assertThat(times.get(0)).isEqualTo("2025-10-31T16:00:00Z");

        JsonNode window = http.get("/api/v1/datastreams/" + benzene
                + "/readings?from=2025-11-02T00:00:00%2B08:00&to=2025-11-02T06:00:00%2B08:00").json();
        assertThat(window.path("items")).hasSize(6);
        assertThat(window.path("items").get(0).path("flags")).isEmpty();
        assertThat(window.path("items").get(0).path("source").asString()).isEqualTo("demo");
        // "+08:00" typed without encoding arrives as " 08:00" and still means +08:00.
        JsonNode unencoded = http.get("/api/v1/datastreams/" + benzene + "/readings?from=2025-11-02T00:00:00+08:00&limit=1").json();
        assertThat(unencoded.path("items").get(0).path("time").asString()).isEqualTo("2025-11-01T16:00:00Z");
    }

    @Test
    void badQueriesAreExplained() {
        var badTime = http.get("/api/v1/datastreams/1/readings?from=yesterday");
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.json().path("detail").asString()).contains("from").contains("ISO-8601");
        assertThat(http.get("/api/v1/datastreams/1/readings?limit=0").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/datastreams/999999/readings").status()).isEqualTo(404);
    }

    @Test
    void writesNeedTheAdministrator() {
        String well = """
                {"park": "HBDP", "code": "GW-NEW1", "nameZh": "新建监测井", "lon": 121.012, "lat": 32.551,
                 "groundElevationM": 5.1, "casingTopElevationM": 5.6, "screenTopDepthM": 3, "screenBottomDepthM": 9,
                 "aquifer": "Q1", "role": "DOWNGRADIENT"}""";
        assertThat(http.post("/api/v1/wells", well, null, null).status()).isEqualTo(401);
        assertThat(http.post("/api/v1/wells", well, "admin", "wrong").status()).isEqualTo(401);
        var created = http.post("/api/v1/wells", well, "admin", "demo-admin");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/v1/wells/GW-NEW1");
        assertThat(http.get("/api/v1/wells/GW-NEW1").json().path("geometry").path("coordinates").get(0).asDouble()).isEqualTo(121.012);
        assertThat(http.post("/api/v1/wells", well, "admin", "demo-admin").status()).isEqualTo(409);

        var badRole = http.post("/api/v1/wells", well.replace("GW-NEW1", "GW-NEW2").replace("DOWNGRADIENT", "UPSTREAM"), "admin", "demo-admin");
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().path("detail").asString()).startsWith("role：");
        var badAquifer = http.post("/api/v1/wells", well.replace("GW-NEW1", "GW-NEW3").replace("\"Q1\"", "\"Q9\""), "admin", "demo-admin");
        assertThat(badAquifer.json().path("detail").asString()).startsWith("aquifer：");
        var missing = http.post("/api/v1/wells", well.replace("GW-NEW1", "GW-NEW4").replace("\"lat\": 32.551,", ""), "admin", "demo-admin");
        assertThat(missing.json().path("detail").asString()).isEqualTo("lat：必填");
    }

    @Test
    void openApiDescribesTheApi() {
        JsonNode api = http.get("/v3/api-docs").json();
        assertThat(api.path("paths").has("/api/v1/wells")).isTrue();
        assertThat(api.path("paths").has("/api/v1/datastreams/{id}/readings")).isTrue();
        assertThat(http.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
