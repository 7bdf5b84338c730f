package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Requests built to be expensive or malformed: each is refused with a 4xx in its door's error format, naming the
 * problem, and quickly, instead of overflowing a stack, multiplying pages or surfacing a server error.
 */
class MalformedRequestsTest extends RunningGateway {

    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    /** The answer, asserted to have come within {@link #PROMPTLY}; the measured time is printed for the record. */
    private static Http.Response timed(String what, Supplier<Http.Response> request) {
        long start = System.nanoTime();
        Http.Response response = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("MalformedRequestsTest: " + what + " answered " + response.status() + " in " + took.toMillis() + " ms");
        assertThat(took).as(what).isLessThan(PROMPTLY);
        return response;
    }

    private static void assertStaError(Http.Response response, String... named) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("code").asInt()).isEqualTo(400);
        assertThat(response.json().path("message").asString()).contains(named);
    }

    @Test
    void sensorThingsRefusesExpandNestedBeyondTheDepthLimit() {
        String expand = "Datastreams($expand=Thing($expand=Datastreams($expand=Observations($top=10000))))";
        Http.Response response = timed("$expand 4 deep", () -> http.anonymous().get("/sta/v1.1/Things?$top=10000&$expand=" + expand));
        assertStaError(response, "gw.sta.max-expand-depth", "3");
    }

    @Test
    void sensorThingsRefusesAnAnswerOfMoreEntitiesThanTheBudget() {
        Http.Response response = timed("10,000 Observations each expanded",
                () -> http.get("/sta/v1.1/Observations?$top=10000&$expand=Datastream($expand=Thing)"));
        assertStaError(response, "gw.sta.max-entities", "10000");
    }

    @Test
    void sensorThingsRefusesAFilterNestedTooDeep() {
        String filter = "(".repeat(1500) + "result%20gt%200" + ")".repeat(1500);
        Http.Response response = timed("$filter 1,500 parentheses deep", () -> http.anonymous().get("/sta/v1.1/Observations?$filter=" + filter));
        assertStaError(response, "$filter", "nested more than 64 levels");
    }
}
