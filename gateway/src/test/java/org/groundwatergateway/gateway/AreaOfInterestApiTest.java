package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A person's areas of interest are kept on the server, are theirs alone, and a bad outline is refused with its field. */
class AreaOfInterestApiTest extends RunningGateway {

    private static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[121.0301,32.5502],[121.0342,32.5502],[121.0342,32.5531],"
            + "[121.0301,32.5531],[121.0301,32.5502]]]}";

    @Test
    void keptListedReplacedAndDeletedByTheirOwnerOnly() {
        Http duty = http.signedInAs("duty", "demo-duty");
        Http om = http.signedInAs("om", "demo-om");
        String name = "源区北-" + System.nanoTime();

        Http.Response kept = duty.post("/api/v1/areas-of-interest", "{\"name\":\"" + name + "\",\"geometry\":" + SQUARE + "}", Map.of());
        assertThat(kept.status()).as(kept.body()).isEqualTo(201);
        long id = kept.json().path("id").asLong();
        assertThat(kept.json().path("geometry").path("coordinates").get(0).get(1).get(0).asDouble()).isEqualTo(121.0342);

        // Kept again under the same name: the same area, its new outline.
        String smaller = SQUARE.replace("121.0342", "121.0322");
        Http.Response replaced = duty.post("/api/v1/areas-of-interest", "{\"name\":\" " + name + " \",\"geometry\":" + smaller + "}", Map.of());
        assertThat(replaced.json().path("id").asLong()).isEqualTo(id);
        JsonNode mine = duty.get("/api/v1/areas-of-interest").json();
        assertThat(mine.valueStream().filter(a -> a.path("name").asString().equals(name)).toList()).singleElement()
                .satisfies(a -> assertThat(a.path("geometry").path("coordinates").get(0).get(1).get(0).asDouble()).isEqualTo(121.0322));

        // Another person sees none of it and cannot delete it; the public is asked to sign in.
        assertThat(om.get("/api/v1/areas-of-interest").json().valueStream().map(a -> a.path("name").asString())).doesNotContain(name);
        assertThat(http.delete("/api/v1/areas-of-interest/" + id, "om", "demo-om").status()).isEqualTo(404);
        assertThat(http.anonymous().get("/api/v1/areas-of-interest").status()).isEqualTo(401);

        assertThat(http.delete("/api/v1/areas-of-interest/" + id, "duty", "demo-duty").status()).isEqualTo(204);
        assertThat(duty.get("/api/v1/areas-of-interest").json().valueStream().map(a -> a.path("name").asString())).doesNotContain(name);
    }

    @Test
    void aBowTieIsRefusedWithItsFieldInTheReadersLanguage() {
        String bowTie = "{\"type\":\"Polygon\",\"coordinates\":[[[121.0,32.55],[121.001,32.551],[121.001,32.55],[121.0,32.551],[121.0,32.55]]]}";
        Http.Response zh = http.signedInAs("duty", "demo-duty").post("/api/v1/areas-of-interest", "{\"name\":\"蝴蝶结\",\"geometry\":" + bowTie + "}",
                Map.of("Accept-Language", "zh-CN"));
        assertThat(zh.status()).isEqualTo(400);
        assertThat(zh.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(zh.json().path("field").asString()).isEqualTo("geometry.coordinates");
        assertThat(zh.json().path("detail").asString()).contains("自相交");
        Http.Response en = http.signedInAs("duty", "demo-duty").post("/api/v1/areas-of-interest", "{\"name\":\"\",\"geometry\":" + bowTie + "}",
                Map.of("Accept-Language", "en"));
        assertThat(en.json().path("field").asString()).isEqualTo("name");
        assertThat(en.json().path("detail").asString()).contains("needs a name");
    }
}
