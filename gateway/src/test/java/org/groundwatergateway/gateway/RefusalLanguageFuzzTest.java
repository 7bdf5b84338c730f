package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.groundwatergateway.core.testing.Fuzz;
import org.groundwatergateway.core.testing.FuzzInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue #16, "problem+json for every error, in Chinese or English by Accept-Language", checked over every REST
 * operation the API description lists rather than one by one: each is called as the administrator with its documented
 * example body and parameters spoilt (a field dropped, nulled, of the wrong type or out of range; broken JSON; odd path
 * and query values). Every refusal must be problem details whose detail a Chinese reader can read — it holds a Chinese
 * character — when Chinese is asked for, and that say they are English when English is; no answer is a 5xx. A refusal
 * that escapes the message catalogues (an {@code IllegalArgumentException} with an English text of its own) fails it,
 * named with the request that reached it. One call in seventeen carries a bearer token that is no good, so the 401 is
 * checked the same way.
 */
@TestPropertySource(properties = "gw.test.fixture=refusal-language")
class RefusalLanguageFuzzTest extends RunningGateway {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    /**
     * Operations left out: those that would take the administrator's own sign-in away mid-run (passwords, accounts,
     * API clients, setup, lock-out) or end the run's shared state (policy activation, deletions); also event streams,
     * which do not end.
     */
    private static final List<String> LEFT_OUT = List.of("/password", "/api/v1/accounts", "/api/v1/clients", "/api/v1/setup", "/activate");
    private static final List<String> PATH_VALUES = List.of("1", "0", "-1", "abc", "999999", "GW-U01", "%E6%B0%B4", "1.5", "2026-13-01");
    private static final List<Object> ODD_VALUES = List.of("", "abc", "-1", "1e308", "2026-02-30T25:00:00Z", "水井", "<x/>", -1, 0, 1e308, -1e308,
            true, List.of(), Map.of());

    @DynamicPropertySource
    static void withoutRateLimits(DynamicPropertyRegistry registry) {
        registry.add("gw.rate-limits.enabled", () -> false);
    }

    private record Call(String method, String path, String contentType, String body) {
        @Override
        public String toString() {
            return method + " " + path + (body == null ? "" : " " + excerpt(body));
        }
    }

    @Test
    @Timeout(300)
    void everyRefusalIsProblemDetailsInTheCallersLanguage() throws Exception {
        JsonNode api = ok(http.anonymous().get("/v3/api-docs"));
        Random random = new Random(Fuzz.SEED ^ 16);
        List<Call> calls = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/v1/") || LEFT_OUT.stream().anyMatch(path.getKey()::contains)) continue;
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH").contains(method) || streams(op.getValue())) continue;
                for (int variant = 0; variant < 8; variant++) calls.add(spoilt(api, method, path.getKey(), op.getValue(), random));
            }
        }
        assertThat(calls).as("REST operations found in the API description").hasSizeGreaterThan(200);

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String admin = "Basic " + Base64.getEncoder().encodeToString("admin:demo-admin".getBytes(StandardCharsets.UTF_8));
        TreeSet<String> failures = new TreeSet<>();
        int refusals = 0;
        for (int i = 0; i < calls.size(); i++) {
            Call call = calls.get(i);
            boolean english = i % 3 == 2;
            // Now and then with a token that is no good: the 401 and its reason in the caller's language too.
            String authorization = i % 17 == 5 ? "Bearer not-a-token-" + i : admin;
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.base() + call.path())).timeout(Duration.ofSeconds(60))
                    .header("Authorization", authorization).header("Accept-Language", english ? "en-US,en;q=0.9" : "zh-CN,zh;q=0.9")
                    .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(call.body()));
            if (call.contentType() != null) request.header("Content-Type", call.contentType());
            HttpResponse<String> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (java.net.http.HttpTimeoutException e) {
                failures.add("no answer within 60 s ← " + call.method() + " " + call.path() + " " + call.body());
                continue;
            }
            int status = response.statusCode();
            if (status >= 500) {
                failures.add(status + " " + call + " → " + excerpt(response.body()));
                continue;
            }
            if (status < 400) continue;
            refusals++;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                failures.add(status + " not problem+json (" + type + ") " + call);
                continue;
            }
            JsonNode problem = JSON.readTree(response.body());
            String detail = problem.path("detail").asString("");
            String language = response.headers().firstValue("Content-Language").orElse("");
            if (english ? !language.equals("en") : !language.equals("zh-CN")) failures.add(status + " Content-Language '" + language + "' " + call);
            if (!english && !HAN.matcher(detail).find()) failures.add(status + " English to a Chinese reader: '" + excerpt(detail) + "' ← " + call);
            if (english && HAN.matcher(problem.path("title").asString("")).find()) failures.add(status + " Chinese title to an English reader ← " + call);
        }
        assertThat(refusals).as("refusals provoked").isGreaterThan(calls.size() / 3);
        assertThat(failures).as("%d of %d calls (%d refused)", failures.size(), calls.size(), refusals).isEmpty();
    }

    private static boolean streams(JsonNode operation) {
        for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
            if (response.getValue().path("content").has("text/event-stream")) return true;
        }
        return false;
    }

    /** The operation called with one thing wrong: its path, a query parameter or its body. */
    private static Call spoilt(JsonNode api, String method, String template, JsonNode operation, Random random) {
        String path = template;
        StringJoiner query = new StringJoiner("&");
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asString();
            String in = parameter.path("in").asString();
            if (in.equals("path")) {
                path = path.replace("{" + name + "}", FuzzInputs.oneOf(random, PATH_VALUES));
            } else if (in.equals("query") && (parameter.path("required").asBoolean(false) ? random.nextInt(4) > 0 : random.nextBoolean())) {
                String value = switch (random.nextInt(3)) {
                    case 0 -> FuzzInputs.number(random);
                    case 1 -> FuzzInputs.time(random);
                    default -> FuzzInputs.text(random, 12);
                };
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        if (query.length() > 0) path += "?" + query;
        JsonNode content = operation.path("requestBody").path("content");
        if (content.isEmpty()) return new Call(method, path, null, null);
        String contentType = content.propertyNames().iterator().next();
        String example = example(api, content.get(contentType));
        if (!contentType.contains("json")) return new Call(method, path, contentType, FuzzInputs.mutate(random, example));
        return new Call(method, path, contentType, spoiltJson(example, random));
    }

    private static String spoiltJson(String example, Random random) {
        if (random.nextInt(5) == 0) return FuzzInputs.mutate(random, example);
        JsonNode body = JSON.readTree(example);
        if (!(body instanceof ObjectNode object) || object.isEmpty()) return FuzzInputs.mutate(random, example);
        List<String> fields = new ArrayList<>(object.propertyNames());
        String field = FuzzInputs.oneOf(random, fields);
        switch (random.nextInt(3)) {
            case 0 -> object.remove(field);
            case 1 -> object.putNull(field);
            default -> object.set(field, JSON.valueToTree(FuzzInputs.oneOf(random, ODD_VALUES)));
        }
        return JSON.writeValueAsString(object);
    }

    /** The documented example of a body, as text. */
    private static String example(JsonNode api, JsonNode media) {
        JsonNode example = media.has("example") ? media.get("example")
                : media.has("examples") ? media.get("examples").properties().iterator().next().getValue().path("value")
                : referenced(api, media.path("schema"));
        return example.isString() ? example.asString() : JSON.writeValueAsString(example);
    }

    private static JsonNode referenced(JsonNode api, JsonNode schema) {
        if (schema.has("example")) return schema.get("example");
        String ref = schema.path("$ref").asString("");
        return ref.isEmpty() ? JSON.createObjectNode() : api.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1)).path("example");
    }

    private static String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 160 ? flat : flat.substring(0, 160) + "…";
    }
}
