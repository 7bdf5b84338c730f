package org.groundwatergateway.ogc.sta.service;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.ogc.sta.query.StaQueryException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Batch requests in the JSON format (OGC 18-088 §11, after OData 4.01 JSON Format §19):
 * <pre>{"requests": [{"id": "1", "method": "post", "url": "Things", "body": {…}},
 *               {"id": "2", "method": "post", "url": "$1/Datastreams", "body": {…}, "dependsOn": ["1"]}]}</pre>
 * answered with {@code {"responses": [{"id": "1", "status": 201, "headers": {"location": …}, "body": {…}}, …]}}.
 * Requests run in order; {@code $id} at the start of a URL stands for the entity request {@code id} created.
 * Each request stands alone, and is checked against the permission matrix as if it had come on its own. Atomicity groups are refused before anything runs: the repositories commit one
 * entity at a time, so a group could not be undone as a whole, and applying it piecemeal would break its promise.
 */
final class BatchRequests {

    private final SensorThingsService service;

    BatchRequests(SensorThingsService service) {
        this.service = service;
    }

    StaResponse handle(StaRequest batch) {
        JsonNode requests;
        try {
            requests = EntityJson.JSON.readTree(batch.body() == null ? "" : batch.body()).path("requests");
        } catch (JacksonException e) {
            throw new StaQueryException(new InvalidInput("ogc.sta.notJson", "$batch", e.getOriginalMessage()));
        }
        if (!requests.isArray()) throw new StaQueryException(new InvalidInput("ogc.sta.batchRequests", "$batch"));
        for (JsonNode request : requests) {
            if (request.has("atomicityGroup")) {
                throw new StaQueryException(new InvalidInput("ogc.sta.atomicity", "$batch"));
            }
        }
        Map<String, String> created = new HashMap<>();
        ObjectNode answer = EntityJson.JSON.createObjectNode();
        ArrayNode responses = answer.putArray("responses");
        for (JsonNode request : requests) {
            String id = request.path("id").asString(null);
            StaResponse response = one(batch, request, created);
            if (id != null && response.location() != null) created.put(id, response.location());
            ObjectNode item = responses.addObject();
            if (id != null) item.put("id", id);
            item.put("status", response.status());
            if (response.location() != null) item.putObject("headers").put("location", response.location());
            if (response.json() != null) item.set("body", response.json());
            else if (response.text() != null) item.put("body", response.text());
        }
        return StaResponse.json(200, answer);
    }

    private StaResponse one(StaRequest batch, JsonNode request, Map<String, String> created) {
        String method = request.path("method").asString("").toUpperCase(Locale.ROOT);
        String url = request.path("url").asString("");
        if (url.startsWith("$")) {
            int end = 1;
            while (end < url.length() && url.charAt(end) != '/' && url.charAt(end) != '?') end++;
            String reference = url.substring(1, end);
            String location = created.get(reference);
            if (location == null) return StaResponse.error(400, new InvalidInput("ogc.sta.batchReference", "url", url, reference), batch.language());
            url = location + url.substring(end);
        }
        if (url.startsWith(batch.base())) url = url.substring(batch.base().length());
        if (!url.startsWith("/")) url = "/" + url;
        if (url.equals("/$batch")) return StaResponse.error(400, new InvalidInput("ogc.sta.batchInBatch", "url"), batch.language());
        int question = url.indexOf('?');
        String path = question < 0 ? url : url.substring(0, question);
        String query = question < 0 ? null : url.substring(question + 1);
        Optional<InvalidInput> refused = service.refusal(batch.viewer(), method, path);
        if (refused.isPresent()) return StaResponse.error(403, refused.get(), batch.language());
        JsonNode body = request.get("body");
        return service.handle(new StaRequest(method, path, query, body == null ? null : body.toString(), batch.viewer(), batch.base(), batch.english(),
                batch.reason()));
    }
}
