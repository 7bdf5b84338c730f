package org.groundwatergateway.gateway.config;

import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import org.groundwatergateway.gateway.security.OperationPermissions;
import org.springdoc.core.customizers.OpenApiCustomizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What annotations would repeat on every operation of the API description, derived from what decides it:
 * <ul>
 *   <li>the error answers, as RFC 9457 problem details: 400 where the operation takes input, 401 and 403 as the
 *       permission matrix ({@code security/operations.csv}) requires a sign-in or a role, 404 where the path names a
 *       resource, 415 where it takes a body, 429 and 503 everywhere (the rate limit; the database or the audit log away;
 *       both with {@code Retry-After});</li>
 *   <li>request examples, kept as data in {@code openapi/examples.json} ("METHOD path" to the example body, shown as
 *       YAML where the operation takes YAML too); an entry naming no operation stops the start, so examples cannot
 *       outlive their operations;</li>
 *   <li>no request body on GET and DELETE (a catch-all handler declares one for the methods that have it).</li>
 * </ul>
 */
final class ApiDescriptionCompletion implements OpenApiCustomizer {

    private static final String PROBLEM = "application/problem+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OperationPermissions permissions;
    private final JsonNode examples;

    ApiDescriptionCompletion(OperationPermissions permissions) {
        this.permissions = permissions;
        try (InputStream in = ApiDescriptionCompletion.class.getResourceAsStream("/openapi/examples.json")) {
            if (in == null) throw new IllegalStateException("openapi/examples.json is missing");
            this.examples = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas("Problem", problemSchema());
        Set<String> used = new HashSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String name = method.name() + " " + path;
            if (method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.DELETE) operation.setRequestBody(null);
            JsonNode example = examples.get(name);
            if (example != null && operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                Object value = JSON.convertValue(example, Object.class);
                operation.getRequestBody().getContent().forEach((type, media) -> {
                    if (media.getExample() != null || media.getExamples() != null) return;
                    if (type.contains("json")) media.setExample(value);
                    else if (type.contains("yaml")) media.setExample(Yaml.pretty(value));
                });
                used.add(name);
            }
            errors(method, path, operation);
        }));
        Set<String> stale = new HashSet<>();
        examples.properties().forEach(e -> stale.add(e.getKey()));
        stale.removeAll(used);
        if (!stale.isEmpty()) throw new IllegalStateException("openapi/examples.json names operations that take no JSON body: " + stale);
    }

    private void errors(PathItem.HttpMethod method, String path, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean input = (operation.getParameters() != null && !operation.getParameters().isEmpty()) || operation.getRequestBody() != null;
        if (input) add(responses, "400", "不合法的输入 / invalid input: the problem names the field and the reason");
        OperationPermissions.Rule rule = permissions.rule(method.name(), path).orElse(null);
        if (rule == null || !rule.anyone()) add(responses, "401", "未登录 / not signed in (OAuth2, Bearer token or Basic)");
        if (rule == null || (!rule.anyone() && !rule.authenticated())) {
            add(responses, "403", "无权限 / signed in without a role that may call this: " + (rule == null ? "none may" : rule.who()));
        }
        if (path.contains("{") || path.endsWith("**")) add(responses, "404", "不存在或未向您公开 / no such resource, or not disclosed to you");
        if (operation.getRequestBody() != null) add(responses, "415", "不支持的内容类型 / a body of a type this operation does not take");
        add(responses, "429", "请求过于频繁 / too many requests from this address; try again after Retry-After");
        add(responses, "503", "暂不可用 / the database or the audit log is unavailable; try again after Retry-After");
        operation.setResponses(responses);
    }

    private static void add(ApiResponses responses, String status, String description) {
        if (responses.containsKey(status)) return;
        responses.addApiResponse(status, new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM, new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<?> error = new ObjectSchema().addProperty("field", new StringSchema().description("a JSON pointer, column or parameter"))
                .addProperty("reason", new StringSchema());
        return new ObjectSchema().description("RFC 9457 problem details, in Chinese or English by Accept-Language")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("limit: must be 1..10000, was 0"))
                .addProperty("instance", new StringSchema().example("/api/v1/datastreams/5/readings"))
                .addProperty("errors", new ArraySchema().items(error));
    }
}
