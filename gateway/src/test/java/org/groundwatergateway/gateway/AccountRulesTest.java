package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The login policy and the separated administrators (GB/T 22239): password rules and history, lockout after repeated
 * failures (recorded), roles that take effect at once, and what each of the three administrators may not do.
 */
class AccountRulesTest extends RunningGateway {

    private Http.Response createUser(String username, String organisation, String roles, String password) {
        return http.post("/api/v1/users", "{\"username\": \"" + username + "\", \"displayName\": \"测试\", \"organisation\": \"" + organisation
                + "\", \"roles\": [" + roles + "], \"password\": \"" + password + "\"}", "sysadmin", "demo-sysadmin");
    }

    @Test
    void passwordsFollowThePolicyAndItsHistory() {
        String rule = "password：至少 10 个字符，且须含小写字母、大写字母、数字、其他字符中的 3 类；不得包含账号名";
        assertThat(problem(createUser("weak-1", "park-admin", "\"ANALYST\"", "short"), 400)).isEqualTo(rule);
        assertThat(problem(createUser("weak-2", "park-admin", "\"ANALYST\"", "alllowercaseletters"), 400)).isEqualTo(rule);
        assertThat(problem(createUser("weak-3", "park-admin", "\"ANALYST\"", "Weak-3-Password9"), 400)).isEqualTo(rule);
        assertThat(createUser("policy-user", "park-admin", "\"ANALYST\"", "Groundwater-2026").status()).isEqualTo(201);

        String change = "{\"currentPassword\": \"%s\", \"newPassword\": \"%s\"}";
        assertThat(problem(http.post("/api/v1/me/password", change.formatted("wrong", "Aquifer-Q1-2027"), "policy-user", "Groundwater-2026"), 400))
                .contains("currentPassword");
        assertThat(http.post("/api/v1/me/password", change.formatted("Groundwater-2026", "Aquifer-Q1-2027"), "policy-user", "Groundwater-2026")
                .status()).isEqualTo(204);
        // The old password no longer signs in (nothing remembered it), the new one does; going back is refused.
        assertThat(http.getAs("/api/v1/me", "policy-user", "Groundwater-2026").status()).isEqualTo(401);
        assertThat(http.getAs("/api/v1/me", "policy-user", "Aquifer-Q1-2027").status()).isEqualTo(200);
        assertThat(problem(http.post("/api/v1/me/password", change.formatted("Aquifer-Q1-2027", "Groundwater-2026"), "policy-user", "Aquifer-Q1-2027"), 400))
                .contains("不得与最近 5 个密码相同");
    }

    @Test
    void repeatedFailuresLockTheAccountAndAreRecorded() {
        assertThat(createUser("lock-me", "park-admin", "\"DUTY_OFFICER\"", "Plume-Front-88").status()).isEqualTo(201);
        for (int i = 0; i < 5; i++) assertThat(http.getAs("/api/v1/me", "lock-me", "wrong-" + i).status()).isEqualTo(401);
        // Locked: even the right password is refused until the lock ends.
        assertThat(http.getAs("/api/v1/me", "lock-me", "Plume-Front-88").status()).isEqualTo(401);
        JsonNode events = ok(http.getAs("/api/v1/audit/logins?principal=lock-me", "auditor", "demo-auditor"));
        assertThat(events.findValuesAsString("kind")).contains("LOCKED_OUT", "LOGIN_FAILED");
        assertThat(events.get(0).get("address").asString()).isEqualTo("127.0.0.1");
        JsonNode account = findUser("lock-me");
        assertThat(account.get("locked").asBoolean()).isTrue();
        // The system administrator's reset lifts the lock.
        assertThat(http.patch("/api/v1/users/lock-me", "{\"password\": \"Reset-Plume-99\"}", "sysadmin", "demo-sysadmin").status()).isEqualTo(204);
        assertThat(http.getAs("/api/v1/me", "lock-me", "Reset-Plume-99").status()).isEqualTo(200);
    }

    @Test
    void rolesSetByTheSecurityAdministratorTakeEffectAtOnce() {
        assertThat(createUser("role-change", "park-admin", "\"ANALYST\"", "Kriging-Var-42").status()).isEqualTo(201);
        assertThat(http.getAs("/api/v1/on-call/now", "role-change", "Kriging-Var-42").status()).isEqualTo(403);
        assertThat(http.put("/api/v1/users/role-change/roles", "[\"DUTY_OFFICER\"]", "secadmin", "demo-secadmin").status()).isEqualTo(204);
        assertThat(http.getAs("/api/v1/on-call/now", "role-change", "Kriging-Var-42").status()).isEqualTo(200);
        // Roles an organisation of that kind cannot hold are refused, and no one holds two administrators' roles.
        assertThat(problem(http.put("/api/v1/users/enterprise/roles", "[\"SUPERVISOR\"]", "secadmin", "demo-secadmin"), 400))
                .contains("ENTERPRISE 类组织中没有 SUPERVISOR 角色");
        assertThat(problem(http.put("/api/v1/users/role-change/roles", "[\"SYSTEM_ADMIN\", \"AUDIT_ADMIN\"]", "secadmin", "demo-secadmin"), 400))
                .contains("须由不同的人担任");
        // A disabled account signs in no more.
        assertThat(http.patch("/api/v1/users/role-change", "{\"enabled\": false}", "sysadmin", "demo-sysadmin").status()).isEqualTo(204);
        assertThat(http.getAs("/api/v1/me", "role-change", "Kriging-Var-42").status()).isEqualTo(401);
    }

    @Test
    void theThreeAdministratorsAreSeparated() {
        // The system administrator: neither the audit log nor sharing policies nor people's roles.
        assertThat(http.getAs("/api/v1/audit/logins", "sysadmin", "demo-sysadmin").status()).isEqualTo(403);
        assertThat(http.post("/api/v1/policies", "{}", "sysadmin", "demo-sysadmin").status()).isEqualTo(403);
        assertThat(http.post("/api/v1/policies/1/activate", "{}", "sysadmin", "demo-sysadmin").status()).isEqualTo(403);
        assertThat(http.put("/api/v1/users/duty/roles", "[\"SUPERVISOR\"]", "sysadmin", "demo-sysadmin").status()).isEqualTo(403);
        // The security administrator: no accounts, no clients, no monitoring data.
        assertThat(createUserAs("secadmin", "demo-secadmin").status()).isEqualTo(403);
        assertThat(http.post("/api/v1/clients", "{}", "secadmin", "demo-secadmin").status()).isEqualTo(403);
        assertThat(http.post("/api/v1/wells", "{}", "secadmin", "demo-secadmin").status()).isEqualTo(403);
        assertThat(http.post("/api/v1/readings", "{}", "secadmin", "demo-secadmin").status()).isEqualTo(403);
        // The audit administrator reads the audit and changes nothing (every write of the matrix: PermissionMatrixTest).
        assertThat(http.getAs("/api/v1/audit/logins", "auditor", "demo-auditor").status()).isEqualTo(200);
        assertThat(createUserAs("auditor", "demo-auditor").status()).isEqualTo(403);
        assertThat(http.post("/api/v1/signing-keys", "{}", "auditor", "demo-auditor").status()).isEqualTo(403);
        assertThat(http.put("/api/v1/users/duty/roles", "[\"SUPERVISOR\"]", "auditor", "demo-auditor").status()).isEqualTo(403);
        assertThat(http.post("/api/v1/incidents", "{}", "auditor", "demo-auditor").status()).isEqualTo(403);
    }

    @Test
    void anEnterpriseRotatesItsOwnClientSecretAndNoOneElses() {
        JsonNode rotated = ok(http.post("/api/v1/clients/enterprise-E01/secret", "{}", "enterprise", "demo-enterprise"));
        String secret = rotated.get("clientSecret").asString();
        OAuthFlows oauth = new OAuthFlows(http.base());
        assertThat(oauth.clientCredentials("enterprise-E01", secret).statusCode()).isEqualTo(200);
        assertThat(oauth.clientCredentials("enterprise-E01", "demo-secret-E01").statusCode()).isEqualTo(401);
        assertThat(problem(http.post("/api/v1/clients/enterprise-E02/secret", "{}", "enterprise", "demo-enterprise"), 403))
                .isEqualTo("clientId：客户端 'enterprise-E02' 属于其他机构");
        assertThat(problem(http.signedInAs("enterprise", "demo-enterprise").post("/api/v1/clients/enterprise-E02/secret", "{}",
                java.util.Map.of("Accept-Language", "en")), 403)).isEqualTo("clientId: client 'enterprise-E02' belongs to another organisation");
        // Put the published demo secret's holder back in business for the other tests: the system administrator rotates it.
        assertThat(http.post("/api/v1/clients/enterprise-E01/secret", "{}", "sysadmin", "demo-sysadmin").status()).isEqualTo(200);
    }

    private Http.Response createUserAs(String user, String password) {
        return http.post("/api/v1/users", "{\"username\": \"x-" + user + "\", \"organisation\": \"park-admin\", \"roles\": [\"ANALYST\"], "
                + "\"password\": \"Some-Str0ng-Pass\"}", user, password);
    }

    private JsonNode findUser(String username) {
        for (JsonNode user : ok(http.getAs("/api/v1/users", "sysadmin", "demo-sysadmin"))) {
            if (user.get("username").asString().equals(username)) return user;
        }
        throw new AssertionError("no account " + username);
    }
}
