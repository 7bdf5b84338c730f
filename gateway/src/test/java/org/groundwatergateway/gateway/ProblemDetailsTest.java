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
        assertThat(zh.get("detail").asString()).matches("请求体不是有效的 JSON：第 2 行第 \\d+ 列的 CLASS_LIMIT 不是 JSON 值（文本须加双引号）");
        Http.Response english = http.post("/api/v1/warning-rules", broken, Map.of("Authorization", basic("admin", "demo-admin"), "Accept-Language", "en-US"));
        assertThat(problem(english, 400, "en").get("detail").asString())
                .matches("the request body is not JSON: CLASS_LIMIT at line 2, column \\d+ is no JSON value \\(text is written in double quotes\\)");
        // A value of the wrong kind is told by its field, in the reader's words rather than Jackson's.
        String wrongKind = "{\"name\": \"x\", \"kind\": \"CLASS_LIMIT\", \"parameterCode\": \"benzene\", \"clearAfter\": \"abc\"}";
        JsonNode kindZh = problem(http.post("/api/v1/warning-rules", wrongKind, "admin", "demo-admin"), 400, "zh-CN");
        assertThat(kindZh.get("detail").asString()).isEqualTo("clearAfter：应为整数");
        assertThat(kindZh.get("field").asString()).isEqualTo("clearAfter");
        Http.Response kindEn = http.post("/api/v1/warning-rules", wrongKind, Map.of("Authorization", basic("admin", "demo-admin"), "Accept-Language", "en"));
        assertThat(problem(kindEn, 400, "en").get("detail").asString()).isEqualTo("clearAfter: a whole number is required");
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

    /**
     * Domain errors from several controllers and the modules behind them (gateway, core, ingest, policies; a query
     * parameter, a body bound to a record, a service's check) answer their detail in the caller's language and name
     * the field at fault in {@code field}, for a form to show next to its input.
     */
    @Test
    void domainErrorsNameTheirFieldInEitherLanguage() {
        Http duty = http.signedInAs("duty", "demo-duty");
        Http admin = http.signedInAs("admin", "demo-admin");
        Http secadmin = http.signedInAs("secadmin", "demo-secadmin");
        String cameras = "/api/v1/cameras?near=abc";
        assertDomainError(duty.get(cameras), duty.get(cameras, ENGLISH), "near",
                "near：应为“经度,纬度”两个数，而不是 'abc'", "near: lon,lat as two numbers, not 'abc'");
        String radius = "/api/v1/cameras?near=121.0,32.5&radius=0";
        assertDomainError(duty.get(radius), duty.get(radius, ENGLISH), "radius",
                "radius：应大于 0 且不超过 50,000 m，实际为 0.0", "radius: above 0 and at most 50,000 m, not 0.0");
        String contact = "{\"name\": \"x\", \"phone\": \"12345\"}";
        assertDomainError(admin.post("/api/v1/on-call/contacts", contact, Map.of()), admin.post("/api/v1/on-call/contacts", contact, ENGLISH), "phone",
                "phone：'12345' 不是 138-0000-0001 这样的大陆手机号", "phone: '12345' is not a mainland mobile number such as 138-0000-0001");
        String decision = "{\"decision\": \"ACCEPTED\"}";
        assertDomainError(admin.post("/api/v1/reviews/1/decision", decision, Map.of()), admin.post("/api/v1/reviews/1/decision", decision, ENGLISH), "reason",
                "reason：作出决定需要给出理由", "reason: a decision needs a reason");
        // A record that refuses itself as the body is bound (RequestExceptionHandler's path).
        String template = "{\"name\": \"bad-zone\", \"columns\": {\"value\": \"V\"}, \"zone\": \"nope\"}";
        assertDomainError(admin.post("/api/v1/import-templates", template, Map.of()), admin.post("/api/v1/import-templates", template, ENGLISH), "zone",
                "zone：'nope' 不是 +08:00 这样的时区偏移", "zone: 'nope' is not an offset like +08:00");
        // A device registration's refusal (ingest's own refusal type, with its kind).
        String sensor = "{\"code\": \"PD-SONDE\", \"model\": \"m\", \"serialNumber\": \"s\", \"calibrationIntervalDays\": 30, "
                + "\"lastCalibratedOn\": \"2025-11-01\", \"well\": \"GW-X99\", \"parameters\": [\"ph\"], \"intervalMinutes\": 10}";
        String sensors = "/api/v1/devices/32062322000001/sensors";
        assertDomainError(admin.post(sensors, sensor, Map.of()), admin.post(sensors, sensor, ENGLISH), "well",
                "well：没有代码为 GW-X99 的监测井", "well: no well with code GW-X99");
        String explain = "/api/v1/policies/explain?audience=kind:MARTIANS";
        assertDomainError(secadmin.get(explain), secadmin.get(explain, ENGLISH), "audience",
                "audience：未知的 kind 'MARTIANS'", "audience: unknown kind 'MARTIANS'");
    }

    /** Something a request names that does not exist: 404 in the caller's language, naming the field that named it. */
    @Test
    void somethingNamedThatDoesNotExistIsRefusedInEitherLanguage() {
        Http duty = http.signedInAs("duty", "demo-duty");
        JsonNode zh = problem(duty.get("/api/v1/wells/GW-NOPE"), 404, "zh-CN");
        assertThat(zh.get("detail").asString()).isEqualTo("code：没有代码为 GW-NOPE 的监测井");
        assertThat(zh.get("field").asString()).isEqualTo("code");
        assertThat(problem(duty.get("/api/v1/wells/GW-NOPE", ENGLISH), 404, "en").get("detail").asString()).isEqualTo("code: no well with code GW-NOPE");
        // The core's own: an incident.
        assertThat(problem(duty.get("/api/v1/incidents/987654"), 404, "zh-CN").get("detail").asString()).isEqualTo("id：没有事件 987654");
        assertThat(problem(duty.get("/api/v1/incidents/987654", ENGLISH), 404, "en").get("detail").asString()).isEqualTo("id: no incident 987654");
    }

    /** The handler's own details (a duplicate, the database or audit log away) follow the caller's language too. */
    @Test
    void aDuplicateIsRefusedInEitherLanguage() {
        Http admin = http.signedInAs("admin", "demo-admin");
        String existing = """
                {"park": "HBDP", "code": "GW-U01", "nameZh": "重复的井", "lon": 121.012, "lat": 32.551,
                 "groundElevationM": 5.1, "casingTopElevationM": 5.6, "screenTopDepthM": 3, "screenBottomDepthM": 9,
                 "aquifer": "Q1", "role": "DOWNGRADIENT"}""";
        assertThat(problem(admin.post("/api/v1/wells", existing, Map.of()), 409, "zh-CN").get("detail").asString()).isEqualTo("已有代码相同的记录。");
        assertThat(problem(admin.post("/api/v1/wells", existing, ENGLISH), 409, "en").get("detail").asString())
                .isEqualTo("An entity with the same code exists already.");
    }

    /** A 401 says why in the caller's language: no credentials, wrong ones, or a token that is no good. */
    @Test
    void anUnauthenticatedRequestIsToldWhyInEitherLanguage() {
        JsonNode none = problem(http.anonymous().post("/api/v1/wells", "{}", Map.of()), 401, "zh-CN");
        assertThat(none.get("title").asString()).isEqualTo("未登录");
        assertThat(none.get("detail").asString()).isEqualTo("请登录：使用 /oauth2/token 签发的 Bearer 访问令牌，或 HTTP Basic");
        JsonNode noneEn = problem(http.anonymous().post("/api/v1/wells", "{}", ENGLISH), 401, "en");
        assertThat(noneEn.get("title").asString()).isEqualTo("Unauthorized");
        assertThat(noneEn.get("detail").asString()).isEqualTo("Sign in: a Bearer access token from /oauth2/token, or HTTP Basic");
        Http.Response wrong = http.anonymous().post("/api/v1/wells", "{}", Map.of("Authorization", basic("admin", "wrong"), "Accept-Language", "en"));
        assertThat(problem(wrong, 401, "en").get("detail").asString()).isEqualTo("The account name or password is wrong");
        Http.Response forged = http.anonymous().post("/api/v1/wells", "{}", Map.of("Authorization", "Bearer not-a-token"));
        assertThat(problem(forged, 401, "zh-CN").get("detail").asString()).isEqualTo("访问令牌格式有误（不是签名的 JWT）；请从 /oauth2/token 获取");
        // The challenge's error_description is printable ASCII (RFC 6750 §3), so English from the same catalogue, never Spring's own words.
        assertThat(forged.raw().headers().firstValue("WWW-Authenticate").orElse("")).isEqualTo("Bearer error=\"invalid_token\", "
                + "error_description=\"The access token is malformed (not a signed JWT); get one from /oauth2/token\", "
                + "error_uri=\"https://tools.ietf.org/html/rfc6750#section-3.1\"");
        Http.Response forgedEn = http.anonymous().post("/api/v1/wells", "{}", Map.of("Authorization", "Bearer not-a-token", "Accept-Language", "en"));
        assertThat(problem(forgedEn, 401, "en").get("detail").asString()).isEqualTo("The access token is malformed (not a signed JWT); get one from /oauth2/token");
    }

    /** A path that names nothing is problem details in the caller's language too, not Spring's bare body. */
    @Test
    void aPathThatNamesNothingIsToldInEitherLanguage() {
        JsonNode zh = problem(http.anonymous().get("/assets/no-such-thing.js"), 404, "zh-CN");
        assertThat(zh.get("title").asString()).isEqualTo("未找到");
        assertThat(zh.get("detail").asString()).isEqualTo("/assets/no-such-thing.js 处没有发布任何内容");
        JsonNode en = problem(http.anonymous().get("/assets/no-such-thing.js", ENGLISH), 404, "en");
        assertThat(en.get("title").asString()).isEqualTo("Not Found");
        assertThat(en.get("detail").asString()).isEqualTo("nothing is published at /assets/no-such-thing.js");
    }

    private static void assertDomainError(Http.Response chinese, Http.Response english, String field, String detailZh, String detailEn) {
        JsonNode zh = problem(chinese, 400, "zh-CN");
        assertThat(zh.get("title").asString()).isEqualTo("请求有误");
        assertThat(zh.get("detail").asString()).isEqualTo(detailZh);
        assertThat(zh.get("field").asString()).isEqualTo(field);
        JsonNode en = problem(english, 400, "en");
        assertThat(en.get("detail").asString()).isEqualTo(detailEn);
        assertThat(en.get("field").asString()).isEqualTo(field);
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
