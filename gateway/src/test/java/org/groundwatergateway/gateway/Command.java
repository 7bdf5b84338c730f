package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs a real client program (GDAL, OWSLib, the portal's browser tests) and returns what it printed. */
final class Command {

    private Command() {}

    record Result(int exitCode, String output) {}

    /**
     * Skips the test where the program is missing on a developer's machine; in CI (which installs it) a missing
     * program fails the test instead.
     */
    static void requireInstalled(String program) {
        boolean present = installed(program);
        if (System.getenv("CI") != null) {
            assertThat(present).as(program + " is installed by .ci/run").isTrue();
        }
        Assumptions.assumeTrue(present, program + " is not installed (apt-get install gdal-bin python3-owslib)");
    }

    /** Whether the program is there (a path, or a name in /usr/bin). */
    static boolean installed(String program) {
        return Files.isExecutable(Path.of(program)) || Files.isExecutable(Path.of("/usr/bin", program));
    }

    static Result run(List<String> command, Duration timeout) {
        return run(command, Map.of(), timeout);
    }

    /** Like {@link #run(List, Duration)}, with these variables added to the program's environment. */
    static Result run(List<String> command, Map<String, String> environment, Duration timeout) {
        try {
            Path log = Files.createTempFile("gw-command-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + timeout);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.delete(log);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
