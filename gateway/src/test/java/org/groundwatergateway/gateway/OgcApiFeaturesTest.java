package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** OGC API – Features Part 1 over real HTTP. */
class OgcApiFeaturesTest extends RunningGateway {

    @Test
    void landingConformanceAndCollections() {
        JsonNode landing = http.get("/ogcapi").json();
        List<String> rels = new ArrayList<>();
        landing.get("links").forEach(l -> rels.add(l.get("rel").asString()));
        assertThat(rels).contains("self", "service-desc", "conformance", "data");
        assertThat(http.get("/ogcapi/conformance").json().get("conformsTo").toString())
                .contains("ogcapi-features-1/1.0/conf/core").contains("conf/geojson").contains("conf/html");
        JsonNode collections = http.get("/ogcapi/collections").json().get("collections");
        List<String> ids = new ArrayList<>();
        collections.forEach(c -> ids.add(c.get("id").asString()));
        assertThat(ids).contains("wells", "plumes", "risk_zones", "latest_readings");
        JsonNode wells = http.get("/ogcapi/collections/wells").json();
        JsonNode bbox = wells.get("extent").get("spatial").get("bbox").get(0);
        assertThat(bbox.get(0).asDouble()).isBetween(120.9, 121.1);
        assertThat(bbox.get(1).asDouble()).isBetween(32.4, 32.7);
    }

    @Test
    void itemsPageThroughNextLinksAndFilterByBboxPropertyAndDatetime() {
        int wells = wellCount();
        List<String> ids = new ArrayList<>();
        String next = "/ogcapi/collections/wells/items?limit=15";
        int pages = 0;
        while (next != null) {
            JsonNode page = http.get(next).json();
            assertThat(page.get("numberMatched").asInt()).isEqualTo(wells);
            page.get("features").forEach(f -> ids.add(f.get("id").asString()));
            next = null;
            for (JsonNode link : page.get("links")) if (link.get("rel").asString().equals("next")) next = link.get("href").asString();
            pages++;
        }
        assertThat(pages).isEqualTo((wells + 14) / 15);
        assertThat(ids).hasSize(wells).doesNotHaveDuplicates();

        JsonNode boxed = http.get("/ogcapi/collections/wells/items?bbox=121.0010,32.5435,121.0012,32.5437").json();
        assertThat(boxed.get("features")).hasSize(1);
        assertThat(boxed.get("features").get(0).get("properties").get("code").asString()).isEqualTo("GW-U01");
        assertThat(http.get("/ogcapi/collections/wells/items?aquifer=C1&limit=100").json().get("numberMatched").asInt()).isEqualTo(10);

        JsonNode march = http.get("/ogcapi/collections/plumes/items?datetime=2026-03-01T00:00:00Z/2026-03-31T23:59:59Z&limit=100").json();
        assertThat(march.get("features").size()).isPositive();
        march.get("features").forEach(f -> assertThat(f.get("properties").get("valid_time").asString()).startsWith("2026-03"));
        assertThat(http.get("/ogcapi/collections/plumes/items?datetime=../2026-01-01T00:00:00Z").json().get("numberMatched").asInt()).isZero();

        String one = ids.get(0);
        JsonNode feature = http.get("/ogcapi/collections/wells/items/" + one).json();
        assertThat(feature.get("type").asString()).isEqualTo("Feature");
        assertThat(feature.get("id").asString()).isEqualTo(one);
    }

    @Test
    void htmlShowsAMapAndErrorsAreJson() {
        Http.Response html = http.get("/ogcapi/collections/wells/items?f=html&limit=40");
        assertThat(html.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(html.body()).contains("<svg").contains("<circle").contains("GW-U01");
        assertThat(http.get("/ogcapi?f=html").body()).contains("<a href=");

        Http.Response unknownParameter = http.get("/ogcapi/collections/wells/items?colour=red");
        assertThat(unknownParameter.status()).isEqualTo(400);
        assertThat(unknownParameter.json().get("description").asString()).contains("colour");
        assertThat(http.get("/ogcapi/collections/wells/items?bbox=1,2,3").status()).isEqualTo(400);
        assertThat(http.get("/ogcapi/collections/wells/items?limit=zero").status()).isEqualTo(400);
        assertThat(http.get("/ogcapi/collections/nothing/items").status()).isEqualTo(404);
        assertThat(http.get("/ogcapi/collections/wells/items/wells.999999").status()).isEqualTo(404);
    }
}
