package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.groundwatergateway.gateway.federation.SignedMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Two park gateways on loopback in one JVM (issue #19): park A is this test's gateway, park B a second one started
 * here, each with its own embedded database, HTTP, HJ 212 and MQTT ports, both holding the demo park. B shares two
 * datastreams with A under an agreement (a grant at B); A pulls them through B's SensorThings API with its client
 * credentials and mirrors them with their origin and B's disclosure; A asking B for more gets nothing more; B
 * stopped leaves A's mirror stale with the last success; B restarted, the mirror converges with no gap and no
 * duplicate, counted; a signed push is accepted once and a tampered or replayed one refused; ending the agreement at B
 * stops the flow within 60 s.
 */
@TestPropertySource(properties = {"gw.federation.gateway-id=gw-park-a", "gw.federation.pull-interval=PT1S", "gw.federation.stale-after=PT5S",
        "gw.federation.backoff-max=PT2S", "gw.federation.allow-plain-http=true", "gw.federation.intake-per-minute=8"})
class FederationTest extends RunningGateway {

    private static final String SECADMIN = "secadmin";
    private static final String SECADMIN_PASSWORD = "demo-secadmin";
    private static final Duration BOUND = Duration.ofSeconds(60);

    private final ParkGateway parkB = new ParkGateway("gw-park-b");
    private final int portB = parkB.port();

    private Http startParkB() throws InterruptedException {
        return parkB.start();
    }

    @AfterEach
    void stopParkB() {
        parkB.stop();
    }

    private static void await(String what, Duration budget, Supplier<Boolean> condition) throws InterruptedException {
        ParkGateway.await(what, budget, condition);
    }

    private static String token(Http gateway) {
        return ParkGateway.partnerToken(gateway);
    }

    private static String peerForm(String gatewayId, String parkCode, int port) {
        return ParkGateway.peerForm(gatewayId, parkCode, port, "POLYGON ((120.1 33.2, 120.2 33.2, 120.2 33.3, 120.1 33.3, 120.1 33.2))");
    }

    private static String agreementForm(long peer, String direction, List<Long> datastreams) {
        return "{\"peer\": " + peer + ", \"direction\": \"" + direction + "\", \"datastreams\": " + datastreams + ", \"level\": \"partner-monitoring-exchange\", "
                + "\"licence\": \"CC-BY-4.0\", \"validUntil\": \"" + Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS) + "\"}";
    }

    /** The observation ids of one of B's datastreams as A's client sees them at B. */
    private static Set<Long> observationIdsAtB(Http asA, long datastream) {
        Set<Long> ids = new HashSet<>();
        String next = "/sta/v1.1/Datastreams(" + datastream + ")/Observations?$select=id&$top=10000";
        JsonNode page = ok(asA.get(next));
        page.get("value").forEach(o -> ids.add(o.get("@iot.id").asLong()));
        assertThat(page.has("@iot.nextLink")).as("one page holds them all").isFalse();
        return ids;
    }

    /** A's mirrored observations of a foreign datastream: their source ids, in time order. */
    private List<Long> mirroredIds(long foreignDatastream) {
        List<Long> ids = new ArrayList<>();
        ok(http.get("/api/v1/federation/foreign-datastreams/" + foreignDatastream + "/observations?limit=10000")).forEach(o -> ids.add(o.get("remoteId").asLong()));
        return ids;
    }

    private JsonNode mirrorOfB(long peer) {
        return ok(http.getAs("/api/v1/federation/peers/" + peer, SECADMIN, SECADMIN_PASSWORD)).get("mirror");
    }

    @Test
    void anAgreementFlowsFromBToAAndStopsWhenEnded() throws Exception {
        Http b = startParkB();
        // B under the shipped default: partner parks see observations only as classes, 24 h late, unless agreed otherwise.
        ok(b.post("/api/v1/policies/2/activate", "", SECADMIN, SECADMIN_PASSWORD));
        int portA = Integer.parseInt(http.base().substring(http.base().lastIndexOf(':') + 1));
        JsonNode datastreamsAtB = ok(b.signedInAs("admin", "demo-admin").get("/sta/v1.1/Datastreams?$select=id,name&$orderby=id&$top=3&$filter=" + URLEncoder.encode("startswith(name,'GW-')", StandardCharsets.UTF_8))).get("value");
        List<Long> shared = List.of(datastreamsAtB.get(0).get("@iot.id").asLong(), datastreamsAtB.get(1).get("@iot.id").asLong());
        long notShared = datastreamsAtB.get(2).get("@iot.id").asLong();

        // B registers A and agrees to share two datastreams, in two agreements: one grant to A's organisation at B, their union.
        long peerAatB = ParkGateway.created(b.post("/api/v1/federation/peers", peerForm("gw-park-a", "PARK-A", portA), SECADMIN, SECADMIN_PASSWORD)).get("id").asLong();
        JsonNode sharing = ParkGateway.created(b.post("/api/v1/federation/agreements", agreementForm(peerAatB, "SHARE", shared.subList(0, 1)), SECADMIN, SECADMIN_PASSWORD));
        JsonNode sharingSecond = ParkGateway.created(b.post("/api/v1/federation/agreements", agreementForm(peerAatB, "SHARE", shared.subList(1, 2)), SECADMIN,
                SECADMIN_PASSWORD));
        assertThat(sharing.get("state").asString()).isEqualTo("ACTIVE");
        long grantId = ok(b.getAs("/api/v1/federation/agreements/" + sharing.get("id").asLong(), SECADMIN, SECADMIN_PASSWORD)).get("grant").asLong();
        assertThat(sharingSecond.get("grant").asLong()).as("one grant per partner").isEqualTo(grantId);
        JsonNode grant = ok(b.getAs("/api/v1/grants/" + grantId, SECADMIN, SECADMIN_PASSWORD));
        assertThat(grant.get("organisation").asString()).isEqualTo("partner-park");
        assertThat(grant.get("rules").toString()).contains("restrictRows", "Datastream/id", String.valueOf(shared.get(0)), String.valueOf(shared.get(1)));
        // Refusals name the field.
        Http.Response bad = b.post("/api/v1/federation/agreements", "{\"peer\": 999, \"direction\": \"BOTH\", \"datastreams\": [], \"level\": \"x\"}",
                SECADMIN, SECADMIN_PASSWORD);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"peer\"", "\"direction\"", "\"datastreams\"", "\"level\"", "\"licence\"", "\"validUntil\"");
        assertThat(b.post("/api/v1/federation/agreements", agreementForm(peerAatB, "SHARE", shared), "admin", "demo-admin").status()).isEqualTo(403);

        // A asking B for more than agreed gets nothing more.
        Http asA = b.anonymous().bearer(token(b));
        JsonNode visible = ok(asA.get("/sta/v1.1/Datastreams?$select=id&$count=true"));
        assertThat(visible.get("@iot.count").asLong()).isEqualTo(2);
        assertThat(ok(b.anonymous().get("/sta/v1.1/Datastreams?$select=id&$count=true")).get("@iot.count").asLong()).as("the public at B")
                .isGreaterThan(2);
        assertThat(asA.get("/sta/v1.1/Datastreams(" + notShared + ")").status()).isEqualTo(404);
        Http.Response observationsNotShared = asA.get("/sta/v1.1/Datastreams(" + notShared + ")/Observations?$top=1");
        assertThat(observationsNotShared.status() == 404 || observationsNotShared.json().get("value").isEmpty()).as(observationsNotShared.body()).isTrue();
        long sharedAtB = observationIdsAtB(asA, shared.get(0)).size() + observationIdsAtB(asA, shared.get(1)).size();
        assertThat(sharedAtB).isPositive();
        assertThat(ok(asA.get("/sta/v1.1/Observations?$count=true&$top=1")).get("@iot.count").asLong()).isEqualTo(sharedAtB);

        // A registers B and the agreement to receive; the puller mirrors B's two datastreams with their origin.
        long peerBatA = ParkGateway.created(http.post("/api/v1/federation/peers", peerForm("gw-park-b", "PARK-B", portB), SECADMIN, SECADMIN_PASSWORD)).get("id").asLong();
        assertThat(http.getAs("/api/v1/federation/peers/" + peerBatA, SECADMIN, SECADMIN_PASSWORD).body()).doesNotContain(ParkGateway.PARTNER_SECRET);
        JsonNode receiving = ParkGateway.created(http.post("/api/v1/federation/agreements", agreementForm(peerBatA, "RECEIVE", shared), SECADMIN, SECADMIN_PASSWORD));
        assertThat(receiving.get("grant").isNull()).isTrue();
        Instant agreed = Instant.now();
        await("A mirrors B's shared observations", Duration.ofSeconds(60), () -> {
            JsonNode foreign = ok(http.get("/api/v1/federation/foreign-datastreams"));
            if (foreign.size() < 2) return false;
            long mirrored = 0;
            for (JsonNode d : foreign) mirrored += mirroredIds(d.get("id").asLong()).size();
            return mirrored == sharedAtB;
        });
        System.out.printf("Federation: A mirrored B's %d shared observations %d ms after the agreement%n", sharedAtB,
                Duration.between(agreed, Instant.now()).toMillis());
        JsonNode foreign = ok(http.get("/api/v1/federation/foreign-datastreams"));
        assertThat(foreign.size()).isEqualTo(2);
        JsonNode first = foreign.get(0);
        assertThat(first.get("origin").get("gateway").asString()).isEqualTo("gw-park-b");
        assertThat(first.get("origin").get("park").asString()).isEqualTo("PARK-B");
        assertThat(first.get("origin").get("licence").asString()).isEqualTo("CC-BY-4.0");
        assertThat(first.get("origin").get("disclosure").asString()).as("what B says it masked").contains("Observations", "Datastream/id");
        assertThat(List.of(first.get("origin").get("remoteId").asLong(), foreign.get(1).get("origin").get("remoteId").asLong()))
                .containsExactlyInAnyOrderElementsOf(shared);
        assertThat(first.get("mirror").get("state").asString()).isEqualTo("FRESH");
        // What partners share is not the public's (the policy shows foreign_observations to the park and regulators).
        assertThat(http.anonymous().get("/api/v1/federation/foreign-datastreams").status()).isEqualTo(401);

        // Through SensorThings too: B's datastreams are Datastreams at A, read-only, with their origin.
        String fromB = "/sta/v1.1/Datastreams?$count=true&$filter=" + URLEncoder.encode("properties/origin/gateway eq 'gw-park-b'", StandardCharsets.UTF_8);
        JsonNode staForeign = ok(http.get(fromB));
        assertThat(staForeign.get("@iot.count").asLong()).isEqualTo(2);
        JsonNode staOrigin = staForeign.get("value").get(0).get("properties").get("origin");
        assertThat(staOrigin.get("park").asString()).isEqualTo("PARK-B");
        assertThat(staOrigin.get("licence").asString()).isEqualTo("CC-BY-4.0");
        assertThat(staOrigin.get("disclosure").asString()).contains("Datastream/id");
        assertThat(shared).contains(staOrigin.get("remoteId").asLong());
        long foreignSta = staForeign.get("value").get(0).get("@iot.id").asLong();
        Http.Response rename = http.patch("/sta/v1.1/Datastreams(" + foreignSta + ")", "{\"name\": \"ours now\"}", "admin", "demo-admin");
        assertThat(rename.status()).as(rename.body()).isEqualTo(409);
        assertThat(rename.body()).contains("只读");
        Http.Response observe = http.post("/sta/v1.1/Observations", "{\"Datastream\": {\"@iot.id\": " + foreignSta + "}, \"phenomenonTime\": \""
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\", \"result\": 1.0}", Map.of("Accept-Language", "en"));
        assertThat(observe.status()).as(observe.body()).isEqualTo(409);
        assertThat(observe.body()).contains("read-only");
        // Through WFS and OGC API: each shared datastream's latest value where B shows its well to A, with its origin.
        Map<String, JsonNode> placesAtB = new java.util.HashMap<>();
        for (long id : shared) {
            JsonNode d = ok(asA.get("/sta/v1.1/Datastreams(" + id + ")?$select=name&$expand=" + URLEncoder.encode("Thing($select=id;$expand=Locations)",
                    StandardCharsets.UTF_8)));
            placesAtB.put(d.get("name").asString(), d.get("Thing").get("Locations").get(0).get("location").get("coordinates"));
        }
        for (String door : List.of("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gw:foreign_latest_readings&OUTPUTFORMAT=application/json",
                "/ogcapi/collections/foreign_latest_readings/items?f=json")) {
            JsonNode features = ok(http.get(door)).get("features");
            assertThat(features.size()).as(door).isEqualTo(2);
            for (JsonNode feature : features) {
                assertThat(feature.get("properties").get("origin_gateway").asString()).isEqualTo("gw-park-b");
                JsonNode atB = placesAtB.get(feature.get("properties").get("datastream").asString());
                assertThat(atB).as("a datastream B shared").isNotNull();
                assertThat(feature.get("geometry").get("coordinates").get(0).asDouble()).isCloseTo(atB.get(0).asDouble(), within(1e-7));
                assertThat(feature.get("geometry").get("coordinates").get(1).asDouble()).isCloseTo(atB.get(1).asDouble(), within(1e-7));
            }
        }

        // Our policy decides who sees them, as for our own data: under the shipped default the park's staff, not the public nor partner parks.
        activateShippedDefaultPolicy();
        assertThat(staCount(http, fromB)).isEqualTo(2);
        assertThat(staCount(http.anonymous(), fromB)).as("A's public").isZero();
        assertThat(staCount(http.anonymous().bearer(token(http)), fromB)).as("a partner park at A").isZero();

        // B is stopped: A's mirror turns stale, keeping the time of its last success.
        parkB.stop();
        await("A marks B's mirror stale", Duration.ofSeconds(30), () -> mirrorOfB(peerBatA).get("state").asString().equals("STALE"));
        JsonNode stale = mirrorOfB(peerBatA);
        assertThat(stale.get("lastSuccessAt").isNull()).isFalse();
        assertThat(stale.get("failures").asInt()).isPositive();
        assertThat(stale.get("lastError").asString()).contains("unreachable");
        assertThat(ok(http.get("/api/v1/federation/foreign-datastreams")).get(0).get("mirror").get("state").asString()).isEqualTo("STALE");
        System.out.printf("Federation: B down, A's mirror STALE since %s after %d failed pulls (%s)%n", stale.get("lastSuccessAt").asString(),
                stale.get("failures").asInt(), stale.get("lastError").asString());
        // A's answers from its data and the mirrors are partial, and say so: B is named, with its last success.
        Http.Response partial = http.get(fromB);
        String partialHeader = partial.raw().headers().firstValue("GW-Federation-Partial").orElse("");
        assertThat(partialHeader).contains("gw-park-b", "park=PARK-B", "lastSuccessAt=" + stale.get("lastSuccessAt").asString());
        assertThat(partial.json().get("partial").get(0).get("gateway").asString()).isEqualTo("gw-park-b");
        assertThat(partial.json().get("partial").get(0).get("lastSuccessAt").asString()).isEqualTo(stale.get("lastSuccessAt").asString());
        assertThat(partial.json().get("value").size()).as("what was mirrored is still answered, marked").isEqualTo(2);
        assertThat(http.get("/api/v1/federation/foreign-datastreams").raw().headers().firstValue("GW-Federation-Partial").orElse(""))
                .contains("gw-park-b");
        assertThat(http.anonymous().get(fromB).raw().headers().firstValue("GW-Federation-Partial")).as("not to whom foreign data is not shown")
                .isEmpty();
        // Federated WFS and OGC API answers say the same, and still hold what was mirrored.
        for (String door : List.of("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gw:foreign_latest_readings&OUTPUTFORMAT=application/json",
                "/ogcapi/collections/foreign_latest_readings/items?f=json")) {
            Http.Response features = http.get(door);
            assertThat(ok(features).get("features").size()).as(door).isEqualTo(2);
            assertThat(features.raw().headers().firstValue("GW-Federation-Partial").orElse("")).as(door).contains("gw-park-b", "park=PARK-B");
        }
        System.out.printf("Federation: B down, A's SensorThings answer says %s: %s%n", "GW-Federation-Partial", partialHeader);

        // B restarts and takes in new readings of a shared datastream; A's mirror converges: no gap, no duplicate.
        b = startParkB();
        String code = datastreamsAtB.get(0).get("name").asString();
        String well = code.substring(0, code.indexOf('/'));
        String parameter = code.substring(code.indexOf('/') + 1);
        StringBuilder readings = new StringBuilder("[");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        for (int i = 1; i <= 5; i++) {
            if (i > 1) readings.append(", ");
            readings.append("{\"well\": \"").append(well).append("\", \"parameter\": \"").append(parameter).append("\", \"time\": \"")
                    .append(now.minus(Duration.ofMinutes(10L * i))).append("\", \"value\": ").append(7 + i / 10.0).append("}");
        }
        ok(b.post("/api/v1/readings", readings.append("]").toString(), "admin", "demo-admin"));
        asA = b.anonymous().bearer(token(b));
        Set<Long> atB = observationIdsAtB(asA, shared.get(0));
        long foreignFirst = foreign.get(0).get("origin").get("remoteId").asLong() == shared.get(0) ? foreign.get(0).get("id").asLong() : foreign.get(1).get("id").asLong();
        await("A's mirror converges after B's restart", Duration.ofSeconds(60), () -> new HashSet<>(mirroredIds(foreignFirst)).equals(atB)
                && mirrorOfB(peerBatA).get("state").asString().equals("FRESH"));
        assertThat(http.get(fromB).raw().headers().firstValue("GW-Federation-Partial")).as("whole again").isEmpty();
        List<Long> mirrored = mirroredIds(foreignFirst);
        Set<Long> gaps = new HashSet<>(atB);
        gaps.removeAll(mirrored);
        int duplicates = mirrored.size() - new HashSet<>(mirrored).size();
        System.out.printf("Federation: after B's restart A mirrors %d observations of datastream %d, B shows %d: %d gaps, %d duplicates%n",
                mirrored.size(), shared.get(0), atB.size(), gaps.size(), duplicates);
        assertThat(gaps).isEmpty();
        assertThat(duplicates).isZero();
        assertThat(mirrored).hasSize(atB.size());

        // B pushes a signed message to A: accepted once; tampered or replayed, refused with the reason.
        SignedMessages signer = parkB.context().getBean(SignedMessages.class);
        String body = "{\"datastream\": " + shared.get(1) + ", \"observations\": [{\"id\": 900000001, \"phenomenonTime\": \"" + now.plusSeconds(30)
                + "\", \"result\": 7.5}]}";
        SignedMessages.Message pushed = signer.sign("Datastreams(" + shared.get(1) + ")", 1, body);
        Http asB = http.anonymous().bearer(token(http));
        JsonNode merged = ok(asB.post("/api/v1/federation/messages", messageJson(pushed), Map.of()));
        assertThat(merged.get("added").asInt()).isEqualTo(1);
        Http.Response replayed = asB.post("/api/v1/federation/messages", messageJson(pushed), Map.of("Accept-Language", "en"));
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(409);
        assertThat(replayed.body()).contains("REPLAY", "\"seq\"");
        SignedMessages.Message next = signer.sign("Datastreams(" + shared.get(1) + ")", 2, body);
        Http.Response tampered = asB.post("/api/v1/federation/messages", messageJson(new SignedMessages.Message(next.signature(), body.replace("7.5", "0.5"))),
                Map.of("Accept-Language", "en"));
        assertThat(tampered.status()).as(tampered.body()).isEqualTo(400);
        assertThat(tampered.body()).contains("BODY_TAMPERED", "\"body\"");
        Http.Response notShared2 = asB.post("/api/v1/federation/messages", messageJson(signer.sign("Datastreams(" + notShared + ")", 1,
                body.replace("\"datastream\": " + shared.get(1), "\"datastream\": " + notShared))), Map.of("Accept-Language", "en"));
        assertThat(notShared2.status()).as(notShared2.body()).isEqualTo(400);
        assertThat(notShared2.body()).contains("NOT_AGREED");
        // A message naming another licence than the agreement's is refused, and takes no number.
        Http.Response otherLicence = asB.post("/api/v1/federation/messages", messageJson(signer.sign("Datastreams(" + shared.get(1) + ")", 2,
                body.replace("{\"datastream\"", "{\"licence\": \"proprietary\", \"datastream\""))), Map.of("Accept-Language", "en"));
        assertThat(otherLicence.status()).as(otherLicence.body()).isEqualTo(400);
        assertThat(otherLicence.body()).contains("LICENCE", "body.licence");
        // A flood from B's client (8 a minute here) is refused with 429 before any verification, in the caller's language.
        Http.Response flooded = null;
        int sent = 0;
        while (sent < 20 && (flooded == null || flooded.status() != 429)) {
            flooded = asB.post("/api/v1/federation/messages", messageJson(pushed), Map.of());
            sent++;
        }
        assertThat(flooded.status()).as(flooded.body()).isEqualTo(429);
        assertThat(flooded.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(flooded.body()).contains("每分钟", "8");
        Http.Response floodedEn = asB.post("/api/v1/federation/messages", messageJson(pushed), Map.of("Accept-Language", "en"));
        assertThat(floodedEn.status()).isEqualTo(429);
        assertThat(floodedEn.body()).contains("more than 8 messages a minute");
        System.out.printf("Federation: B's client pushing to A refused with 429 after %d more messages (Retry-After %s s)%n", sent,
                flooded.raw().headers().firstValue("Retry-After").orElse("?"));

        // B ends the agreement: A's client is back to what B's policy shows partner parks (nothing of the last 24 h, classes
        // only), and A's puller, finding B masking otherwise than agreed, stores nothing more and marks the mirror stale.
        String recent = "/sta/v1.1/Datastreams(" + shared.get(0) + ")/Observations?$count=true&$top=1&$filter="
                + URLEncoder.encode("phenomenonTime ge " + now.minus(Duration.ofHours(2)), StandardCharsets.UTF_8);
        assertThat(ok(asA.get(recent)).get("@iot.count").asLong()).as("the last two hours, while agreed").isGreaterThanOrEqualTo(5);
        // Ending the second agreement removes exactly its datastream.
        ok(b.post("/api/v1/federation/agreements/" + sharingSecond.get("id").asLong() + "/end", "{\"reason\": \"second agreement ended\"}", SECADMIN,
                SECADMIN_PASSWORD));
        JsonNode remaining = ok(asA.get("/sta/v1.1/Datastreams?$select=id&$count=true"));
        assertThat(remaining.get("@iot.count").asLong()).isEqualTo(1);
        assertThat(remaining.get("value").get(0).get("@iot.id").asLong()).isEqualTo(shared.get(0));
        assertThat(asA.get("/sta/v1.1/Datastreams(" + shared.get(1) + ")").status()).isEqualTo(404);
        assertThat(ok(asA.get(recent)).get("@iot.count").asLong()).as("the first agreement's datastream, still shared").isGreaterThanOrEqualTo(5);
        Instant asked = Instant.now();
        ok(b.post("/api/v1/federation/agreements/" + sharing.get("id").asLong() + "/end", "{\"reason\": \"agreement ended\"}", SECADMIN, SECADMIN_PASSWORD));
        Http refusedA = asA;
        await("B shows A no more than partner parks see", BOUND, () -> ok(refusedA.get(recent)).get("@iot.count").asLong() == 0);
        Duration refusedAfter = Duration.between(asked, Instant.now());
        assertThat(ok(asA.get("/sta/v1.1/Datastreams?$count=true&$top=0")).get("@iot.count").asLong()).as("the policy's partner level").isGreaterThan(2);
        await("A's pulls stop", BOUND, () -> mirrorOfB(peerBatA).get("state").asString().equals("STALE")
                && mirrorOfB(peerBatA).get("lastError").asString().contains("otherwise than agreed"));
        Duration staleAfter = Duration.between(asked, Instant.now());
        String error = mirrorOfB(peerBatA).get("lastError").asString();
        System.out.printf("Federation: agreement ended at B; B showed A only the partner level after %d ms, A's mirror stale after %d ms (%s)%n",
                refusedAfter.toMillis(), staleAfter.toMillis(), error);
        assertThat(refusedAfter).isLessThan(BOUND);
        assertThat(staleAfter).isLessThan(BOUND);
        assertThat(error).contains("otherwise than agreed");
        assertThat(new HashSet<>(mirroredIds(foreignFirst))).as("nothing masked otherwise mixed into the mirror").isEqualTo(atB);
    }

    /** How many Datastreams a SensorThings query counts; none where the entity set is not shown at all. */
    private static long staCount(Http asker, String path) {
        Http.Response response = asker.get(path);
        if (response.status() == 404) return 0;
        return ok(response).get("@iot.count").asLong();
    }

    private static String messageJson(SignedMessages.Message message) {
        return "{\"signature\": \"" + message.signature() + "\", \"body\": \"" + message.body().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }
}
