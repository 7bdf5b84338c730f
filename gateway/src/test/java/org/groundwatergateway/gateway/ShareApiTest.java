package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The share workflow end to end, under the shipped default policy: the partner park's gateway (client credentials)
 * requests the monitoring exchange, the security administrator approves, and the same token at once sees what the
 * template grants through the real doors (SensorThings Sensors, hidden from partner parks by the default; wells on
 * OGC API to 100 m instead of 500 m); revocation and expiry take it away again, measured against the 60 s issue #13
 * allows; bad input is refused naming each field, in Chinese or English.
 */
class ShareApiTest extends RunningGateway {

    private static final String SECADMIN = "secadmin";
    private static final String SECADMIN_PASSWORD = "demo-secadmin";
    private static final String SENSORS = "/sta/v1.1/Sensors";
    private static final String GW_U04 = "/ogcapi/collections/wells/items?code=GW-U04";
    private static final Duration BOUND = Duration.ofSeconds(60);

    private String partnerToken;

    @BeforeEach
    void theShippedDefaultAndAPartnerToken() {
        ok(http.post("/api/v1/policies/2/activate", "", SECADMIN, SECADMIN_PASSWORD));
        Http.Response token = http.post("/oauth2/token", "application/x-www-form-urlencoded", "grant_type=client_credentials", "partner-park",
                "demo-secret-partner");
        partnerToken = ok(token).get("access_token").asString();
    }

    /** Other tests share this gateway: no grant left in force, and the open policy active, as the first start leaves it. */
    @AfterEach
    void revokeGrantsAndReactivateTheOpenPolicy() {
        for (JsonNode grant : ok(http.getAs("/api/v1/grants", SECADMIN, SECADMIN_PASSWORD))) {
            String state = grant.get("state").asString();
            if (state.equals("ACTIVE") || state.equals("SCHEDULED")) {
                ok(http.post("/api/v1/grants/" + grant.get("id").asLong() + "/revoke", "{\"reason\": \"test over\"}", SECADMIN, SECADMIN_PASSWORD));
            }
        }
        ok(http.post("/api/v1/policies/1/activate", "", SECADMIN, SECADMIN_PASSWORD));
    }

    private Http.Response asPartner(String path) {
        return http.anonymous().get(path, Map.of("Authorization", "Bearer " + partnerToken));
    }

    private Http.Response requestAsPartner(String json, String language) {
        return http.anonymous().post("/api/v1/share-requests", json, Map.of("Authorization", "Bearer " + partnerToken, "Accept-Language", language));
    }

    private long requested(List<String> datasets, Instant until) {
        String body = "{\"template\": \"partner-monitoring-exchange\", \"datasets\": [\"" + String.join("\", \"", datasets)
                + "\"], \"purpose\": \"joint monitoring of the shared aquifer\", \"validUntil\": \"" + until + "\"}";
        Http.Response created = requestAsPartner(body, "zh-CN");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("organisation").asString()).isEqualTo("partner-park");
        assertThat(created.json().get("status").asString()).isEqualTo("REQUESTED");
        return created.json().get("id").asLong();
    }

    private JsonNode approve(long request) {
        Http.Response approved = http.post("/api/v1/share-requests/" + request + "/approve", "{\"note\": \"agreement 2026-17\"}", SECADMIN, SECADMIN_PASSWORD);
        assertThat(approved.raw().headers().firstValue("Audit-Entry")).isPresent();
        return ok(approved);
    }

    /** GW-U04's longitude as the partner sees it on OGC API – Features. */
    private double partnerLongitudeOfGwU04() {
        return ok(asPartner(GW_U04)).get("features").get(0).get("geometry").get("coordinates").get(0).asDouble();
    }

    private static double snapped(double degrees, double metres) {
        double step = metres / 111_320;
        return Math.round(degrees / step) * step;
    }

    /** Polls the door until the partner is refused; the time it took from {@code since}. */
    private Duration untilRefused(Instant since) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.plusSeconds(10).toNanos();
        while (asPartner(SENSORS).status() != 404) {
            assertThat(System.nanoTime()).as("still shown %s after", BOUND).isLessThan(deadline);
            Thread.sleep(50);
        }
        return Duration.between(since, Instant.now());
    }

    @Test
    void anApprovedRequestOpensTheDoorsToTheGrantAndRevocationClosesThemWithinSixtySeconds() throws InterruptedException {
        double exactLongitude = ok(http.get(GW_U04)).get("features").get(0).get("geometry").get("coordinates").get(0).asDouble();
        assertThat(asPartner(SENSORS).status()).isEqualTo(404);
        assertThat(partnerLongitudeOfGwU04()).isCloseTo(snapped(exactLongitude, 500), within(1e-9));

        long request = requested(List.of("wells", "Sensors"), Instant.now().plus(Duration.ofDays(30)));
        assertThat(asPartner(SENSORS).status()).as("not before approval").isEqualTo(404);
        JsonNode grant = approve(request);
        assertThat(grant.get("state").asString()).isEqualTo("ACTIVE");
        List<String> rules = new ArrayList<>();
        grant.get("rules").forEach(r -> rules.add(r.get("id").asString()));
        long id = grant.get("id").asLong();
        assertThat(rules).containsExactly("grant-" + id + ".wells", "grant-" + id + ".readings");

        JsonNode sensors = ok(asPartner(SENSORS));
        assertThat(sensors.get("value").size()).isPositive();
        assertThat(partnerLongitudeOfGwU04()).isCloseTo(snapped(exactLongitude, 100), within(1e-9));
        JsonNode explained = ok(http.getAs("/api/v1/policies/explain?audience=organisation:partner-park&dataset=wells", SECADMIN, SECADMIN_PASSWORD));
        assertThat(explained.get("datasets").get(0).get("rules").get(0).asString()).isEqualTo("grant-" + id + ".wells");
        // The partner reads its own grant; the enterprise, another organisation, does not see it.
        assertThat(ok(asPartner("/api/v1/grants/" + id)).get("organisation").asString()).isEqualTo("partner-park");
        assertThat(http.getAs("/api/v1/grants/" + id, "enterprise", "demo-enterprise").status()).isEqualTo(404);
        assertThat(http.post("/api/v1/grants/" + id + "/revoke", "{\"reason\": \"mine\"}", "partner", "demo-partner").status()).isEqualTo(403);

        Instant asked = Instant.now();
        Http.Response revoked = http.post("/api/v1/grants/" + id + "/revoke", "{\"reason\": \"agreement ended\"}", SECADMIN, SECADMIN_PASSWORD);
        Instant answered = Instant.now();
        assertThat(ok(revoked).get("state").asString()).isEqualTo("REVOKED");
        assertThat(revoked.raw().headers().firstValue("Audit-Entry")).isPresent();
        Duration latency = untilRefused(asked);
        System.out.printf("Grant revocation: the partner was refused %d ms after the revocation was asked (%d ms after it was answered)%n",
                latency.toMillis(), Duration.between(answered, Instant.now()).toMillis());
        assertThat(latency).isLessThan(BOUND);
        assertThat(partnerLongitudeOfGwU04()).isCloseTo(snapped(exactLongitude, 500), within(1e-9));

        JsonNode versions = ok(asPartner("/api/v1/grants/" + id)).get("versions");
        assertThat(versions.size()).isEqualTo(2);
        assertThat(versions.get(1).get("status").asString()).isEqualTo("REVOKED");
        assertThat(versions.get(1).get("reason").asString()).isEqualTo("agreement ended");
        assertThat(problem(http.post("/api/v1/grants/" + id + "/revoke", "{\"reason\": \"again\"}", SECADMIN, SECADMIN_PASSWORD), 409)).contains("撤销");
    }

    @Test
    void aGrantEndsByItselfWhenItsPeriodEnds() throws InterruptedException {
        Instant until = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        JsonNode grant = approve(requested(List.of("Sensors"), until));
        assertThat(grant.get("validUntil").asString()).isEqualTo(until.toString());
        assertThat(asPartner(SENSORS).status()).isEqualTo(200);
        Duration afterEnd = untilRefused(until);
        System.out.printf("Grant expiry: the partner was refused %d ms after the grant's end%n", afterEnd.toMillis());
        assertThat(afterEnd).isLessThan(BOUND);
        assertThat(ok(asPartner("/api/v1/grants/" + grant.get("id").asLong())).get("state").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void badInputIsRefusedNamingEachFieldInTheCallersLanguage() {
        String bad = "{\"template\": \"partner-monitoring-exchange\", \"datasets\": [\"welss\"], \"purpose\": \"\", \"validUntil\": \"next week\"}";
        Http.Response chinese = requestAsPartner(bad, "zh-CN,zh;q=0.9,en;q=0.8");
        assertThat(chinese.status()).isEqualTo(400);
        assertThat(chinese.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(chinese.raw().headers().firstValue("Content-Language")).contains("zh-CN");
        List<String> fields = new ArrayList<>();
        chinese.json().get("errors").forEach(e -> fields.add(e.get("field").asString() + " " + e.get("reason").asString()));
        assertThat(fields).containsExactly("datasets[0] 未知数据集“welss”", "purpose 必填",
                "validUntil “next week”不是带时区偏移的 ISO-8601 时间，例如 2026-05-01T08:00:00+08:00");

        Http.Response english = requestAsPartner(bad, "en-GB,en;q=0.9");
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.json().get("detail").asString()).startsWith("datasets[0]: unknown dataset 'welss'; purpose: required; validUntil: ");

        String tooLong = "{\"template\": \"emergency-mutual-aid\", \"purpose\": \"incident\", \"validUntil\": \"" + Instant.now().plus(Duration.ofDays(4)) + "\"}";
        assertThat(requestAsPartner(tooLong, "en").json().get("errors").get(0).get("reason").asString())
                .isEqualTo("template emergency-mutual-aid grants at most 72 h");
        // People of the park administration request nothing: no template is for them (and the matrix refuses them first).
        assertThat(http.post("/api/v1/share-requests", tooLong, SECADMIN, SECADMIN_PASSWORD).status()).isEqualTo(403);
        // The enterprise may ask for research, not for the partner parks' templates.
        Http.Response notForEnterprises = http.post("/api/v1/share-requests", tooLong, "enterprise", "demo-enterprise");
        assertThat(notForEnterprises.json().get("errors").get(0).get("field").asString()).isEqualTo("template");

        long request = requested(List.of("Sensors"), Instant.now().plus(Duration.ofDays(1)));
        assertThat(http.post("/api/v1/share-requests/" + request + "/refuse", "{}", SECADMIN, SECADMIN_PASSWORD).json().get("errors").get(0)
                .get("field").asString()).isEqualTo("reason");
        assertThat(ok(http.post("/api/v1/share-requests/" + request + "/refuse", "{\"reason\": \"no agreement yet\"}", SECADMIN, SECADMIN_PASSWORD))
                .get("status").asString()).isEqualTo("REFUSED");
        assertThat(http.post("/api/v1/share-requests/" + request + "/approve", "{}", SECADMIN, SECADMIN_PASSWORD).status()).isEqualTo(409);
        assertThat(http.getAs("/api/v1/share-requests/" + request, "enterprise", "demo-enterprise").status()).isEqualTo(404);
        assertThat(asPartner(SENSORS).status()).isEqualTo(404);
    }

    @Test
    void theTemplatesSayWhatTheyGrantWhoMayAskAndForHowLong() {
        JsonNode templates = ok(asPartner("/api/v1/grant-templates"));
        List<String> ids = new ArrayList<>();
        templates.forEach(t -> ids.add(t.get("id").asString() + " " + t.get("longestHours").asLong()));
        assertThat(ids).containsExactly("partner-monitoring-exchange 8784", "research 8784", "emergency-mutual-aid 72");
        JsonNode wells = templates.get(0).get("rules").get(0);
        assertThat(wells.get("effects").get(0).get("type").asString()).isEqualTo("coarsenLocation");
        assertThat(wells.get("effects").get(0).get("metres").asDouble()).isEqualTo(100);
        assertThat(http.anonymous().get("/api/v1/grant-templates").status()).isEqualTo(401);
    }
}
