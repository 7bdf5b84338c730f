package org.groundwatergateway.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The packaged {@code gateway.jar} in its own JVM, started as the README does. */
public record GatewayProcess(Process process, int port, Path log) implements AutoCloseable {

    public static GatewayProcess start(Path dataDir, List<String> extraArgs) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String jar = System.getProperty("gw.jar", "target/gateway.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar, "--server.port=" + port, "--gw.data-dir=" + dataDir, "--gw.hj212.port=0", "--gw.mqtt.embedded-port=0"));
        command.addAll(extraArgs);
        Path log = dataDir.resolve("gateway-" + System.nanoTime() + ".log");
        Process process = new ProcessBuilder(command).directory(dataDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new GatewayProcess(process, port, log);
    }

    /** Waits until {@code /actuator/health} says UP: the platform serves requests (the demo may still be loading). */
    Http awaitHealthy(Duration budget) throws Exception {
        return await(budget, health -> true, "health not UP");
    }

    /** Waits until health is UP and the demo park is loaded. */
    Http awaitDemoLoaded(Duration budget) throws Exception {
        return await(budget, health -> health.path("components").path("demoPark").path("details").path("loaded").asBoolean(),
                "health not UP with the demo loaded");
    }

    private Http await(Duration budget, java.util.function.Predicate<JsonNode> ready, String failure) throws Exception {
        Http http = new Http(port);
        long deadline = System.nanoTime() + budget.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new AssertionError("gateway exited: " + Files.readString(log));
            try {
                JsonNode health = http.get("/actuator/health").json();
                if (health.path("status").asString().equals("UP") && ready.test(health)) return http;
            } catch (RuntimeException notYetListening) {
                // keep polling until the deadline
            }
            Thread.sleep(500);
        }
        throw new AssertionError(failure + " within " + budget + "; log:\n" + Files.readString(log));
    }

    /** Ends the process the hard way: SIGKILL, no shutdown hooks, no flushing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
