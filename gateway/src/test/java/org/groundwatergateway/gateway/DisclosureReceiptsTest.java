package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every answer of a data door is a recorded disclosure: its receipt id and what was masked ride on the response, and
 * the audit entry holds the SHA-256 of exactly the bytes received, computed here independently.
 */
class DisclosureReceiptsTest extends RunningGateway {

    @Test
    void anAnswerCarriesItsReceiptAndTheAuditHoldsTheHashOfItsBytes() throws Exception {
        java.util.Map<String, Integer> rows = java.util.Map.of("/ogcapi/collections/wells/items?limit=3", 3, "/sta/v1.1/Things?$top=2", 2,
                "/api/v1/wells/GW-U04", 1, "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gw:wells&COUNT=2", 2);
        for (String path : rows.keySet()) {
            Http.Response answer = http.anonymous().get(path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            String receipt = answer.raw().headers().firstValue("Audit-Entry").orElseThrow(() -> new AssertionError("no receipt for " + path));
            assertThat(answer.raw().headers().firstValue("GW-Disclosure").orElseThrow()).startsWith("policy v");
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(answer.body().getBytes(StandardCharsets.UTF_8)));
            JsonNode entry = ok(http.getAs("/api/v1/audit/entries?from=" + receipt + "&limit=1", "auditor", "demo-auditor")).get(0);
            assertThat(entry.get("seq").asLong()).isEqualTo(Long.parseLong(receipt));
            assertThat(entry.get("kind").asString()).isEqualTo("DISCLOSURE");
            assertThat(entry.get("dataset").asString()).as(path).isNotBlank();
            assertThat(entry.get("contentHash").asString()).as("the hash of the bytes %s answered", path).isEqualTo(sha256);
            assertThat(entry.get("personal").get("principal").asString()).isEqualTo("anonymous");
            assertThat(entry.get("rowCount").asLong()).as("the rows %s answered", path).isEqualTo(rows.get(path).longValue());
            assertThat(entry.get("valueCount").asLong()).as("the values %s answered", path).isGreaterThanOrEqualTo(3L * rows.get(path));
        }
        // No request header takes an answer past its receipt (an Accept of event streams once did, in review).
        Http.Response asStream = http.getAs("/api/v1/wells/GW-U04", "text/event-stream, application/json", "regulator", "demo-regulator");
        if (asStream.status() == 200) assertThat(asStream.raw().headers().firstValue("Audit-Entry")).isPresent();
        // A refused request disclosed nothing and gets no receipt.
        Http.Response refused = http.anonymous().get("/ogcapi/collections/nothing/items");
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.raw().headers().firstValue("Audit-Entry")).isEmpty();
    }
}
