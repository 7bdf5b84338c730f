package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Every shell command of the README, run as written against a real gateway (issue #16): what users copy must work.
 * Commands run in README order with {@code bash}, in one working directory, each block's shell variables kept for its
 * later commands; {@code localhost:8080} and the MQTT port are the test gateway's. A {@code .curlrc} makes curl fail
 * on any HTTP error without changing the README's text. Placeholders such as {@code <access token of a duty
 * officer>} get real values. A command exits 0, and shows what its README comment says it answers: a JSON fragment in
 * the comment ({@code ...} standing for the rest) verbatim, prose by {@link #EXPECTED}. Every command runs unless
 * {@link #NOT_RUN} names it with the reason, so a new README command is run from the day it is written; an entry of
 * these lists that matches no README command fails the test.
 */
// Its own gateway: the README adds wells and devices, runs a drill and activates a policy; its trace window ends on
// 2026-03-12, day 131 of the demo.
@TestPropertySource(properties = {"gw.test.fixture=readme", "gw.demo-days=132"})
class ReadmeCommandsTest extends RunningGateway {

    private static final Pattern BLOCK = Pattern.compile("```(?:sh|bash|console)\\n(.*?)```", Pattern.DOTALL);
    /** A code block's opening fence with its language: commands hide in no other language. */
    private static final Pattern LANGUAGE = Pattern.compile("(?m)^```(\\w+)$");
    private static final Pattern PLACEHOLDER = Pattern.compile("<[a-zA-Z][^<>]*>");
    private static final Pattern JOB_LOCATION = Pattern.compile("(?im)^location: \\S*/api/v1/analytics/jobs/([0-9a-f-]{36})\\s*$");

    /** README commands this test does not run, by how they begin, with the reason. */
    private static final Map<String, String> NOT_RUN = Map.of(
            "mvn -DskipTests package", "builds and starts the platform: this test runs one of its own",
            "mvn verify", "the whole test suite, this test included",
            "curl -H 'Content-Type: application/json' -d \"{\\\"token\\\"", "needs a start without any account; GatewayWithoutDemoTest sets up the first administrator",
            "createdb ", "prepares the PostgreSQL start below, which is not run",
            "java -jar gateway/target/gateway.jar --spring.datasource.url", "starts a second platform, on PostgreSQL");

    /**
     * Commands that wait for messages: they run in the background while the rest of their block runs, as in a second
     * terminal, with an option that ends them; the exit codes that mean they ran as they should, and what they print.
     */
    private record Listener(String beginning, String ending, Set<Integer> exitCodes) {}

    private record Running(ReadmeCommand command, Listener listener, Process process) {}

    private static final List<Listener> LISTENERS = List.of(
            // The Observation the next command creates, as announced to the public (its JSON, as the README's comment shows
            // it, is checked as for any command).
            new Listener("mosquitto_sub -p 1883 -i sta-viewer -t 'v1.1/Datastreams(23)/Observations'", " -C 1 -W 20", Set.of(0)),
            // Timed out (27): signed in and subscribed; an alert arrives only if one is raised meanwhile.
            new Listener("mosquitto_sub -p 1883 -i duty-screen", " -W 5", Set.of(27)),
            // Ended by its time limit (28): the stream was open; an alert arrives only if one is raised meanwhile.
            new Listener("curl -N -u duty:demo-duty localhost:8080/api/v1/alerts/stream", " --max-time 5", Set.of(28)));

    /** What the README says in prose that a command answers: a fragment of the command, and a pattern of its output. */
    private static final Map<String, String> EXPECTED = Map.of(
            "localhost:8080/actuator/health", "\"demoPark\":\\{\"details\":\\{[^}]*\"loaded\":true",
            "localhost:8080/api/v1/analytics/trace", "(?im)^location: http://localhost:\\d+/api/v1/analytics/jobs/[0-9a-f-]{36}\\s*$",
            // The stream ends with the run's last event: the README's trace window lies in the demo days this test loads.
            // The benzene leak of 2026-02-10 is 江海石化's (docs/demo-park.md).
            "/events", "(?ms)^event: ?succeeded$.*\"enterprises\":\\[\\{\"creditCode\":\"[^\"]+\",\"name\":\"江海石化有限公司\"");

    /** Files the README says a command writes. */
    private static final Map<String, String> FILES = Map.of(
            "curl -OJ ", "datastream-23-readings.csv",
            "-o drill.pdf ", "drill.pdf");

    private final Map<String, String> variables = new HashMap<>();
    /** Every command run and what it printed, in target/, for whoever reads a failure. */
    private final StringBuilder log = new StringBuilder();
    private final List<Running> listeners = new ArrayList<>();
    private String lastJob;
    /** The entries of NOT_RUN, LISTENERS, EXPECTED and FILES that matched a README command. */
    private final Set<String> matched = new HashSet<>();

    @Test
    void everyReadmeCommandRunsAsWritten(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve(".curlrc"), "fail-with-body\nsilent\nshow-error\n");
        Map<String, Supplier<String>> placeholders = Map.of(
                "<access token of a duty officer>", () -> accessToken("duty"),
                "<id>", () -> {
                    assertThat(lastJob).as("an analysis run's Location printed before <id>").isNotNull();
                    return lastJob;
                });
        JsonNode health = http.get("/actuator/health").json().path("components");
        playTheSimulatorsFirstRound();
        int mqttPort = URI.create(health.path("mqtt").path("details").path("broker").asString()).getPort();
        int httpPort = URI.create(http.base()).getPort();

        String readme = Files.readString(Path.of("../README.md"));
        assertThat(LANGUAGE.matcher(readme).results().map(m -> m.group(1))).as("code block languages").allMatch(Set.of("sh", "bash", "console")::contains);
        SoftAssertions softly = new SoftAssertions();
        int run = 0;
        Matcher blocks = BLOCK.matcher(readme);
        try {
            while (blocks.find()) {
                run += runBlock(blocks.group(1), softly, directory, placeholders, httpPort, mqttPort);
            }
        } finally {
            Files.writeString(Path.of("target/readme-commands.log"), log);
        }
        for (Set<String> entries : List.of(NOT_RUN.keySet(), EXPECTED.keySet(), FILES.keySet(),
                LISTENERS.stream().map(Listener::beginning).collect(Collectors.toSet()))) {
            for (String entry : entries) softly.assertThat(matched).as("a README command matching %s", entry).contains(entry);
        }
        assertThat(run).as("README commands run").isGreaterThan(40);
        softly.assertAll();
    }

    /** Runs a code block's commands in order, its listeners meanwhile; answers how many ran. */
    private int runBlock(String block, SoftAssertions softly, Path directory, Map<String, Supplier<String>> placeholders, int httpPort,
                         int mqttPort) throws Exception {
        variables.clear();
        int run = 0;
        for (ReadmeCommand command : ReadmeCommand.parse(block)) {
            String skipped = NOT_RUN.keySet().stream().filter(command.text()::startsWith).findFirst().orElse(null);
            if (skipped != null) {
                matched.add(skipped);
                continue;
            }
            // Every mention of the default ports: a command left on them would reach another gateway or CI's Mosquitto.
            String text = command.text().replaceAll("\\b(localhost|127\\.0\\.0\\.1):8080\\b", "$1:" + httpPort)
                    .replaceAll("\\b1883\\b", String.valueOf(mqttPort));
            Matcher placeholder = PLACEHOLDER.matcher(text);
            StringBuilder filled = new StringBuilder();
            while (placeholder.find()) {
                Supplier<String> value = placeholders.get(placeholder.group());
                assertThat(value).as("a value for %s in: %s", placeholder.group(), command.text()).isNotNull();
                placeholder.appendReplacement(filled, Matcher.quoteReplacement(value.get()));
            }
            text = placeholder.appendTail(filled).toString();
            Listener listener = LISTENERS.stream().filter(l -> command.text().startsWith(l.beginning())).findFirst().orElse(null);
            if (listener != null) {
                matched.add(listener.beginning());
                listeners.add(new Running(command, listener, start(text + listener.ending(), directory)));
                // Subscribed before the commands that follow it publish.
                Thread.sleep(1500);
            } else {
                check(softly, command, text, directory);
            }
            run++;
        }
        awaitListeners(softly);
        return run;
    }

    /**
     * The README's alert 1 is the first the demo raises from live data, when its simulator's loggers first report: the
     * test gateway runs without the simulator (its rounds would race the README's readings), so the test plays that
     * first round itself, as the simulator does, and waits for the alert.
     */
    private void playTheSimulatorsFirstRound() throws Exception {
        playTheDemoSimulatorsFirstRound();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (http.get("/api/v1/alerts/1").status() != 200) {
            assertThat(System.nanoTime() - deadline).as("alert 1 raised from the first live round").isNegative();
            Thread.sleep(200);
        }
    }

    private void check(SoftAssertions softly, ReadmeCommand command, String text, Path directory) throws Exception {
        String expectedBy = EXPECTED.keySet().stream().filter(command.text()::contains).findFirst().orElse(null);
        Pattern expected = expectedBy == null ? null : Pattern.compile(EXPECTED.get(expectedBy));
        if (expectedBy != null) matched.add(expectedBy);
        List<String> fragments = command.jsonFragments();
        // Readings arrive and drills replay asynchronously: a read that should show them is asked again for a while.
        boolean repeatable = !text.matches("(?s).*(\\s-d |\\s-X |--data|mosquitto_pub).*");
        long deadline = System.nanoTime() + Duration.ofSeconds(repeatable ? 180 : 0).toNanos();
        Command.Result result;
        while (true) {
            result = runCommand(text, directory);
            String output = result.output();
            boolean shown = (expected == null || expected.matcher(output).find()) && fragments.stream().allMatch(output::contains);
            if (result.exitCode() != 0 || shown || System.nanoTime() > deadline) break;
            Thread.sleep(500);
        }
        String output = result.output();
        log.append("$ ").append(text).append("\n").append(output).append("\n[exit ").append(result.exitCode()).append("]\n\n");
        Matcher job = JOB_LOCATION.matcher(output);
        if (job.find()) lastJob = job.group(1);
        softly.assertThat(result.exitCode()).as("exit code of\n%s\n%s", command.text(), output).isZero();
        if (expected != null) softly.assertThat(output).as("answer of\n%s", command.text()).containsPattern(expected);
        for (String fragment : fragments) softly.assertThat(output).as("answer of\n%s", command.text()).contains(fragment);
        FILES.forEach((beginning, file) -> {
            if (!command.text().contains(beginning)) return;
            matched.add(beginning);
            softly.assertThat(directory.resolve(file)).as("written by\n%s", command.text()).isNotEmptyFile();
        });
    }

    /** Runs a command with bash, in the test's working directory; an assignment {@code NAME=$(...)} keeps NAME for the block. */
    private Command.Result runCommand(String text, Path directory) throws IOException, InterruptedException {
        Matcher assignment = Pattern.compile("(?s)^([A-Z_]+)=\\$\\(.*\\)$").matcher(text);
        String script = assignment.matches() ? text + " && printf '%s' \"$" + assignment.group(1) + "\"" : text;
        Process process = start(script, directory);
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not end within 180 s: " + text);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (assignment.matches() && process.exitValue() == 0) variables.put(assignment.group(1), output);
        return new Command.Result(process.exitValue(), output);
    }

    private Process start(String script, Path directory) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-o", "pipefail", "-c", script).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("CURL_HOME", directory.toString());
        builder.environment().putAll(variables);
        return builder.start();
    }

    private void awaitListeners(SoftAssertions softly) throws Exception {
        for (Running running : listeners) {
            Process process = running.process();
            Listener listener = running.listener();
            boolean ended = process.waitFor(30, TimeUnit.SECONDS);
            if (!ended) process.destroyForcibly().waitFor();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            log.append("$ ").append(listener.beginning()).append(" (in the background)\n").append(output).append("\n\n");
            softly.assertThat(ended ? process.exitValue() : -1).as("exit code of\n%s\n%s", listener.beginning(), output).isIn(listener.exitCodes());
            for (String fragment : running.command().jsonFragments()) softly.assertThat(output).as("what %s received", listener.beginning()).contains(fragment);
        }
        listeners.clear();
    }

    /** One command of a README code block: its text as bash reads it, and the comments on it. */
    record ReadmeCommand(String text, String comment) {

        /** JSON the comment shows, verbatim between its {@code ...}. */
        List<String> jsonFragments() {
            int open = comment.indexOf('{');
            if (open < 0) return List.of();
            int close = comment.lastIndexOf('}');
            List<String> fragments = new ArrayList<>();
            for (String part : comment.substring(open, close > open ? close + 1 : comment.length()).split("\\.\\.\\.|…")) {
                String fragment = part.replaceAll("^[{,\\s]+|[,}\\s]+$", "");
                if (!fragment.isEmpty() && !fragment.equals("\"")) fragments.add(fragment);
            }
            return fragments;
        }

        /**
         * The commands of a block: lines joined while a line ends in a backslash or a quote is open; a comment at the
         * end of a line, or on indented lines of its own after it, is the command's; other comment lines introduce.
         */
        static List<ReadmeCommand> parse(String block) {
            List<ReadmeCommand> commands = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            StringBuilder comment = new StringBuilder();
            boolean single = false;
            boolean dbl = false;
            for (String line : block.split("\n")) {
                if (text.isEmpty() && line.isBlank()) continue;
                if (text.isEmpty() && line.strip().startsWith("#")) {
                    if (Character.isWhitespace(line.charAt(0)) && !commands.isEmpty()) {
                        ReadmeCommand last = commands.remove(commands.size() - 1);
                        commands.add(new ReadmeCommand(last.text(), last.comment() + " " + line.strip().substring(1).strip()));
                    }
                    continue;
                }
                int end = line.length();
                for (int i = 0; i < line.length(); i++) {
                    char c = line.charAt(i);
                    if (c == '\\' && !single) i++;
                    else if (c == '\'' && !dbl) single = !single;
                    else if (c == '"' && !single) dbl = !dbl;
                    else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                        end = i;
                        comment.append(line.substring(i + 1).strip()).append(' ');
                        break;
                    }
                }
                String code = line.substring(0, end).stripTrailing();
                text.append(text.isEmpty() ? "" : "\n").append(code);
                if (!single && !dbl && !code.endsWith("\\")) {
                    commands.add(new ReadmeCommand(text.toString(), comment.toString().strip()));
                    text.setLength(0);
                    comment.setLength(0);
                }
            }
            assertThat(text.toString()).as("a README command left open (quote or backslash)").isEmpty();
            return commands;
        }
    }
}
