package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad input in the portal's forms in a real browser (issue #17): portal/e2e/forms.mjs sends each form the server refuses
 * (a table of them: drill, custom report, dashboard, area of interest, maintenance record, remediation comparison,
 * network review, source tracing, organisation, OAuth client, roles, policy explanation, audit entries, logins and
 * export), reading the portal first in Chinese and then in English, and finds the server's reason — asked for in the
 * reader's language — beside the field the problem names.
 */
class FormRefusalsBrowserTest extends RunningGateway {

    @Test
    void eachFormShowsTheServersReasonBesideItsFieldInTheReadersLanguage() {
        Command.requireInstalled("/usr/bin/chromium");
        Command.Result run = Command.run(List.of("node", Path.of("../portal/e2e/forms.mjs").toString()), Map.of("GW_BASE", http.base()),
                Duration.ofMinutes(8));
        System.out.println(run.output());
        assertThat(run.exitCode()).as(run.output()).isZero();
    }
}
