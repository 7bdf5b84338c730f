package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.groundwatergateway.core.demo.DemoPark;
import org.groundwatergateway.ingest.hj212.Hj212Frame;
import org.groundwatergateway.ingest.hj212.PollutantCodes;
import org.groundwatergateway.ingest.simulator.Hj212Simulator;
import org.groundwatergateway.ingest.simulator.SimulatedDevice;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue #15's reproductions as an attacker would send them, over and over, while the park's 44 loggers stream minute
 * data: every refusal still comes within 2 s (each reproduction asserts its own), and every logger's packet is still
 * acknowledged, promptly. The reproductions are {@link MalformedRequestsTest}'s, run here against a gateway that ingests
 * at the same time; beside them a trend of 50,000 values and a split packet declaring PNUM = 2^31 − 1.
 */
@TestPropertySource(properties = "gw.test.fixture=attacks-while-ingesting") // its own gateway: the loggers' data would be the latest in others'
class AttacksWhileIngestingTest extends MalformedRequestsTest {

    private static final Duration PACE = Duration.ofMillis(500);
    private static final int ROUNDS = 40;

    @Test
    void hj212IngestKeepsAcknowledgingWhileAttacked() throws Exception {
        List<SimulatedDevice> devices = SimulatedDevice.demoPark(PollutantCodes.load());
        int port = http.get("/actuator/health").json().path("components").path("hj212").path("details").path("port").asInt();
        Hj212Simulator simulator = new Hj212Simulator("127.0.0.1", port, devices);
        CompletableFuture<Hj212Simulator.Report> load = CompletableFuture.supplyAsync(() -> {
            try {
                return simulator.run(LocalDateTime.of(2026, 11, 20, 0, 0).toInstant(DemoPark.CHINA), Duration.ofMinutes(1), ROUNDS, "2051", 8, PACE,
                        Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        });
        List<Method> reproductions = new ArrayList<>();
        for (Method m : MalformedRequestsTest.class.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Test.class)) reproductions.add(m);
        }
        int attacks = 0;
        while (!load.isDone()) {
            for (Method reproduction : reproductions) {
                reproduction.invoke(this);
                attacks++;
            }
            trendOfFiftyThousandValues();
            splitPacketDeclaringTwoToTheThirtyFirstParts(port);
            attacks += 2;
        }
        Hj212Simulator.Report report = load.join();
        System.out.println("AttacksWhileIngestingTest: " + attacks + " attacks while " + report);
        assertThat(attacks).isGreaterThan(reproductions.size());
        assertThat(report.packetsUnanswered()).as("every logger packet answered").isZero();
        assertThat(report.refusals()).as("no logger packet refused").isEmpty();
        assertThat(report.percentileMillis(99)).as("ack p99, ms").isLessThan(2000);
    }

    private void trendOfFiftyThousandValues() {
        StringBuilder values = new StringBuilder("{\"values\": [");
        for (int i = 0; i < 50_000; i++) values.append(i > 0 ? "," : "").append(i % 97);
        Http.Response trend = http.post("/api/v1/analytics/trend", values.append("]}").toString(), "analyst", "demo-analyst");
        assertThat(trend.status()).as(trend.body()).isEqualTo(200);
    }

    private static void splitPacketDeclaringTwoToTheThirtyFirstParts(int port) throws Exception {
        String mn = DemoPark.deviceNumber(6, false);
        byte[] packet = Hj212Frame.encode("QN=20261121160000001;ST=24;CN=2011;PW=" + DemoPark.devicePassword(mn) + ";MN=" + mn
                + ";Flag=5;PNUM=" + Integer.MAX_VALUE + ";PNO=1;CP=&&DataTime=20261121160000;w01001-Rtd=7.2,w01001-Flag=N&&");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(packet);
            out.flush();
        }
        assertThat(new String(packet, StandardCharsets.UTF_8)).hasSizeLessThan(200);
    }
}
