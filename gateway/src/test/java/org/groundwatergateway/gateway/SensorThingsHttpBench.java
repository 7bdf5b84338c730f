package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue #14's expanded SensorThings pages measured as the issue measured them: over HTTP against a gateway started as
 * the README starts it (embedded H2GIS, the demo park's year), by an anonymous client. Each expanded page is requested
 * in turn with the plain page it expands, after a warm-up, and its p95 is given as a multiple of the plain page's. Each
 * request has a $skip of its own: H2 answers a statement run again with the same values from its last result.
 */
@Tag("bench")
@TestPropertySource(properties = "gw.demo-days=365")
class SensorThingsHttpBench extends RunningGateway {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 300);
    private static final int WARM_UP = Integer.getInteger("bench.warmUp", 300);

    /** The demo's year: about a minute on this machine, more on a slower one or under a profiler. */
    @Override
    protected Duration demoLoadBudget() {
        return Duration.ofMinutes(5);
    }

    @Test
    void expandedPagesAgainstThePlainPagesTheyExpand() {
        Http client = http.anonymous();
        String newest = "$top=100&$orderby=" + encode("phenomenonTime desc");
        compare(client, "/sta/v1.1/Observations", newest, 1_000,
                newest + "&$expand=" + encode("Datastream($expand=Thing)"),
                newest + "&$expand=" + encode("Datastream,FeatureOfInterest"),
                newest + "&$expand=Datastream",
                newest + "&$expand=FeatureOfInterest");
        compare(client, "/sta/v1.1/Datastreams", "$top=100", 120,
                "$top=100&$expand=" + encode("Observations($top=1;$orderby=phenomenonTime desc)"));
    }

    private static void compare(Http client, String path, String plain, int skips, String... expanded) {
        String[] queries = new String[expanded.length + 1];
        queries[0] = plain;
        System.arraycopy(expanded, 0, queries, 1, expanded.length);
        Random random = new Random(14);
        long[][] nanos = new long[queries.length][ROUNDS];
        long[] bytes = new long[queries.length];
        for (int i = -WARM_UP; i < ROUNDS; i++) {
            for (int q = 0; q < queries.length; q++) {
                String url = path + "?" + queries[q] + "&$skip=" + random.nextInt(skips);
                long begin = System.nanoTime();
                Http.Response response = client.get(url);
                long took = System.nanoTime() - begin;
                assertThat(response.status()).as(url).isEqualTo(200);
                if (i >= 0) {
                    nanos[q][i] = took;
                    bytes[q] += response.body().length();
                }
            }
        }
        for (long[] n : nanos) Arrays.sort(n);
        double plainP95 = nanos[0][(int) (ROUNDS * 0.95)];
        for (int q = 0; q < queries.length; q++) {
            System.out.printf(Locale.ROOT, "BENCH sta-http in turn %s?%s: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms over %d, %.0f kB per answer; p95 %.2f× the plain page's%n",
                    path, queries[q], nanos[q][ROUNDS / 2] / 1e6, nanos[q][(int) (ROUNDS * 0.95)] / 1e6, nanos[q][(int) (ROUNDS * 0.99)] / 1e6,
                    ROUNDS, bytes[q] / 1024.0 / ROUNDS, nanos[q][(int) (ROUNDS * 0.95)] / plainP95);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
