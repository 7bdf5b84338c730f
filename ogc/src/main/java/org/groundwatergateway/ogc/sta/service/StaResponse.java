package org.groundwatergateway.ogc.sta.service;

import java.util.Locale;
import org.groundwatergateway.core.problem.InvalidInput;
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

    /**
     * A refusal as a small JSON document in the caller's language: {@code code} and {@code message}, the members
     * SensorThings clients read (as FROST-Server and most services answer), and the same as problem details (RFC 9457:
     * {@code status}, {@code detail}, and {@code field} when one field is at fault), to which the HTTP door adds the
     * {@code type}, {@code title} and {@code instance}.
     */
    static StaResponse error(int status, InvalidInput problem, Locale language) {
        String message = problem.message(language);
        ObjectNode json = EntityJson.JSON.createObjectNode();
        json.put("code", status);
        json.put("message", message);
        json.put("status", status);
        json.put("detail", message);
        if (problem.field() != null) json.put("field", problem.field());
        return json(status, json);
    }
}
