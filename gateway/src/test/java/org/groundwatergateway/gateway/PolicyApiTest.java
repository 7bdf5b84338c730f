package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/**
 * The sharing policies' API as the security administrator uses it: versions, export and import in JSON and YAML,
 * refused documents, what-if, explain, and activation that every door follows at once, without a restart.
 */
class PolicyApiTest extends RunningGateway {

    private static final String SECADMIN = "secadmin";
    private static final String SECADMIN_PASSWORD = "demo-secadmin";

    private static final String HIDE_ENTERPRISES = """
            {"name": "no enterprises for the public",
             "rules": [
               {"id": "staff", "audiences": [{"kind": "PARK_ADMINISTRATION"}], "datasets": ["*"], "effects": [{"type": "allow"}]},
               {"id": "public-wells", "audiences": [{"kind": "PUBLIC"}], "datasets": ["wells"], "effects": [{"type": "allow"}]}
             ]}
            """;

    /** Other tests share this gateway: leave the open policy active, as the first start does. */
    @AfterEach
    void reactivateTheOpenPolicy() {
        ok(http.post("/api/v1/policies/1/activate", "", SECADMIN, SECADMIN_PASSWORD));
    }

    private JsonNode versions() {
        return ok(http.getAs("/api/v1/policies", SECADMIN, SECADMIN_PASSWORD));
    }

    private int create(String contentType, String document) {
        Http.Response created = http.post("/api/v1/policies", contentType, document, SECADMIN, SECADMIN_PASSWORD);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("state").asString()).isEqualTo("DRAFT");
        return created.json().get("version").asInt();
    }

    private List<String> wfsTypes() {
        Document caps = Xml.parse(http.anonymous().get("/wfs?SERVICE=WFS&REQUEST=GetCapabilities").body());
        return Xml.texts(caps, Xml.WFS, "Name");
    }

    @Test
    void theFirstStartHasTheOpenPolicyActiveAndTheShippedDefaultAsADraft() {
        JsonNode versions = versions();
        assertThat(versions.get("active").asInt()).isEqualTo(1);
        List<String> states = new ArrayList<>();
        versions.get("versions").forEach(v -> {
            if (v.get("version").asInt() <= 2) states.add(v.get("version").asInt() + " " + v.get("name").asString() + " " + v.get("createdBy").asString());
        });
        assertThat(states).containsExactly("2 shipped default platform", "1 open platform");
        assertThat(wfsTypes()).contains("gw:enterprises");
    }

    @Test
    void aVersionExportsAsJsonOrYamlAndImportsBackAsANewDraft() {
        Http.Response yaml = http.getAs("/api/v1/policies/2", "application/yaml", SECADMIN, SECADMIN_PASSWORD);
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/yaml");
        assertThat(yaml.body()).contains("name: shipped default").contains("type: coarsenLocation");
        JsonNode json = ok(http.getAs("/api/v1/policies/2", SECADMIN, SECADMIN_PASSWORD));
        assertThat(json.get("rules").size()).isGreaterThan(10);

        int imported = create("application/yaml", yaml.body());
        assertThat(ok(http.getAs("/api/v1/policies/" + imported, SECADMIN, SECADMIN_PASSWORD))).isEqualTo(json);
        assertThat(problem(http.getAs("/api/v1/policies/99999", SECADMIN, SECADMIN_PASSWORD), 404)).contains("99999");
    }

    @Test
    void invalidDocumentsAreRefusedWithEveryFieldAndReason() {
        String bad = """
                {"name": "bad", "rules": [
                  {"id": "r", "audiences": [{"kind": "MARTIANS"}], "datasets": ["wels"], "effects": [{"type": "coarsenLocation", "metres": -1}]}]}
                """;
        Http secadmin = http.signedInAs(SECADMIN, SECADMIN_PASSWORD);
        Http.Response refused = secadmin.post("/api/v1/policies", bad, Map.of("Accept-Language", "en"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.raw().headers().firstValue("Content-Language")).contains("en");
        assertThat(errors(refused)).hasSize(3).anySatisfy(f -> assertThat(f).startsWith("/rules/0/audiences/0/kind: unknown 'MARTIANS'"))
                .anySatisfy(f -> assertThat(f).startsWith("/rules/0/datasets/0: unknown dataset 'wels'"))
                .contains("/rules/0/effects/0/metres: a number from 1 to 100000");
        assertThat(refused.json().get("detail").asString()).startsWith("Invalid sharing policy: ");
        // Chinese unless English is preferred: the detail and every reason, the fields as they are.
        Http.Response chinese = secadmin.post("/api/v1/policies", bad, Map.of("Accept-Language", "zh-CN"));
        assertThat(chinese.status()).isEqualTo(400);
        assertThat(chinese.raw().headers().firstValue("Content-Language")).contains("zh-CN");
        assertThat(errors(chinese)).hasSize(3).anySatisfy(f -> assertThat(f).startsWith("/rules/0/audiences/0/kind: 未知值 'MARTIANS'（可用："))
                .anySatisfy(f -> assertThat(f).startsWith("/rules/0/datasets/0: 未知数据集 'wels'（可用："))
                .contains("/rules/0/effects/0/metres: 应为 1 到 100000 之间的数");
        assertThat(chinese.json().get("detail").asString()).startsWith("共享策略无效：/rules/0/");

        // The parser's slip in the reader's words, not SnakeYAML's English.
        String unclosed = "name: [unclosed";
        assertThat(problem(secadmin.postAs("/api/v1/policies", "application/yaml", unclosed, Map.of("Accept-Language", "en")), 400))
                .isEqualTo("Invalid sharing policy: /: not YAML: the document ends at line 1, column 16 with a bracket or quote still open");
        assertThat(problem(secadmin.postAs("/api/v1/policies", "application/yaml", unclosed, Map.of("Accept-Language", "zh-CN")), 400))
                .isEqualTo("共享策略无效：/：不是有效的 YAML：文档在第 1 行第 16 列结束，仍有括号或引号未闭合");
        String tabbed = "name: t\nrules:\n\t- id: r\n";
        assertThat(problem(secadmin.postAs("/api/v1/policies", "application/yaml", tabbed, Map.of("Accept-Language", "zh-CN")), 400))
                .isEqualTo("共享策略无效：/：不是有效的 YAML：第 3 行第 1 列有制表符；请用空格缩进");
        assertThat(problem(secadmin.postAs("/api/v1/policies", "application/yaml", tabbed, Map.of("Accept-Language", "en")), 400))
                .isEqualTo("Invalid sharing policy: /: not YAML: a tab at line 3, column 1; indent with spaces");
        assertThat(http.post("/api/v1/policies", "text/plain", "name: x", SECADMIN, SECADMIN_PASSWORD).status()).isEqualTo(415);
    }

    /** The first change the what-if report lists for an audience and dataset ("kind:PUBLIC enterprises"). */
    private static String firstChange(Http.Response report, String audienceAndDataset) {
        for (JsonNode e : ok(report).get("newlyExposed")) {
            if ((e.get("audience").asString() + " " + e.get("dataset").asString()).equals(audienceAndDataset)) return e.get("changes").get(0).asString();
        }
        throw new AssertionError("nothing newly exposed to " + audienceAndDataset);
    }

    /** Each error of a refused policy as "field: reason". */
    private static List<String> errors(Http.Response refused) {
        List<String> errors = new ArrayList<>();
        refused.json().get("errors").forEach(e -> errors.add(e.get("field").asString() + ": " + e.get("reason").asString()));
        return errors;
    }

    @Test
    void aPolicyThatWouldLockTheSecurityAdministratorOutIsRefused() {
        String lockOut = """
                {"name": "lock-out", "rules": [
                  {"id": "all", "audiences": ["everyone"], "datasets": ["*"], "effects": [{"type": "allow"}]},
                  {"id": "no-policies", "audiences": [{"role": "SECURITY_ADMIN"}], "datasets": ["policies"], "effects": [{"type": "deny"}]}]}
                """;
        Http.Response refused = http.signedInAs(SECADMIN, SECADMIN_PASSWORD).post("/api/v1/policies", lockOut, Map.of("Accept-Language", "en"));
        assertThat(refused.status()).isEqualTo(400);
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("/rules/1");
        assertThat(error.get("reason").asString()).contains("would lock the security administrator").contains("out of the policy API");
        JsonNode chinese = http.post("/api/v1/policies", lockOut, SECADMIN, SECADMIN_PASSWORD).json().get("errors").get(0);
        assertThat(chinese.get("field").asString()).isEqualTo("/rules/1");
        assertThat(chinese.get("reason").asString()).isEqualTo("会使安全管理员无法使用策略接口（数据集 'policies'）");
    }

    @Test
    void onlyTheSecurityAdministratorEditsTheAuditorReadsTheSystemAdministratorNeither() {
        assertThat(http.post("/api/v1/policies", HIDE_ENTERPRISES, "sysadmin", "demo-sysadmin").status()).isEqualTo(403);
        assertThat(http.post("/api/v1/policies/2/activate", "", "sysadmin", "demo-sysadmin").status()).isEqualTo(403);
        assertThat(http.getAs("/api/v1/policies", "sysadmin", "demo-sysadmin").status()).isEqualTo(403);
        assertThat(ok(http.getAs("/api/v1/policies/explain?audience=kind:PUBLIC&dataset=wells", "auditor", "demo-auditor"))
                .get("version").asInt()).isEqualTo(1);
        assertThat(http.post("/api/v1/policies/2/activate", "", "auditor", "demo-auditor").status()).isEqualTo(403);
        assertThat(versions().get("active").asInt()).isEqualTo(1);
    }

    /** The permission matrix lets the auditor read the policies; an active policy that hides them is refused in either language. */
    @Test
    void aPolicyThatHidesThePoliciesFromTheAuditorIsSaidInEitherLanguage() {
        String hidden = """
                {"name": "policies not for audit", "rules": [
                  {"id": "staff", "audiences": [{"kind": "PARK_ADMINISTRATION"}], "datasets": ["*"], "effects": [{"type": "allow"}]},
                  {"id": "no-audit", "audiences": [{"role": "AUDIT_ADMIN"}], "datasets": ["policies"], "effects": [{"type": "deny"}]}]}
                """;
        ok(http.post("/api/v1/policies/" + create("application/json", hidden) + "/activate", "", SECADMIN, SECADMIN_PASSWORD));
        Http auditor = http.signedInAs("auditor", "demo-auditor");
        String explain = "/api/v1/policies/explain?audience=kind:PUBLIC&dataset=wells";
        assertThat(problem(auditor.get(explain, Map.of("Accept-Language", "zh-CN")), 403)).isEqualTo("当前生效的共享策略不向您显示共享策略");
        assertThat(problem(auditor.get(explain, Map.of("Accept-Language", "en")), 403))
                .isEqualTo("The active sharing policy does not show the sharing policies to you");
    }

    @Test
    void activationTakesEffectAtOnceOnEveryDoorAndWhatIfSaysWhatItWouldExpose() {
        int hiding = create("application/json", HIDE_ENTERPRISES);
        JsonNode tighter = ok(http.getAs("/api/v1/policies/" + hiding + "/what-if", SECADMIN, SECADMIN_PASSWORD));
        assertThat(tighter.get("comparedWith").asInt()).isEqualTo(1);
        assertThat(tighter.get("newlyExposed").size()).isZero();

        JsonNode activated = ok(http.post("/api/v1/policies/" + hiding + "/activate", "", SECADMIN, SECADMIN_PASSWORD));
        assertThat(activated.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(wfsTypes()).contains("gw:wells").doesNotContain("gw:enterprises");
        assertThat(http.anonymous().get("/ogcapi/collections/enterprises/items").status()).isEqualTo(404);
        assertThat(http.getAs("/ogcapi/collections/enterprises/items", "admin", "demo-admin").status()).isEqualTo(200);

        JsonNode back = ok(http.getAs("/api/v1/policies/1/what-if", SECADMIN, SECADMIN_PASSWORD));
        assertThat(back.get("comparedWith").asInt()).isEqualTo(hiding);
        List<String> exposed = new ArrayList<>();
        back.get("newlyExposed").forEach(e -> exposed.add(e.get("audience").asString() + " " + e.get("dataset").asString()));
        assertThat(exposed).contains("kind:PUBLIC enterprises", "kind:ENTERPRISE,role:ENTERPRISE_USER devices");
        // Each change told in the reader's language.
        Http secadmin = http.signedInAs(SECADMIN, SECADMIN_PASSWORD);
        assertThat(firstChange(secadmin.get("/api/v1/policies/1/what-if", Map.of("Accept-Language", "zh-CN")), "kind:PUBLIC enterprises"))
                .isEqualTo("数据集变为可见");
        assertThat(firstChange(secadmin.get("/api/v1/policies/1/what-if", Map.of("Accept-Language", "en")), "kind:PUBLIC enterprises"))
                .isEqualTo("the dataset becomes visible");

        ok(http.post("/api/v1/policies/1/activate", "", SECADMIN, SECADMIN_PASSWORD));
        assertThat(wfsTypes()).contains("gw:enterprises");
    }

    @Test
    void explainSaysWhatAnAudienceSeesAndWhichRulesDecide() {
        ok(http.post("/api/v1/policies/2/activate", "", SECADMIN, SECADMIN_PASSWORD));
        JsonNode explained = ok(http.getAs("/api/v1/policies/explain?audience=kind:PUBLIC&dataset=latest_readings", SECADMIN, SECADMIN_PASSWORD));
        assertThat(explained.get("version").asInt()).isEqualTo(2);
        JsonNode readings = explained.get("datasets").get(0);
        assertThat(readings.get("dataset").asString()).isEqualTo("latest_readings");
        assertThat(readings.get("rules").get(0).asString()).isEqualTo("outside-latest-readings");
        assertThat(readings.get("disclosure").get("locationPrecisionMetres").asDouble()).isEqualTo(500);
        assertThat(readings.get("disclosure").get("bucketed").get("result_value").asString()).isEqualTo("GBT14848_CLASS");
        List<String> awaiting = new ArrayList<>();
        readings.get("awaitingDoors").forEach(a -> awaiting.add(a.asString()));
        assertThat(awaiting).as("every effect of the shipped default is applied by the doors").isEmpty();
        // Why, in the reader's language.
        assertThat(readings.get("reason").asString()).isEqualTo("按面向组织类型的规则显示");
        JsonNode english = ok(http.signedInAs(SECADMIN, SECADMIN_PASSWORD).get("/api/v1/policies/explain?audience=kind:PUBLIC&dataset=latest_readings",
                Map.of("Accept-Language", "en")));
        assertThat(english.get("datasets").get(0).get("reason").asString()).isEqualTo("shown by the organisation kind rules");

        JsonNode enterprise = ok(http.getAs("/api/v1/policies/explain?audience=organisation:E01", SECADMIN, SECADMIN_PASSWORD));
        assertThat(enterprise.get("audience").get("organisationKind").asString()).isEqualTo("ENTERPRISE");
        assertThat(enterprise.get("datasets").size()).isGreaterThan(30);
        assertThat(problem(http.getAs("/api/v1/policies/explain?audience=kind:MARTIANS", SECADMIN, SECADMIN_PASSWORD), 400))
                .isEqualTo("audience：未知的 kind 'MARTIANS'");
        assertThat(problem(http.getAs("/api/v1/policies/explain?audience=PUBLIC&dataset=nothing", SECADMIN, SECADMIN_PASSWORD), 400))
                .isEqualTo("dataset：未知数据集 'nothing'");
    }

    /**
     * Parks, parameters, devices, the on-call roster, incidents and drills have nothing a door could mask: the policy
     * shows them whole, with a receipt, or they are not found.
     */
    @Test
    void restResourcesWithoutMasksAreShownWholeOrNotAtAll() {
        String policy = """
                {"name": "no parks for the public, devices masked for staff",
                 "rules": [
                   {"id": "everyone", "audiences": ["everyone"], "datasets": ["*"], "effects": [{"type": "allow"}]},
                   {"id": "no-parks", "audiences": [{"kind": "PUBLIC"}], "datasets": ["parks"], "effects": [{"type": "deny"}]},
                   {"id": "devices-coarse", "audiences": [{"kind": "PARK_ADMINISTRATION"}], "datasets": ["devices", "drills"],
                    "effects": [{"type": "withhold", "attributes": ["password"]}]}
                 ]}
                """;
        Http.Response before = http.anonymous().get("/api/v1/parks");
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.raw().headers().firstValue("Audit-Entry")).as("a receipt for the parks").isPresent();
        assertThat(http.getAs("/api/v1/devices", "om", "demo-om").status()).isEqualTo(200);
        ok(http.post("/api/v1/policies/" + create("application/json", policy) + "/activate", "", SECADMIN, SECADMIN_PASSWORD));

        assertThat(http.anonymous().get("/api/v1/parks").status()).isEqualTo(404);
        assertThat(http.anonymous().get("/api/v1/parks/HBDP").status()).isEqualTo(404);
        assertThat(http.getAs("/api/v1/parks", "regulator", "demo-regulator").status()).isEqualTo(200);
        assertThat(http.anonymous().get("/api/v1/parameters/benzene").status()).isEqualTo(200);
        for (String path : new String[] {"/api/v1/devices", "/api/v1/devices/rejections", "/api/v1/drills"}) {
            assertThat(http.getAs(path, "admin", "demo-admin").status()).as(path).isEqualTo(404);
        }
        assertThat(http.getAs("/api/v1/incidents", "admin", "demo-admin").status()).isEqualTo(200);
    }
}
