package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The API description is what client developers read first: every operation has a summary, an example of its request
 * body, a typed answer and the error answers it can give (problem+json), and the description says how to sign in.
 */
class OpenApiCompletenessTest extends RunningGateway {

    @Test
    void everyOperationIsDescribedCompletely() {
        JsonNode api = ok(http.anonymous().get("/v3/api-docs"));
        assertThat(api.get("info").get("title").asString()).contains("Groundwater Gateway");
        assertThat(api.get("components").get("securitySchemes").size()).isGreaterThanOrEqualTo(3);
        List<String> gaps = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = op.getValue();
                operations++;
                if (operation.path("summary").asString("").isBlank()) gaps.add(name + ": no summary");
                JsonNode body = operation.path("requestBody").path("content");
                for (Map.Entry<String, JsonNode> media : body.properties()) {
                    JsonNode m = media.getValue();
                    boolean example = m.has("example") || m.has("examples") || m.path("schema").has("example")
                            || referencedExample(api, m.path("schema"));
                    if (!example) gaps.add(name + ": no example for " + media.getKey());
                }
                JsonNode responses = operation.path("responses");
                boolean typed = false;
                boolean errors = false;
                for (Map.Entry<String, JsonNode> r : responses.properties()) {
                    if (r.getKey().startsWith("2") && (r.getKey().equals("204") || r.getValue().path("content").size() > 0)) typed = true;
                    if (r.getKey().startsWith("4")) {
                        errors = true;
                        if (!r.getValue().path("content").has("application/problem+json")) gaps.add(name + ": " + r.getKey() + " is not problem+json");
                    }
                }
                if (!typed) gaps.add(name + ": no typed answer");
                if (!errors) gaps.add(name + ": no error answers");
                if (!responses.has("429")) gaps.add(name + ": no 429 (the rate limit applies everywhere)");
            }
        }
        assertThat(operations).isGreaterThan(80);
        assertThat(gaps).as("%d gaps", gaps.size()).isEmpty();
    }

    private static boolean referencedExample(JsonNode api, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.isEmpty()) return false;
        JsonNode target = api.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        return target.has("example");
    }
}
