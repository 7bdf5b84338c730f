package org.groundwatergateway.ogc.sta.service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the service answers: a status, a JSON body or (for {@code $value}) plain text, and the Location of a
 * created entity.
 */
public record StaResponse(int status, JsonNode json, String text, String location) {

    static StaResponse json(int status, JsonNode json) {
        return new StaResponse(status, json, null, null);
    }

    static StaResponse created(JsonNode json, String location) {
        return new StaResponse(201, json, null, location);
    }

    static StaResponse text(String text) {
        return new StaResponse(200, null, text, null);
    }

    static StaResponse noContent() {
        return new StaResponse(200, null, null, null);
    }

    /** An error as a small JSON document naming the problem. */
    static StaResponse error(int status, String message) {
        ObjectNode json = EntityJson.JSON.createObjectNode();
        json.put("code", status);
        json.put("message", message);
        return json(status, json);
    }
}
