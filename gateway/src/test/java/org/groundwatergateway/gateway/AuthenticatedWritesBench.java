package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Authenticated writes per second through the whole chain (security filters, permission matrix, controller, database):
 * an O&M engineer changing a device's description over and over, 8 client threads, with a Bearer access token (verified
 * locally: signature and the revocation check remembered per token) and with HTTP Basic (verified once, then
 * remembered). The bound before issue #12, one bcrypt check per request, is measured beside them with the same
 * encoder on as many threads as the machine has cores.
 */
@Tag("bench")
class AuthenticatedWritesBench extends RunningGateway {

    private static final int THREADS = 8;
    private static final int REQUESTS = Integer.getInteger("bench.requests", 6_000);

    @Autowired
    PasswordEncoder encoder;

    @Test
    void authenticatedWritesPerSecond() throws Exception {
        String mn = ok(http.getAs("/api/v1/devices", "om", "demo-om")).get(0).get("mn").asString();
        String bearer = "Bearer " + accessToken("om");
        String basic = "Basic " + Base64.getEncoder().encodeToString("om:demo-om".getBytes(StandardCharsets.UTF_8));
        run(mn, bearer, 500);
        double bearerRate = run(mn, bearer, REQUESTS);
        run(mn, basic, 500);
        double basicRate = run(mn, basic, REQUESTS);
        double bcryptRate = bcryptChecksPerSecond();
        System.out.printf(Locale.ROOT, "BENCH authenticated writes: Bearer %.0f/s, Basic (remembered) %.0f/s; one bcrypt per request bounds at %.0f/s%n",
                bearerRate, basicRate, bcryptRate);
        assertThat(bearerRate).isGreaterThan(20 * bcryptRate);
    }

    private double run(String mn, String authorization, int requests) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/devices/" + mn))
                            .header("Authorization", authorization).header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"description\": \"基准 " + i + "\"}")).build();
                    try {
                        if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) failures.incrementAndGet();
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) worker.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        assertThat(failures.get()).isZero();
        return requests / seconds;
    }

    private double bcryptChecksPerSecond() throws Exception {
        String hash = encoder.encode("demo-om");
        int threads = Runtime.getRuntime().availableProcessors();
        int checks = 40 * threads;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < checks; i++) results.add(pool.submit(() -> encoder.matches("demo-om", hash)));
        for (Future<Boolean> result : results) assertThat(result.get()).isTrue();
        pool.shutdown();
        return checks / ((System.nanoTime() - start) / 1e9);
    }
}
