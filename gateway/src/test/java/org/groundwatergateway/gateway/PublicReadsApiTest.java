package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The public portal's two reads under the shipped default policy: what the caller is shown of each dataset (its own
 * effects), and wells per quality class, never past the public's 24 h delay; bad input named by field in the caller's
 * language.
 */
// The leak matrix's context, which runs under the shipped default too.
@TestPropertySource(properties = "gw.rate-limits.enabled=false")
class PublicReadsApiTest extends RunningGateway {

    @BeforeEach
    void shippedDefault() {
        activateShippedDefaultPolicy();
    }

    @Test
    void thePublicIsToldItsOwnEffects() {
        JsonNode wells = http.anonymous().get("/api/v1/disclosure?dataset=wells").json().path("datasets").get(0);
        assertThat(wells.path("dataset").asString()).isEqualTo("wells");
        assertThat(wells.path("visible").asBoolean()).isTrue();
        assertThat(wells.path("locationMetres").asDouble()).isEqualTo(500.0);
        JsonNode readings = http.anonymous().get("/api/v1/disclosure?dataset=readings").json().path("datasets").get(0);
        assertThat(readings.path("delayMinutes").asLong()).isEqualTo(24 * 60);
        // The regulator is shown the wells exactly: no coarsening in its answer.
        JsonNode regulator = http.signedInAs("regulator", "demo-regulator").get("/api/v1/disclosure?dataset=wells").json().path("datasets").get(0);
        assertThat(regulator.has("locationMetres")).isFalse();

        Http.Response unknown = http.anonymous().get("/api/v1/disclosure?dataset=nonsense", Map.of("Accept-Language", "zh-CN"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("field").asString()).isEqualTo("dataset");
        assertThat(unknown.json().path("detail").asString()).containsPattern("\\p{IsHan}");
    }

    @Test
    void classCountsStopAtThePublicsDelayAndBadInputIsNamed() {
        Instant now = Instant.now();
        JsonNode series = http.anonymous().get("/api/v1/quality-classes?parameter=benzene&interval=day&from=" + now.minus(Duration.ofDays(3))
                + "&to=" + now).json();
        // Read only up to 24 h ago, whatever "to" asks for.
        assertThat(Instant.parse(series.path("to").asString())).isBeforeOrEqualTo(now.minus(Duration.ofHours(24)).plusSeconds(1));
        for (JsonNode step : series.path("steps")) {
            assertThat(Instant.parse(step.path("start").asString())).isBefore(now.minus(Duration.ofHours(24)));
            int total = 0;
            for (JsonNode n : step.path("classes")) total += n.asInt();
            assertThat(total).isEqualTo(step.path("wells").asInt());
        }

        Http.Response interval = http.anonymous().get("/api/v1/quality-classes?parameter=benzene&interval=week", Map.of("Accept-Language", "en"));
        assertThat(interval.status()).isEqualTo(400);
        assertThat(interval.json().path("field").asString()).isEqualTo("interval");
        Http.Response backwards = http.anonymous().get("/api/v1/quality-classes?parameter=benzene&from=2025-11-03T00:00:00Z&to=2025-11-02T00:00:00Z");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().path("field").asString()).isEqualTo("to");
        Http.Response noClasses = http.anonymous().get("/api/v1/quality-classes?parameter=water-level");
        assertThat(noClasses.status()).isEqualTo(400);
        assertThat(noClasses.json().path("field").asString()).isEqualTo("parameter");
    }
}
