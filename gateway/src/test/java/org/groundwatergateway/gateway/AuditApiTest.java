package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit administrator's console of the tamper-evident audit log: administrative actions carry their receipt and
 * are listed with who did them, the chain verifies, the export is checkable by hand from docs/security.md, and only
 * the audit administrator reads it; the security administrator erases a person's data and the chain still verifies.
 */
class AuditApiTest extends RunningGateway {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anAdministrativeActionIsRecordedWithItsReceiptAndTheChainVerifies() {
        Http.Response created = http.post("/api/v1/organisations", "{\"code\": \"audit-reg\", \"nameZh\": \"审计测试监管\", \"kind\": \"CITY_REGULATOR\"}",
                "sysadmin", "demo-sysadmin");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long receipt = Long.parseLong(created.raw().headers().firstValue("Audit-Entry").orElseThrow());

        JsonNode entry = ok(http.getAs("/api/v1/audit/entries?from=" + receipt + "&limit=1", "auditor", "demo-auditor")).get(0);
        assertThat(entry.get("seq").asLong()).isEqualTo(receipt);
        assertThat(entry.get("kind").asString()).isEqualTo("ADMINISTRATION");
        assertThat(entry.get("action").asString()).isEqualTo("create organisation audit-reg (CITY_REGULATOR)");
        assertThat(entry.get("roles").asString()).isEqualTo("SYSTEM_ADMIN");
        assertThat(entry.get("personal").get("principal").asString()).isEqualTo("sysadmin");
        assertThat(entry.get("personal").get("address").asString()).isEqualTo("127.0.0.1");
        assertThat(entry.get("principalHash").asString()).hasSize(64);

        JsonNode verification = ok(http.getAs("/api/v1/audit/verify", "auditor", "demo-auditor"));
        assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("entries").asLong()).isGreaterThanOrEqualTo(receipt);
        // Sign-ins are entries of the chain too.
        JsonNode first = ok(http.getAs("/api/v1/audit/entries?from=1&limit=1000", "auditor", "demo-auditor"));
        assertThat(first.findValuesAsString("kind")).contains("LOGIN");
    }

    @Test
    void theExportCarriesTheProofAndEveryEntryRecomputesAsDocumented() throws Exception {
        http.post("/api/v1/signing-keys", "{}", "sysadmin", "demo-sysadmin");
        Http.Response export = http.getAs("/api/v1/audit/export?from=1", "auditor", "demo-auditor");
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-ndjson");
        assertThat(export.raw().headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        List<String> lines = export.body().lines().toList();
        JsonNode header = JSON.readTree(lines.get(0));
        assertThat(header.get("verification").get("ok").asBoolean()).isTrue();
        long to = header.get("to").asLong();
        assertThat(lines).hasSize((int) to + 1);

        String previous = "0".repeat(64);
        for (String line : lines.subList(1, lines.size())) {
            JsonNode e = JSON.readTree(line);
            assertThat(e.has("personal")).as("no personal plaintext in an export").isFalse();
            assertThat(e.get("previousHash").asString()).isEqualTo(previous);
            assertThat(recomputed(e)).as("entry " + e.get("seq")).isEqualTo(e.get("entryHash").asString());
            previous = e.get("entryHash").asString();
        }
        assertThat(previous).as("the last line ends in the verified head").isEqualTo(header.get("verification").get("headHash").asString());
    }

    @Test
    void onlyTheAuditAdministratorReadsTheAuditAndTheSecurityAdministratorErases() {
        for (String path : List.of("/api/v1/audit/verify", "/api/v1/audit/entries", "/api/v1/audit/export")) {
            assertThat(http.getAs(path, "sysadmin", "demo-sysadmin").status()).as(path).isEqualTo(403);
            assertThat(http.getAs(path, "secadmin", "demo-secadmin").status()).as(path).isEqualTo(403);
            assertThat(http.anonymous().get(path).status()).as(path).isEqualTo(401);
        }
        assertThat(http.post("/api/v1/audit/erasures", "{\"principal\": \"x\"}", "auditor", "demo-auditor").status()).isEqualTo(403);
        assertThat(http.post("/api/v1/audit/erasures", "{\"principal\": \"x\"}", "sysadmin", "demo-sysadmin").status()).isEqualTo(403);
        assertThat(problem(http.post("/api/v1/audit/erasures", "{}", "secadmin", "demo-secadmin"), 400)).startsWith("principal");
        assertThat(problem(http.getAs("/api/v1/audit/entries?from=0", "auditor", "demo-auditor"), 400)).startsWith("from：");

        // A person signs in (recorded with name and address), then asks to be erased.
        assertThat(http.post("/api/v1/users", "{\"username\": \"erase-me\", \"organisation\": \"park-admin\", \"roles\": [\"ANALYST\"], "
                + "\"password\": \"Forget-Me-2026\"}", "sysadmin", "demo-sysadmin").status()).isEqualTo(201);
        assertThat(http.getAs("/api/v1/me", "erase-me", "Forget-Me-2026").status()).isEqualTo(200);
        assertThat(plaintextNames()).contains("erase-me");

        JsonNode erased = ok(http.post("/api/v1/audit/erasures", "{\"principal\": \"erase-me\"}", "secadmin", "demo-secadmin"));
        assertThat(erased.get("fieldsErased").asInt()).isGreaterThanOrEqualTo(3); // their sign-in's name and address, the creation's subject
        assertThat(plaintextNames()).doesNotContain("erase-me").contains("sysadmin");
        JsonNode verification = ok(http.getAs("/api/v1/audit/verify", "auditor", "demo-auditor"));
        assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isTrue();
        JsonNode erasure = ok(http.getAs("/api/v1/audit/entries?from=" + erased.get("auditEntry").asLong() + "&limit=1", "auditor", "demo-auditor")).get(0);
        assertThat(erasure.get("action").asString()).startsWith("erase personal data");
        assertThat(erasure.get("personal").get("principal").asString()).isEqualTo("secadmin");
    }

    /** Every plaintext name and subject the audit administrator can read. */
    private List<String> plaintextNames() {
        JsonNode entries = ok(http.getAs("/api/v1/audit/entries?from=1&limit=10000", "auditor", "demo-auditor"));
        List<String> names = new java.util.ArrayList<>();
        for (JsonNode e : entries) {
            for (String field : List.of("principal", "subject")) {
                JsonNode value = e.get("personal").get(field);
                if (value != null && !value.isNull()) names.add(value.asString());
            }
        }
        return names;
    }

    /** The entry hash as docs/security.md tells a regulator to compute it: netstrings of the fields in order, SHA-256. */
    private static String recomputed(JsonNode e) throws Exception {
        ByteArrayOutputStream canonical = new ByteArrayOutputStream();
        for (String field : List.of("previousHash", "at", "kind", "action", "door", "dataset", "policyVersion", "principalHash", "roles",
                "organisation", "addressHash", "subjectHash", "rowCount", "valueCount", "contentHash")) {
            JsonNode value = e.get(field);
            if (value == null || value.isNull()) {
                canonical.writeBytes("-,".getBytes(StandardCharsets.US_ASCII));
            } else {
                byte[] bytes = value.asString().getBytes(StandardCharsets.UTF_8);
                canonical.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                canonical.writeBytes(bytes);
                canonical.write(',');
            }
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.toByteArray()));
    }
}
