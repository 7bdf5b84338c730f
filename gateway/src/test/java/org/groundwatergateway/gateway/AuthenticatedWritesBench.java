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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Authenticated requests per second through the whole chain (rate limiter, security filters, permission matrix,
 * controller, database), 8 client threads on the same machine, with a Bearer access token (verified locally: signature
 * and the revocation check remembered per token) and with HTTP Basic (verified once, then remembered): a duty officer
 * adding comments to an incident's timeline (a light write), an O&M engineer changing a device (a write that reloads
 * the device registry), and who-am-I (the chain alone). The bound before issue #12, one bcrypt check per request, is
 * measured beside them with the same encoder on as many threads as the machine has cores.
 */
@Tag("bench")
class AuthenticatedWritesBench extends RunningGateway {

    private static final int THREADS = 8;
    private static final int REQUESTS = Integer.getInteger("bench.requests", 6_000);

    @Autowired
    PasswordEncoder encoder;

    @Test
    void authenticatedWritesPerSecond() throws Exception {
        Http.Response declared = http.post("/api/v1/incidents", "{\"park\": \"HBDP\", \"parameter\": \"chromium-vi\", \"well\": \"GW-U09\", "
                + "\"level\": \"LEVEL_2\", \"concentration\": 0.2, \"department\": \"园区应急办\", \"author\": \"值班员\"}", "duty", "demo-duty");
        assertThat(declared.status()).as(declared.body()).isIn(200, 201);
        long incident = declared.json().path("incident").path("id").asLong(declared.json().path("id").asLong());
        String mn = ok(http.getAs("/api/v1/devices", "om", "demo-om")).get(0).get("mn").asString();
        String comment = "{\"department\": \"值班室\", \"author\": \"张伟\", \"text\": \"基准测试\"}";
        Map<String, Request> requests = new LinkedHashMap<>();
        requests.put("timeline comment", new Request("POST", "/api/v1/incidents/" + incident + "/timeline", comment, "duty"));
        requests.put("device change", new Request("PUT", "/api/v1/devices/" + mn, "{\"description\": \"基准\"}", "om"));
        requests.put("who am I", new Request("GET", "/api/v1/me", null, "duty"));
        Map<String, String> bearer = Map.of("duty", "Bearer " + accessToken("duty"), "om", "Bearer " + accessToken("om"));
        double bcryptRate = bcryptChecksPerSecond();
        System.out.printf(Locale.ROOT, "BENCH authenticated requests: one bcrypt check per request bounds at %.0f/s on %d cores%n", bcryptRate,
                Runtime.getRuntime().availableProcessors());
        double lightBearer = 0;
        for (Map.Entry<String, Request> r : requests.entrySet()) {
            Request request = r.getValue();
            String basic = "Basic " + Base64.getEncoder().encodeToString((request.user() + ":demo-" + request.user()).getBytes(StandardCharsets.UTF_8));
            run(request, bearer.get(request.user()), 500);
            double withBearer = run(request, bearer.get(request.user()), REQUESTS);
            run(request, basic, 500);
            double withBasic = run(request, basic, REQUESTS);
            System.out.printf(Locale.ROOT, "BENCH authenticated requests: %s: Bearer %.0f/s, Basic (remembered) %.0f/s%n", r.getKey(), withBearer, withBasic);
            if (r.getKey().equals("timeline comment")) lightBearer = withBearer;
        }
        assertThat(lightBearer).isGreaterThan(20 * bcryptRate);
    }

    private record Request(String method, String path, String json, String user) {}

    private double run(Request r, String authorization, int requests) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                while (next.getAndIncrement() < requests) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(http.base() + r.path())).header("Authorization", authorization)
                            .header("Content-Type", "application/json")
                            .method(r.method(), r.json() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(r.json()))
                            .build();
                    try {
                        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != 200 && status != 201) failures.incrementAndGet();
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
