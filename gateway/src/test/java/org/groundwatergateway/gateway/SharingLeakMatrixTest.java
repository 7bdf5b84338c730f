package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue #13's leak matrix: the shipped default policy active, five audiences (the public, enterprise A = E01 signed in,
 * enterprise B = E02's API client with a token, a provincial regulator, a partner park) ask every door at random —
 * WFS, OGC API, WMS GetFeatureInfo, SensorThings, REST wells/readings/alerts, the forecast — and every answer is checked
 * against what the default policy allows, computed here from the regulator's exact view and the rules as the README
 * states them, not by the policy engine: wells at the 500 m grid point and never closer, concentrations as their
 * GB/T 14848 class (computed here from the parameter's published limits), nothing newer than 24 h, no raw values, no
 * alert messages, confidential enterprise fields only in an enterprise's own row, devices and coverage not at all.
 * The regulator sees the exact values. Rate limits are off in this context (1,000+ requests from one address).
 */
@TestPropertySource(properties = "gw.rate-limits.enabled=false")
class SharingLeakMatrixTest extends RunningGateway {

    private static final int REQUESTS = 1_000;
    private static final double STEP = 500 / 111_320.0;
    private static final Duration DELAY = Duration.ofHours(24);
    private static final long SEED = 20261204L;
    /** The concentration the matrix reads: benzene, with GB/T 14848 classes. */
    private static final String PARAMETER = "benzene";

    enum Audience { PUBLIC, ENTERPRISE_A, ENTERPRISE_B, REGULATOR, PARTNER }

    private static boolean activated;
    private static final Map<String, double[]> exactWells = new HashMap<>();
    private static final Map<String, String> creditCodes = new HashMap<>();
    private static final Map<String, List<double[]>> classLimits = new HashMap<>();
    private static final List<Long> datastreams = new ArrayList<>();
    private static final Map<Long, String> parameterOf = new HashMap<>();
    private static String enterpriseBToken;
    private static final List<double[]> enterpriseSites = new ArrayList<>();

    @BeforeEach
    void activateTheShippedDefaultOnce() {
        if (activated) return;
        activateShippedDefaultPolicy();

        Http regulator = http.signedInAs("regulator", "demo-regulator");
        for (JsonNode well : ok(regulator.get("/api/v1/wells")).get("features")) {
            JsonNode c = well.get("geometry").get("coordinates");
            exactWells.put(well.get("id").asString(), new double[] {c.get(0).asDouble(), c.get(1).asDouble()});
        }
        for (JsonNode o : ok(http.signedInAs("sysadmin", "demo-sysadmin").get("/api/v1/organisations"))) {
            if (!o.path("creditCode").isNull() && !o.path("creditCode").isMissingNode()) creditCodes.put(o.get("code").asString(), o.get("creditCode").asString());
        }
        for (JsonNode p : ok(regulator.get("/api/v1/parameters"))) {
            JsonNode classes = p.path("classLimits").path("classes");
            if (!classes.isArray()) continue;
            List<double[]> bounds = new ArrayList<>();
            for (JsonNode b : classes) {
                bounds.add(new double[] {b.get("lower").isNull() ? Double.NEGATIVE_INFINITY : b.get("lower").asDouble(),
                        b.get("upper").isNull() ? Double.POSITIVE_INFINITY : b.get("upper").asDouble()});
            }
            classLimits.put(p.get("code").asString(), bounds);
        }
        // Fresh benzene readings at every well that measures it, one 30 h and one 1 h old (the demo's history is older),
        // so that what the 24 h delay hides exists: the regulator sees the 1 h value, the others the 30 h one at most.
        Random values = new Random(SEED);
        java.util.Set<String> freshWells = new java.util.HashSet<>();
        StringBuilder fresh = new StringBuilder("[");
        for (JsonNode d : ok(regulator.get("/api/v1/datastreams"))) {
            if (d.get("well").isNull() || !d.get("parameter").asString().equals(PARAMETER)) continue;
            datastreams.add(d.get("id").asLong());
            parameterOf.put(d.get("id").asLong(), PARAMETER);
            // A dual-sensor well has two benzene datastreams; a reading is the well's, stored once.
            if (!freshWells.add(d.get("well").asString())) continue;
            for (int hours : new int[] {30, 1}) {
                if (fresh.length() > 1) fresh.append(',');
                fresh.append("{\"well\": \"").append(d.get("well").asString()).append("\", \"parameter\": \"").append(PARAMETER)
                        .append("\", \"time\": \"").append(Instant.now().minus(Duration.ofHours(hours)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                        .append("\", \"value\": ").append(Math.round(Math.pow(10, -1 + 3.5 * values.nextDouble()) * 1000) / 1000.0).append('}');
            }
        }
        var stored = http.post("/api/v1/readings?mode=ACCEPT_VALID", fresh.append(']').toString(), "om", "demo-om");
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.json().path("stored").asInt()).isEqualTo(2 * freshWells.size());
        for (JsonNode f : ok(regulator.get("/ogcapi/collections/enterprises/items?limit=100")).get("features")) {
            // The mean of the outline's corners: inside the demo's convex site outlines.
            JsonNode ring = f.get("geometry").get("type").asString().equals("MultiPolygon") ? f.get("geometry").get("coordinates").get(0).get(0)
                    : f.get("geometry").get("coordinates").get(0);
            double lon = 0;
            double lat = 0;
            for (int i = 0; i < ring.size() - 1; i++) {
                lon += ring.get(i).get(0).asDouble() / (ring.size() - 1);
                lat += ring.get(i).get(1).asDouble() / (ring.size() - 1);
            }
            enterpriseSites.add(new double[] {lon, lat});
        }
        // An incident's heat map, so that what is withheld of it exists.
        JsonNode u04 = ok(regulator.get("/ogcapi/collections/wells/items?f=json&limit=100")).get("features").valueStream()
                .filter(f -> f.at("/properties/code").asString().equals("GW-U04")).findFirst().orElseThrow();
        double[] at = {u04.at("/geometry/coordinates/0").asDouble(), u04.at("/geometry/coordinates/1").asDouble()};
        new StoredHeatMaps(database).benzene(Instant.now().minus(Duration.ofDays(30)), Instant.now().minus(Duration.ofDays(2)),
                List.of(StoredHeatMaps.square("PS-E01-TF", 0.9, at[0], at[1], 0.0002)));
        enterpriseBToken = new OAuthFlows(http.base()).clientToken("enterprise-E02", "demo-secret-E02");
        mirrorAPartnersDatastream();
        assertThat(exactWells).hasSizeGreaterThanOrEqualTo(40);
        assertThat(creditCodes).containsKeys("E01", "E02");
        activated = true;
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.groundwatergateway.core.federation.Mirrors mirrors;
    @org.springframework.beans.factory.annotation.Autowired
    private org.groundwatergateway.core.storage.Database database;
    /** A partner's datastream, mirrored here: what partners share with us is its dataset, foreign_observations. */
    private static long foreignDatastream;
    private static final double FOREIGN_VALUE = 0.0123;
    /** Where park B shows that datastream's well to us. */
    private static final double[] FOREIGN_PLACE = {121.0312, 32.5411};

    /**
     * Park B (a partner on loopback's discard port: the puller finds it down, so its mirror is stale) shares one
     * datastream with us; its mirror holds one observation an hour old, exact. Under the shipped default only the park's
     * staff and the regulator may see foreign data.
     */
    private void mirrorAPartnersDatastream() {
        String secadmin = "secadmin";
        String password = "demo-secadmin";
        Http.Response peer = http.post("/api/v1/federation/peers", "{\"gatewayId\": \"gw-park-b\", \"name\": \"Park B\", \"parkCode\": \"PARK-B\", "
                + "\"baseUrl\": \"https://127.0.0.1:9\", \"outboundClientId\": \"a-at-b\", \"outboundClientSecret\": \"s\", "
                + "\"inboundClientId\": \"partner-park\"}", secadmin, password);
        assertThat(peer.status()).as(peer.body()).isEqualTo(201);
        long peerId = peer.json().get("id").asLong();
        Http.Response agreement = http.post("/api/v1/federation/agreements", "{\"peer\": " + peerId + ", \"direction\": \"RECEIVE\", \"datastreams\": [7], "
                + "\"level\": \"partner-monitoring-exchange\", \"licence\": \"CC-BY-4.0\", \"validUntil\": \""
                + Instant.now().plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\"}", secadmin, password);
        assertThat(agreement.status()).as(agreement.body()).isEqualTo(201);
        foreignDatastream = mirrors.mirror(peerId, 7, agreement.json().get("id").asLong(), "GW-B01/benzene", "Benzene", "mg/L", "GW-B01", "CC-BY-4.0",
                "policy v2; Observations: rows limited by Datastream/id");
        mirrors.place(foreignDatastream, org.groundwatergateway.core.geo.Cgcs2000.GEOMETRY_FACTORY.createPoint(
                new org.locationtech.jts.geom.Coordinate(FOREIGN_PLACE[0], FOREIGN_PLACE[1])));
        mirrors.merge(foreignDatastream, List.of(new org.groundwatergateway.core.federation.ForeignObservation(70001,
                Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS), FOREIGN_VALUE)), Instant.now());
    }

    /**
     * What partners share with us, through SensorThings and REST: the regulator sees it whole, with its origin, and is told
     * the partner is missing (its mirror is stale); no one else sees that it exists, nor is told of the partner.
     */
    private void foreignData(Audience a) {
        String sta = "/sta/v1.1/Datastreams?$count=true&$filter=" + URLEncoder.encode("properties/origin/gateway eq 'gw-park-b'", StandardCharsets.UTF_8);
        Http.Response datastreams = as(a).get(sta);
        Http.Response rest = as(a).get("/api/v1/federation/foreign-datastreams/" + foreignDatastream + "/observations");
        Http.Response wfs = as(a).get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gw:foreign_latest_readings&OUTPUTFORMAT=application/json");
        Http.Response ogcApi = as(a).get("/ogcapi/collections/foreign_latest_readings/items?f=json");
        if (a == Audience.REGULATOR) {
            // Federated WFS and OGC API: the partner's reading where it shows its well, with its origin, and the partner named missing.
            for (Http.Response features : List.of(wfs, ogcApi)) {
                JsonNode feature = ok(features).get("features").get(0);
                assertThat(feature.get("properties").get("origin_park").asString()).isEqualTo("PARK-B");
                assertThat(feature.get("properties").get("origin_gateway").asString()).isEqualTo("gw-park-b");
                assertThat(feature.get("properties").get("licence").asString()).isEqualTo("CC-BY-4.0");
                assertThat(feature.get("properties").get("result_value").asDouble()).isEqualTo(FOREIGN_VALUE);
                assertThat(feature.get("geometry").get("coordinates").get(0).asDouble()).isCloseTo(FOREIGN_PLACE[0], org.assertj.core.data.Offset.offset(1e-9));
                assertThat(feature.get("geometry").get("coordinates").get(1).asDouble()).isCloseTo(FOREIGN_PLACE[1], org.assertj.core.data.Offset.offset(1e-9));
                assertThat(features.raw().headers().firstValue("GW-Federation-Partial").orElse("")).contains("gw-park-b");
            }
            JsonNode json = ok(datastreams);
            assertThat(json.get("@iot.count").asLong()).isEqualTo(1);
            assertThat(json.get("value").get(0).get("properties").get("origin").get("park").asString()).isEqualTo("PARK-B");
            assertThat(datastreams.raw().headers().firstValue("GW-Federation-Partial").orElse("")).contains("gw-park-b");
            assertThat(ok(rest).get(0).get("result").asDouble()).isEqualTo(FOREIGN_VALUE);
            return;
        }
        counted("foreign outside");
        assertThat(datastreams.status() == 404 || ok(datastreams).get("@iot.count").asLong() == 0).as("%s: no foreign Datastream (%s)", a,
                datastreams.body()).isTrue();
        assertThat(datastreams.body()).as("%s", a).doesNotContain("gw-park-b", "PARK-B");
        assertThat(datastreams.raw().headers().firstValue("GW-Federation-Partial")).as("%s: not told of a partner", a).isEmpty();
        assertThat(rest.status()).as("%s: foreign observations", a).isIn(401, 403, 404);
        assertThat(rest.body()).doesNotContain(String.valueOf(FOREIGN_VALUE));
        // Not a feature type to them: not in the capabilities, WFS refuses the unknown type, OGC API knows no such collection.
        for (String list : List.of("/wfs?SERVICE=WFS&REQUEST=GetCapabilities", "/wms?SERVICE=WMS&REQUEST=GetCapabilities", "/ogcapi/collections?f=json")) {
            Http.Response listed = as(a).get(list);
            assertThat(listed.status()).as(list).isEqualTo(200);
            assertThat(listed.body()).as("%s: %s", a, list).doesNotContain("foreign_latest_readings");
        }
        assertThat(wfs.status()).as("%s: WFS %s", a, wfs.body()).isEqualTo(400);
        assertThat(ogcApi.status()).as("%s: OGC API", a).isEqualTo(404);
        for (Http.Response refused : List.of(wfs, ogcApi)) {
            assertThat(refused.body()).doesNotContain("gw-park-b", "PARK-B", String.valueOf(FOREIGN_VALUE));
            assertThat(refused.raw().headers().firstValue("GW-Federation-Partial")).as("%s: not told of a partner", a).isEmpty();
        }
    }

    private Http as(Audience audience) {
        return switch (audience) {
            case PUBLIC -> http.anonymous();
            case ENTERPRISE_A -> http.signedInAs("enterprise", "demo-enterprise");
            case ENTERPRISE_B -> http.bearer(enterpriseBToken);
            case REGULATOR -> http.signedInAs("regulator", "demo-regulator");
            case PARTNER -> http.signedInAs("partner", "demo-partner");
        };
    }

    private static String organisation(Audience audience) {
        return switch (audience) {
            case ENTERPRISE_A -> "E01";
            case ENTERPRISE_B -> "E02";
            default -> null;
        };
    }

    @Test
    void theDaysDataQualityCountsGoOnlyToWhomTheReadingsAreShownAsTheyAre() {
        // Counts of stored and flagged readings per datastream: a door of its own (GET /api/v1/data-quality), refused to
        // every audience the shipped default shows the readings masked to.
        for (Audience a : Audience.values()) {
            Http.Response answer = as(a).get("/api/v1/data-quality");
            if (a == Audience.REGULATOR) {
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                assertThat(answer.json().path("datastreams").size()).as("the regulator's counts per datastream").isPositive();
            } else {
                assertThat(answer.status()).as("%s: %s", a, answer.body()).isIn(401, 403, 404);
                assertThat(answer.body()).as("%s", a).doesNotContain("\"received\"");
            }
        }
    }

    @Test
    void aThousandRandomRequestsShowNoMoreThanTheDefaultPolicyAllows() {
        Random random = new Random(SEED);
        List<String> codes = new ArrayList<>(exactWells.keySet());
        codes.sort(null);
        Map<Audience, Integer> asked = new EnumMap<>(Audience.class);
        List<Consumer<Audience>> doors = List.of(
                a -> wfsWells(a, random),
                a -> ogcApiWells(a, random),
                a -> staLocations(a, random),
                a -> restWell(a, codes.get(random.nextInt(codes.size()))),
                a -> featureInfo(a, codes.get(random.nextInt(codes.size()))),
                a -> ogcApiLatestReadings(a, random),
                a -> staObservations(a, random),
                a -> restReadings(a, datastreams.get(random.nextInt(datastreams.size()))),
                a -> restReadingsExport(a, datastreams.get(random.nextInt(datastreams.size()))),
                a -> restAggregates(a, datastreams.get(random.nextInt(datastreams.size()))),
                a -> wfsLatestReadingsExport(a, random),
                this::restAlerts,
                a -> enterprises(a, "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gw:enterprises&OUTPUTFORMAT=application/json"),
                a -> enterprises(a, "/ogcapi/collections/enterprises/items?limit=100"),
                a -> enterpriseFeatureInfo(a, enterpriseSites.get(random.nextInt(enterpriseSites.size()))),
                this::withheldDatasets,
                a -> forecast(a, datastreams.get(random.nextInt(datastreams.size()))),
                this::catalogDcat,
                a -> catalogSparql(a, random),
                a -> readingProvenance(a, datastreams.get(random.nextInt(datastreams.size())), random),
                a -> linkedWell(a, codes.get(random.nextInt(codes.size())), random),
                this::catalogRecords,
                this::foreignData,
                a -> qualityClasses(a, random),
                this::customReport);
        for (int i = 0; i < REQUESTS; i++) {
            Audience audience = Audience.values()[random.nextInt(Audience.values().length)];
            doors.get(random.nextInt(doors.size())).accept(audience);
            asked.merge(audience, 1, Integer::sum);
        }
        assertThat(asked).as("every audience asked").hasSize(Audience.values().length);
        // Each check ran on real answers, outside and inside: a door that answered nothing would prove nothing.
        assertThat(checked).as("items checked per door").containsOnlyKeys("well place outside", "well place regulator", "latest reading outside",
                "observation outside", "reading outside", "aggregates outside", "export refused outside", "wfs export row outside", "enterprise outside", "enterprise own", "catalog outside",
                "sparql outside", "provenance outside", "linked well outside", "records outside", "foreign outside",
                "class counts outside", "custom report outside");
        assertThat(checked.values()).allSatisfy(n -> assertThat(n).isGreaterThan(20));
    }

    private final Map<String, Integer> checked = new HashMap<>();

    private void counted(String what) {
        checked.merge(what, 1, Integer::sum);
    }

    /**
     * A wildcard MQTT subscriber (the public's view) is told of a reading older than the delay, as its class and without
     * its raw value, and of a fresh one nothing: it is released when its 24 hours have passed.
     */
    @Test
    void aWildcardMqttSubscriberGetsClassesOnlyAndNothingFresh() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttClient subscriber = connectMqtt(null, null);
        subscriber.subscribe("v1.1/#", 0, (topic, message) -> received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8)));
        Instant old = Instant.now().minus(Duration.ofHours(25)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant fresh = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String body = "[{\"well\": \"GW-U05\", \"parameter\": \"benzene\", \"time\": \"" + old + "\", \"value\": 33.3},"
                + "{\"well\": \"GW-U05\", \"parameter\": \"benzene\", \"time\": \"" + fresh + "\", \"value\": 77.7}]";
        assertThat(http.post("/api/v1/readings?mode=ACCEPT_VALID", body, "om", "demo-om").status()).isEqualTo(200);
        List<String> observations = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            String message = received.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (message != null && message.startsWith("v1.1/Observations ")) observations.add(message);
        }
        assertThat(observations).as("the reading older than the delay is announced once, as its class").hasSize(1);
        JsonNode observation = tools.jackson.databind.json.JsonMapper.builder().build().readTree(observations.get(0).substring("v1.1/Observations ".length()));
        assertThat(Instant.parse(observation.get("phenomenonTime").asString())).isEqualTo(old);
        assertThat(observation.get("result").asDouble()).as("33.3 µg/L is class IV").isEqualTo(classOf(PARAMETER, 33.3));
        assertThat(observation.path("parameters").has("rawValue")).isFalse();
        assertThat(String.join("\n", received)).doesNotContain("77.7").doesNotContain("33.3");
    }

    /**
     * The broker routes a publication to subscribers as published, before the platform can mask it: under a masking policy
     * a token holder's SensorThings creation over MQTT is refused, so an anonymous wildcard subscriber never gets its raw
     * value (found running the README: 13.1 µg/L reached the public ahead of its masked announcement).
     */
    @Test
    void aCreationPublishedOverMqttDoesNotReachThePublicAsPublished() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttClient subscriber = connectMqtt(null, null);
        subscriber.subscribe("v1.1/#", 0, (topic, message) -> received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8)));
        long datastream = http.signedInAs("regulator", "demo-regulator").get("/sta/v1.1/Datastreams?$filter=name%20eq%20'GW-U05/benzene'").json()
                .path("value").get(0).path("@iot.id").asLong();
        MqttClient creator = connectMqtt("om-laptop", accessToken("om").toCharArray());
        String topic = "v1.1/Datastreams(" + datastream + ")/Observations";
        creator.publish(topic, "{\"phenomenonTime\": \"2025-11-03T05:00:00Z\", \"result\": 55.5}".getBytes(StandardCharsets.UTF_8), 0, false);
        Thread.sleep(2000);
        assertThat(String.join("\n", received)).doesNotContain("55.5");
        JsonNode stored = http.signedInAs("regulator", "demo-regulator").get("/sta/v1.1/" + topic.substring("v1.1/".length())
                + "?$filter=phenomenonTime%20eq%202025-11-03T05:00:00Z").json();
        assertThat(stored.path("value").size()).as("nothing created either").isZero();
    }

    /**
     * An Observation a data reviewer moves (PATCH) into the delay is judged by its time now, by every door: the delayed
     * audiences find it neither by id, nor in lists, nor by $filter=id, nor its provenance; the regulator sees it moved.
     * (A pH datastream: the matrix's benzene readings stay as its oracle knows them.)
     */
    @Test
    void anObservationMovedIntoTheDelayIsShownToTheRegulatorAlone() {
        Http regulator = as(Audience.REGULATOR);
        long ds = ok(regulator.get("/sta/v1.1/Datastreams?$filter=" + URLEncoder.encode("name eq 'GW-U07/ph'", StandardCharsets.UTF_8)))
                .get("value").get(0).get("@iot.id").asLong();
        String old = URLEncoder.encode("phenomenonTime lt " + Instant.now().minus(DELAY).minus(Duration.ofHours(2)), StandardCharsets.UTF_8);
        long id = ok(regulator.get("/sta/v1.1/Datastreams(" + ds + ")/Observations?$top=1&$orderby=phenomenonTime%20desc&$filter=" + old))
                .get("value").get(0).get("@iot.id").asLong();
        String byId = "/sta/v1.1/Observations?$filter=" + URLEncoder.encode("id eq " + id, StandardCharsets.UTF_8);
        for (Audience a : new Audience[] {Audience.PUBLIC, Audience.PARTNER}) {
            assertThat(as(a).get("/sta/v1.1/Observations(" + id + ")").status()).as("%s: older than the delay", a).isEqualTo(200);
            assertThat(as(a).get("/catalog/readings/" + id + "/provenance?f=nt").status()).as("%s: its provenance", a).isEqualTo(200);
        }

        Instant inside = Instant.now().minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Http.Response moved = http.patch("/sta/v1.1/Observations(" + id + ")", "{\"phenomenonTime\": \"" + inside + "\"}", "reviewer", "demo-reviewer");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        for (Audience a : new Audience[] {Audience.PUBLIC, Audience.PARTNER}) {
            Http viewer = as(a);
            assertThat(viewer.get("/sta/v1.1/Observations(" + id + ")").status()).as("%s: by id", a).isEqualTo(404);
            assertThat(ok(viewer.get(byId)).get("value")).as("%s: $filter=id eq", a).isEmpty();
            assertThat(ok(viewer.get("/sta/v1.1/Datastreams(" + ds + ")/Observations?$top=50&$orderby=phenomenonTime%20desc")).get("value"))
                    .as("%s: in the list", a).noneMatch(o -> o.get("@iot.id").asLong() == id);
            assertThat(viewer.get("/catalog/readings/" + id + "/provenance?f=nt").status()).as("%s: its provenance", a).isEqualTo(404);
        }
        assertThat(ok(regulator.get("/sta/v1.1/Observations(" + id + ")")).get("phenomenonTime").asString()).isEqualTo(inside.toString().replace("Z", ".000Z"));
        assertThat(ok(regulator.get(byId)).get("value")).hasSize(1);
        assertThat(regulator.get("/catalog/readings/" + id + "/provenance?f=nt").status()).isEqualTo(200);
    }

    /**
     * A generic Thing (created through SensorThings with no park: no well) is a record of the Things dataset, which the
     * shipped default shows every audience; it reaches no door of wells or places, and a viewer limited to a park's rows
     * would not see it (EntityStoreContract).
     */
    @Test
    void aGenericThingIsShownAsTheThingsDatasetIsAndInNoDoorOfWells() {
        Http.Response created = http.post("/sta/v1.1/Things", "{\"name\": \"LEAK-GENERIC\", \"description\": \"generic\", "
                + "\"properties\": {\"reference\": \"leak-matrix\"}}", "admin", "demo-admin");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("@iot.id").asLong();
        for (Audience a : Audience.values()) {
            JsonNode thing = ok(as(a).get("/sta/v1.1/Things(" + id + ")"));
            assertThat(thing.path("properties").path("reference").asString()).as("%s", a).isEqualTo("leak-matrix");
            assertThat(as(a).get("/sta/v1.1/Locations(" + id + ")").status()).as("%s", a).isEqualTo(404);
            for (String door : List.of("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gw:wells&OUTPUTFORMAT=application/json",
                    "/ogcapi/collections/wells/items?limit=1000", "/api/v1/wells")) {
                Http.Response answer = as(a).get(door);
                assertThat(answer.status()).as("%s %s", a, door).isIn(200, 401, 403, 404);
                assertThat(answer.body()).as("%s %s", a, door).doesNotContain("LEAK-GENERIC", "leak-matrix");
            }
        }
    }

    /**
     * $expand shows each audience of every related set what a read of that set shows it: each expanded entity and page is
     * the answer of its navigation link, Observations newer than the delay stay out of Datastreams' pages (as classes
     * only), a well's Location stays on its grid point, and a Datastream or well the audience may not see expands to none.
     */
    @Test
    void anExpansionShowsWhatItsNavigationLinkShows() {
        String datastreams = "/sta/v1.1/Datastreams?$top=200&$filter=" + encode("properties/parameter eq '" + PARAMETER + "'") + "&$expand="
                + encode("Thing($expand=Locations),Observations($top=2;$orderby=phenomenonTime desc)");
        String observations = "/sta/v1.1/Observations?$top=60&$orderby=" + encode("phenomenonTime desc") + "&$expand=" + encode("Datastream,FeatureOfInterest");
        Instant cutoff = Instant.now().minus(DELAY);
        for (Audience a : Audience.values()) {
            Http viewer = as(a);
            boolean fresh = false;
            JsonNode page = ok(viewer.get(datastreams)).get("value");
            assertThat(page).as("%s", a).isNotEmpty();
            for (JsonNode d : page) {
                String self = "/sta/v1.1/Datastreams(" + d.get("@iot.id").asLong() + ")";
                JsonNode latest = ok(viewer.get(self + "/Observations?$top=2&$orderby=" + encode("phenomenonTime desc"))).get("value");
                assertThat(d.get("Observations")).as("%s %s", a, self).isEqualTo(latest);
                for (JsonNode o : d.get("Observations")) {
                    Instant time = Instant.parse(o.get("phenomenonTime").asString());
                    fresh |= time.isAfter(cutoff);
                    if (a == Audience.REGULATOR) continue;
                    assertThat(time).as("%s: no Observation newer than 24 h under %s", a, self).isBeforeOrEqualTo(cutoff);
                    assertThat(o.get("result").isNull() || o.get("result").isIntegralNumber()).as("%s: a class, not %s", a, o.get("result")).isTrue();
                }
                JsonNode thing = d.get("Thing");
                Http.Response direct = viewer.get(self + "/Thing");
                if (direct.status() == 404) {
                    assertThat(thing == null || thing.isNull()).as("%s: %s has no Thing it may see", a, self).isTrue();
                    continue;
                }
                tools.jackson.databind.node.ObjectNode bare = ((tools.jackson.databind.node.ObjectNode) thing).deepCopy();
                bare.remove(List.of("Locations", "Locations@iot.nextLink"));
                assertThat(bare).as("%s %s/Thing", a, self).isEqualTo(entity(direct));
                assertThat(thing.get("Locations")).isEqualTo(ok(viewer.get("/sta/v1.1/Things(" + thing.get("@iot.id").asLong() + ")/Locations")).get("value"));
                for (JsonNode l : thing.get("Locations")) {
                    if (exactWells.containsKey(l.get("name").asString())) checkWellPlace(a, l.get("name").asString(), l.get("location").get("coordinates"));
                }
            }
            assertThat(fresh).as("%s sees the latest hour under Datastreams", a).isEqualTo(a == Audience.REGULATOR);
            for (JsonNode o : ok(viewer.get(observations)).get("value")) {
                String self = "/sta/v1.1/Observations(" + o.get("@iot.id").asLong() + ")";
                for (String nav : List.of("Datastream", "FeatureOfInterest")) {
                    Http.Response direct = viewer.get(self + "/" + nav);
                    if (direct.status() == 404) assertThat(o.get(nav) == null || o.get(nav).isNull()).as("%s: %s/%s hidden", a, self, nav).isTrue();
                    else assertThat(o.get(nav)).as("%s %s/%s", a, self, nav).isEqualTo(entity(direct));
                }
            }
        }
    }

    /** An entity as its own answer gives it, without the answer's statement of what was disclosed. */
    private static JsonNode entity(Http.Response answer) {
        tools.jackson.databind.node.ObjectNode entity = ((tools.jackson.databind.node.ObjectNode) ok(answer)).deepCopy();
        entity.remove("disclosure");
        return entity;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The alert stream (SSE) carries alerts as raised: it opens for the regulator alone, and nothing reaches anyone else. */
    @Test
    void theAlertStreamOpensForTheRegulatorAlone() throws Exception {
        for (Audience outside : new Audience[] {Audience.PUBLIC, Audience.ENTERPRISE_A, Audience.ENTERPRISE_B, Audience.PARTNER}) {
            Http.Response refused = as(outside).get("/api/v1/alerts/stream", Map.of("Accept", "text/event-stream"));
            assertThat(refused.status()).as("%s", outside).isIn(401, 403, 404);
            assertThat(refused.body()).as("%s", outside).doesNotContain("data:");
        }
        assertThat(as(Audience.REGULATOR).follow("/api/v1/alerts/stream")).isNotNull();
        // The broker's alert topics follow the stream: enterprise B's token may read SensorThings there, not alerts.
        MqttClient enterprise = connectMqtt("enterprise-b-screen", enterpriseBToken.toCharArray());
        assertThat(enterprise.subscribeWithResponse("v1.1/#", 0).getGrantedQos()[0]).isZero();
        assertThat(enterprise.subscribeWithResponse("gw/alerts/#", 0).getGrantedQos()[0]).as("refused (0x80)").isEqualTo(0x80);
    }

    /**
     * What was masked rides on every answer: the header in ASCII for programs, the body's {@code disclosure} member in
     * the caller's language; and the receipt counts exactly the rows the body holds.
     */
    @Test
    void answersSayWhatWasMaskedAndTheReceiptCountsTheRows() {
        Http.Response zh = as(Audience.PUBLIC).get("/ogcapi/collections/latest_readings/items?limit=7&parameter=" + PARAMETER);
        assertThat(zh.raw().headers().firstValue("GW-Disclosure").orElseThrow())
                .contains("latest_readings: location to 500 m, result_value as GB/T 14848 class, delayed 24 h");
        JsonNode body = zh.json();
        assertThat(body.get("disclosure").asString()).contains("latest_readings: 位置已粗化至500米，result_value 仅显示GB/T 14848类别，数值延迟24小时");
        Http.Response en = as(Audience.PUBLIC).get("/ogcapi/collections/latest_readings/items?limit=7&parameter=" + PARAMETER,
                Map.of("Accept-Language", "en-GB,en;q=0.9,zh;q=0.5"));
        assertThat(en.json().get("disclosure").asString()).contains("location to 500 m");
        JsonNode entry = ok(http.getAs("/api/v1/audit/entries?from=" + zh.raw().headers().firstValue("Audit-Entry").orElseThrow() + "&limit=1",
                "auditor", "demo-auditor")).get(0);
        assertThat(entry.get("rowCount").asLong()).isEqualTo(body.get("features").size()).isPositive();
        assertThat(entry.get("valueCount").asLong()).isGreaterThan(entry.get("rowCount").asLong());
        // The regulator's answer masks nothing, and its body is the door's own.
        Http.Response regulator = as(Audience.REGULATOR).get("/ogcapi/collections/latest_readings/items?limit=7&parameter=" + PARAMETER);
        assertThat(regulator.raw().headers().firstValue("GW-Disclosure").orElseThrow()).endsWith("nothing masked");
        assertThat(regulator.json().has("disclosure")).isFalse();
    }

    /**
     * A concentration surface interpolated from exact places and values would carry both, and flow arrows drawn from
     * exact water levels would give back the head differences: an audience shown classes at coarse places gets neither
     * layer at all (capabilities, GetMap, GetFeatureInfo); the regulator gets each.
     */
    @Test
    void surfacesAndFlowArrowsAreNotDrawnForThoseShownClassesOnly() {
        String capabilities = as(Audience.REGULATOR).get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities").body();
        for (String prefix : new String[] {"surface.", "groundwater_flow."}) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<Name>(" + java.util.regex.Pattern.quote(prefix) + "[^<]+)</Name>").matcher(capabilities);
            assertThat(m.find()).as("the regulator's capabilities list a %s layer", prefix).isTrue();
            String layer = m.group(1);
            double[] box = randomBox(new Random(SEED));
            String map = "SERVICE=WMS&VERSION=1.3.0&LAYERS=" + layer + "&STYLES=&CRS=CRS:84&BBOX=" + box[0] + "," + box[1] + "," + box[2] + "," + box[3]
                    + "&WIDTH=200&HEIGHT=200&FORMAT=image/png";
            String info = "&REQUEST=GetFeatureInfo&QUERY_LAYERS=" + layer + "&I=100&J=100&INFO_FORMAT=application/json";
            assertThat(as(Audience.REGULATOR).get("/wms?REQUEST=GetMap&" + map).raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("image/png");
            for (Audience outside : new Audience[] {Audience.PUBLIC, Audience.ENTERPRISE_A, Audience.PARTNER}) {
                assertThat(as(outside).get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities").body()).as("%s", outside).doesNotContain(prefix);
                Http.Response drawn = as(outside).get("/wms?REQUEST=GetMap&" + map);
                assertThat(drawn.body()).as("%s: GetMap %s", outside, layer).contains("LayerNotDefined");
                assertThat(as(outside).get("/wms?" + map + info).body()).as("%s: GetFeatureInfo %s", outside, layer).contains("LayerNotDefined");
            }
        }
    }

    /** Reports are for those the policy shows them unmasked (the regulator here), with a receipt like every answer. */
    @Test
    void reportsGoToTheRegulatorWithAReceipt() {
        String period = "from=" + URLEncoder.encode(Instant.now().minus(Duration.ofDays(400)).toString(), StandardCharsets.UTF_8) + "&to="
                + URLEncoder.encode(Instant.now().toString(), StandardCharsets.UTF_8);
        Http.Response summary = as(Audience.REGULATOR).get("/api/v1/reports/alert-summary?format=json&" + period);
        assertThat(summary.status()).as(summary.body()).isEqualTo(200);
        assertThat(summary.raw().headers().firstValue("Audit-Entry")).isPresent();
        assertThat(summary.raw().headers().firstValue("GW-Disclosure").orElseThrow()).contains("policy v");
        String lastMonth = java.time.YearMonth.now(java.time.ZoneOffset.ofHours(8)).minusMonths(1).toString();
        List<String> reports = List.of("/api/v1/reports/alert-summary?format=json&" + period, "/api/v1/reports/operations?format=json&month=" + lastMonth,
                "/api/v1/reports/operations/archive", "/api/v1/reports/risk?format=json&park=HBDP");
        for (String report : reports) {
            Http.Response regulator = as(Audience.REGULATOR).get(report);
            assertThat(regulator.status()).as(report + ": " + regulator.body()).isEqualTo(200);
            assertThat(regulator.raw().headers().firstValue("Audit-Entry")).as(report).isPresent();
            for (Audience outside : new Audience[] {Audience.PUBLIC, Audience.ENTERPRISE_A, Audience.ENTERPRISE_B, Audience.PARTNER}) {
                assertThat(as(outside).get(report).status()).as("%s %s", outside, report).isIn(401, 403, 404);
            }
        }
    }

    /** The public's map draws each well at its grid point: the symbol's pixels centre there, not on the well. */
    @Test
    void getMapPixelsPlaceAWellAtItsGridPointForThePublic() throws Exception {
        String code = exactWells.keySet().stream().sorted().filter(c -> metresToGridPoint(c) > 100).findFirst().orElseThrow();
        double[] exact = exactWells.get(code);
        double half = 0.004;
        int side = 400;
        for (Audience a : new Audience[] {Audience.PUBLIC, Audience.REGULATOR}) {
            byte[] png = as(a).getBytes("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=wells&STYLES=&CRS=CRS:84&BBOX=" + (exact[0] - half) + ","
                    + (exact[1] - half) + "," + (exact[0] + half) + "," + (exact[1] + half) + "&WIDTH=" + side + "&HEIGHT=" + side + "&FORMAT=image/png&TRANSPARENT=true");
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
            double[] drawn = centreOfSymbolNear(image, a == Audience.REGULATOR ? exact : gridPoint(code), exact, half, side);
            double[] expected = a == Audience.REGULATOR ? exact : gridPoint(code);
            double[] pixel = {(expected[0] - exact[0] + half) / (2 * half) * side, (exact[1] + half - expected[1]) / (2 * half) * side};
            assertThat(Math.hypot(drawn[0] - pixel[0], drawn[1] - pixel[1])).as("%s: %s drawn where its answer puts it", a, code).isLessThan(2.0);
            if (a == Audience.PUBLIC) {
                // The well's true place, over 100 m (45 px) from its grid point, is left blank.
                for (int y = side / 2 - 6; y <= side / 2 + 6; y++) {
                    for (int x = side / 2 - 6; x <= side / 2 + 6; x++) assertThat(image.getRGB(x, y) >>> 24).as("pixel %d,%d", x, y).isLessThan(128);
                }
            }
        }
    }

    /** The centre of the opaque pixels within 12 px of where a point is expected (other wells may be drawn elsewhere). */
    private static double[] centreOfSymbolNear(java.awt.image.BufferedImage image, double[] point, double[] centre, double half, int side) {
        double px = (point[0] - centre[0] + half) / (2 * half) * side;
        double py = (centre[1] + half - point[1]) / (2 * half) * side;
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int y = (int) py - 12; y <= (int) py + 12; y++) {
            for (int x = (int) px - 12; x <= (int) px + 12; x++) {
                if (x < 0 || y < 0 || x >= image.getWidth() || y >= image.getHeight() || (image.getRGB(x, y) >>> 24) < 128) continue;
                sx += x + 0.5;
                sy += y + 0.5;
                n++;
            }
        }
        assertThat(n).as("a symbol is drawn near the expected place").isPositive();
        return new double[] {sx / n, sy / n};
    }

    private static double[] gridPoint(String code) {
        double[] exact = exactWells.get(code);
        return new double[] {Math.round(exact[0] / STEP) * STEP, Math.round(exact[1] / STEP) * STEP};
    }

    private static double metresToGridPoint(String code) {
        double[] exact = exactWells.get(code);
        double[] grid = gridPoint(code);
        return Math.hypot((grid[0] - exact[0]) * 111_320 * Math.cos(Math.toRadians(exact[1])), (grid[1] - exact[1]) * 111_320);
    }

    // ---- wells: at the grid point for everyone outside, exactly for the regulator ----

    private void wfsWells(Audience a, Random random) {
        double[] box = randomBox(random);
        JsonNode json = ok(as(a).get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gw:wells&OUTPUTFORMAT=application/json&BBOX="
                + box[1] + "," + box[0] + "," + box[3] + "," + box[2] + ",urn:ogc:def:crs:EPSG::4490"));
        for (JsonNode f : json.get("features")) checkWellPlace(a, f.get("properties").get("code").asString(), f.get("geometry").get("coordinates"));
    }

    private void ogcApiWells(Audience a, Random random) {
        double[] box = randomBox(random);
        JsonNode json = ok(as(a).get("/ogcapi/collections/wells/items?limit=" + (1 + random.nextInt(50)) + "&bbox=" + box[0] + "," + box[1] + "," + box[2] + "," + box[3]));
        for (JsonNode f : json.get("features")) checkWellPlace(a, f.get("properties").get("code").asString(), f.get("geometry").get("coordinates"));
    }

    private void staLocations(Audience a, Random random) {
        JsonNode json = ok(as(a).get("/sta/v1.1/Locations?$top=" + (1 + random.nextInt(20)) + "&$skip=" + random.nextInt(40)));
        for (JsonNode l : json.get("value")) {
            if (exactWells.containsKey(l.get("name").asString())) checkWellPlace(a, l.get("name").asString(), l.get("location").get("coordinates"));
        }
    }

    private void restWell(Audience a, String code) {
        JsonNode f = ok(as(a).get("/api/v1/wells/" + code));
        checkWellPlace(a, code, f.get("geometry").get("coordinates"));
    }

    /** GetFeatureInfo at the well's exact place: the public finds it only if its grid point is within the click's tolerance. */
    private void featureInfo(Audience a, String code) {
        double[] exact = exactWells.get(code);
        String bbox = (exact[0] - 0.004) + "," + (exact[1] - 0.004) + "," + (exact[0] + 0.004) + "," + (exact[1] + 0.004);
        JsonNode json = ok(as(a).get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=wells&QUERY_LAYERS=wells&STYLES=&CRS=CRS:84&BBOX="
                + bbox + "&WIDTH=101&HEIGHT=101&I=50&J=50&FORMAT=image/png&INFO_FORMAT=application/json&FEATURE_COUNT=50"));
        for (JsonNode f : json.get("features")) checkWellPlace(a, f.get("properties").get("code").asString(), f.get("geometry").get("coordinates"));
    }

    private void checkWellPlace(Audience a, String code, JsonNode coordinates) {
        double[] exact = exactWells.get(code);
        assertThat(exact).as("well %s is known", code).isNotNull();
        double lon = coordinates.get(0).asDouble();
        double lat = coordinates.get(1).asDouble();
        if (a == Audience.REGULATOR) {
            counted("well place regulator");
            assertThat(lon).as("%s sees %s exactly", a, code).isCloseTo(exact[0], org.assertj.core.data.Offset.offset(1e-9));
            assertThat(lat).isCloseTo(exact[1], org.assertj.core.data.Offset.offset(1e-9));
        } else {
            counted("well place outside");
            assertThat(lon).as("%s sees %s at its 500 m grid point", a, code).isCloseTo(Math.round(exact[0] / STEP) * STEP, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(lat).as("%s sees %s at its 500 m grid point", a, code).isCloseTo(Math.round(exact[1] / STEP) * STEP, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    // ---- concentrations: classes only, nothing newer than 24 h ----

    private void ogcApiLatestReadings(Audience a, Random random) {
        String parameter = PARAMETER;
        JsonNode json = ok(as(a).get("/ogcapi/collections/latest_readings/items?limit=" + (5 + random.nextInt(60)) + "&parameter=" + parameter));
        Instant cutoff = Instant.now().minus(DELAY);
        boolean anyFresh = false;
        for (JsonNode f : json.get("features")) {
            JsonNode p = f.get("properties");
            Instant time = Instant.parse(p.get("phenomenon_time").asString());
            JsonNode value = p.get("result_value");
            if (a == Audience.REGULATOR) {
                anyFresh |= time.isAfter(cutoff);
                continue;
            }
            counted("latest reading outside");
            assertThat(time).as("%s sees nothing newer than 24 h", a).isBeforeOrEqualTo(cutoff);
            assertThat(value.isIntegralNumber()).as("%s sees the class, not %s", a, value).isTrue();
            // The class is that of the exact value at that time, which the regulator reads.
            long datastream = Long.parseLong(f.get("id").asString().replaceAll("\\D", ""));
            assertThat(value.asInt()).isEqualTo(classOf(parameter, exactValue(datastream, time)));
            checkWellPlace(a, p.get("well_code").asString(), f.get("geometry").get("coordinates"));
        }
        if (a == Audience.REGULATOR && json.get("features").size() > 0) assertThat(anyFresh).as("the regulator sees the latest hour").isTrue();
    }

    private void staObservations(Audience a, Random random) {
        int threshold = 1 + random.nextInt(5);
        String filter = URLEncoder.encode("result ge " + threshold, StandardCharsets.UTF_8);
        JsonNode json = ok(as(a).get("/sta/v1.1/Observations?$top=50&$orderby=phenomenonTime%20desc&$filter=" + filter));
        Instant cutoff = Instant.now().minus(DELAY);
        for (JsonNode o : json.get("value")) {
            if (a == Audience.REGULATOR) continue;
            counted("observation outside");
            assertThat(Instant.parse(o.get("phenomenonTime").asString())).as("%s: no Observation newer than 24 h", a).isBeforeOrEqualTo(cutoff);
            JsonNode result = o.get("result");
            assertThat(result.isNull() || (result.isIntegralNumber() || result.asDouble() == Math.rint(result.asDouble())) && result.asDouble() >= threshold
                    && result.asDouble() <= 5).as("%s: a class of at least %d, not %s", a, threshold, result).isTrue();
            assertThat(o.path("parameters").has("rawValue")).as("%s: no raw value", a).isFalse();
        }
    }

    private void restReadings(Audience a, long datastream) {
        String from = Instant.now().minus(Duration.ofDays(3)).toString();
        JsonNode json = ok(as(a).get("/api/v1/datastreams/" + datastream + "/readings?limit=200&from=" + from));
        Instant cutoff = Instant.now().minus(DELAY);
        for (JsonNode r : json.get("items")) {
            if (a == Audience.REGULATOR) {
                assertThat(r.get("value").isNumber()).isTrue();
                continue;
            }
            counted("reading outside");
            Instant time = Instant.parse(r.get("time").asString());
            assertThat(time).as("%s: no reading newer than 24 h", a).isBeforeOrEqualTo(cutoff);
            assertThat(r.get("value").isNull()).as("%s: no value", a).isTrue();
            assertThat(r.get("rawValue").isNull()).as("%s: no raw value", a).isTrue();
            String parameter = parameterOf.get(datastream);
            if (classLimits.containsKey(parameter)) {
                assertThat(r.get("gbt14848Class").asInt()).isEqualTo(classOf(parameter, exactValue(datastream, time)));
            } else {
                assertThat(r.get("gbt14848Class").isNull()).isTrue();
            }
        }
    }

    /**
     * The portal's aggregates of a datastream: statistics of the values the caller is shown, so outside the park, where
     * values are masked to their class, there are none to give (no mean, minimum or maximum of hidden values).
     */
    private void restAggregates(Audience a, long datastream) {
        // Both windows: from and to as asked, and the well page's days up to the latest reading the caller may see.
        for (String window : List.of("from=" + Instant.now().minus(Duration.ofDays(3)), "days=3")) {
            String url = "/api/v1/datastreams/" + datastream + "/aggregates?interval=hour&" + window;
            JsonNode buckets = ok(as(a).get(url)).get("buckets");
            if (a == Audience.REGULATOR) continue;
            // Only where the regulator is shown statistics is there something for the others not to see (a dual-sensor
            // well's second datastream holds no fresh reading).
            if (ok(as(Audience.REGULATOR).get(url)).get("buckets").isEmpty()) continue;
            counted("aggregates outside");
            assertThat(buckets.size()).as("%s, %s: no statistics of masked values", a, window).isZero();
        }
    }

    /**
     * The public portal's class trend: counts only, and for everyone the 24 h delay applies to, read no later than the
     * delay's cut (the fresh readings an hour old are not counted), and per step no more wells than the regulator sees
     * over the same window.
     */
    private void qualityClasses(Audience a, Random random) {
        Instant now = Instant.now();
        String window = "/api/v1/quality-classes?parameter=" + PARAMETER + "&interval=" + (random.nextBoolean() ? "day" : "hour") + "&from="
                + now.minus(Duration.ofHours(30 + random.nextInt(48)));
        JsonNode series = ok(as(a).get(window + "&to=" + now));
        for (JsonNode step : series.get("steps")) {
            assertThat(step.propertyNames()).as("%s: counts only", a).containsExactlyInAnyOrder("start", "wells", "classes");
        }
        Instant to = Instant.parse(series.get("to").asString());
        if (a == Audience.REGULATOR) {
            assertThat(to).as("the regulator reads up to now").isAfter(now.minusSeconds(1));
            return;
        }
        counted("class counts outside");
        assertThat(to).as("%s: read no later than the delay's cut", a).isBeforeOrEqualTo(now.minus(DELAY).plusSeconds(1));
        Map<String, Integer> regulatorWells = new HashMap<>();
        for (JsonNode step : ok(as(Audience.REGULATOR).get(window + "&to=" + to)).get("steps")) {
            regulatorWells.put(step.get("start").asString(), step.get("wells").asInt());
        }
        for (JsonNode step : series.get("steps")) {
            assertThat(Instant.parse(step.get("start").asString())).as("%s: no step after the cut", a).isBefore(to);
            assertThat(step.get("wells").asInt()).as("%s: no well the regulator does not see in %s", a, step.get("start"))
                    .isLessThanOrEqualTo(regulatorWells.getOrDefault(step.get("start").asString(), 0));
        }
    }

    /**
     * The report builder's PDF: its sections show the readings and alerts in full, so only an audience shown them
     * unmasked gets one; anyone else gets a refusal and no PDF.
     */
    private void customReport(Audience a) {
        var answer = as(a).postForBytes("/api/v1/reports/custom", "{\"title\": \"专报\", \"from\": \"" + Instant.now().minus(Duration.ofDays(2))
                + "\", \"to\": \"" + Instant.now() + "\", \"sections\": [{\"type\": \"series\", \"parameter\": \"" + PARAMETER
                + "\", \"wells\": [\"GW-U05\"]}, {\"type\": \"alerts\"}]}");
        String body = new String(answer.body(), StandardCharsets.ISO_8859_1);
        if (a == Audience.REGULATOR) {
            assertThat(answer.statusCode()).as(body).isEqualTo(200);
            assertThat(body).startsWith("%PDF");
            return;
        }
        counted("custom report outside");
        assertThat(answer.statusCode()).as("%s: custom report", a).isIn(401, 403, 404);
        assertThat(body).as("%s", a).doesNotStartWith("%PDF");
    }

    /** The CSV export of a datastream: the shipped default opens exports to the park and regulators alone. */
    private void restReadingsExport(Audience a, long datastream) {
        String from = Instant.now().minus(Duration.ofDays(3)).toString();
        Http.Response csv = as(a).get("/api/v1/datastreams/" + datastream + "/readings?format=csv&from=" + from);
        if (a != Audience.REGULATOR) {
            counted("export refused outside");
            assertThat(csv.status()).as("%s: no export", a).isEqualTo(404);
            return;
        }
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("time,value,gbt14848_class,flags,version,source");
        boolean anyFresh = false;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            Instant time = Instant.parse(f[0]);
            assertThat(Double.parseDouble(f[1])).isEqualTo(exactValue(datastream, time));
            anyFresh |= time.isAfter(Instant.now().minus(DELAY));
        }
        assertThat(anyFresh).as("the regulator's export holds the last hour").isTrue();
    }

    /** The WFS CSV export of the latest readings: each row's value is its class and its WKT point the grid point outside. */
    private void wfsLatestReadingsExport(Audience a, Random random) {
        Http.Response csv = as(a).get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gw:latest_readings&OUTPUTFORMAT=csv&COUNT="
                + (5 + random.nextInt(60)) + "&FILTER=" + URLEncoder.encode("<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsEqualTo>"
                + "<fes:ValueReference>parameter</fes:ValueReference><fes:Literal>" + PARAMETER + "</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>",
                StandardCharsets.UTF_8));
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        List<String> lines = csv.body().replace("\uFEFF", "").lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        Instant cutoff = Instant.now().minus(DELAY);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (a == Audience.REGULATOR) continue;
            counted("wfs export row outside");
            Instant time = java.time.OffsetDateTime.parse(f[header.indexOf("phenomenon_time")]).toInstant();
            assertThat(time).as("%s: no exported reading newer than 24 h", a).isBeforeOrEqualTo(cutoff);
            String value = f[header.indexOf("result_value")];
            long datastream = Long.parseLong(f[header.indexOf("fid")].replaceAll("\\D", ""));
            assertThat(value).as("%s sees the class, not %s", a, value).matches("[1-5](\\.0)?");
            assertThat((int) Double.parseDouble(value)).isEqualTo(classOf(PARAMETER, exactValue(datastream, time)));
            String[] point = f[header.indexOf("WKT")].replaceAll("[^0-9. ]", "").strip().split(" ");
            checkWellPlace(a, f[header.indexOf("well_code")], tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode()
                    .add(Double.parseDouble(point[0])).add(Double.parseDouble(point[1])));
        }
    }

    private void restAlerts(Audience a) {
        JsonNode json = ok(as(a).get("/api/v1/alerts"));
        Instant cutoff = Instant.now().minus(DELAY);
        for (JsonNode alert : json) {
            if (a == Audience.REGULATOR) continue;
            assertThat(Instant.parse(alert.get("raisedAt").asString())).as("%s: no alert newer than 24 h", a).isBeforeOrEqualTo(cutoff);
            assertThat(alert.path("message").isNull() || alert.path("message").isMissingNode()).as("%s: no message (it quotes values)", a).isTrue();
            assertThat(alert.path("origin").isNull() || alert.path("origin").isMissingNode()).as("%s: no origin (it holds the value)", a).isTrue();
        }
    }

    // ---- enterprises: confidential fields only in the viewer's own row ----

    /** GetFeatureInfo on an enterprise's site: the same fields as the feature services, one enterprise at a time. */
    private void enterpriseFeatureInfo(Audience a, double[] site) {
        String bbox = (site[0] - 0.002) + "," + (site[1] - 0.002) + "," + (site[0] + 0.002) + "," + (site[1] + 0.002);
        JsonNode json = ok(as(a).get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=enterprises&QUERY_LAYERS=enterprises&STYLES="
                + "&CRS=CRS:84&BBOX=" + bbox + "&WIDTH=101&HEIGHT=101&I=50&J=50&FORMAT=image/png&INFO_FORMAT=application/json"));
        assertThat(json.get("features").size()).as("an enterprise under the click").isGreaterThanOrEqualTo(1);
        checkEnterpriseFields(a, json);
    }

    private void enterprises(Audience a, String door) {
        JsonNode json = ok(as(a).get(door));
        assertThat(json.get("features").size()).isGreaterThanOrEqualTo(10);
        checkEnterpriseFields(a, json);
    }

    private void checkEnterpriseFields(Audience a, JsonNode json) {
        String own = organisation(a) == null ? null : creditCodes.get(organisation(a));
        for (JsonNode f : json.get("features")) {
            JsonNode p = f.get("properties");
            boolean shown = p.hasNonNull("processes") || p.hasNonNull("characteristic_pollutants");
            if (a == Audience.REGULATOR) assertThat(p.hasNonNull("processes")).isTrue();
            else if (p.get("credit_code").asString().equals(own)) {
                assertThat(p.hasNonNull("processes")).as("%s sees its own processes", a).isTrue();
                counted("enterprise own");
            }
            else assertThat(shown).as("%s sees no confidential field of %s", a, p.get("credit_code").asString()).isFalse();
            if (a != Audience.REGULATOR) counted("enterprise outside");
        }
    }

    /** Devices, sensors and the coverage map are not shown outside; the regulator sees them. */
    private void withheldDatasets(Audience a) {
        int sensors = as(a).get("/sta/v1.1/Sensors").status();
        String coverage = as(a).get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gw:network_coverage&OUTPUTFORMAT=application/json").body();
        // Which enterprise's site a trace suspects: the park's and the regulators' alone, through every door.
        String suspected = as(a).get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gw:source_probabilities&OUTPUTFORMAT=application/json").body();
        int suspectedItems = as(a).get("/ogcapi/collections/source_probabilities/items").status();
        String layers = as(a).get("/wms?SERVICE=WMS&REQUEST=GetCapabilities").body();
        int suspectedMap = as(a).get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=source_probabilities.benzene.Q1&STYLES=&CRS=CRS:84"
                + "&BBOX=120,32,122,33&WIDTH=64&HEIGHT=64&FORMAT=image/png").status();
        if (a == Audience.REGULATOR) {
            assertThat(sensors).isEqualTo(200);
            assertThat(coverage).contains("FeatureCollection");
            assertThat(suspected).contains("FeatureCollection").contains("PS-E01-TF");
            assertThat(suspectedItems).isEqualTo(200);
            assertThat(layers).contains("<Name>source_probabilities.benzene.Q1</Name>");
            assertThat(suspectedMap).isEqualTo(200);
        } else {
            assertThat(sensors).as("%s: Sensors", a).isEqualTo(404);
            assertThat(coverage).as("%s: coverage", a).doesNotContain("FeatureCollection");
            assertThat(suspected).as("%s: source probabilities", a).doesNotContain("FeatureCollection").doesNotContain("PS-E01-TF");
            assertThat(suspectedItems).as("%s: source probabilities", a).isEqualTo(404);
            assertThat(layers).as("%s: no heat-map layer named", a).doesNotContain("source_probabilities");
            assertThat(suspectedMap).as("%s: no heat map drawn", a).isEqualTo(400);
        }
    }

    private void forecast(Audience a, long datastream) {
        int status = as(a).get("/api/v1/datastreams/" + datastream + "/forecast?historyDays=30").status();
        if (a != Audience.REGULATOR) assertThat(status).as("%s: no forecast from hidden values", a).isEqualTo(404);
    }

    // ---- the linked-data catalog: DCAT, SPARQL and provenance ----

    private static final List<String> withheldTexts = new ArrayList<>();

    /** What the default policy withholds from outside as text: enterprises' processes and characteristic pollutants. */
    private List<String> withheldTexts() {
        synchronized (withheldTexts) {
            if (withheldTexts.isEmpty()) {
                for (JsonNode f : ok(as(Audience.REGULATOR).get("/ogcapi/collections/enterprises/items?limit=100")).get("features")) {
                    withheldTexts.add(f.get("properties").get("processes").asString());
                    withheldTexts.add(f.get("properties").get("characteristic_pollutants").asString());
                }
            }
            return withheldTexts;
        }
    }

    /** Neither a well's exact place (to the 5th decimal, which the 500 m grid never has) nor a withheld text. */
    private void checkNoSecret(Audience a, String what, String body) {
        for (double[] w : exactWells.values()) {
            assertThat(body).as("%s: %s places no well exactly", a, what).doesNotContain(ExactPlaces.digits(w[0]))
                    .doesNotContain(ExactPlaces.digits(w[1]));
        }
        for (String text : withheldTexts()) assertThat(body).as("%s: %s holds no withheld attribute", a, what).doesNotContain(text);
    }

    private void catalogDcat(Audience a) {
        Http.Response catalog = as(a).get("/catalog?f=nt");
        assertThat(catalog.status()).as(catalog.body()).isEqualTo(200);
        if (a == Audience.REGULATOR) {
            assertThat(catalog.body()).contains("\"network_coverage\"");
            return;
        }
        counted("catalog outside");
        assertThat(catalog.body()).as("%s: the coverage map is not named", a).doesNotContain("\"network_coverage\"");
        checkNoSecret(a, "the catalog", catalog.body());
    }

    /** A well's resolvable URI, as RDF or as its HTML page: outside, never its exact place nor a withheld text. */
    private void linkedWell(Audience a, String code, Random random) {
        Http.Response answer = as(a).get("/catalog/id/wells/" + code + "?f=" + (random.nextBoolean() ? "nt" : "html"));
        assertThat(answer.status()).as("%s: %s", a, answer.body()).isEqualTo(200);
        if (a == Audience.REGULATOR) {
            assertThat(answer.body()).contains(ExactPlaces.digits(exactWells.get(code)[0]));
            return;
        }
        counted("linked well outside");
        checkNoSecret(a, "the page of " + code, answer.body());
    }

    /** The catalog as OGC API – Records: the same datasets as the DCAT document, no secret in any record. */
    private void catalogRecords(Audience a) {
        Http.Response records = as(a).get("/catalog/records/items?limit=1000");
        assertThat(records.status()).as(records.body()).isEqualTo(200);
        if (a == Audience.REGULATOR) {
            assertThat(records.body()).contains("\"network_coverage\"");
            return;
        }
        counted("records outside");
        assertThat(records.body()).as("%s: the coverage map is not a record", a).doesNotContain("\"network_coverage\"");
        checkNoSecret(a, "the records", records.body());
    }

    /** Questions an adversary asks the SPARQL endpoint: every literal, numbers by pattern, places as text, aggregated values. */
    private static final List<String> ADVERSARIAL_QUERIES = List.of(
            "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(isLiteral(?o)) }",
            "SELECT ?o WHERE { ?s ?p ?o FILTER(regex(str(?o), \"[0-9]+\\\\.[0-9]{3,}\")) }",
            "SELECT (STR(?g) AS ?text) WHERE { { ?x <http://www.opengis.net/ont/geosparql#asWKT> ?g } UNION { ?x <http://www.w3.org/ns/dcat#bbox> ?g } }",
            "SELECT (COUNT(?v) AS ?n) (SUM(?v) AS ?sum) (GROUP_CONCAT(STR(?v)) AS ?all) WHERE { ?s <http://www.w3.org/ns/prov#value> ?v }",
            "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?s), STR(<readings/>))) }",
            "DESCRIBE ?w WHERE { ?w a <http://www.w3.org/ns/sosa/Platform> }");

    private void catalogSparql(Audience a, Random random) {
        String query = ADVERSARIAL_QUERIES.get(random.nextInt(ADVERSARIAL_QUERIES.size()));
        Http.Response answer = as(a).get("/catalog/sparql?format=" + (query.startsWith("CONSTRUCT") || query.startsWith("DESCRIBE") ? "nt" : "csv")
                + "&query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertThat(answer.status()).as("%s: %s", a, answer.body()).isEqualTo(200);
        if (a == Audience.REGULATOR) return;
        counted("sparql outside");
        checkNoSecret(a, "SPARQL " + query, answer.body());
        if (query.contains("COUNT(?v)")) assertThat(answer.body().lines().skip(1).findFirst().orElseThrow()).as("%s: no value to aggregate", a).startsWith("0,");
        assertThat(answer.body()).as("%s: no exact value, no raw value", a).doesNotContain("prov#value");
    }

    /** Reading ids and times per datastream (the latest ones, the fresh included), as the regulator reads them. */
    private final Map<Long, List<Object[]>> observations = new HashMap<>();

    /** A reading's provenance: outside, not found inside the delay; else its class alone, as the readings door shows it. */
    private void readingProvenance(Audience a, long datastream, Random random) {
        List<Object[]> latest = observations.computeIfAbsent(datastream, ds -> {
            List<Object[]> found = new ArrayList<>();
            for (JsonNode o : ok(as(Audience.REGULATOR).get("/sta/v1.1/Datastreams(" + ds + ")/Observations?$top=3&$orderby=phenomenonTime%20desc"))
                    .get("value")) {
                found.add(new Object[] {o.get("@iot.id").asLong(), Instant.parse(o.get("phenomenonTime").asString())});
            }
            return found;
        });
        if (latest.isEmpty()) return;
        Object[] pick = latest.get(random.nextInt(latest.size()));
        long id = (Long) pick[0];
        Instant time = (Instant) pick[1];
        Http.Response answer = as(a).get("/catalog/readings/" + id + "/provenance?f=nt");
        if (a == Audience.REGULATOR) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("prov#value");
            return;
        }
        counted("provenance outside");
        if (time.isAfter(Instant.now().minus(DELAY))) {
            assertThat(answer.status()).as("%s: the provenance of a reading inside the delay", a).isEqualTo(404);
            return;
        }
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).as("%s: no value, no raw value", a).doesNotContain("prov#value").doesNotContain("wktLiteral");
        checkNoSecret(a, "provenance", answer.body());
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("/catalog/readings/" + id + "> <[^>]*#gbt14848Class> \"(\\d)\"")
                .matcher(answer.body());
        assertThat(shown.find()).as("%s: the class of reading %d", a, id).isTrue();
        assertThat(Integer.parseInt(shown.group(1))).isEqualTo(classOf(PARAMETER, exactValue(datastream, time)));
    }

    // ---- the oracle's own arithmetic ----

    /** The GB/T 14848 class of a value under the parameter's published limits (bounds inclusive, beyond class IV is V). */
    private static int classOf(String parameter, double value) {
        List<double[]> bounds = classLimits.get(parameter);
        for (int i = 0; i < bounds.size(); i++) {
            if (value >= bounds.get(i)[0] && value <= bounds.get(i)[1]) return i + 1;
        }
        return 5;
    }

    private final Map<String, Double> exactValues = new HashMap<>();

    /** The regulator's reading of the datastream at that time. */
    private double exactValue(long datastream, Instant time) {
        return exactValues.computeIfAbsent(datastream + "@" + time, key -> {
            JsonNode items = ok(as(Audience.REGULATOR).get("/api/v1/datastreams/" + datastream + "/readings?from=" + time + "&to=" + time.plusSeconds(1)))
                    .get("items");
            assertThat(items).as("the regulator's reading of %d at %s", datastream, time).hasSize(1);
            return items.get(0).get("value").asDouble();
        });
    }

    /** A box (west, south, east, north) of random size somewhere over the park. */
    private static double[] randomBox(Random random) {
        double west = Double.MAX_VALUE;
        double south = Double.MAX_VALUE;
        double east = -Double.MAX_VALUE;
        double north = -Double.MAX_VALUE;
        for (double[] w : exactWells.values()) {
            west = Math.min(west, w[0]);
            south = Math.min(south, w[1]);
            east = Math.max(east, w[0]);
            north = Math.max(north, w[1]);
        }
        double x1 = west - 0.01 + random.nextDouble() * (east - west + 0.02);
        double x2 = west - 0.01 + random.nextDouble() * (east - west + 0.02);
        double y1 = south - 0.01 + random.nextDouble() * (north - south + 0.02);
        double y2 = south - 0.01 + random.nextDouble() * (north - south + 0.02);
        return new double[] {Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)};
    }
}
