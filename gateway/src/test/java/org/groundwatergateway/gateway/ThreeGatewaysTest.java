package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
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
import javax.xml.parsers.DocumentBuilderFactory;
import org.groundwatergateway.core.federation.CapAlert;
import org.groundwatergateway.core.park.PotentialSource;
import org.groundwatergateway.core.site.SiteRepository;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.gateway.federation.JointWarningExchange;
import org.groundwatergateway.gateway.federation.SignedMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three gateways on loopback in one JVM (issue #19): parks A (this test's) and B, and the province P (both started
 * here), each with its own embedded database and ports. Each park shares datastreams with the province under agreements;
 * the province mirrors both with their origin, and sees at each park exactly what it agreed, nothing more. B's park, as A
 * registers it, begins 30 m down the regional flow (ESE) from a drill's release at A; a third partner, C, lies 300 m up
 * the flow. The drill's incident forecast at A reaches B's boundary and not C's: a joint warning is raised at A and, as
 * a signed message carrying a CAP 1.2 alert, at B and at the province (an addressee, which both parks registered as
 * such), within 2 minutes of the drill's start (so of its first alert, which comes after); B's duty officers are told;
 * each side's acknowledgement is shown on the other and at the province; both sides closing closes it on all three; a
 * tampered or replayed joint-warning message is refused. B stopped, the province's federated answers still hold A's data
 * and name B as missing.
 */
@TestPropertySource(properties = {"gw.federation.gateway-id=gw-park-a", "gw.federation.allow-plain-http=true"})
class ThreeGatewaysTest extends RunningGateway {

    private static final String SECADMIN = "secadmin";
    private static final String SECADMIN_PASSWORD = "demo-secadmin";
    private static final Duration WITHIN = Duration.ofMinutes(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The demo drill's release: DrillApiTest's, a benzene source 20 m up the flow from a well. */
    private static final String SOURCE = "PS-E10-LG";

    private static final String PROVINCE = "gw-province";
    /** The province's pulls, as fast as FederationTest's. */
    private static final String[] PROVINCE_SETTINGS = {"--gw.federation.pull-interval=PT1S", "--gw.federation.stale-after=PT5S",
            "--gw.federation.backoff-max=PT2S"};

    private final ParkGateway parkB = new ParkGateway("gw-park-b");
    private final ParkGateway province = new ParkGateway(PROVINCE);

    @Autowired
    private Database database;

    @AfterEach
    void stopOthers() {
        parkB.stop();
        province.stop();
    }

    private static String rectangle(double west, double south, double east, double north) {
        return ParkGateway.rectangle(west, south, east, north);
    }

    private static JsonNode created(Http.Response response) {
        return ParkGateway.created(response);
    }

    private static List<JsonNode> warnings(Http gateway, String user) {
        return ParkGateway.jointWarnings(gateway, user);
    }

    private static String agreementForm(long peer, String direction, List<Long> datastreams) {
        return "{\"peer\": " + peer + ", \"direction\": \"" + direction + "\", \"datastreams\": " + datastreams + ", \"level\": \"partner-monitoring-exchange\", "
                + "\"licence\": \"CC-BY-4.0\", \"validUntil\": \"" + Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS) + "\"}";
    }

    /** The first three of a park's groundwater datastreams (the demo's, the same ids in every demo gateway). */
    private static List<Long> groundwaterDatastreams(Http gateway) {
        List<Long> ids = new ArrayList<>();
        ok(gateway.signedInAs("admin", "demo-admin").get("/sta/v1.1/Datastreams?$select=id&$orderby=id&$top=3&$filter="
                + URLEncoder.encode("startswith(name,'GW-')", StandardCharsets.UTF_8))).get("value").forEach(d -> ids.add(d.get("@iot.id").asLong()));
        assertThat(ids).hasSize(3);
        return ids;
    }

    /** The observation ids of a park's datastream as a partner's client sees them there. */
    private static Set<Long> observationIds(Http asPartner, long datastream) {
        Set<Long> ids = new HashSet<>();
        JsonNode page = ok(asPartner.get("/sta/v1.1/Datastreams(" + datastream + ")/Observations?$select=id&$top=10000"));
        page.get("value").forEach(o -> ids.add(o.get("@iot.id").asLong()));
        assertThat(page.has("@iot.nextLink")).as("one page holds them all").isFalse();
        return ids;
    }

    /** The source ids of what a gateway mirrors of one foreign datastream, in time order (a duplicate would show twice). */
    private static List<Long> mirroredIds(Http gateway, long foreignDatastream) {
        List<Long> ids = new ArrayList<>();
        ok(gateway.get("/api/v1/federation/foreign-datastreams/" + foreignDatastream + "/observations?limit=10000")).forEach(o -> ids.add(o.get("remoteId").asLong()));
        return ids;
    }

    @Test
    void twoParksAndTheProvinceShareAsAgreedAndWarnJointly() throws Exception {
        Http b = parkB.start();
        Http p = province.start(PROVINCE_SETTINGS);
        Http pAdmin = p.signedInAs("admin", "demo-admin");
        int portA = Integer.parseInt(http.base().substring(http.base().lastIndexOf(':') + 1));
        PotentialSource source = new SiteRepository(database).load("HBDP").sources().stream().filter(s -> s.code().equals(SOURCE)).findFirst().orElseThrow();
        double lon = source.geometry().getCentroid().getX();
        double lat = source.geometry().getCentroid().getY();
        double metresPerDegreeLon = 111_320 * Math.cos(Math.toRadians(lat));
        // B: east of a meridian 30 m down the flow from the release; C: west of one 300 m up it.
        String boundaryB = rectangle(lon + 30 / metresPerDegreeLon, lat - 0.02, lon + 0.02, lat + 0.02);
        String boundaryC = rectangle(lon - 0.02, lat - 0.02, lon - 300 / metresPerDegreeLon, lat + 0.02);
        created(http.post("/api/v1/federation/peers", ParkGateway.peerForm("gw-park-b", "PARK-B", parkB.port(), boundaryB), SECADMIN, SECADMIN_PASSWORD));
        created(http.post("/api/v1/federation/peers", ParkGateway.peerForm("gw-park-c", "PARK-C", ParkGateway.freePort(), boundaryC), SECADMIN,
                SECADMIN_PASSWORD));
        String boundaryA = rectangle(lon - 0.02, lat - 0.02, lon, lat + 0.02);
        created(b.post("/api/v1/federation/peers", ParkGateway.peerForm("gw-park-a", "PARK-A", portA, boundaryA), SECADMIN, SECADMIN_PASSWORD));

        // The province: each park issues it a client of its own, and it issues B one (A uses the demo's partner park client
        // there); each park registers it in the role PROVINCE, and it registers both parks.
        String provinceAtA = ParkGateway.partnerClient(http, "province");
        String provinceAtB = ParkGateway.partnerClient(b, "province");
        String parkBAtProvince = ParkGateway.partnerClient(p, "park-b");
        long provinceAtAPeer = created(http.post("/api/v1/federation/peers", ParkGateway.peerForm(PROVINCE, "JS", province.port(), null, "PROVINCE",
                ParkGateway.PARTNER_CLIENT, ParkGateway.PARTNER_SECRET, "province"), SECADMIN, SECADMIN_PASSWORD)).get("id").asLong();
        long provinceAtBPeer = created(b.post("/api/v1/federation/peers", ParkGateway.peerForm(PROVINCE, "JS", province.port(), null, "PROVINCE",
                "park-b", parkBAtProvince, "province"), SECADMIN, SECADMIN_PASSWORD)).get("id").asLong();
        long aAtProvince = created(p.post("/api/v1/federation/peers", ParkGateway.peerForm("gw-park-a", "PARK-A", portA, boundaryA, "PARK", "province",
                provinceAtA, ParkGateway.PARTNER_CLIENT), SECADMIN, SECADMIN_PASSWORD)).get("id").asLong();
        long bAtProvince = created(p.post("/api/v1/federation/peers", ParkGateway.peerForm("gw-park-b", "PARK-B", parkB.port(), boundaryB, "PARK", "province",
                provinceAtB, "park-b"), SECADMIN, SECADMIN_PASSWORD)).get("id").asLong();
        assertThat(ok(http.getAs("/api/v1/federation/peers/" + provinceAtAPeer, SECADMIN, SECADMIN_PASSWORD)).get("role").asString()).isEqualTo("PROVINCE");
        Http.Response badRole = http.post("/api/v1/federation/peers", ParkGateway.peerForm("gw-region", "RG", ParkGateway.freePort(), null, "REGION",
                ParkGateway.PARTNER_CLIENT, ParkGateway.PARTNER_SECRET, "province"), SECADMIN, SECADMIN_PASSWORD);
        assertThat(badRole.status()).as(badRole.body()).isEqualTo(400);
        assertThat(badRole.body()).contains("\"role\"");
        // A shares its third groundwater datastream with the province, B its first two; the province receives them.
        List<Long> datastreamsA = groundwaterDatastreams(http);
        List<Long> datastreamsB = groundwaterDatastreams(b);
        List<Long> sharedByA = datastreamsA.subList(2, 3);
        List<Long> sharedByB = datastreamsB.subList(0, 2);
        created(http.post("/api/v1/federation/agreements", agreementForm(provinceAtAPeer, "SHARE", sharedByA), SECADMIN, SECADMIN_PASSWORD));
        created(b.post("/api/v1/federation/agreements", agreementForm(provinceAtBPeer, "SHARE", sharedByB), SECADMIN, SECADMIN_PASSWORD));
        created(p.post("/api/v1/federation/agreements", agreementForm(aAtProvince, "RECEIVE", sharedByA), SECADMIN, SECADMIN_PASSWORD));
        created(p.post("/api/v1/federation/agreements", agreementForm(bAtProvince, "RECEIVE", sharedByB), SECADMIN, SECADMIN_PASSWORD));

        Instant started = Instant.now();
        Http.Response drill = http.post("/api/v1/drills", "{\"park\": \"HBDP\", \"parameter\": \"benzene\", \"source\": \"" + SOURCE + "\", "
                + "\"sourceMgPerL\": 20, \"releaseStart\": \"2025-11-03T00:00:00+08:00\", \"by\": \"园区应急办\"}", "admin", "demo-admin");
        assertThat(drill.status()).as(drill.body()).isEqualTo(202);
        ParkGateway.await("the joint warning at B", WITHIN, () -> !warnings(b, "duty").isEmpty());
        Duration toB = Duration.between(started, Instant.now());
        ParkGateway.await("the joint warning at the province", WITHIN.minus(toB), () -> !warnings(p, "duty").isEmpty());
        Duration toProvince = Duration.between(started, Instant.now());
        List<JsonNode> warningsAtA = warnings(http, "duty");
        JsonNode atB = warnings(b, "duty").get(0);
        System.out.printf("Joint warning: raised at A and shown at B %d ms, at the province %d ms after the drill started (bound %d s)%n", toB.toMillis(),
                toProvince.toMillis(), WITHIN.toSeconds());
        assertThat(toB).isLessThan(WITHIN);
        assertThat(toProvince).isLessThan(WITHIN);

        // One warning at A, for B only (C's park is up the flow; the province is told, not warned about its boundary); the
        // same at B, its origin A.
        assertThat(warningsAtA).hasSize(1);
        JsonNode warningA = warningsAtA.get(0);
        assertThat(warningA.get("target").get("gateway").asString()).isEqualTo("gw-park-b");
        assertThat(warningA.get("target").get("park").asString()).isEqualTo("PARK-B");
        assertThat(warningA.get("ours").asBoolean()).isTrue();
        assertThat(warningA.get("exercise").asBoolean()).isTrue();
        long incident = ok(http.get("/api/v1/drills/" + drill.json().get("drill").get("id").asLong())).get("drill").get("incidentId").asLong();
        assertThat(warningA.get("incidentId").asLong()).isEqualTo(incident);
        assertThat(atB.get("identifier").asString()).isEqualTo(warningA.get("identifier").asString());
        assertThat(atB.get("origin").get("gateway").asString()).isEqualTo("gw-park-a");
        assertThat(atB.get("origin").get("park").asString()).isEqualTo("PARK-A");
        assertThat(atB.get("ours").asBoolean()).isFalse();
        // The headlines are A's CAP text: A names its own park by its code (the demo's, HBDP) and B as it registered it.
        assertThat(atB.get("headlineZh").asString()).startsWith("【演练】").contains("HBDP", "PARK-B", "苯");
        assertThat(atB.get("headlineEn").asString()).startsWith("[Exercise]").contains("HBDP", "PARK-B", "enzene");

        // The CAP 1.2 alert: the same document on both sides, by ?f=cap at A and by Accept at B, with the required elements in both languages.
        long idA = warningA.get("id").asLong();
        long idB = atB.get("id").asLong();
        String capA = http.getAs("/api/v1/joint-warnings/" + idA + "?f=cap", "duty", "demo-duty").body();
        Http.Response capB = b.getAs("/api/v1/joint-warnings/" + idB, CapAlert.MEDIA_TYPE, "duty", "demo-duty");
        assertThat(capB.raw().headers().firstValue("Content-Type").orElse("")).startsWith(CapAlert.MEDIA_TYPE);
        assertThat(capB.body()).isEqualTo(capA);
        checkCap(capA, warningA.get("identifier").asString());

        // The province holds the same warning, A's to B, the same CAP document; it is told, not warned: no alert of its own.
        List<JsonNode> warningsAtP = warnings(p, "duty");
        assertThat(warningsAtP).hasSize(1);
        JsonNode atP = warningsAtP.get(0);
        long idP = atP.get("id").asLong();
        assertThat(atP.get("identifier").asString()).isEqualTo(warningA.get("identifier").asString());
        assertThat(atP.get("origin").get("gateway").asString()).isEqualTo("gw-park-a");
        assertThat(atP.get("origin").get("park").asString()).isEqualTo("PARK-A");
        assertThat(atP.get("target").get("gateway").asString()).isEqualTo("gw-park-b");
        assertThat(atP.get("target").get("park").asString()).isEqualTo("PARK-B");
        assertThat(atP.get("ours").asBoolean()).isFalse();
        assertThat(atP.get("exercise").asBoolean()).isTrue();
        assertThat(atP.get("alertId").isNull()).isTrue();
        assertThat(p.getAs("/api/v1/joint-warnings/" + idP + "?f=cap", "duty", "demo-duty").body()).isEqualTo(capA);

        // B's duty officers were told through B's own escalation chain, marked as a joint warning of A's.
        JsonNode alertB = ok(b.getAs("/api/v1/alerts/" + atB.get("alertId").asLong(), "duty", "demo-duty"));
        assertThat(alertB.get("kind").asString()).isEqualTo("joint-warning");
        assertThat(alertB.get("message").asString()).startsWith("【演练】").contains("PARK-A", "gw-park-a");
        JsonNode deliveries = ok(b.getAs("/api/v1/alerts/" + atB.get("alertId").asLong() + "/deliveries", "duty", "demo-duty"));
        assertThat(deliveries.valueStream().map(d -> d.path("tier").asString()).toList()).contains("DUTY_OFFICER");

        // B's duty officer acknowledges: A shows it (who, which park, when); then A's, which B shows.
        JsonNode ackB = ok(b.post("/api/v1/joint-warnings/" + idB + "/acknowledge", "{\"note\": \"已通知B园区值班\"}", "duty", "demo-duty"));
        assertThat(ackB.get("acknowledgements").get(0).get("gateway").asString()).isEqualTo("gw-park-b");
        assertThat(ok(b.getAs("/api/v1/alerts/" + atB.get("alertId").asLong() + "/escalation", "duty", "demo-duty")).get("acknowledgedBy").asString())
                .isEqualTo("duty");
        ParkGateway.await("A shows B's acknowledgement", Duration.ofSeconds(30), () -> warnings(http, "duty").get(0).get("acknowledgements").size() == 1);
        JsonNode seenAtA = warnings(http, "duty").get(0).get("acknowledgements").get(0);
        assertThat(seenAtA.get("gateway").asString()).isEqualTo("gw-park-b");
        assertThat(seenAtA.get("park").asString()).isEqualTo("PARK-B");
        assertThat(seenAtA.get("by").asString()).isEqualTo("duty");
        assertThat(seenAtA.get("note").asString()).isEqualTo("已通知B园区值班");
        assertThat(Instant.parse(seenAtA.get("at").asString())).isEqualTo(Instant.parse(ackB.get("acknowledgements").get(0).get("at").asString()));
        ok(http.post("/api/v1/joint-warnings/" + idA + "/acknowledge", "{}", "emergency", "demo-emergency"));
        assertThat(http.post("/api/v1/joint-warnings/" + idA + "/acknowledge", "{}", "duty", "demo-duty").status()).as("acknowledged here already")
                .isEqualTo(400);
        ParkGateway.await("B shows A's acknowledgement", Duration.ofSeconds(30), () -> warnings(b, "duty").get(0).get("acknowledgements").size() == 2);
        JsonNode aSeenAtB = warnings(b, "duty").get(0).get("acknowledgements").valueStream()
                .filter(s -> s.get("gateway").asString().equals("gw-park-a")).findFirst().orElseThrow();
        assertThat(aSeenAtB.get("park").asString()).isEqualTo("PARK-A");
        assertThat(aSeenAtB.get("by").asString()).isEqualTo("emergency");
        // The province sees both acknowledgements, each under its park as the province registered it; it acknowledges nothing itself.
        ParkGateway.await("the province shows both acknowledgements", Duration.ofSeconds(30),
                () -> warnings(p, "duty").get(0).get("acknowledgements").size() == 2);
        assertThat(warnings(p, "duty").get(0).get("acknowledgements").valueStream().map(s -> s.get("park").asString() + "/" + s.get("by").asString()))
                .containsExactlyInAnyOrder("PARK-A/emergency", "PARK-B/duty");
        Http.Response byProvinceDuty = p.signedInAs("duty", "demo-duty").post("/api/v1/joint-warnings/" + idP + "/acknowledge", "{}",
                Map.of("Accept-Language", "en"));
        assertThat(byProvinceDuty.status()).as(byProvinceDuty.body()).isEqualTo(400);
        assertThat(byProvinceDuty.body()).contains("\"id\"", "neither acknowledges nor closes", "PARK-A", "PARK-B");

        // A tampered joint-warning message in B's name is refused; so is one B sent already (a replay); neither changes A's warning.
        SignedMessages signerB = parkB.context().getBean(SignedMessages.class);
        Http asB = http.anonymous().bearer(ParkGateway.partnerToken(http));
        String body = "{\"kind\": \"CLOSE\", \"identifier\": \"" + warningA.get("identifier").asString() + "\", \"gateway\": \"gw-park-b\", "
                + "\"park\": \"PARK-B\", \"by\": \"duty\", \"at\": \"" + Instant.now() + "\"}";
        SignedMessages.Message signed = signerB.sign(JointWarningExchange.STREAM, 2, body);
        Http.Response tampered = asB.post(JointWarningExchange.PATH, message(new SignedMessages.Message(signed.signature(), body.replace("duty", "nobody"))),
                Map.of());
        assertThat(tampered.status()).as(tampered.body()).isEqualTo(400);
        assertThat(tampered.body()).contains("BODY_TAMPERED");
        Http.Response replayed = asB.post(JointWarningExchange.PATH, message(signerB.sign(JointWarningExchange.STREAM, 1, body)), Map.of());
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(409);
        assertThat(replayed.body()).contains("REPLAY");
        assertThat(warnings(http, "duty").get(0).get("closes")).isEmpty();
        // A warning whose identifier is not its sender's own is refused, signed or not: B cannot take or block A's (or a
        // third park's) identifiers by sending them first.
        String claimed = capA.replace("<sender>gw-park-a</sender>", "<sender>gw-park-b</sender>");
        assertThat(claimed).as("the claim names B as sender").contains("<sender>gw-park-b</sender>");
        String claim = JSON.createObjectNode().put("kind", "ALERT").put("cap", claimed)
                .<tools.jackson.databind.node.ObjectNode>set("origin", JSON.createObjectNode().put("gateway", "gw-park-b").put("park", "PARK-B"))
                .<tools.jackson.databind.node.ObjectNode>set("target", JSON.createObjectNode().put("gateway", "gw-park-a").put("park", "PARK-A")).toString();
        Http.Response notTheirs = asB.post(JointWarningExchange.PATH, message(signerB.sign(JointWarningExchange.STREAM, 2, claim)), Map.of());
        assertThat(notTheirs.body()).as("refused").contains("NOT_AGREED");
        assertThat(warnings(http, "duty")).as("A holds its one warning, unchanged").hasSize(1);

        // Closing is joint: A's close leaves it closing on both sides; B's closes it on both, and B's alert is cleared.
        JsonNode closingA = ok(http.post("/api/v1/joint-warnings/" + idA + "/close", "{\"note\": \"演练结束\"}", "supervisor", "demo-supervisor"));
        assertThat(closingA.get("state").asString()).isEqualTo("CLOSING");
        ParkGateway.await("B shows A's close", Duration.ofSeconds(30), () -> warnings(b, "duty").get(0).get("closes").size() == 1);
        assertThat(warnings(b, "duty").get(0).get("state").asString()).isEqualTo("CLOSING");
        JsonNode closedB = ok(b.post("/api/v1/joint-warnings/" + idB + "/close", "{}", "supervisor", "demo-supervisor"));
        assertThat(closedB.get("state").asString()).isEqualTo("CLOSED");
        ParkGateway.await("A closes it too", Duration.ofSeconds(30), () -> warnings(http, "duty").get(0).get("state").asString().equals("CLOSED"));
        ParkGateway.await("the province shows it closed", Duration.ofSeconds(30), () -> warnings(p, "duty").get(0).get("state").asString().equals("CLOSED"));
        assertThat(ok(b.getAs("/api/v1/alerts/" + atB.get("alertId").asLong(), "duty", "demo-duty")).path("clearedAt").isNull()).isFalse();
        assertThat(b.post("/api/v1/joint-warnings/" + idB + "/acknowledge", "{}", "duty", "demo-duty").status()).as("closed").isEqualTo(400);
        // Who may: the public and a partner's client see no joint warning; an analyst reads them but cannot close one.
        assertThat(http.anonymous().get("/api/v1/joint-warnings").status()).isEqualTo(401);
        assertThat(http.post("/api/v1/joint-warnings/" + idA + "/close", "{}", "analyst", "demo-analyst").status()).isEqualTo(403);

        provinceSeesWhatEachParkAgreed(http, b, pAdmin, sharedByA, sharedByB, provinceAtA, provinceAtB, bAtProvince);
    }

    /**
     * The province mirrors what each park agreed to share, with its origin and each park's disclosure, and at each park
     * sees exactly that: another datastream is a 404, the count of all Observations that of the agreed ones. B stopped,
     * the province's federated answers (SensorThings, WFS, OGC API) still hold A's data and B's mirrored data, and name B
     * as the missing partner.
     */
    private void provinceSeesWhatEachParkAgreed(Http a, Http b, Http pAdmin, List<Long> sharedByA, List<Long> sharedByB, String provinceAtA,
                                                String provinceAtB, long bAtProvince) throws InterruptedException {
        Http provinceAsClientAtA = a.anonymous().bearer(ParkGateway.token(a, "province", provinceAtA));
        Http provinceAsClientAtB = b.anonymous().bearer(ParkGateway.token(b, "province", provinceAtB));
        Map<Long, Set<Long>> sourceA = new java.util.HashMap<>();
        Map<Long, Set<Long>> sourceB = new java.util.HashMap<>();
        sharedByA.forEach(d -> sourceA.put(d, observationIds(provinceAsClientAtA, d)));
        sharedByB.forEach(d -> sourceB.put(d, observationIds(provinceAsClientAtB, d)));
        for (var at : List.of(Map.entry(provinceAsClientAtA, sourceA), Map.entry(provinceAsClientAtB, sourceB))) {
            Http asProvince = at.getKey();
            long agreedObservations = at.getValue().values().stream().mapToLong(Set::size).sum();
            assertThat(agreedObservations).isPositive();
            assertThat(ok(asProvince.get("/sta/v1.1/Datastreams?$select=id&$count=true")).get("@iot.count").asLong()).isEqualTo(at.getValue().size());
            assertThat(ok(asProvince.get("/sta/v1.1/Observations?$count=true&$top=1")).get("@iot.count").asLong()).isEqualTo(agreedObservations);
        }
        long notSharedByA = sharedByB.get(0);
        long notSharedByB = sharedByA.get(0);
        assertThat(provinceAsClientAtA.get("/sta/v1.1/Datastreams(" + notSharedByA + ")").status()).isEqualTo(404);
        assertThat(provinceAsClientAtB.get("/sta/v1.1/Datastreams(" + notSharedByB + ")").status()).isEqualTo(404);

        // The province's mirror: each park's datastreams under its own origin, every observation once.
        ParkGateway.await("the province mirrors both parks", Duration.ofSeconds(60), () -> {
            JsonNode foreign = ok(pAdmin.get("/api/v1/federation/foreign-datastreams"));
            if (foreign.size() < 3) return false;
            for (JsonNode d : foreign) {
                Map<Long, Set<Long>> source = d.get("origin").get("gateway").asString().equals("gw-park-a") ? sourceA : sourceB;
                if (!new HashSet<>(mirroredIds(pAdmin, d.get("id").asLong())).equals(source.get(d.get("origin").get("remoteId").asLong()))) return false;
            }
            return true;
        });
        JsonNode foreign = ok(pAdmin.get("/api/v1/federation/foreign-datastreams"));
        assertThat(foreign.size()).isEqualTo(3);
        int mirrored = 0;
        int duplicates = 0;
        for (JsonNode d : foreign) {
            JsonNode origin = d.get("origin");
            boolean fromA = origin.get("gateway").asString().equals("gw-park-a");
            assertThat(origin.get("park").asString()).isEqualTo(fromA ? "PARK-A" : "PARK-B");
            assertThat(origin.get("licence").asString()).isEqualTo("CC-BY-4.0");
            assertThat(origin.get("disclosure").asString()).as("what the park says it masked").contains("Observations", "Datastream/id");
            assertThat(fromA ? sharedByA : sharedByB).contains(origin.get("remoteId").asLong());
            List<Long> ids = mirroredIds(pAdmin, d.get("id").asLong());
            mirrored += ids.size();
            duplicates += ids.size() - new HashSet<>(ids).size();
        }
        assertThat(duplicates).isZero();
        System.out.printf("Province: mirrors %d observations of %d datastreams from two parks (%d duplicates)%n", mirrored, foreign.size(), duplicates);
        String fromEither = "/sta/v1.1/Datastreams?$count=true&$filter=" + URLEncoder.encode("properties/origin/gateway eq 'gw-park-a' or "
                + "properties/origin/gateway eq 'gw-park-b'", StandardCharsets.UTF_8);
        assertThat(ok(pAdmin.get(fromEither)).get("@iot.count").asLong()).isEqualTo(3);
        assertThat(pAdmin.anonymous().get("/api/v1/federation/foreign-datastreams").status()).as("the province's public").isEqualTo(401);

        // B is stopped: the province's answers still hold what it mirrored of both parks, and name B, and only B, as missing.
        parkB.stop();
        ParkGateway.await("the province marks B stale", Duration.ofSeconds(30), () -> ok(pAdmin.getAs("/api/v1/federation/peers/" + bAtProvince, SECADMIN,
                SECADMIN_PASSWORD)).get("mirror").get("state").asString().equals("STALE"));
        Http.Response partial = pAdmin.get(fromEither);
        String header = partial.raw().headers().firstValue("GW-Federation-Partial").orElse("");
        assertThat(header).contains("gw-park-b", "park=PARK-B").doesNotContain("gw-park-a");
        assertThat(partial.json().get("value").size()).isEqualTo(3);
        assertThat(partial.json().get("partial").valueStream().map(m -> m.get("gateway").asString()).toList()).containsExactly("gw-park-b");
        for (String door : List.of("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gw:foreign_latest_readings&OUTPUTFORMAT=application/json",
                "/ogcapi/collections/foreign_latest_readings/items?f=json")) {
            Http.Response features = pAdmin.get(door);
            List<String> origins = ok(features).get("features").valueStream().map(f -> f.get("properties").get("origin_gateway").asString()).toList();
            assertThat(origins).as(door).containsExactlyInAnyOrder("gw-park-a", "gw-park-b", "gw-park-b");
            assertThat(features.raw().headers().firstValue("GW-Federation-Partial").orElse("")).as(door).contains("gw-park-b").doesNotContain("gw-park-a");
        }
        System.out.printf("Province: B down, its answers say GW-Federation-Partial: %s%n", header);
    }

    private static String message(SignedMessages.Message message) {
        return JSON.createObjectNode().put("signature", message.signature()).put("body", message.body()).toString();
    }

    /**
     * The elements CAP 1.2 requires (no copy of the OASIS schema is at hand offline, so its required elements and their
     * order are checked here, from the specification's §3.2): alert's identifier, sender, sent (with an offset), status,
     * msgType and scope, in that order; each info's category, event, urgency, severity and certainty; each area's
     * areaDesc; a polygon of at least four pairs, the first repeated last. And our profile: status Exercise for a drill,
     * msgType Alert, one info in zh-CN and one in en-US with headline and description.
     */
    private static void checkCap(String xml, String identifier) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        Element alert = document.getDocumentElement();
        assertThat(alert.getNamespaceURI()).isEqualTo("urn:oasis:names:tc:emergency:cap:1.2");
        assertThat(alert.getLocalName()).isEqualTo("alert");
        List<String> order = new ArrayList<>();
        for (var n = alert.getFirstChild(); n != null; n = n.getNextSibling()) if (n instanceof Element e) order.add(e.getLocalName());
        assertThat(order).containsSubsequence("identifier", "sender", "sent", "status", "msgType", "scope", "info", "info");
        assertThat(text(alert, "identifier")).isEqualTo(identifier).doesNotContain(" ", ",", "<", "&");
        assertThat(text(alert, "sender")).isEqualTo("gw-park-a");
        assertThat(text(alert, "sent")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
        assertThat(text(alert, "status")).isEqualTo("Exercise");
        assertThat(text(alert, "msgType")).isEqualTo("Alert");
        assertThat(text(alert, "scope")).isEqualTo("Private");
        assertThat(text(alert, "addresses")).as("both sides and the province").isEqualTo("gw-park-a gw-park-b " + PROVINCE);
        NodeList infos = alert.getElementsByTagNameNS(CapAlert.NAMESPACE, "info");
        List<String> languages = new ArrayList<>();
        for (int i = 0; i < infos.getLength(); i++) {
            Element info = (Element) infos.item(i);
            languages.add(text(info, "language"));
            assertThat(text(info, "category")).isEqualTo("Env");
            assertThat(text(info, "event")).isNotBlank();
            assertThat(text(info, "urgency")).isIn("Immediate", "Expected", "Future", "Past", "Unknown");
            assertThat(text(info, "severity")).isEqualTo("Severe");
            assertThat(text(info, "certainty")).isIn("Likely", "Possible");
            assertThat(text(info, "headline")).isNotBlank();
            assertThat(text(info, "description")).contains("95");
            Element area = (Element) info.getElementsByTagNameNS(CapAlert.NAMESPACE, "area").item(0);
            assertThat(text(area, "areaDesc")).contains("PARK-B");
            String[] pairs = text(area, "polygon").split(" ");
            assertThat(pairs.length).isGreaterThanOrEqualTo(4);
            assertThat(pairs[0]).isEqualTo(pairs[pairs.length - 1]);
            for (String pair : pairs) assertThat(pair).matches("-?\\d+\\.\\d+,-?\\d+\\.\\d+");
        }
        assertThat(languages).containsExactly("zh-CN", "en-US");
        assertThat(text((Element) infos.item(0), "headline")).contains("联合预警");
        assertThat(text((Element) infos.item(1), "headline")).contains("Joint warning");
    }

    private static String text(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(CapAlert.NAMESPACE, name);
        assertThat(nodes.getLength()).as(name).isPositive();
        return nodes.item(0).getTextContent();
    }
}
