package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue #15: a read whose filter makes the database work for long is cancelled by the database after
 * {@code gw.query-timeout} and answered 503 in the door's error format, and the gateway goes on serving.
 */
class QueryTimeoutTest extends RunningGateway {

    @DynamicPropertySource
    static void shortTimeout(DynamicPropertyRegistry registry) {
        registry.add("gw.query-timeout", () -> "PT1S");
    }

    @Test
    void sensorThingsAnswers503OnceTheDatabaseCancelsACostlyFilter() {
        // Each of the 10,800 Observations searches an 8,000-character text for a 4,001-character one that it almost
        // matches everywhere: milliseconds per row, about a minute in all. Sent in a $batch: the URL is too long for a GET.
        String filter = "indexof(concat(Datastream/name, '" + "a".repeat(8_000) + "'), '" + "a".repeat(4_000) + "b') eq 1";
        String batch = "{\"requests\": [{\"id\": \"1\", \"method\": \"get\", \"url\": \"Observations?$top=1&$filter=" + filter + "\"}]}";
        long start = System.nanoTime();
        Http.Response response = http.post("/sta/v1.1/$batch", batch, "admin", "demo-admin");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var answer = response.json().path("responses").get(0);
        assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(503);
        assertThat(answer.path("body").path("message").asString()).contains("gw.query-timeout");
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(http.get("/sta/v1.1/Things?$top=1").status()).isEqualTo(200);
    }
}
