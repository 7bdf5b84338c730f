package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.groundwatergateway.core.federation.CapAlert;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.park.PotentialSource;
import org.groundwatergateway.core.site.SiteRepository;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.gateway.federation.JointWarningExchange;
import org.groundwatergateway.gateway.federation.SignedMessages;
import org.groundwatergateway.gateway.security.SigningKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three gateways on loopback in one JVM (issue #19): parks A (this test's, the demo park) and B (a generated second park
 * beside it, {@code gw.demo-park=DLCP}), and the province P (both started here), each with its own embedded database and
 * ports. Each park shares datastreams with the province under agreements; the province mirrors both with their origin,
 * and sees at each park exactly what it agreed, nothing more. B's park shares A's east edge, down the regional flow (ESE)
 * from a drill's release at A 150 m inside it; each registers the other with its park's boundary. A third partner, C,
 * lies 300 m up the flow. The drill's incident forecast at A reaches B's boundary and not C's: a joint warning is raised at A and, as
 * a signed message carrying a CAP 1.2 alert, at B and at the province (an addressee, which both parks registered as
 * such), within 2 minutes of the drill's start (so of its first alert, which comes after); B's duty officers are told;
 * each side's acknowledgement is shown on the other and at the province; both sides closing closes it on all three; a
 * tampered or replayed joint-warning message is refused. Then park to park ({@link #parkToPark}): B shares with A, A
 * mirrors, B stops and restarts, the six tamper cases, a wrong licence and a flood are refused, and ending the agreements
 * stops the flow; a message beyond the clock skew or with malformed observations is refused naming the claim or member, and
 * none of the refusals changes what A mirrors; while B is down, the province's federated answers still hold A's data and name B as missing. One test
 * rather than three, so that the three gateways start once on a 2-core machine.
 */
@TestPropertySource(properties = {"gw.federation.gateway-id=gw-park-a", "gw.federation.pull-interval=PT1S", "gw.federation.stale-after=PT5S",
        "gw.federation.backoff-max=PT2S", "gw.federation.allow-plain-http=true", "gw.federation.intake-per-minute=12"})
class ThreeGatewaysTest extends RunningGateway {

    private static final String SECADMIN = "secadmin";
    private static final String SECADMIN_PASSWORD = "demo-secadmin";
    private static final Duration WITHIN = Duration.ofMinutes(2);
    private static final Duration BOUND = Duration.ofSeconds(60);
    /** SensorThings Datastreams mirrored from either park. */
    private static final String FROM_EITHER = "/sta/v1.1/Datastreams?$count=true&$filter=" + URLEncoder.encode("properties/origin/gateway eq 'gw-park-a' "
            + "or properties/origin/gateway eq 'gw-park-b'", StandardCharsets.UTF_8);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The demo drill's release: DrillApiTest's, a benzene source 20 m up the flow from a well. */
    private static final String SOURCE = "PS-E10-LG";

    private static final String PROVINCE = "gw-province";
    /** The province pulls as fast as park A does here. */
    private static final String[] PROVINCE_SETTINGS = {"--gw.federation.pull-interval=PT1S", "--gw.federation.stale-after=PT5S",
            "--gw.federation.backoff-max=PT2S"};

    /** B's park: the generated second park, its wells B-MW01 to B-MW05 (core's DLCP.properties). */
    private static final String PARK_B = "DLCP";
    private static final String WELLS_B = "B-MW";

    private final ParkGateway parkB = new ParkGateway("gw-park-b", "--gw.demo-park=" + PARK_B);
    private final ParkGateway province = new ParkGateway(PROVINCE, PROVINCE_SETTINGS);

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

    /** The first three of a park's groundwater datastreams, those of its wells whose codes start with {@code wells}. */
    private static List<Long> groundwaterDatastreams(Http gateway, String wells) {
        List<Long> ids = new ArrayList<>();
        groundwaterDatastreamNames(gateway, wells).forEach(d -> ids.add(d.get("@iot.id").asLong()));
        assertThat(ids).hasSize(3);
        return ids;
    }

    private static JsonNode groundwaterDatastreamNames(Http gateway, String wells) {
        return ok(gateway.signedInAs("admin", "demo-admin").get("/sta/v1.1/Datastreams?$select=id,name&$orderby=id&$top=3&$filter="
                + URLEncoder.encode("startswith(name,'" + wells + "')", StandardCharsets.UTF_8))).get("value");
    }

    /** A park's boundary as WKT (lon lat), from the park's own database: what its partners register. */
    private static String boundary(Database database, String park) {
        return new ParkRepository(database).findByCode(park).orElseThrow().boundary().toText();
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
        Http p = province.start();
        Http pAdmin = p.signedInAs("admin", "demo-admin");
        int portA = Integer.parseInt(http.base().substring(http.base().lastIndexOf(':') + 1));
        PotentialSource source = new SiteRepository(database).load("HBDP").sources().stream().filter(s -> s.code().equals(SOURCE)).findFirst().orElseThrow();
        double lon = source.geometry().getCentroid().getX();
        double lat = source.geometry().getCentroid().getY();
        double metresPerDegreeLon = 111_320 * Math.cos(Math.toRadians(lat));
        // B: its park, which shares A's east edge; C: west of a meridian 300 m up the flow from the release.
        String boundaryA = boundary(database, "HBDP");
        String boundaryB = boundary(parkB.context().getBean(Database.class), PARK_B);
        assertThat(new WKTReader().read(boundaryA).intersection(new WKTReader().read(boundaryB)).getLength())
                .as("the edge A and B share, in degrees of latitude").isCloseTo(1000 / 111_000.0, within(0.001));
        String boundaryC = rectangle(lon - 0.02, lat - 0.02, lon - 300 / metresPerDegreeLon, lat + 0.02);
        long peerBatA = created(http.post("/api/v1/federation/peers", ParkGateway.peerForm("gw-park-b", "PARK-B", parkB.port(), boundaryB), SECADMIN,
                SECADMIN_PASSWORD)).get("id").asLong();
        // C has a client (and organisation) of its own here: one organisation is one partner's.
        ParkGateway.partnerClient(http, "park-c");
        created(http.post("/api/v1/federation/peers", ParkGateway.peerForm("gw-park-c", "PARK-C", ParkGateway.freePort(), boundaryC, "PARK",
                ParkGateway.PARTNER_CLIENT, ParkGateway.PARTNER_SECRET, "park-c"), SECADMIN, SECADMIN_PASSWORD));
        long peerAatB = created(b.post("/api/v1/federation/peers", ParkGateway.peerForm("gw-park-a", "PARK-A", portA, boundaryA), SECADMIN, SECADMIN_PASSWORD))
                .get("id").asLong();

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
        ParkGateway.partnerClient(http, "region");
        Http.Response badRole = http.post("/api/v1/federation/peers", ParkGateway.peerForm("gw-region", "RG", ParkGateway.freePort(), null, "REGION",
                ParkGateway.PARTNER_CLIENT, ParkGateway.PARTNER_SECRET, "region"), SECADMIN, SECADMIN_PASSWORD);
        assertThat(badRole.status()).as(badRole.body()).isEqualTo(400);
        assertThat(badRole.body()).contains("\"role\"").doesNotContain("\"inboundClientId\"");
        // The province's organisation here is one partner's already: a second registration with its client is refused.
        Http.Response taken = http.post("/api/v1/federation/peers", ParkGateway.peerForm("gw-other", "OT", ParkGateway.freePort(), null, "PARK",
                ParkGateway.PARTNER_CLIENT, ParkGateway.PARTNER_SECRET, "province"), SECADMIN, SECADMIN_PASSWORD);
        assertThat(taken.status()).as(taken.body()).isEqualTo(400);
        assertThat(taken.body()).contains("\"inboundClientId\"");
        // A will share its third groundwater datastream with the province, B its first two.
        List<Long> datastreamsA = groundwaterDatastreams(http, "GW-");
        List<Long> datastreamsB = groundwaterDatastreams(b, WELLS_B);
        List<Long> sharedByA = datastreamsA.subList(2, 3);
        List<Long> sharedByB = datastreamsB.subList(0, 2);

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
        assertThat(warningA.get("here").get("park").asString()).as("A's side of it, its park by its own code").isEqualTo("HBDP");
        assertThat(warningA.get("exercise").asBoolean()).isTrue();
        long incident = ok(http.get("/api/v1/drills/" + drill.json().get("drill").get("id").asLong())).get("drill").get("incidentId").asLong();
        assertThat(warningA.get("incidentId").asLong()).isEqualTo(incident);
        assertThat(atB.get("identifier").asString()).isEqualTo(warningA.get("identifier").asString());
        assertThat(atB.get("origin").get("gateway").asString()).isEqualTo("gw-park-a");
        assertThat(atB.get("origin").get("park").asString()).isEqualTo("PARK-A");
        assertThat(atB.get("ours").asBoolean()).isFalse();
        assertThat(atB.get("here").get("park").asString()).as("B's side of it").isEqualTo("PARK-B");
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
        assertThat(atP.get("here").isNull()).as("the province is told, not a side").isTrue();
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
        // A's acknowledgement is given in the portal's alert page, where B's is shown; the province's page shows both.
        // Without Chromium (a developer's machine; CI installs it) through the API, so that the rest of the test still runs.
        if (Command.installed("/usr/bin/chromium") || System.getenv("CI") != null) {
            Command.Result browser = Command.run(List.of("node", Path.of("../portal/e2e/joint-warnings.mjs").toString()), Map.of(
                    "GW_BASE", http.base(), "GW_PROVINCE_BASE", p.base(),
                    "GW_SCREENSHOTS", Path.of("target/portal-screenshots").toAbsolutePath().toString()), Duration.ofMinutes(3));
            System.out.println(browser.output());
            assertThat(browser.exitCode()).as(browser.output()).isZero();
        } else {
            ok(http.post("/api/v1/joint-warnings/" + idA + "/acknowledge", "{}", "emergency", "demo-emergency"));
        }
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
        Http.Response tampered = sendHonouringRetryAfter(asB, JointWarningExchange.PATH, new SignedMessages.Message(signed.signature(), body.replace("duty", "nobody")),
                Map.of());
        assertThat(tampered.status()).as(tampered.body()).isEqualTo(400);
        assertThat(tampered.body()).contains("BODY_TAMPERED");
        Http.Response replayed = sendHonouringRetryAfter(asB, JointWarningExchange.PATH, signerB.sign(JointWarningExchange.STREAM, 1, body), Map.of());
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
        Http.Response notTheirs = sendHonouringRetryAfter(asB, JointWarningExchange.PATH, signerB.sign(JointWarningExchange.STREAM, 2, claim), Map.of());
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

        // Both parks under the shipped default from here on: partner parks see observations only as classes, 24 h late,
        // unless agreed otherwise. Before any agreement to share: a park's statement of its masking changing under a
        // mirror (here FeaturesOfInterest coarsened for partner parks) stops that mirror until agreed again.
        ok(b.post("/api/v1/policies/2/activate", "", SECADMIN, SECADMIN_PASSWORD));
        activateShippedDefaultPolicy();
        // A shares with the province, B too; the province receives both.
        created(http.post("/api/v1/federation/agreements", agreementForm(provinceAtAPeer, "SHARE", sharedByA), SECADMIN, SECADMIN_PASSWORD));
        created(b.post("/api/v1/federation/agreements", agreementForm(provinceAtBPeer, "SHARE", sharedByB), SECADMIN, SECADMIN_PASSWORD));
        created(p.post("/api/v1/federation/agreements", agreementForm(aAtProvince, "RECEIVE", sharedByA), SECADMIN, SECADMIN_PASSWORD));
        created(p.post("/api/v1/federation/agreements", agreementForm(bAtProvince, "RECEIVE", sharedByB), SECADMIN, SECADMIN_PASSWORD));
        provinceMirrorsWhatEachParkAgreed(http, b, pAdmin, sharedByA, sharedByB, provinceAtA, provinceAtB);
        parkToPark(b, peerAatB, peerBatA, () -> provinceNamesTheMissingPark(pAdmin, bAtProvince));
    }

    /**
     * The province mirrors what each park agreed to share, with its origin and each park's disclosure, and at each park
     * sees exactly that: another datastream is a 404, the count of all Observations that of the agreed ones.
     */
    private void provinceMirrorsWhatEachParkAgreed(Http a, Http b, Http pAdmin, List<Long> sharedByA, List<Long> sharedByB, String provinceAtA,
                                                   String provinceAtB) throws InterruptedException {
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
        assertThat(ok(pAdmin.get(FROM_EITHER)).get("@iot.count").asLong()).isEqualTo(3);
        assertThat(pAdmin.anonymous().get("/api/v1/federation/foreign-datastreams").status()).as("the province's public").isEqualTo(401);
    }

    /**
     * B is down: the province's federated answers (SensorThings, WFS, OGC API) still hold A's data and what it mirrored of
     * B, and name B, and only B, as the missing partner.
     */
    private void provinceNamesTheMissingPark(Http pAdmin, long bAtProvince) throws InterruptedException {
        ParkGateway.await("the province marks B stale", Duration.ofSeconds(30), () -> ok(pAdmin.getAs("/api/v1/federation/peers/" + bAtProvince, SECADMIN,
                SECADMIN_PASSWORD)).get("mirror").get("state").asString().equals("STALE"));
        Http.Response partial = pAdmin.get(FROM_EITHER);
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

    /** A check run at a point of another (while a gateway is down). */
    private interface Check {
        void run() throws InterruptedException;
    }

    /**
     * Park to park (issue #19's first Done-means item), A and B with the province beside them: B shares two datastreams
     * with A under two agreements (one grant at B); A pulls them through B's SensorThings API with its client credentials
     * and mirrors them with their origin and B's disclosure; A asking B for more gets nothing more; B stopped leaves A's
     * mirror stale with the last success (and {@code whileBIsDown} checks the province meanwhile); B restarted, the mirror
     * converges with no gap and no duplicate, counted; a signed push is accepted once and a tampered or replayed one
     * refused; a wrong licence and a flood are refused; ending the agreements at B stops the flow within 60 s.
     */
    private void parkToPark(Http b, long peerAatB, long peerBatA, Check whileBIsDown) throws Exception {
        JsonNode datastreamsAtB = groundwaterDatastreamNames(b, WELLS_B);
        List<Long> shared = List.of(datastreamsAtB.get(0).get("@iot.id").asLong(), datastreamsAtB.get(1).get("@iot.id").asLong());
        long notShared = datastreamsAtB.get(2).get("@iot.id").asLong();

        // B (which registered A above) agrees to share two datastreams, in two agreements: one grant to A's organisation at B, their union.
        JsonNode sharing = created(b.post("/api/v1/federation/agreements", agreementForm(peerAatB, "SHARE", shared.subList(0, 1)), SECADMIN, SECADMIN_PASSWORD));
        JsonNode sharingSecond = created(b.post("/api/v1/federation/agreements", agreementForm(peerAatB, "SHARE", shared.subList(1, 2)), SECADMIN,
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
        Http asA = b.anonymous().bearer(ParkGateway.partnerToken(b));
        JsonNode visible = ok(asA.get("/sta/v1.1/Datastreams?$select=id&$count=true"));
        assertThat(visible.get("@iot.count").asLong()).isEqualTo(2);
        assertThat(ok(b.anonymous().get("/sta/v1.1/Datastreams?$select=id&$count=true")).get("@iot.count").asLong()).as("the public at B")
                .isGreaterThan(2);
        assertThat(asA.get("/sta/v1.1/Datastreams(" + notShared + ")").status()).isEqualTo(404);
        Http.Response observationsNotShared = asA.get("/sta/v1.1/Datastreams(" + notShared + ")/Observations?$top=1");
        assertThat(observationsNotShared.status() == 404 || observationsNotShared.json().get("value").isEmpty()).as(observationsNotShared.body()).isTrue();
        long sharedAtB = observationIds(asA, shared.get(0)).size() + observationIds(asA, shared.get(1)).size();
        assertThat(sharedAtB).isPositive();
        assertThat(ok(asA.get("/sta/v1.1/Observations?$count=true&$top=1")).get("@iot.count").asLong()).isEqualTo(sharedAtB);

        // A (which registered B above) records the agreement to receive; the puller mirrors B's two datastreams with their origin.
        assertThat(http.getAs("/api/v1/federation/peers/" + peerBatA, SECADMIN, SECADMIN_PASSWORD).body()).doesNotContain(ParkGateway.PARTNER_SECRET);
        JsonNode receiving = created(http.post("/api/v1/federation/agreements", agreementForm(peerBatA, "RECEIVE", shared), SECADMIN, SECADMIN_PASSWORD));
        assertThat(receiving.get("grant").isNull()).isTrue();
        Instant agreed = Instant.now();
        ParkGateway.await("A mirrors B's shared observations", Duration.ofSeconds(60), () -> {
            JsonNode foreign = ok(http.get("/api/v1/federation/foreign-datastreams"));
            if (foreign.size() < 2) return false;
            long mirrored = 0;
            for (JsonNode d : foreign) mirrored += mirroredIds(http, d.get("id").asLong()).size();
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
        assertThat(staCount(http, fromB)).isEqualTo(2);
        assertThat(staCount(http.anonymous(), fromB)).as("A's public").isZero();
        assertThat(staCount(http.anonymous().bearer(ParkGateway.partnerToken(http)), fromB)).as("a partner park at A").isZero();

        // B is stopped: A's mirror turns stale, keeping the time of its last success.
        parkB.stop();
        ParkGateway.await("A marks B's mirror stale", Duration.ofSeconds(30), () -> mirrorOfB(peerBatA).get("state").asString().equals("STALE"));
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
        whileBIsDown.run();

        // B restarts and takes in new readings of a shared datastream; A's mirror converges: no gap, no duplicate.
        b = parkB.start();
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
        asA = b.anonymous().bearer(ParkGateway.partnerToken(b));
        Set<Long> atB = observationIds(asA, shared.get(0));
        long foreignFirst = foreign.get(0).get("origin").get("remoteId").asLong() == shared.get(0) ? foreign.get(0).get("id").asLong() : foreign.get(1).get("id").asLong();
        ParkGateway.await("A's mirror converges after B's restart", Duration.ofSeconds(60), () -> new HashSet<>(mirroredIds(http, foreignFirst)).equals(atB)
                && mirrorOfB(peerBatA).get("state").asString().equals("FRESH"));
        assertThat(http.get(fromB).raw().headers().firstValue("GW-Federation-Partial")).as("whole again").isEmpty();
        List<Long> mirrored = mirroredIds(http, foreignFirst);
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
        Http asB = http.anonymous().bearer(ParkGateway.partnerToken(http));
        JsonNode merged = ok(sendHonouringRetryAfter(asB, "/api/v1/federation/messages", pushed, Map.of()));
        assertThat(merged.get("added").asInt()).isEqualTo(1);
        long storedAtA = mirroredObservations();
        Http.Response replayed = sendHonouringRetryAfter(asB, "/api/v1/federation/messages", pushed, Map.of("Accept-Language", "en"));
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(409);
        assertThat(replayed.body()).contains("REPLAY", "\"seq\"");
        SignedMessages.Message next = signer.sign("Datastreams(" + shared.get(1) + ")", 2, body);
        Http.Response tampered = sendHonouringRetryAfter(asB, "/api/v1/federation/messages", new SignedMessages.Message(next.signature(), body.replace("7.5", "0.5")),
                Map.of("Accept-Language", "en"));
        assertThat(tampered.status()).as(tampered.body()).isEqualTo(400);
        assertThat(tampered.body()).contains("BODY_TAMPERED", "\"body\"");
        // The other four tamper cases through A's door, each refused for its own reason: a signed claim altered (the
        // number of a later message under this one's signature), a number skipped, a key B does not publish, and a
        // sender that is not the caller (B's client sending in the province's name, with B's key).
        String stream = "Datastreams(" + shared.get(1) + ")";
        String[] signedParts = next.signature().split("\\.");
        String alteredClaims = signedParts[0] + "." + signer.sign(stream, 3, body).signature().split("\\.")[1] + "." + signedParts[2];
        Map<String, Map.Entry<Integer, SignedMessages.Message>> forged = Map.of(
                "BAD_SIGNATURE", Map.entry(400, new SignedMessages.Message(alteredClaims, body)),
                "SEQUENCE_GAP", Map.entry(409, signer.sign(stream, 3, body)),
                "UNKNOWN_KEY", Map.entry(400, signerOnly("gw-park-b", new RSAKeyGenerator(2048).keyID("not-published").generate()).sign(stream, 2, body)),
                "UNKNOWN_SENDER", Map.entry(400, signerOnly(PROVINCE, parkB.context().getBean(SigningKeys.class).current()).sign(stream, 2, body)));
        for (var refusal : forged.entrySet()) {
            Http.Response refused = sendHonouringRetryAfter(asB, "/api/v1/federation/messages", refusal.getValue().getValue(), Map.of("Accept-Language", "en"));
            assertThat(refused.status()).as(refused.body()).isEqualTo(refusal.getValue().getKey());
            assertThat(refused.body()).as(refusal.getKey()).contains(refusal.getKey());
        }
        Http.Response notShared2 = sendHonouringRetryAfter(asB, "/api/v1/federation/messages", signer.sign("Datastreams(" + notShared + ")", 1,
                body.replace("\"datastream\": " + shared.get(1), "\"datastream\": " + notShared)), Map.of("Accept-Language", "en"));
        assertThat(notShared2.status()).as(notShared2.body()).isEqualTo(400);
        assertThat(notShared2.body()).contains("NOT_AGREED");
        // A message naming another licence than the agreement's is refused, and takes no number.
        Http.Response otherLicence = sendHonouringRetryAfter(asB, "/api/v1/federation/messages", signer.sign("Datastreams(" + shared.get(1) + ")", 2,
                body.replace("{\"datastream\"", "{\"licence\": \"proprietary\", \"datastream\"")), Map.of("Accept-Language", "en"));
        assertThat(otherLicence.status()).as(otherLicence.body()).isEqualTo(400);
        assertThat(otherLicence.body()).contains("LICENCE", "body.licence");
        // A message B signed with its own key but a clock 10 minutes fast (the skew allowed is 2) is refused naming iat; one
        // with a malformed observation beside a good one is refused whole, naming the observation's member and position.
        SignedMessages fastClock = signerOnly("gw-park-b", parkB.context().getBean(SigningKeys.class).current(),
                java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofMinutes(10)));
        Http.Response skewed = sendHonouringRetryAfter(asB, "/api/v1/federation/messages", fastClock.sign(stream, 2, body), Map.of("Accept-Language", "en"));
        assertThat(skewed.status()).as(skewed.body()).isEqualTo(400);
        assertThat(skewed.body()).contains("CLOCK_SKEW", "\"iat\"");
        String good = "{\"id\": 900000002, \"phenomenonTime\": \"" + now.plusSeconds(60) + "\", \"result\": 7.6}";
        Map<String, String> malformed = Map.of(
                "body.observations[1].result", "[" + good + ", {\"id\": 900000003, \"phenomenonTime\": \"" + now.plusSeconds(90) + "\", \"result\": \"7.7 mg/L\"}]",
                "body.observations[0].phenomenonTime", "[{\"id\": 900000004, \"result\": 7.8}, " + good + "]");
        for (var observations : malformed.entrySet()) {
            String malformedBody = "{\"datastream\": " + shared.get(1) + ", \"observations\": " + observations.getValue() + "}";
            Http.Response refused = sendHonouringRetryAfter(asB, "/api/v1/federation/messages", signer.sign(stream, 2, malformedBody), Map.of("Accept-Language", "en"));
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).as(observations.getKey()).contains("MALFORMED", "\"" + observations.getKey() + "\"");
        }
        // A flood from B's client (12 a minute here) is refused with 429 before any verification, in the caller's language.
        Http.Response flooded = null;
        int sent = 0;
        while (sent < 20 && (flooded == null || flooded.status() != 429)) {
            flooded = asB.post("/api/v1/federation/messages", message(pushed), Map.of());
            sent++;
        }
        assertThat(flooded.status()).as(flooded.body()).isEqualTo(429);
        assertThat(flooded.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(flooded.body()).contains("每分钟", "12");
        Http.Response floodedEn = asB.post("/api/v1/federation/messages", message(pushed), Map.of("Accept-Language", "en"));
        assertThat(floodedEn.status()).isEqualTo(429);
        assertThat(floodedEn.body()).contains("more than 12 messages a minute");
        System.out.printf("Federation: B's client pushing to A refused with 429 after %d more messages (Retry-After %s s)%n", sent,
                flooded.raw().headers().firstValue("Retry-After").orElse("?"));
        long storedAfter = mirroredObservations();
        System.out.printf("Federation: A mirrors %d observations of B before the refused messages (tampered, skewed, malformed, flooding), %d after%n",
                storedAtA, storedAfter);
        assertThat(storedAfter).as("the refusals neither lose nor add anything").isEqualTo(storedAtA);

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
        ParkGateway.await("B shows A no more than partner parks see", BOUND, () -> ok(refusedA.get(recent)).get("@iot.count").asLong() == 0);
        Duration refusedAfter = Duration.between(asked, Instant.now());
        assertThat(ok(asA.get("/sta/v1.1/Datastreams?$count=true&$top=0")).get("@iot.count").asLong()).as("the policy's partner level").isGreaterThan(2);
        ParkGateway.await("A's pulls stop", BOUND, () -> mirrorOfB(peerBatA).get("state").asString().equals("STALE")
                && mirrorOfB(peerBatA).get("lastError").asString().contains("otherwise than agreed"));
        Duration staleAfter = Duration.between(asked, Instant.now());
        String error = mirrorOfB(peerBatA).get("lastError").asString();
        System.out.printf("Federation: agreement ended at B; B showed A only the partner level after %d ms, A's mirror stale after %d ms (%s)%n",
                refusedAfter.toMillis(), staleAfter.toMillis(), error);
        assertThat(refusedAfter).isLessThan(BOUND);
        assertThat(staleAfter).isLessThan(BOUND);
        assertThat(error).contains("otherwise than agreed");
        assertThat(new HashSet<>(mirroredIds(http, foreignFirst))).as("nothing masked otherwise mixed into the mirror").isEqualTo(atB);
    }

    /** How many Datastreams a SensorThings query counts; none where the entity set is not shown at all. */
    private static long staCount(Http asker, String path) {
        Http.Response response = asker.get(path);
        if (response.status() == 404) return 0;
        return ok(response).get("@iot.count").asLong();
    }

    /** How many observations A mirrors of all its partners' datastreams. */
    private long mirroredObservations() {
        long count = 0;
        for (JsonNode d : ok(http.get("/api/v1/federation/foreign-datastreams"))) count += mirroredIds(http, d.get("id").asLong()).size();
        return count;
    }

    private JsonNode mirrorOfB(long peer) {
        return ok(http.getAs("/api/v1/federation/peers/" + peer, SECADMIN, SECADMIN_PASSWORD)).get("mirror");
    }

    /** Signs as {@code gateway} with {@code key}, verifying nothing (no partners, keys or ledger): to forge messages. */
    private static SignedMessages signerOnly(String gateway, RSAKey key) {
        return signerOnly(gateway, key, java.time.Clock.systemUTC());
    }

    /** As {@link #signerOnly(String, RSAKey)}, its messages sent at {@code clock}'s time. */
    private static SignedMessages signerOnly(String gateway, RSAKey key, java.time.Clock clock) {
        return new SignedMessages(() -> key, gateway, id -> java.util.Optional.empty(), (peer, again) -> new JWKSet(), null, Duration.ofMinutes(2), clock);
    }

    /**
     * Posts one signed message as a well-behaved partner does: a 429 (the intake's per-minute budget, here 12, which B's own
     * outbox shares with these probes) is waited out for its Retry-After and the message sent again, so a probe meets
     * the check it is about, not the flood guard. The flood guard has its own check.
     */
    private static Http.Response sendHonouringRetryAfter(Http as, String path, SignedMessages.Message signed, Map<String, String> headers)
            throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            Http.Response response = as.post(path, message(signed), headers);
            if (response.status() != 429 || attempt == 20) return response;
            Thread.sleep(1000L * Long.parseLong(response.raw().headers().firstValue("Retry-After").orElse("5")));
        }
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
