package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
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
 * Joint warnings between two park gateways (issue #19 item 5), A (this test's) and B (started here), on loopback. B's
 * park, as A registers it, begins 30 m down the regional flow (ESE) from a drill's release at A; a third partner, C,
 * lies 300 m up the flow. The drill's incident forecast at A reaches B's boundary and not C's: a joint warning is raised
 * at A and, as a signed message carrying a CAP 1.2 alert, at B, within 2 minutes of the drill's start (so of its first
 * alert, which comes after); B's duty officers are told; each side's acknowledgement is shown on the other; both sides
 * closing closes it on both; a tampered or replayed joint-warning message is refused.
 */
@TestPropertySource(properties = {"gw.federation.gateway-id=gw-park-a", "gw.federation.allow-plain-http=true"})
class JointWarningTest extends RunningGateway {

    private static final String SECADMIN = "secadmin";
    private static final String SECADMIN_PASSWORD = "demo-secadmin";
    private static final Duration WITHIN = Duration.ofMinutes(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The demo drill's release: DrillApiTest's, a benzene source 20 m up the flow from a well. */
    private static final String SOURCE = "PS-E10-LG";

    private final ParkGateway parkB = new ParkGateway("gw-park-b");

    @Autowired
    private Database database;

    @AfterEach
    void stopParkB() {
        parkB.stop();
    }

    private static String rectangle(double west, double south, double east, double north) {
        return String.format(Locale.ROOT, "POLYGON ((%.6f %.6f, %.6f %.6f, %.6f %.6f, %.6f %.6f, %.6f %.6f))", west, south, east, south, east, north, west,
                north, west, south);
    }

    private static JsonNode created(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static List<JsonNode> warnings(Http gateway, String user) {
        List<JsonNode> all = new ArrayList<>();
        ok(gateway.getAs("/api/v1/joint-warnings", user, "demo-" + user)).forEach(all::add);
        return all;
    }

    @Test
    void aDrillNearTheBoundaryRaisesAJointWarningInBothGatewaysAcknowledgedAndClosedJointly() throws Exception {
        Http b = parkB.start();
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
        created(b.post("/api/v1/federation/peers", ParkGateway.peerForm("gw-park-a", "PARK-A", portA, rectangle(lon - 0.02, lat - 0.02, lon, lat + 0.02)),
                SECADMIN, SECADMIN_PASSWORD));

        Instant started = Instant.now();
        Http.Response drill = http.post("/api/v1/drills", "{\"park\": \"HBDP\", \"parameter\": \"benzene\", \"source\": \"" + SOURCE + "\", "
                + "\"sourceMgPerL\": 20, \"releaseStart\": \"2025-11-03T00:00:00+08:00\", \"by\": \"园区应急办\"}", "admin", "demo-admin");
        assertThat(drill.status()).as(drill.body()).isEqualTo(202);
        ParkGateway.await("the joint warning at B", WITHIN, () -> !warnings(b, "duty").isEmpty());
        Duration toB = Duration.between(started, Instant.now());
        List<JsonNode> atA = warnings(http, "duty");
        JsonNode atB = warnings(b, "duty").get(0);
        System.out.printf("Joint warning: raised at A and shown at B %d ms after the drill started (bound %d s)%n", toB.toMillis(), WITHIN.toSeconds());
        assertThat(toB).isLessThan(WITHIN);

        // One warning at A, for B only (C's park is up the flow); the same at B, its origin A.
        assertThat(atA).hasSize(1);
        JsonNode warningA = atA.get(0);
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
        assertThat(ok(b.getAs("/api/v1/alerts/" + atB.get("alertId").asLong(), "duty", "demo-duty")).path("clearedAt").isNull()).isFalse();
        assertThat(b.post("/api/v1/joint-warnings/" + idB + "/acknowledge", "{}", "duty", "demo-duty").status()).as("closed").isEqualTo(400);
        // Who may: the public and a partner's client see no joint warning; an analyst reads them but cannot close one.
        assertThat(http.anonymous().get("/api/v1/joint-warnings").status()).isEqualTo(401);
        assertThat(http.post("/api/v1/joint-warnings/" + idA + "/close", "{}", "analyst", "demo-analyst").status()).isEqualTo(403);
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
        assertThat(text(alert, "addresses")).isEqualTo("gw-park-a gw-park-b");
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
