package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Requests Spring refuses before a controller reads them (issue #16: a bare body, or {@code For input string: "abc"})
 * answer problem details naming the problem — the line and column of broken JSON, the parameter, the types taken — in
 * Chinese, or English where Accept-Language prefers it.
 */
class ProblemDetailsTest extends RunningGateway {

    private static final Map<String, String> ENGLISH = Map.of("Accept-Language", "en");

    private static JsonNode problem(Http.Response response, int status, String language) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.raw().headers().firstValue("Content-Language")).contains(language);
        return response.json();
    }

    @Test
    void aPathVariableOfTheWrongTypeNamesItself() {
        JsonNode zh = problem(http.anonymous().get("/api/v1/datastreams/abc"), 400, "zh-CN");
        assertThat(zh.get("title").asString()).isEqualTo("请求有误");
        assertThat(zh.get("detail").asString()).isEqualTo("id：'abc' 不是整数");
        JsonNode en = problem(http.anonymous().get("/api/v1/datastreams/abc", ENGLISH), 400, "en");
        assertThat(en.get("title").asString()).isEqualTo("Bad Request");
        assertThat(en.get("detail").asString()).isEqualTo("id: 'abc' is not a whole number");
    }

    @Test
    void brokenJsonIsPlacedByLineAndColumn() {
        String broken = "{\"name\": \"x\",\n \"kind\": CLASS_LIMIT}";
        JsonNode zh = problem(http.post("/api/v1/warning-rules", broken, "admin", "demo-admin"), 400, "zh-CN");
        assertThat(zh.get("detail").asString()).startsWith("请求体无法读取（第 2 行第 ").contains("CLASS_LIMIT");
        Http.Response english = http.post("/api/v1/warning-rules", broken, Map.of("Authorization", basic("admin", "demo-admin"), "Accept-Language", "en-US"));
        assertThat(problem(english, 400, "en").get("detail").asString()).startsWith("the request body cannot be read at line 2, column ");
    }

    @Test
    void aMissingParameterAndAnUnsupportedContentTypeSaySo() {
        Http duty = http.signedInAs("duty", "demo-duty");
        assertThat(problem(duty.get("/api/v1/cameras", ENGLISH), 400, "en").get("detail").asString()).isEqualTo("near: required (String)");
        Http.Response plain = http.post("/api/v1/warning-rules", "text/plain", "name=x", "admin", "demo-admin");
        JsonNode unsupported = problem(plain, 415, "zh-CN");
        assertThat(unsupported.get("title").asString()).isEqualTo("不支持的内容类型");
        assertThat(unsupported.get("detail").asString()).contains("text/plain", "application/json");
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
