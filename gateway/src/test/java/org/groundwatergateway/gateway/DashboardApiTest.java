package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A person's dashboards are kept on the server with their panels in order, are theirs alone, and a bad panel is refused by its field. */
class DashboardApiTest extends RunningGateway {

    private static final String PANELS = "[{\"indicator\":\"series\",\"parameter\":\"benzene\",\"wells\":[\"GW-U04\",\"GW-U05\"],\"chart\":\"line\","
            + "\"colour\":\"#D62828\",\"days\":30},{\"indicator\":\"alerts-by-level\",\"chart\":\"bar\",\"colour\":\"#2f6fdb\",\"days\":7,"
            + "\"parameter\":\"benzene\"}]";

    @Test
    void keptListedReplacedAndDeletedByTheirOwnerOnly() {
        Http duty = http.signedInAs("duty", "demo-duty");
        Http om = http.signedInAs("om", "demo-om");
        String name = "值班看板-" + System.nanoTime();

        Http.Response kept = duty.post("/api/v1/dashboards", "{\"name\":\"" + name + "\",\"panels\":" + PANELS + "}", Map.of());
        assertThat(kept.status()).as(kept.body()).isEqualTo(201);
        long id = kept.json().path("id").asLong();
        JsonNode series = kept.json().path("panels").get(0);
        assertThat(series.path("indicator").asString()).isEqualTo("series");
        assertThat(series.path("wells").valueStream().map(JsonNode::asString)).containsExactly("GW-U04", "GW-U05");
        assertThat(series.path("colour").asString()).as("colours are kept in lower case").isEqualTo("#d62828");
        assertThat(series.path("days").asInt()).isEqualTo(30);
        // What an indicator does not use is not kept: the alerts need no parameter.
        assertThat(kept.json().path("panels").get(1).path("parameter").isNull()).isTrue();

        JsonNode listed = mine(duty, name);
        assertThat(listed.path("id").asLong()).isEqualTo(id);
        assertThat(listed.path("panels").valueStream().map(p -> p.path("indicator").asString())).containsExactly("series", "alerts-by-level");

        // Kept again under the same name: the same dashboard, with only its new panels.
        Http.Response replaced = duty.post("/api/v1/dashboards", "{\"name\":\"" + name + "\",\"panels\":[{\"indicator\":\"completeness\","
                + "\"chart\":\"number\",\"colour\":\"#2ca02c\",\"days\":1}]}", Map.of());
        assertThat(replaced.json().path("id").asLong()).isEqualTo(id);
        assertThat(mine(duty, name).path("panels").valueStream().map(p -> p.path("indicator").asString())).containsExactly("completeness");

        // Another person sees none of it and cannot delete it; the public is asked to sign in; an enterprise keeps none.
        assertThat(om.get("/api/v1/dashboards").json().valueStream().map(d -> d.path("name").asString())).doesNotContain(name);
        assertThat(http.delete("/api/v1/dashboards/" + id, "om", "demo-om").status()).isEqualTo(404);
        assertThat(http.anonymous().get("/api/v1/dashboards").status()).isEqualTo(401);
        assertThat(http.signedInAs("enterprise", "demo-enterprise").get("/api/v1/dashboards").status()).isEqualTo(403);

        assertThat(http.delete("/api/v1/dashboards/" + id, "duty", "demo-duty").status()).isEqualTo(204);
        assertThat(duty.get("/api/v1/dashboards").json().valueStream().map(d -> d.path("name").asString())).doesNotContain(name);
    }

    @Test
    void aBadPanelIsRefusedWithItsFieldInTheReadersLanguage() {
        Http duty = http.signedInAs("duty", "demo-duty");
        String badColour = PANELS.replace("#2f6fdb", "blue");
        Http.Response zh = duty.post("/api/v1/dashboards", "{\"name\":\"坏颜色\",\"panels\":" + badColour + "}", Map.of("Accept-Language", "zh-CN"));
        assertThat(zh.status()).isEqualTo(400);
        assertThat(zh.json().path("field").asString()).isEqualTo("panels[1].colour");
        assertThat(zh.json().path("detail").asString()).contains("颜色应写作 #rrggbb").contains("blue");
        Http.Response en = duty.post("/api/v1/dashboards", "{\"name\":\"bad colour\",\"panels\":" + badColour + "}", Map.of("Accept-Language", "en"));
        assertThat(en.json().path("detail").asString()).contains("#rrggbb (six hexadecimal digits), not blue");

        assertThat(refused(duty, PANELS.replace("\"line\"", "\"number\""), "en"))
                .containsExactly("panels[0].chart", "panels[0].chart: the indicator series is drawn as one of [line, bar, scatter], not number");
        assertThat(refused(duty, PANELS.replace("\"GW-U05\"", "\"GW-X99\""), "zh-CN")).containsExactly("panels[0].wells[1]", "panels[0].wells[1]：没有监测井 GW-X99");
        assertThat(refused(duty, PANELS.replace("\"series\"", "\"weather\""), "en").get(0)).isEqualTo("panels[0].indicator");
        assertThat(refused(duty, PANELS.replace("\"days\":7", "\"days\":400"), "zh-CN"))
                .containsExactly("panels[1].days", "panels[1].days：alerts-by-level 面板的时段应为 1 至 365 天，而不是 400 天");
        assertThat(refused(duty, "[]", "en")).containsExactly("panels", "panels: a dashboard has 1 to 12 panels, not 0");
        Http.Response noName = duty.post("/api/v1/dashboards", "{\"name\":\"  \",\"panels\":" + PANELS + "}", Map.of("Accept-Language", "en"));
        assertThat(noName.json().path("field").asString()).isEqualTo("name");
        assertThat(noName.json().path("detail").asString()).contains("a dashboard needs a name of 1 to 60 characters");
    }

    private static JsonNode mine(Http person, String name) {
        return person.get("/api/v1/dashboards").json().valueStream().filter(d -> d.path("name").asString().equals(name)).findFirst().orElseThrow();
    }

    /** The field and detail of the refusal of a dashboard with these panels. */
    private static java.util.List<String> refused(Http person, String panels, String language) {
        Http.Response response = person.post("/api/v1/dashboards", "{\"name\":\"refused\",\"panels\":" + panels + "}", Map.of("Accept-Language", language));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return java.util.List.of(response.json().path("field").asString(), response.json().path("detail").asString());
    }
}
