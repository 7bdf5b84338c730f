package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad input in the portal's forms in a real browser (issue #17): portal/e2e/forms.mjs sends a drill, a custom report, a
 * maintenance record and a remediation comparison the server refuses, reading the portal first in Chinese and then in
 * English, and finds the server's reason — asked for in the reader's language — beside the field the problem names.
 */
class FormRefusalsBrowserTest extends RunningGateway {

    @Test
    void eachFormShowsTheServersReasonBesideItsFieldInTheReadersLanguage() {
        Command.requireInstalled("/usr/bin/chromium");
        Command.Result run = Command.run(List.of("node", Path.of("../portal/e2e/forms.mjs").toString()), Map.of("GW_BASE", http.base()),
                Duration.ofMinutes(5));
        System.out.println(run.output());
        assertThat(run.exitCode()).as(run.output()).isZero();
    }
}
