package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The permission matrix, as docs/security.md writes it, against the running platform: every operation the API
 * describes has a row, and every operation called as the public, as one demo account of every role and as two API
 * clients gets through for exactly the roles the row names (401 or a matrix 403 for everyone else).
 */
class PermissionMatrixTest extends RunningGateway {

    record Operation(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Who calls: its Authorization header (null: the public) and the roles it holds. */
    record Caller(String name, String authorization, Set<String> roles) {}

    private static final Pattern ROW = Pattern.compile("^\\| (GET|POST|PUT|PATCH|DELETE) \\| `([^`]+)` \\| (.+) \\|$");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The matrix as docs/security.md writes it: operation to "anyone", "authenticated" or the roles. */
    static Map<Operation, String> documentedMatrix() throws IOException {
        Map<Operation, String> matrix = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("../docs/security.md"), StandardCharsets.UTF_8)) {
            Matcher row = ROW.matcher(line.strip());
            if (row.matches()) matrix.put(new Operation(row.group(1), row.group(2)), row.group(3).replace("`", "").strip());
        }
        return matrix;
    }

    /** Operations the platform describes but the matrix does not name: each one is a defect. */
    static List<Operation> withoutRule(Collection<Operation> operations, Map<Operation, String> matrix) {
        return operations.stream().filter(o -> !matrix.containsKey(o)).toList();
    }

    static boolean allows(String who, Caller caller) {
        if (who.equals("anyone")) return true;
        if (caller.authorization() == null) return false;
        if (who.equals("authenticated")) return true;
        for (String role : who.split("\\s+")) if (caller.roles().contains(role)) return true;
        return false;
    }

    private List<Operation> apiOperations() {
        JsonNode paths = ok(http.anonymous().get("/v3/api-docs")).get("paths");
        List<Operation> operations = new ArrayList<>();
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                if (Set.of("get", "post", "put", "patch", "delete").contains(method)) operations.add(new Operation(method.toUpperCase(), path));
            }
        }
        return operations;
    }

    @Test
    void everyOperationTheApiDescribesHasARow() throws IOException {
        List<Operation> operations = apiOperations();
        assertThat(operations).hasSizeGreaterThan(100);
        assertThat(withoutRule(operations, documentedMatrix())).as("operations without a row in docs/security.md").isEmpty();
    }

    @Test
    void anOperationAddedWithoutARuleFailsTheCheckAndIsRefusedToEveryone() throws IOException {
        List<Operation> operations = new ArrayList<>(apiOperations());
        Operation added = new Operation("POST", "/api/v1/wells/{code}/decommission");
        operations.add(added);
        assertThat(withoutRule(operations, documentedMatrix())).containsExactly(added);
        // The platform itself fails closed: with no row, not even the operator holding every operational role passes.
        Http.Response refused = http.post("/api/v1/wells/GW-U01/decommission", "{}", "admin", "demo-admin");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.raw().headers().firstValue("Content-Language")).contains("zh-CN");
        assertThat(refused.json().get("title").asString()).isEqualTo("无权限");
        assertThat(refused.json().get("detail").asString()).isEqualTo("无权限：POST /api/v1/wells/GW-U01/decommission 在权限矩阵中没有规则，任何人都不能调用");
        Http.Response english = http.signedInAs("admin", "demo-admin").post("/api/v1/wells/GW-U01/decommission", "{}", Map.of("Accept-Language", "en"));
        assertThat(english.json().get("title").asString()).isEqualTo("Forbidden");
        assertThat(english.json().get("detail").asString())
                .isEqualTo("Not permitted: POST /api/v1/wells/GW-U01/decommission has no rule in the permission matrix, so no one may call it");
        // A role the matrix does not name: which roles it needs.
        assertThat(problem(http.signedInAs("enterprise", "demo-enterprise").post("/api/v1/wells", "{}", Map.of()), 403))
                .isEqualTo("无权限：POST /api/v1/wells 需要 OM_ENGINEER");
    }

    @Test
    void theDocumentedMatrixIsTheOneTheGatewayApplies() throws IOException {
        Map<Operation, String> applied = new LinkedHashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/security/operations.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] cells = line.split(",");
                applied.put(new Operation(cells[0], cells[1]), cells[2]);
            }
        }
        assertThat(applied).isEqualTo(documentedMatrix());
    }

    @Test
    void everyRoleGetsThroughExactlyWhereTheMatrixSays() throws Exception {
        Map<Operation, String> matrix = documentedMatrix();
        List<Caller> callers = callers();
        List<String> wrong = new ArrayList<>();
        int requests = 0;
        for (Operation operation : apiOperations()) {
            String who = matrix.get(operation);
            for (Caller caller : callers) {
                boolean passed = passes(operation, caller);
                requests++;
                if (passed != allows(who, caller)) {
                    wrong.add(operation + " as " + caller.name() + ": " + (passed ? "got through" : "refused") + ", matrix says " + who);
                }
            }
        }
        assertThat(requests).isGreaterThan(1500);
        assertThat(wrong).as("operations and callers where the gateway and the matrix disagree").isEmpty();
    }

    private List<Caller> callers() {
        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller("the public", null, Set.of()));
        Map<String, Set<String>> accounts = new LinkedHashMap<>();
        accounts.put("admin", Set.of("DUTY_OFFICER", "SUPERVISOR", "EMERGENCY_TEAM", "ANALYST", "DATA_REVIEWER", "OM_ENGINEER"));
        accounts.put("duty", Set.of("DUTY_OFFICER"));
        accounts.put("supervisor", Set.of("SUPERVISOR"));
        accounts.put("emergency", Set.of("EMERGENCY_TEAM"));
        accounts.put("analyst", Set.of("ANALYST"));
        accounts.put("reviewer", Set.of("DATA_REVIEWER"));
        accounts.put("om", Set.of("OM_ENGINEER"));
        accounts.put("sysadmin", Set.of("SYSTEM_ADMIN"));
        accounts.put("secadmin", Set.of("SECURITY_ADMIN"));
        accounts.put("auditor", Set.of("AUDIT_ADMIN"));
        accounts.put("regulator", Set.of("REGULATOR"));
        accounts.put("enterprise", Set.of("ENTERPRISE_USER"));
        accounts.put("partner", Set.of("PARTNER_PARK"));
        accounts.forEach((name, roles) -> callers.add(new Caller(name, "Basic " + Base64.getEncoder()
                .encodeToString((name + ":demo-" + name).getBytes(StandardCharsets.UTF_8)), roles)));
        // Clients with Bearer tokens, as enterprise systems and partner gateways come.
        callers.add(new Caller("client enterprise-E01", "Bearer " + clientToken("enterprise-E01", "demo-secret-E01"), Set.of("ENTERPRISE_USER")));
        callers.add(new Caller("client partner-park", "Bearer " + clientToken("partner-park", "demo-secret-partner"), Set.of("PARTNER_PARK")));
        return callers;
    }

    private String clientToken(String clientId, String secret) {
        Http.Response token = http.post("/oauth2/token", "application/x-www-form-urlencoded", "grant_type=client_credentials", clientId, secret);
        return ok(token).get("access_token").asString();
    }

    /** Whether the caller got past the permission check: anything but 401 and the matrix's own 403. */
    private boolean passes(Operation operation, Caller caller) throws Exception {
        String path = operation.path().replace("/**", "/Things(999999)").replaceAll("\\{[^}]+}", "999999");
        boolean body = Set.of("POST", "PUT", "PATCH").contains(operation.method());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.base() + path)).timeout(Duration.ofSeconds(3))
                .method(operation.method(), body ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        if (body) request.header("Content-Type", "application/json");
        if (caller.authorization() != null) request.header("Authorization", caller.authorization());
        // The matrix's own 403 is told apart by its English detail.
        request.header("Accept-Language", "en");
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() == 401) return false;
                if (response.statusCode() != 403) return true;
                JsonNode problem = JSON.readTree(in.readAllBytes());
                return !problem.path("detail").asString("").startsWith("Not permitted");
            }
        } catch (HttpTimeoutException e) {
            return true; // an event stream that opened: refusals answer at once
        }
    }
}
