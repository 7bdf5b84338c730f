package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The administration consoles in a real browser under the shipped default policy: portal/e2e/admin.mjs signs in the
 * system, security and audit administrators and the O&amp;M engineer, each seeing its own console and no other (another
 * console's route refused in the page and its API refused by the server), and works each console once against the
 * server's API: a new user in the list, the public's 500 m grid of the wells explained, the audit chain verified with
 * the server's count, a maintenance record listed; and one bad input per console answered beside its field in the
 * server's words.
 */
// Its own gateway: it creates a user and a client, records maintenance and activates the shipped default policy.
@TestPropertySource(properties = "gw.test.fixture=admin-consoles")
class AdminConsolesBrowserTest extends RunningGateway {

    private static final Path PORTAL = Path.of("../portal");
    private static final String CHROMIUM = "/usr/bin/chromium";

    @Test
    void eachAdministratorWorksOnlyTheirOwnConsole() throws IOException {
        Command.requireInstalled(CHROMIUM);
        activateShippedDefaultPolicy();
        Path screenshots = Path.of("target/portal-screenshots");
        Command.Result run = Command.run(List.of("node", PORTAL.resolve("e2e/admin.mjs").toString()), Map.of(
                "GW_BASE", http.base(),
                "GW_SCREENSHOTS", screenshots.toAbsolutePath().toString()), Duration.ofMinutes(5));
        System.out.println(run.output());
        assertThat(run.exitCode()).as(run.output()).isZero();
        try (var files = Files.list(screenshots)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .contains("admin-system.png", "admin-security.png", "admin-audit.png", "admin-om.png");
        }
    }
}
