package org.groundwatergateway.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.groundwatergateway.core.testing.TempDirectories;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Another park's gateway beside a test's own, on loopback in the same JVM (federation tests): a demo park (the demo park,
 * or another by {@code --gw.demo-park}) in its own directory and database, on its own HTTP port (kept, so it can be
 * started again on the same port and data) and ephemeral HJ 212 and MQTT ports, with its own gateway id.
 */
final class ParkGateway implements AutoCloseable {

    private final String gatewayId;
    private final Path dataDir;
    private final String[] settings;
    private final int port = freePort();
    private ConfigurableApplicationContext context;

    /** @param settings further {@code --name=value} arguments of every start */
    ParkGateway(String gatewayId, String... settings) {
        this.gatewayId = gatewayId;
        this.settings = settings;
        this.dataDir = TempDirectories.createForJvm(gatewayId + "-");
    }

    int port() {
        return port;
    }

    /** The running gateway's context (its beans), while it runs. */
    ConfigurableApplicationContext context() {
        return context;
    }

    /** Starts it (again) with its settings and waits for its demo park to load. */
    Http start() throws InterruptedException {
        String[] arguments = {"--server.port=" + port, "--gw.data-dir=" + dataDir, "--gw.simulator.enabled=false", "--gw.hj212.port=0",
                "--gw.mqtt.embedded-port=0", "--gw.demo-days=" + RunningGateway.DEMO_DAYS, "--gw.federation.gateway-id=" + gatewayId,
                "--gw.federation.allow-plain-http=true"};
        String[] all = Arrays.copyOf(arguments, arguments.length + settings.length);
        System.arraycopy(settings, 0, all, arguments.length, settings.length);
        // Arguments, not default properties, which application.properties would override.
        context = new SpringApplicationBuilder(GatewayApplication.class).run(all);
        Http http = new Http(port);
        await(gatewayId + "'s demo loaded", Duration.ofSeconds(120),
                () -> http.get("/actuator/health").json().path("components").path("demoPark").path("details").path("loaded").asBoolean());
        return http;
    }

    /** Stops it, as a partner that goes down. */
    void stop() {
        if (context != null) context.close();
        context = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** The demo's partner park client: each demo gateway's client at the other (both run the demo). */
    static final String PARTNER_CLIENT = "partner-park";
    static final String PARTNER_SECRET = "demo-secret-partner";

    /** A partner's access token at a gateway: the demo's partner park client, by client credentials. */
    static String partnerToken(Http gateway) {
        return token(gateway, PARTNER_CLIENT, PARTNER_SECRET);
    }

    /** A partner registration on loopback with the demo's partner park client both ways and the partner park's boundary (WKT). */
    static String peerForm(String gatewayId, String parkCode, int port, String boundary) {
        return peerForm(gatewayId, parkCode, port, boundary, "PARK", PARTNER_CLIENT, PARTNER_SECRET, PARTNER_CLIENT);
    }

    /**
     * A partner registration on loopback: its role ({@code PARK}, {@code PROVINCE}), our client at it and its secret, its
     * client here, and its boundary (WKT; null for none).
     */
    static String peerForm(String gatewayId, String parkCode, int port, String boundary, String role, String outboundClient, String outboundSecret,
                           String inboundClient) {
        return "{\"gatewayId\": \"" + gatewayId + "\", \"name\": \"" + parkCode + " gateway\", \"parkCode\": \"" + parkCode + "\", "
                + "\"baseUrl\": \"http://127.0.0.1:" + port + "\", \"outboundClientId\": \"" + outboundClient + "\", \"outboundClientSecret\": \""
                + outboundSecret + "\", \"inboundClientId\": \"" + inboundClient + "\", \"boundary\": " + (boundary == null ? "null" : "\"" + boundary + "\"")
                + ", \"contact\": \"duty office\", \"role\": \"" + role + "\"}";
    }

    /**
     * A partner gateway's own client at a gateway (a second partner beside the demo's {@code partner-park}, so that each
     * partner has its grants and sequence numbers apart): an organisation of kind partner park and its client, registered
     * by the system administrator. Returns the client's secret.
     */
    static String partnerClient(Http gateway, String clientId) {
        created(gateway.post("/api/v1/organisations", "{\"code\": \"" + clientId + "\", \"nameZh\": \"" + clientId + " 网关\", \"nameEn\": \"" + clientId
                + " gateway\", \"kind\": \"PARTNER_PARK\"}", "sysadmin", "demo-sysadmin"));
        return created(gateway.post("/api/v1/clients", "{\"clientId\": \"" + clientId + "\", \"name\": \"" + clientId + " gateway\", \"organisation\": \""
                + clientId + "\", \"grantTypes\": [\"client_credentials\"], \"scopes\": [\"read\", \"federation\"]}", "sysadmin", "demo-sysadmin"))
                .get("clientSecret").asString();
    }

    /** A client's access token at a gateway, by client credentials. */
    static String token(Http gateway, String clientId, String secret) {
        Http.Response answer = gateway.post("/oauth2/token", "application/x-www-form-urlencoded", "grant_type=client_credentials", clientId, secret);
        if (answer.status() != 200) throw new AssertionError(answer.body());
        return answer.json().get("access_token").asString();
    }

    static JsonNode created(Http.Response response) {
        if (response.status() != 201) throw new AssertionError("expected 201, got " + response.status() + ": " + response.body());
        return response.json();
    }

    /** A rectangle as WKT (EPSG:4326, lon lat). */
    static String rectangle(double west, double south, double east, double north) {
        return String.format(Locale.ROOT, "POLYGON ((%.6f %.6f, %.6f %.6f, %.6f %.6f, %.6f %.6f, %.6f %.6f))", west, south, east, south, east, north, west,
                north, west, south);
    }

    /** The joint warnings a gateway shows one of its demo users, newest first. */
    static List<JsonNode> jointWarnings(Http gateway, String user) {
        Http.Response answer = gateway.getAs("/api/v1/joint-warnings", user, "demo-" + user);
        if (answer.status() != 200) throw new AssertionError(answer.status() + ": " + answer.body());
        List<JsonNode> all = new ArrayList<>();
        answer.json().forEach(all::add);
        return all;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void await(String what, Duration budget, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + budget.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) throw new AssertionError(what + ": not within " + budget);
            Thread.sleep(200);
        }
    }
}
