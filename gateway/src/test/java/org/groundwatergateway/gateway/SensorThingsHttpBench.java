package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.groundwatergateway.core.testing.InTurn;
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
        Random random = new Random(14);
        List<InTurn.Request> requests = Stream.concat(Stream.of(plain), Stream.of(expanded))
                .map(query -> new InTurn.Request(path + "?" + query, () -> path + "?" + query + "&$skip=" + random.nextInt(skips))).toList();
        InTurn.compare("sta-http", WARM_UP, ROUNDS, requests, url -> {
            Http.Response response = client.get(url);
            assertThat(response.status()).as(url).isEqualTo(200);
            return response.body().getBytes(StandardCharsets.UTF_8).length;
        });
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
