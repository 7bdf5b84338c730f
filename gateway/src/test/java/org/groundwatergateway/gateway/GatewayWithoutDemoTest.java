package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Without the demo there is no demo park and no account at all: not the demo's, not a default administrator. The
 * first system administrator is created once, with the one-time setup token the first start wrote to the data
 * directory (and the log).
 */
class GatewayWithoutDemoTest extends RunningGateway {

    @DynamicPropertySource
    static void withoutDemo(DynamicPropertyRegistry registry) {
        registry.add("gw.demo", () -> "false");
    }

    @Value("${gw.data-dir}")
    Path dataDir;

    @Test
    void noDemoParkAndNoAccountUntilTheFirstAdministratorIsSetUp() throws Exception {
        Http anonymous = http.anonymous();
        assertThat(anonymous.get("/api/v1/parks").json()).isEmpty();
        assertThat(anonymous.get("/actuator/health").json().path("components").path("demoPark").path("details").path("enabled").asBoolean())
                .isFalse();
        assertThat(anonymous.post("/api/v1/wells", "{}", "admin", "demo-admin").status()).isEqualTo(401);
        assertThat(anonymous.getAs("/api/v1/me", "sysadmin", "anything").status()).isEqualTo(401);
        // The parameter catalogue is loaded whatever the mode.
        var benzene = anonymous.get("/api/v1/parameters/benzene").json();
        assertThat(benzene.path("cas").asString()).isEqualTo("71-43-2");
        assertThat(benzene.path("classLimits").path("classes").get(3).path("upper").asDouble()).isEqualTo(120.0);
        assertThat(anonymous.get("/api/v1/parameters").json().size()).isGreaterThan(100);
        assertThat(anonymous.get("/api/v1/parameters/unobtainium").status()).isEqualTo(404);

        Path tokenFile = dataDir.resolve("setup-token");
        String token = Files.readString(tokenFile).strip();
        String setup = "{\"token\": \"%s\", \"username\": \"chief\", \"password\": \"%s\"}";
        assertThat(problem(anonymous.post("/api/v1/setup", setup.formatted("wrong-" + token, "Str0ng-Passw0rd!"), null, null), 403))
                .isEqualTo("token：设置令牌错误，或平台已经设置完成");
        assertThat(problem(anonymous.post("/api/v1/setup", setup.formatted("wrong-" + token, "Str0ng-Passw0rd!"), java.util.Map.of("Accept-Language", "en")), 403))
                .isEqualTo("token: the setup token is wrong, or the platform is set up already");
        String weak = problem(anonymous.post("/api/v1/setup", setup.formatted(token, "short"), null, null), 400);
        assertThat(weak).startsWith("password：至少 10 个字符");
        assertThat(anonymous.post("/api/v1/setup", setup.formatted(token, "Str0ng-Passw0rd!"), null, null).status()).isEqualTo(201);
        assertThat(ok(anonymous.getAs("/api/v1/me", "chief", "Str0ng-Passw0rd!")).get("roles").get(0).asString()).isEqualTo("SYSTEM_ADMIN");
        // Once only: the token is spent and its file gone.
        assertThat(anonymous.post("/api/v1/setup", setup.formatted(token, "An0ther-Passw0rd!"), null, null).status()).isEqualTo(403);
        assertThat(tokenFile).doesNotExist();
    }
}
