package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.alert.AlertRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/alerts/{id}}, the link a notification carries: one alert, open or cleared, read through the sharing
 * policy like the list; a missing alert and a drill's (which is no real alert) answer the same problem+json 404.
 */
class AlertLinkTest extends RunningGateway {

    @Autowired
    private AlertRepository alerts;

    @Test
    void anAlertIsReadByItsLinkOpenOrClearedAndNothingElseIs() {
        String subject = "GW-U04/benzene-link-" + System.nanoTime();
        long id = alerts.raise("LINK_TEST", Alert.Level.SERIOUS, subject, "苯 0.08 mg/L，超过 IV 类限值", Instant.now().minusSeconds(60))
                .orElseThrow().id();

        Http.Response link = http.get("/api/v1/alerts/" + id);
        assertThat(link.raw().headers().firstValue("Audit-Entry")).as("a disclosure, with its receipt").isPresent();
        JsonNode alert = ok(link);
        assertThat(alert.get("id").asLong()).isEqualTo(id);
        assertThat(alert.get("subject").asString()).isEqualTo(subject);
        assertThat(alert.get("level").asString()).isEqualTo("SERIOUS");
        assertThat(alert.get("message").asString()).contains("苯");

        alerts.clear(id, Instant.now());
        JsonNode cleared = ok(http.get("/api/v1/alerts/" + id));
        assertThat(cleared.get("clearedAt").isNull()).isFalse();
        assertThat(ids(ok(http.get("/api/v1/alerts")))).doesNotContain(id);

        long drillAlert = alerts.forDrill(987_654).raise("LINK_TEST", Alert.Level.SEVERE, subject, "演练报警", Instant.now()).orElseThrow().id();
        Http.Response missing = http.get("/api/v1/alerts/987654321");
        Http.Response drill = http.get("/api/v1/alerts/" + drillAlert);
        assertThat(problem(missing, 404)).contains("987654321");
        assertThat(problem(drill, 404)).contains(String.valueOf(drillAlert));
        assertThat(missing.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    /**
     * Under the shipped default the public sees alerts 24 h late and without message or origin (README, "Sharing"): the
     * link answers so too — 404 for a fresh alert, the old one without its message — while the park administration sees
     * both in full. The policy active before is restored.
     */
    @Test
    void theLinkShowsWhatTheSharingPolicyShows() {
        Http secadmin = http.signedInAs("secadmin", "demo-secadmin");
        JsonNode versions = ok(secadmin.get("/api/v1/policies"));
        int before = versions.get("active").asInt();
        int shipped = -1;
        for (JsonNode v : versions.get("versions")) if (v.get("name").asString().equals("shipped default")) shipped = v.get("version").asInt();
        assertThat(shipped).isPositive();
        String subject = "GW-U05/benzene-link-" + System.nanoTime();
        long fresh = alerts.raise("LINK_TEST", Alert.Level.SEVERE, subject, "苯 0.3 mg/L", Instant.now().minusSeconds(60)).orElseThrow().id();
        long old = alerts.raise("LINK_TEST", Alert.Level.SEVERE, subject + "-old", "苯 0.2 mg/L", Instant.now().minus(java.time.Duration.ofHours(30)))
                .orElseThrow().id();
        try {
            ok(secadmin.post("/api/v1/policies/" + shipped + "/activate", "", "secadmin", "demo-secadmin"));
            assertThat(problem(http.anonymous().get("/api/v1/alerts/" + fresh), 404)).doesNotContain("苯");
            JsonNode late = ok(http.anonymous().get("/api/v1/alerts/" + old));
            assertThat(late.get("id").asLong()).isEqualTo(old);
            assertThat(late.path("message").isNull() || late.path("message").isMissingNode()).as(late.toString()).isTrue();
            assertThat(ok(http.get("/api/v1/alerts/" + fresh)).get("message").asString()).contains("苯");
        } finally {
            ok(secadmin.post("/api/v1/policies/" + before + "/activate", "", "secadmin", "demo-secadmin"));
        }
    }

    private static java.util.List<Long> ids(JsonNode array) {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        for (JsonNode a : array) ids.add(a.get("id").asLong());
        return ids;
    }
}
