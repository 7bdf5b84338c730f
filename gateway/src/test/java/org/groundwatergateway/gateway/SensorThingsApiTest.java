package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** SensorThings API 1.1 at /sta/v1.1 over real HTTP against the demo park (OGC 18-088 conformance areas). */
class SensorThingsApiTest extends RunningGateway {

    private static final String STA = "/sta/v1.1";

    private JsonNode get(String pathAndQuery) {
        Http.Response response = http.get(STA + encodeQuery(pathAndQuery));
        assertThat(response.status()).as(pathAndQuery + " -> " + response.body()).isEqualTo(200);
        return response.json();
    }

    /** Query options are written readably here and percent-encoded as a client would send them. */
    private static String encodeQuery(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        if (q < 0) return pathAndQuery;
        StringBuilder out = new StringBuilder(pathAndQuery.substring(0, q + 1));
        String[] pairs = pathAndQuery.substring(q + 1).split("&(?=\\$)");
        for (int i = 0; i < pairs.length; i++) {
            int eq = pairs[i].indexOf('=');
            if (i > 0) out.append('&');
            out.append(pairs[i], 0, eq + 1).append(URLEncoder.encode(pairs[i].substring(eq + 1), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }

    private long datastreamId(String code) {
        return get("/Datastreams?$filter=name eq '" + code + "'&$select=id").path("value").get(0).path("@iot.id").asLong();
    }

    @Test
    void rootListsEntitySetsAndConformance() {
        JsonNode root = get("");
        assertThat(root.path("value").findValuesAsString("name")).containsExactly("Things", "Locations", "HistoricalLocations",
                "Datastreams", "Sensors", "ObservedProperties", "Observations", "FeaturesOfInterest");
        assertThat(root.path("value").get(0).path("url").asString()).endsWith("/sta/v1.1/Things");
        assertThat(root.path("serverSettings").path("conformance").toString()).contains("create-update-delete", "receive-updates-via-mqtt");
        assertThat(root.path("serverSettings").path("http://www.opengis.net/spec/iot_sensing/1.1/req/create-observations-via-mqtt/observations-creation")
                .path("endpoints").get(0).asString()).matches("mqtt://127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void entitiesCarryIdsSelfLinksNavigationLinksAndTheirProperties() {
        JsonNode well = get("/Things?$filter=name eq 'GW-U04'").path("value").get(0);
        long id = well.path("@iot.id").asLong();
        assertThat(well.path("@iot.selfLink").asString()).endsWith("/sta/v1.1/Things(" + id + ")");
        assertThat(well.path("Datastreams@iot.navigationLink").asString()).endsWith("/Things(" + id + ")/Datastreams");
        assertThat(well.path("properties").path("park").asString()).isEqualTo("HBDP");
        JsonNode location = get("/Things(" + id + ")/Locations").path("value").get(0);
        assertThat(location.path("encodingType").asString()).isEqualTo("application/geo+json");
        assertThat(location.path("location").path("type").asString()).isEqualTo("Point");
        assertThat(location.path("location").path("coordinates").get(0).asDouble()).isBetween(120.9, 121.2);

        JsonNode datastream = get("/Datastreams(" + datastreamId("GW-U04/ph") + ")");
        assertThat(datastream.path("unitOfMeasurement").path("symbol").asString()).isEqualTo("dimensionless");
        assertThat(datastream.path("unitOfMeasurement").path("definition").asString()).isEqualTo("http://qudt.org/vocab/unit/UNITLESS");
        assertThat(get("/Datastreams(" + datastreamId("GW-U05/benzene") + ")").path("unitOfMeasurement").path("definition").asString())
                .isEqualTo("http://qudt.org/vocab/unit/MicroGM-PER-L");
        assertThat(datastream.path("observationType").asString()).endsWith("OM_Measurement");
        assertThat(datastream.path("phenomenonTime").asString()).matches("2025-1.*/2025-1.*");
        assertThat(get("/ObservedProperties?$filter=properties/code eq 'benzene'").path("value").get(0).path("definition").asString())
                .endsWith("cas_rn=71-43-2");
        JsonNode weather = get("/Things?$filter=properties/kind eq 'weather-station'").path("value");
        assertThat(weather.size()).isEqualTo(1);
        // Numbered apart from the wells, and positive: clients (and OGC CITE) read -1 as "no id".
        assertThat(weather.get(0).path("@iot.id").asLong()).isGreaterThan(1_000_000_000L);
        assertThat(get("/HistoricalLocations(" + id + ")").path("time").asString()).startsWith("2025-10-31T16:00");
        assertThat(get("/FeaturesOfInterest(" + id + ")").path("feature").path("type").asString()).isEqualTo("Point");
    }

    @Test
    void pathsNavigateAcrossRelations() {
        long ds = datastreamId("GW-U04/ph");
        JsonNode observations = get("/Datastreams(" + ds + ")/Observations?$top=3&$orderby=phenomenonTime desc");
        assertThat(observations.path("value").size()).isEqualTo(3);
        long observation = observations.path("value").get(0).path("@iot.id").asLong();
        assertThat(get("/Observations(" + observation + ")/Datastream/Thing").path("name").asString()).isEqualTo("GW-U04");
        assertThat(get("/Observations(" + observation + ")/Datastream/ObservedProperty").path("name").asString()).isEqualTo("pH");
        assertThat(get("/Observations(" + observation + ")/FeatureOfInterest").path("name").asString()).isEqualTo("GW-U04");
        long thing = get("/Observations(" + observation + ")/Datastream/Thing").path("@iot.id").asLong();
        assertThat(get("/FeaturesOfInterest(" + thing + ")/Observations?$top=1&$count=true").path("@iot.count").asLong())
                .isGreaterThan(48);
        assertThat(get("/Things(" + thing + ")/Datastreams(" + ds + ")").path("name").asString()).isEqualTo("GW-U04/ph");
        assertThat(http.get(STA + "/Datastreams(999999)/Observations").status()).isEqualTo(404);
        assertThat(http.get(STA + "/Observations(999999999)").status()).isEqualTo(404);
        assertThat(http.get(STA + "/Wells").status()).isEqualTo(404);
        assertThat(http.get(STA + "/Things/Datastreams").status()).isEqualTo(404);
    }

    @Test
    void propertiesValuesAndReferences() {
        long ds = datastreamId("GW-U04/ph");
        assertThat(get("/Datastreams(" + ds + ")/name").path("name").asString()).isEqualTo("GW-U04/ph");
        Http.Response value = http.get(STA + "/Datastreams(" + ds + ")/name/$value");
        assertThat(value.status()).isEqualTo(200);
        assertThat(value.body()).isEqualTo("GW-U04/ph");
        assertThat(value.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        JsonNode refs = get("/Datastreams(" + ds + ")/Observations/$ref?$top=2");
        assertThat(refs.path("value").size()).isEqualTo(2);
        assertThat(refs.path("value").get(0).size()).isEqualTo(1);
        assertThat(refs.path("value").get(0).path("@iot.selfLink").asString()).contains("/Observations(");
        assertThat(get("/Datastreams(" + ds + ")/Thing/$ref").path("@iot.selfLink").asString()).contains("/Things(");
        assertThat(http.get(STA + "/Datastreams(" + ds + ")/colour").status()).isEqualTo(404);
    }

    @Test
    void selectOrderTopSkipAndCount() {
        JsonNode page = get("/Things?$select=name,id&$orderby=name desc&$top=5&$count=true");
        // The demo's 40 wells and weather station, and whatever wells other tests on this shared gateway added.
        assertThat(page.path("@iot.count").asInt()).isGreaterThanOrEqualTo(41).isEqualTo(get("/Things?$top=1000").path("value").size());
        assertThat(page.path("value").size()).isEqualTo(5);
        JsonNode first = page.path("value").get(0);
        assertThat(first.propertyNames()).containsExactlyInAnyOrder("@iot.id", "name");
        List<String> names = page.path("value").findValuesAsString("name");
        assertThat(names).isSortedAccordingTo((a, b) -> b.compareTo(a));
        JsonNode skipped = get("/Things?$select=name&$orderby=name desc&$top=2&$skip=1");
        assertThat(skipped.path("value").get(0).path("name").asString()).isEqualTo(names.get(1));
        JsonNode twoKeys = get("/Datastreams?$orderby=properties/parameter asc,name desc&$top=3&$select=name");
        assertThat(twoKeys.path("value").get(0).path("name").asString()).isEqualTo("WS-01/air-temperature");
        assertThat(get("/Things?$top=0&$count=true").path("value").size()).isZero();
    }

    @Test
    void nextLinksLeadThroughEveryPageToTheEnd() {
        long ds = datastreamId("GW-U05/benzene");
        long total = get("/Datastreams(" + ds + ")/Observations?$count=true&$top=0").path("@iot.count").asLong();
        Set<Long> seen = new HashSet<>();
        String next = STA + "/Datastreams(" + ds + ")/Observations?$top=7&$orderby=phenomenonTime%20desc";
        int pages = 0;
        while (next != null) {
            Http.Response response = http.get(next);
            assertThat(response.status()).isEqualTo(200);
            JsonNode page = response.json();
            page.path("value").forEach(o -> assertThat(seen.add(o.path("@iot.id").asLong())).isTrue());
            next = page.path("@iot.nextLink").isMissingNode() ? null : page.path("@iot.nextLink").asString();
            pages++;
        }
        assertThat((long) seen.size()).isEqualTo(total);
        assertThat(pages).isEqualTo((int) Math.ceil(total / 7.0));
    }

    @Test
    void expandedCollectionsCutAtTheirPageLinkToTheirNextPage() {
        long ds = datastreamId("GW-U05/benzene");
        JsonNode datastream = get("/Datastreams(" + ds + ")?$expand=Observations($top=3;$orderby=phenomenonTime desc;"
                + "$expand=FeatureOfInterest($select=name))");
        String next = datastream.path("Observations@iot.nextLink").asString();
        assertThat(next).contains("/sta/v1.1/Datastreams(" + ds + ")/Observations?")
                .contains("$orderby=phenomenonTime%20desc", "$expand=FeatureOfInterest", "$skip=3", "$top=3");
        JsonNode page = http.get(next).json();
        JsonNode direct = get("/Datastreams(" + ds + ")/Observations?$orderby=phenomenonTime desc&$skip=3&$top=3");
        List<Long> followed = new ArrayList<>();
        List<Long> asked = new ArrayList<>();
        page.path("value").forEach(o -> followed.add(o.path("@iot.id").asLong()));
        direct.path("value").forEach(o -> asked.add(o.path("@iot.id").asLong()));
        assertThat(followed).hasSize(3).isEqualTo(asked);
        assertThat(page.path("value").get(0).path("FeatureOfInterest").path("name").isString()).isTrue();
        assertThat(get("/Datastreams(" + ds + ")?$expand=Observations($top=10000)").has("Observations@iot.nextLink")).isFalse();
    }

    @Test
    void filtersWithStringMathDateAndGeoFunctions() {
        assertThat(get("/Things?$filter=startswith(name, 'GW-U0') and not endswith(name, '9')&$count=true").path("@iot.count").asInt())
                .isEqualTo(8);
        assertThat(get("/Things?$filter=substringof('U04', name)").path("value").size()).isEqualTo(1);
        assertThat(get("/Things?$filter=tolower(name) eq 'gw-u04' and length(name) eq 6 and indexof(name, 'U') eq 3")
                .path("value").size()).isEqualTo(1);
        assertThat(get("/Things?$filter=substring(name, 3, 3) eq 'U04' and concat(toupper(trim(name)), '!') eq 'GW-U04!'")
                .path("value").size()).isEqualTo(1);
        long ds = datastreamId("GW-U04/ph");
        String observations = "/Datastreams(" + ds + ")/Observations";
        JsonNode morning = get(observations + "?$filter=hour(phenomenonTime) eq 1 and day(phenomenonTime) eq 1 and month(phenomenonTime) eq 11 "
                + "and year(phenomenonTime) eq 2025 and minute(phenomenonTime) eq 0 and second(phenomenonTime) eq 0");
        assertThat(morning.path("value").size()).isEqualTo(1);
        assertThat(morning.path("value").get(0).path("phenomenonTime").asString()).isEqualTo("2025-11-01T01:00:00.000Z");
        assertThat(get(observations + "?$filter=phenomenonTime ge 2025-11-02T00:00:00+08:00 and phenomenonTime lt 2025-11-02T02:00:00Z&$count=true")
                .path("@iot.count").asInt()).isEqualTo(10);
        assertThat(get(observations + "?$filter=date(phenomenonTime) eq 2025-11-01&$count=true").path("@iot.count").asInt()).isEqualTo(24);
        assertThat(get(observations + "?$filter=phenomenonTime lt now() sub duration'P1D' and fractionalseconds(phenomenonTime) eq 0 "
                + "and totaloffsetminutes(phenomenonTime) eq 0&$top=1").path("value").size()).isEqualTo(1);
        assertThat(get(observations + "?$filter=round(result) ge 6 and round(result) le 9 and floor(result) le result and ceiling(result) ge result "
                + "and result mul 2 div 2 sub 0 add 0 eq result and (result mod 1) lt 1&$count=true").path("@iot.count").asInt())
                .isGreaterThan(20);
        assertThat(get(observations + "?$filter=-result lt 0 and result gt 6.5 and result lt 8.5&$top=1").path("value").size()).isEqualTo(1);

        String around = "POLYGON((120.9 32.4, 121.2 32.4, 121.2 32.7, 120.9 32.7, 120.9 32.4))";
        int inPark = get("/Locations?$filter=geo.intersects(location, geography'" + around + "')&$count=true").path("@iot.count").asInt();
        assertThat(inPark).isGreaterThanOrEqualTo(41).isEqualTo(get("/Locations?$count=true&$top=0").path("@iot.count").asInt());
        assertThat(get("/Locations?$filter=st_within(location, geography'" + around + "') and not st_disjoint(location, geography'"
                + around + "') and st_intersects(location, geography'" + around + "') and st_contains(geography'" + around
                + "', location) and st_relate(location, geography'" + around + "', 'T********')&$count=true")
                .path("@iot.count").asInt()).isEqualTo(inPark);
        assertThat(get("/Locations?$filter=geo.distance(location, geography'POINT(121 32.55)') lt 100 and geo.length(location) eq 0 "
                + "and not st_touches(location, geography'" + around + "') and not st_crosses(location, geography'" + around
                + "') and not st_overlaps(location, geography'" + around + "') and not st_equals(location, geography'POINT(0 0)')&$count=true")
                .path("@iot.count").asInt()).isEqualTo(inPark);
        assertThat(get("/Things?$filter=geo.intersects(Locations/location, geography'POINT(0 0)')").path("value").size()).isZero();
    }

    @Test
    void filtersFollowNavigationPaths() {
        JsonNode ph = get("/Observations?$filter=Datastream/ObservedProperty/name eq 'pH' and Datastream/Thing/name eq 'GW-U04'&$count=true&$top=1");
        assertThat(ph.path("@iot.count").asInt()).isEqualTo(48);
        JsonNode measuringBenzene = get("/Things?$filter=Datastreams/ObservedProperty/properties/code eq 'benzene'&$count=true");
        assertThat(measuringBenzene.path("@iot.count").asInt()).isBetween(5, 40);
        JsonNode byThing = get("/Datastreams?$filter=Thing/properties/role eq 'SOURCE_AREA' and ObservedProperty/name eq 'pH'&$orderby=Thing/name");
        assertThat(byThing.path("value").size()).isPositive();
    }

    @Test
    void expandNestsThreeLevelsWithTheirOwnOptions() {
        JsonNode things = get("/Things?$filter=name eq 'GW-U04'&$expand=Datastreams($filter=name eq 'GW-U04/ph' or "
                + "name eq 'GW-U04/benzene';$orderby=name;$expand=Observations($top=2;$orderby=phenomenonTime desc;$select=result,phenomenonTime;"
                + "$expand=FeatureOfInterest($select=name)),ObservedProperty),Locations");
        JsonNode thing = things.path("value").get(0);
        assertThat(thing.path("Locations").size()).isEqualTo(1);
        JsonNode datastreams = thing.path("Datastreams");
        assertThat(datastreams.size()).isEqualTo(2);
        assertThat(datastreams.get(0).path("name").asString()).isEqualTo("GW-U04/benzene");
        assertThat(datastreams.get(1).path("name").asString()).isEqualTo("GW-U04/ph");
        JsonNode observations = datastreams.get(1).path("Observations");
        assertThat(observations.size()).isEqualTo(2);
        assertThat(observations.get(0).path("phenomenonTime").asString()).isGreaterThan(observations.get(1).path("phenomenonTime").asString());
        assertThat(observations.get(0).has("resultTime")).isFalse();
        assertThat(observations.get(0).path("FeatureOfInterest").path("name").asString()).isEqualTo("GW-U04");
        assertThat(datastreams.get(1).path("ObservedProperty").path("name").asString()).isEqualTo("pH");

        JsonNode viaSlash = get("/Datastreams?$filter=name eq 'GW-U04/ph'&$expand=Observations/FeatureOfInterest,Thing/Locations");
        JsonNode ds = viaSlash.path("value").get(0);
        assertThat(ds.path("Thing").path("Locations").get(0).path("location").path("type").asString()).isEqualTo("Point");
        assertThat(ds.path("Observations").get(0).path("FeatureOfInterest").path("name").asString()).isEqualTo("GW-U04");
        JsonNode counted = get("/Things?$top=1&$expand=Datastreams($count=true;$top=1)").path("value").get(0);
        assertThat(counted.path("Datastreams@iot.count").asInt()).isGreaterThan(counted.path("Datastreams").size());
    }

    private static final Map<String, String> ENGLISH = Map.of("Accept-Language", "en");
    private static final Map<String, String> CHINESE = Map.of("Accept-Language", "zh-CN,zh;q=0.9");

    /** A refusal's message in one language, checked to be problem details of that language with SensorThings' code beside. */
    private String refusal(String pathAndQuery, Map<String, String> language, int status) {
        Http.Response response = http.get(STA + pathAndQuery, language);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        boolean english = language == ENGLISH;
        assertThat(response.raw().headers().firstValue("Content-Language").orElseThrow()).isEqualTo(english ? "en" : "zh-CN");
        JsonNode body = response.json();
        assertThat(body.path("code").asInt()).isEqualTo(status);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("detail").asString()).isEqualTo(body.path("message").asString());
        assertThat(body.path("title").asString()).isEqualTo(switch (status) {
            case 400 -> english ? "Bad Request" : "请求有误";
            default -> english ? "Not Found" : "未找到";
        });
        return body.path("message").asString();
    }

    @Test
    void refusalsAreSaidInTheCallersLanguage() {
        String unclosed = "/Things?$filter=" + URLEncoder.encode("name eq 'x' and (", StandardCharsets.UTF_8);
        assertThat(refusal(unclosed, ENGLISH, 400)).isEqualTo("$filter, character 18: expected a value, property or function but found the end");
        assertThat(refusal(unclosed, CHINESE, 400)).isEqualTo("$filter 第 18 个字符处：此处应为值、属性或函数，但表达式已结束");
        assertThat(http.get(STA + unclosed, Map.of()).json().path("message").asString()).as("Chinese unless English is preferred")
                .isEqualTo("$filter 第 18 个字符处：此处应为值、属性或函数，但表达式已结束");
        String unknown = "/Things?$filter=" + URLEncoder.encode("name eq 'x' or colour eq 'red'", StandardCharsets.UTF_8);
        assertThat(refusal(unknown, ENGLISH, 400)).isEqualTo("$filter, character 16: unknown property colour (Thing has no such property)");
        assertThat(refusal(unknown, CHINESE, 400)).isEqualTo("$filter 第 16 个字符处：未知属性 colour（Thing 没有该属性）");
        assertThat(http.get(STA + unknown, ENGLISH).json().path("field").asString()).isEqualTo("$filter");
        assertThat(refusal("/Colours", ENGLISH, 404)).isEqualTo("no entity set Colours");
        assertThat(refusal("/Colours", CHINESE, 404)).isEqualTo("没有实体集 Colours");
        assertThat(refusal("/Things(abc)", ENGLISH, 404)).isEqualTo("no entity Things(abc): ids here are integers");
        assertThat(refusal("/Things(abc)", CHINESE, 404)).isEqualTo("没有实体 Things(abc)：本服务的 id 都是整数");
        assertThat(refusal("/Things(987654321)", ENGLISH, 404)).isEqualTo("no Things(987654321)");
        assertThat(refusal("/Things(987654321)", CHINESE, 404)).isEqualTo("没有 Things(987654321)");
        assertThat(refusal("/Things?$top=-1", ENGLISH, 400)).isEqualTo("$top: '-1' is not a non-negative integer");
        assertThat(refusal("/Things?$top=-1", CHINESE, 400)).isEqualTo("$top：'-1' 不是非负整数");
    }

    @Test
    void badRequestsAreNamedNotServerErrors() {
        JsonNode syntax = http.get(STA + "/Things?$filter=" + URLEncoder.encode("name eq 'x' and (", StandardCharsets.UTF_8), ENGLISH).json();
        assertThat(syntax.path("code").asInt()).isEqualTo(400);
        assertThat(syntax.path("message").asString()).contains("$filter", "character 18");
        Http.Response unknown = http.get(STA + "/Things?$filter=" + URLEncoder.encode("colour eq 'red'", StandardCharsets.UTF_8), ENGLISH);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("message").asString()).contains("unknown property colour");
        assertThat(http.get(STA + "/Things?$orderby=colour").status()).isEqualTo(400);
        assertThat(http.get(STA + "/Things?$select=colour").status()).isEqualTo(400);
        assertThat(http.get(STA + "/Things?$expand=Colours").status()).isEqualTo(400);
        assertThat(http.get(STA + "/Things?$top=-1").status()).isEqualTo(400);
        assertThat(http.get(STA + "/Things?$bogus=1").status()).isEqualTo(400);
        assertThat(http.get(STA + "/Things?$filter=" + URLEncoder.encode("name gt 5", StandardCharsets.UTF_8), ENGLISH).json().path("message").asString())
                .contains("gt cannot compare string with number");
        assertThat(http.get(STA + "/Observations?$filter=" + URLEncoder.encode("result div 0 gt 1", StandardCharsets.UTF_8)).status())
                .isEqualTo(400);
        Http.Response injection = http.get(STA + "/Things?$filter=" + URLEncoder.encode("name eq 'x'' or 1=1 or name ne '''", StandardCharsets.UTF_8));
        assertThat(injection.status()).isEqualTo(200);
        assertThat(injection.json().path("value").size()).isZero();
    }

    @Test
    void createUpdateAndDeleteNeedAnAdministrator() {
        String sensor = "{\"name\": \"STA-SENSOR-1\", \"description\": \"test probe\", \"encodingType\": \"application/json\", "
                + "\"metadata\": \"x\", \"properties\": {\"mn\": \"STA0000001\", \"model\": \"TP-1\", \"serialNumber\": \"SN1\"}}";
        assertThat(http.post(STA + "/Sensors", sensor, null, null).status()).isEqualTo(401);
        Http.Response created = http.post(STA + "/Sensors", sensor, "admin", "demo-admin");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String location = created.raw().headers().firstValue("Location").orElseThrow();
        long sensorId = created.json().path("@iot.id").asLong();
        assertThat(location).endsWith("/sta/v1.1/Sensors(" + sensorId + ")");

        String thing = "{\"name\": \"GW-STA1\", \"description\": \"经 SensorThings 新建的井\", \"properties\": {\"park\": \"HBDP\", "
                + "\"aquifer\": \"Q1\", \"groundElevationM\": 5.1, \"casingTopElevationM\": 5.6, \"screenTopDepthM\": 3, \"screenBottomDepthM\": 9}, "
                + "\"Locations\": [{\"name\": \"GW-STA1\", \"encodingType\": \"application/geo+json\", \"location\": {\"type\": \"Point\", "
                + "\"coordinates\": [121.011, 32.551]}}], \"Datastreams\": [{\"name\": \"GW-STA1/ph\", \"unitOfMeasurement\": {\"symbol\": "
                + "\"dimensionless\"}, \"Sensor\": {\"@iot.id\": " + sensorId + "}, \"ObservedProperty\": {\"@iot.id\": "
                + get("/ObservedProperties?$filter=properties/code eq 'ph'").path("value").get(0).path("@iot.id").asLong() + "}}]}";
        assertThat(http.post(STA + "/Things", thing, null, null).status()).isEqualTo(401);
        Http.Response well = http.post(STA + "/Things", thing, "admin", "demo-admin");
        assertThat(well.status()).as(well.body()).isEqualTo(201);
        long wellId = well.json().path("@iot.id").asLong();
        long ds = get("/Things(" + wellId + ")/Datastreams").path("value").get(0).path("@iot.id").asLong();

        String observation = "{\"phenomenonTime\": \"2025-11-05T08:00:00+08:00\", \"result\": 7.21}";
        assertThat(http.post(STA + "/Datastreams(" + ds + ")/Observations", observation, null, null).status()).isEqualTo(401);
        Http.Response stored = http.post(STA + "/Datastreams(" + ds + ")/Observations", observation, "admin", "demo-admin");
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.raw().headers().firstValue("Location").orElseThrow()).contains("/Observations(");
        assertThat(stored.json().path("result").asDouble()).isEqualTo(7.21);
        assertThat(stored.json().path("parameters").path("source").asString()).isEqualTo("sta");
        // resultTime is what the sender gave, none here; the arrival is a parameter of its own.
        assertThat(stored.json().path("resultTime").isNull()).isTrue();
        assertThat(stored.json().path("parameters").path("receivedTime").asString()).isNotEmpty();
        Http.Response differentValueSameTime = http.post(STA + "/Observations", "{\"phenomenonTime\": \"2025-11-05T00:00:00Z\", \"result\": 7.5, "
                + "\"Datastream\": {\"@iot.id\": " + ds + "}}", "admin", "demo-admin");
        assertThat(differentValueSameTime.status()).isEqualTo(400);
        assertThat(differentValueSameTime.json().path("message").asString()).contains("已有观测");
        assertThat(http.post(STA + "/Observations", "{\"result\": \"high\", \"Datastream\": {\"@iot.id\": " + ds + "}}", "admin", "demo-admin")
                .status()).isEqualTo(400);

        assertThat(http.patch(STA + "/Things(" + wellId + ")", "{\"description\": \"改名的井\"}", null, null).status()).isEqualTo(401);
        Http.Response patched = http.patch(STA + "/Things(" + wellId + ")", "{\"description\": \"改名的井\", \"properties\": {\"status\": \"INACTIVE\"}}",
                "admin", "demo-admin");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(get("/Things(" + wellId + ")").path("properties").path("status").asString()).isEqualTo("INACTIVE");
        assertThat(http.patch(STA + "/Things(" + wellId + ")", "{\"properties\": {\"park\": \"X\"}}", "admin", "demo-admin").status()).isEqualTo(400);
        assertThat(http.patch(STA + "/Locations(" + wellId + ")", "{\"location\": {\"type\": \"Point\", \"coordinates\": [121.012, 32.552]}}",
                "admin", "demo-admin").status()).isEqualTo(200);
        assertThat(get("/Locations(" + wellId + ")").path("location").path("coordinates").get(0).asDouble()).isEqualTo(121.012);

        assertThat(http.delete(STA + "/Datastreams(" + ds + ")", null, null).status()).isEqualTo(401);
        // Deleting an Observation retracts its reading: gone from SensorThings and the REST readings, its raw value kept.
        long observationId = stored.json().path("@iot.id").asLong();
        assertThat(http.delete(STA + "/Observations(" + observationId + ")", null, null).status()).isEqualTo(401);
        assertThat(http.getAs("/api/v1/datastreams/" + ds + "/readings", "admin", "demo-admin").json().path("items")).hasSize(1);
        assertThat(get("/Datastreams(" + ds + ")").path("phenomenonTime").asString()).startsWith("2025-11-05T00:00:00.000Z/");
        assertThat(get("/HistoricalLocations(" + wellId + ")").path("time").asString()).startsWith("2025-11-05T00:00:00.000Z");
        assertThat(http.delete(STA + "/Observations(" + observationId + ")", "admin", "demo-admin").status()).isEqualTo(200);
        assertThat(http.get(STA + "/Observations(" + observationId + ")").status()).isEqualTo(404);
        assertThat(get("/Datastreams(" + ds + ")/Observations").path("value")).isEmpty();
        assertThat(http.getAs("/api/v1/datastreams/" + ds + "/readings", "admin", "demo-admin").json().path("items")).isEmpty();
        assertThat(get("/Datastreams(" + ds + ")").path("phenomenonTime").isNull()).isTrue();
        assertThat(get("/HistoricalLocations(" + wellId + ")").path("time").isNull()).isTrue();
        assertThat(http.delete(STA + "/Observations(" + observationId + ")", "admin", "demo-admin").status()).isEqualTo(404);
        Http.Response timed = http.post(STA + "/Datastreams(" + ds + ")/Observations", "{\"phenomenonTime\": \"2025-11-05T09:00:00+08:00\", "
                + "\"resultTime\": \"2025-11-05T09:30:00+08:00\", \"result\": 7.3}", "admin", "demo-admin");
        assertThat(timed.status()).as(timed.body()).isEqualTo(201);
        assertThat(timed.json().path("resultTime").asString()).isEqualTo("2025-11-05T01:30:00.000Z");
        assertThat(get("/Observations?$filter=resultTime eq 2025-11-05T01:30:00Z").path("value")).hasSize(1);
        // The well is a FeatureOfInterest while it has Observations; deleting that retracts them all.
        assertThat(http.get(STA + "/FeaturesOfInterest(" + wellId + ")").status()).isEqualTo(200);
        assertThat(http.delete(STA + "/FeaturesOfInterest(" + wellId + ")", "admin", "demo-admin").status()).isEqualTo(200);
        assertThat(get("/Datastreams(" + ds + ")/Observations").path("value")).isEmpty();
        assertThat(http.get(STA + "/FeaturesOfInterest(" + wellId + ")").status()).isEqualTo(404);
        assertThat(http.delete(STA + "/FeaturesOfInterest(" + wellId + ")", "admin", "demo-admin").status()).isEqualTo(404);
        // An Observation may be given again at the time of a retracted one, with its own resultTime (none here).
        Http.Response again = http.post(STA + "/Datastreams(" + ds + ")/Observations", "{\"phenomenonTime\": \"2025-11-05T09:00:00+08:00\", "
                + "\"result\": 7.4}", "admin", "demo-admin");
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().path("resultTime").isNull()).isTrue();
        assertThat(get("/Datastreams(" + ds + ")/Observations").path("value")).extracting(o -> o.path("result").asDouble()).containsExactly(7.4);
        assertThat(get("/Things(" + wellId + ")").path("name").asString()).isEqualTo("GW-STA1");
        // A well's HistoricalLocation and Location are deleted from SensorThings as links; the well keeps its position.
        assertThat(http.delete(STA + "/HistoricalLocations(" + wellId + ")", null, null).status()).isEqualTo(401);
        assertThat(http.delete(STA + "/HistoricalLocations(" + wellId + ")", "admin", "demo-admin").status()).isEqualTo(200);
        assertThat(http.get(STA + "/HistoricalLocations(" + wellId + ")").status()).isEqualTo(404);
        assertThat(get("/Locations(" + wellId + ")/Things").path("value")).hasSize(1);
        assertThat(http.delete(STA + "/Locations(" + wellId + ")", "admin", "demo-admin").status()).isEqualTo(200);
        assertThat(http.get(STA + "/Locations(" + wellId + ")").status()).isEqualTo(404);
        assertThat(get("/Things(" + wellId + ")/Locations").path("value")).isEmpty();
        assertThat(http.delete(STA + "/Locations(" + wellId + ")", "admin", "demo-admin").status()).isEqualTo(404);
        assertThat(http.patch(STA + "/Locations(" + wellId + ")", "{\"location\": {\"type\": \"Point\", \"coordinates\": [121.0, 32.5]}}",
                "admin", "demo-admin").status()).isEqualTo(404);
        assertThat(http.getAs("/api/v1/wells/GW-STA1", "admin", "demo-admin").json().path("geometry").path("coordinates").get(0).asDouble())
                .isEqualTo(121.012);
        // Posting a Location for the well moves it and links it again, with its HistoricalLocation.
        Http.Response moved = http.post(STA + "/Things(" + wellId + ")/Locations", "{\"name\": \"GW-STA1\", \"encodingType\": "
                + "\"application/geo+json\", \"location\": {\"type\": \"Point\", \"coordinates\": [121.013, 32.553]}}", "admin", "demo-admin");
        assertThat(moved.status()).as(moved.body()).isEqualTo(201);
        assertThat(get("/Locations(" + wellId + ")").path("location").path("coordinates").get(0).asDouble()).isEqualTo(121.013);
        assertThat(http.get(STA + "/HistoricalLocations(" + wellId + ")").status()).isEqualTo(200);
        Http.Response spare = http.post(STA + "/Sensors", sensor.replace("STA-SENSOR-1", "STA-SENSOR-2"), "admin", "demo-admin");
        long spareId = spare.json().path("@iot.id").asLong();
        assertThat(http.delete(STA + "/Sensors(" + spareId + ")", "admin", "demo-admin").status()).isEqualTo(200);
        assertThat(http.get(STA + "/Sensors(" + spareId + ")").status()).isEqualTo(404);
    }

    /** A Thing given no park is no well or weather station: a generic Thing, as its client described it. */
    @Test
    void aThingOfNoParkIsAGenericThingKeptAsItsClientDescribedIt() {
        Http.Response created = http.post(STA + "/Things", "{\"name\": \"thing 1\", \"description\": \"thing one\", "
                + "\"properties\": {\"reference\": \"first\", \"floor\": 3}}", "admin", "demo-admin");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("@iot.id").asLong();
        assertThat(id).as("numbered above wells and weather stations").isGreaterThan(2_000_000_000L);
        assertThat(created.raw().headers().firstValue("Location").orElseThrow()).endsWith("/sta/v1.1/Things(" + id + ")");
        JsonNode thing = get("/Things(" + id + ")");
        assertThat(thing.path("name").asString()).isEqualTo("thing 1");
        assertThat(thing.path("description").asString()).isEqualTo("thing one");
        assertThat(thing.path("properties").toString()).isEqualTo("{\"reference\":\"first\",\"floor\":3}");
        assertThat(get("/Things?$filter=name eq 'thing 1'").path("value")).extracting(t -> t.path("@iot.id").asLong()).containsExactly(id);
        // No place and no Datastreams: it is no Location, HistoricalLocation or FeatureOfInterest.
        assertThat(get("/Things(" + id + ")/Locations").path("value")).isEmpty();
        assertThat(get("/Things(" + id + ")/Datastreams").path("value")).isEmpty();
        for (String set : List.of("Locations", "HistoricalLocations", "FeaturesOfInterest")) {
            assertThat(http.get(STA + "/" + set + "(" + id + ")").status()).as(set).isEqualTo(404);
        }
        // A Location with no encodingType is refused whole, Thing included; and its id never reaches the well its row id would name.
        assertThat(http.post(STA + "/Things", "{\"name\": \"thing 2\", \"Locations\": [{\"name\": \"l\", \"location\": {\"type\": "
                + "\"Point\", \"coordinates\": [121.0, 32.5]}}]}", "admin", "demo-admin").status()).isEqualTo(400);
        assertThat(get("/Things?$filter=name eq 'thing 2'").path("value")).isEmpty();
        assertThat(http.patch(STA + "/Locations(" + id + ")", "{\"location\": {\"type\": \"Point\", \"coordinates\": [121.0, 32.5]}}",
                "admin", "demo-admin").status()).isEqualTo(404);
        assertThat(http.delete(STA + "/FeaturesOfInterest(" + id + ")", "admin", "demo-admin").status()).isEqualTo(404);

        // PATCH replaces its properties as a whole (they are its client's JSON object); a park would pass it for a well.
        Http.Response patched = http.patch(STA + "/Things(" + id + ")", "{\"description\": \"thing one, moved\", "
                + "\"properties\": {\"reference\": \"second\"}}", "admin", "demo-admin");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().path("properties").toString()).isEqualTo("{\"reference\":\"second\"}");
        assertThat(get("/Things(" + id + ")").path("description").asString()).isEqualTo("thing one, moved");
        assertThat(http.patch(STA + "/Things(" + id + ")", "{\"properties\": {\"park\": \"HBDP\"}}", "admin", "demo-admin").status()).isEqualTo(400);
        assertThat(http.patch(STA + "/Things(" + id + ")", "{\"properties\": \"x\"}", "admin", "demo-admin").status()).isEqualTo(400);

        assertThat(http.delete(STA + "/Things(" + id + ")", null, null).status()).isEqualTo(401);
        assertThat(http.delete(STA + "/Things(" + id + ")", "admin", "demo-admin").status()).isEqualTo(200);
        assertThat(http.get(STA + "/Things(" + id + ")").status()).isEqualTo(404);
        assertThat(http.delete(STA + "/Things(" + id + ")", "admin", "demo-admin").status()).isEqualTo(404);
    }

    private long created(String set, String json) {
        Http.Response response = http.post(STA + "/" + set, json, "admin", "demo-admin");
        assertThat(response.status()).as(set + " -> " + response.body()).isEqualTo(201);
        return response.json().path("@iot.id").asLong();
    }

    /**
     * A generic Thing has Locations, HistoricalLocations, Datastreams in units of its own and FeaturesOfInterest, each
     * as its client described it (the sequence OGC CITE ets-sta10 level 2 posts); deleting cascades as §10.4 says.
     */
    @Test
    void aGenericThingHasPlacesDatastreamsAndFeaturesOfItsOwn() {
        String point = "{\"type\": \"Point\", \"coordinates\": [-114.05, 51.05]}";
        long thing = created("Things", "{\"name\": \"Test Thing\", \"description\": \"a generic thing\"}");
        assertThat(http.post(STA + "/Locations", "{\"name\": \"bow river\", \"encodingType\": \"application/vnd.geo+json\", \"location\": "
                + point + "}", null, null).status()).isEqualTo(401);
        long location = created("Locations", "{\"name\": \"bow river\", \"description\": \"bow river\", "
                + "\"encodingType\": \"application/vnd.geo+json\", \"location\": " + point + "}");
        assertThat(location).as("numbered apart from Things").isGreaterThan(3_000_000_000L);
        JsonNode bow = get("/Locations(" + location + ")");
        assertThat(bow.path("encodingType").asString()).isEqualTo("application/vnd.geo+json");
        assertThat(bow.path("location").path("coordinates").toString()).isEqualTo("[-114.05,51.05]");
        long sensor = created("Sensors", "{\"name\": \"Fuguro Barometer\", \"description\": \"Fuguro Barometer\", "
                + "\"encodingType\": \"application/pdf\", \"metadata\": \"Barometer\"}");
        long again = created("Sensors", "{\"name\": \"Fuguro Barometer\", \"encodingType\": \"application/pdf\", \"metadata\": \"B2\"}");
        assertThat(get("/Sensors(" + again + ")").path("name").asString()).as("names need not be unique").isEqualTo("Fuguro Barometer");
        assertThat(get("/Sensors(" + sensor + ")").path("metadata").asString()).isEqualTo("Barometer");
        String dewPoint = "The dewpoint temperature is the temperature to which the air must be cooled, at constant pressure, for dew to "
                + "form. As the grass and other objects near the ground cool to the dewpoint, some of the water vapor condenses.";
        long property = created("ObservedProperties", "{\"name\": \"DewPoint Temperature\", \"definition\": \"http://dbpedia.org/page/Dew_point\", "
                + "\"description\": \"" + dewPoint + "\"}");
        JsonNode dew = get("/ObservedProperties(" + property + ")");
        assertThat(dew.path("definition").asString()).isEqualTo("http://dbpedia.org/page/Dew_point");
        assertThat(dew.path("description").asString()).isEqualTo(dewPoint);
        Http.Response noEncoding = http.post(STA + "/FeaturesOfInterest", "{\"name\": \"station\", \"feature\": " + point + "}", "admin", "demo-admin");
        assertThat(noEncoding.status()).isEqualTo(400);
        assertThat(noEncoding.body()).contains("encodingType");
        long feature = created("FeaturesOfInterest", "{\"name\": \"A weather station.\", \"description\": \"A weather station.\", "
                + "\"encodingType\": \"application/vnd.geo+json\", \"feature\": {\"type\": \"Point\", \"coordinates\": [10, 10]}}");
        String datastreamJson = "{\"unitOfMeasurement\": {\"name\": \"Celsius\", \"symbol\": \"degC\", \"definition\": \"http://qudt.org/vocab/unit#DegreeCelsius\"}, "
                + "\"name\": \"test datastream.\", \"description\": \"test datastream.\", \"observationType\": "
                + "\"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement\", \"Thing\": {\"@iot.id\": " + thing + "}, "
                + "\"ObservedProperty\": {\"@iot.id\": " + property + "}, \"Sensor\": {\"@iot.id\": " + sensor + "}}";
        long datastream = created("Datastreams", datastreamJson);
        assertThat(created("Datastreams", datastreamJson)).as("names need not be unique").isNotEqualTo(datastream);
        JsonNode degrees = get("/Datastreams(" + datastream + ")");
        assertThat(degrees.path("name").asString()).isEqualTo("test datastream.");
        assertThat(degrees.path("unitOfMeasurement").toString())
                .isEqualTo("{\"name\":\"Celsius\",\"symbol\":\"degC\",\"definition\":\"http://qudt.org/vocab/unit#DegreeCelsius\"}");
        assertThat(get("/Things(" + thing + ")/Datastreams").path("value")).hasSize(2);

        long named = created("Observations", "{\"phenomenonTime\": \"2015-03-01T00:40:00.000Z\", \"result\": 8, \"Datastream\": {\"@iot.id\": "
                + datastream + "}, \"FeatureOfInterest\": {\"@iot.id\": " + feature + "}}");
        assertThat(get("/Observations(" + named + ")").path("result").toString()).isEqualTo("8");
        assertThat(get("/Observations(" + named + ")/FeatureOfInterest").path("@iot.id").asLong()).isEqualTo(feature);
        // With no FeatureOfInterest and no Location there is nothing to observe: refused.
        Http.Response nowhere = http.post(STA + "/Observations", "{\"phenomenonTime\": \"2015-03-01T00:00:00.000Z\", \"result\": 100, "
                + "\"Datastream\": {\"@iot.id\": " + datastream + "}}", "admin", "demo-admin");
        assertThat(nowhere.status()).isEqualTo(400);
        assertThat(nowhere.body()).contains("FeatureOfInterest");
        // Linking the Location moves the Thing (a HistoricalLocation records it); an Observation naming no feature is then of it.
        Http.Response moved = http.patch(STA + "/Things(" + thing + ")", "{\"Locations\": [{\"@iot.id\": " + location + "}]}", "admin", "demo-admin");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(get("/Things(" + thing + ")/Locations").path("value")).extracting(l -> l.path("@iot.id").asLong()).containsExactly(location);
        assertThat(get("/Locations(" + location + ")/Things").path("value")).extracting(t -> t.path("@iot.id").asLong()).containsExactly(thing);
        assertThat(get("/Things(" + thing + ")/HistoricalLocations").path("value")).hasSize(1);
        long placed = created("Observations", "{\"phenomenonTime\": \"2015-03-01T00:00:00.000Z\", \"resultTime\": \"2015-03-01T01:00:00.000Z\", "
                + "\"result\": 100, \"Datastream\": {\"@iot.id\": " + datastream + "}}");
        long next = created("Observations", "{\"phenomenonTime\": \"2015-05-01T00:00:00.000Z\", \"result\": 105, \"Datastream\": {\"@iot.id\": "
                + datastream + "}}");
        JsonNode made = get("/Observations(" + placed + ")/FeatureOfInterest");
        assertThat(made.path("feature").toString()).isEqualTo(bow.path("location").toString());
        assertThat(get("/Observations(" + next + ")/FeatureOfInterest").path("@iot.id").asLong()).isEqualTo(made.path("@iot.id").asLong());
        assertThat(get("/FeaturesOfInterest(" + made.path("@iot.id").asLong() + ")/Observations").path("value"))
                .extracting(o -> o.path("@iot.id").asLong()).containsExactlyInAnyOrder(placed, next);
        // $expand reads the related entities of a whole page at once: each Observation's own feature, given or made.
        long madeId = made.path("@iot.id").asLong();
        JsonNode expanded = get("/Datastreams(" + datastream + ")/Observations?$orderby=phenomenonTime&$expand=FeatureOfInterest,Datastream($select=name)");
        assertThat(expanded.path("value")).extracting(o -> o.path("@iot.id").asLong()).containsExactly(placed, named, next);
        assertThat(expanded.path("value")).extracting(o -> o.path("FeatureOfInterest").path("@iot.id").asLong()).containsExactly(madeId, feature, madeId);
        assertThat(expanded.path("value").get(1).path("FeatureOfInterest")).isEqualTo(get("/FeaturesOfInterest(" + feature + ")"));
        assertThat(expanded.path("value").get(2).path("FeatureOfInterest")).isEqualTo(made);
        assertThat(expanded.path("value").get(0).path("Datastream").toString()).isEqualTo("{\"name\":\"test datastream.\"}");
        JsonNode features = get("/FeaturesOfInterest?$filter=id eq " + madeId + " or id eq " + feature + "&$orderby=id&$expand=Observations("
                + "$orderby=phenomenonTime;$select=result)");
        assertThat(features.path("value")).extracting(f -> f.path("Observations").toString()).containsExactly("[{\"result\":8}]",
                "[{\"result\":100},{\"result\":105}]");
        JsonNode nested = get("/Things(" + thing + ")?$expand=Datastreams($orderby=id;$expand=Observations($top=1;$orderby=phenomenonTime desc;"
                + "$expand=FeatureOfInterest($select=name)))");
        assertThat(nested.path("Datastreams")).hasSize(2);
        JsonNode newest = nested.path("Datastreams").get(0).path("Observations");
        assertThat(newest).extracting(o -> o.path("@iot.id").asLong()).containsExactly(next);
        assertThat(newest.get(0).path("FeatureOfInterest").toString()).isEqualTo("{\"name\":\"bow river\"}");
        assertThat(nested.path("Datastreams").get(0).path("Observations@iot.nextLink").asString()).contains("$skip=1");
        assertThat(nested.path("Datastreams").get(1).path("Observations")).isEmpty();
        long history = created("HistoricalLocations", "{\"time\": \"2015-03-01T00:40:00.000Z\", \"Thing\": {\"@iot.id\": " + thing + "}, "
                + "\"Locations\": [{\"@iot.id\": " + location + "}]}");
        assertThat(get("/HistoricalLocations(" + history + ")/Locations").path("value")).hasSize(1);
        assertThat(get("/HistoricalLocations(" + history + ")/Thing").path("@iot.id").asLong()).isEqualTo(thing);

        // A result compared with a string compares its text, as written ("100" < "2" < "8"); places sort by their text.
        assertThat(get("/Datastreams(" + datastream + ")/Observations?$filter=result lt '2'&$orderby=phenomenonTime").path("value"))
                .extracting(o -> o.path("result").asInt()).containsExactly(100, 105);
        assertThat(get("/Locations?$orderby=location desc&$top=1000").path("value").size())
                .isEqualTo(get("/Locations?$count=true&$top=0").path("@iot.count").asInt());

        // PATCH of what each was given; related entities inline are refused.
        patched("Locations(" + location + ")", "{\"location\": {\"type\": \"Point\", \"coordinates\": [114.05, -50]}}");
        assertThat(get("/Locations(" + location + ")").path("location").path("coordinates").toString()).isEqualTo("[114.05,-50.0]");
        patched("HistoricalLocations(" + history + ")", "{\"time\": \"2015-07-01T00:00:00.000Z\"}");
        assertThat(get("/HistoricalLocations(" + history + ")").path("time").asString()).isEqualTo("2015-07-01T00:00:00.000Z");
        patched("Sensors(" + sensor + ")", "{\"metadata\": \"PATCHED\"}");
        assertThat(get("/Sensors(" + sensor + ")").path("metadata").asString()).isEqualTo("PATCHED");
        patched("ObservedProperties(" + property + ")", "{\"description\": \"PATCHED\"}");
        assertThat(get("/ObservedProperties(" + property + ")").path("description").asString()).isEqualTo("PATCHED");
        patched("FeaturesOfInterest(" + feature + ")", "{\"feature\": {\"type\": \"Point\", \"coordinates\": [114.05, -51.05]}}");
        patched("Datastreams(" + datastream + ")", "{\"description\": \"Patched Description\"}");
        patched("Datastreams(" + datastream + ")", "{\"unitOfMeasurement\": {\"name\": \"Entropy2\", \"symbol\": \"S2\", \"definition\": \"http://qudt.org/vocab/unit#Entropy2\"}}");
        assertThat(get("/Datastreams(" + datastream + ")").path("unitOfMeasurement").path("symbol").asString()).isEqualTo("S2");
        assertThat(get("/Datastreams(" + datastream + ")").path("description").asString()).isEqualTo("Patched Description");
        assertThat(http.patch(STA + "/Things(" + thing + ")", "{\"Locations\": [{\"name\": \"West Roof\", \"encodingType\": \"application/vnd.geo+json\", "
                + "\"location\": " + point + "}]}", "admin", "demo-admin").status()).isEqualTo(400);
        assertThat(http.patch(STA + "/Datastreams(" + datastream + ")", "{\"Sensor\": {\"name\": \"Acme\"}}", "admin", "demo-admin").status()).isEqualTo(400);

        // Deleting the Location takes the HistoricalLocations recording it; deleting the feature retracts its Observations.
        assertThat(http.delete(STA + "/FeaturesOfInterest(" + feature + ")", "admin", "demo-admin").status()).isEqualTo(200);
        assertThat(http.get(STA + "/Observations(" + named + ")").status()).isEqualTo(404);
        assertThat(http.get(STA + "/Observations(" + placed + ")").status()).isEqualTo(200);
        assertThat(http.delete(STA + "/Locations(" + location + ")", "admin", "demo-admin").status()).isEqualTo(200);
        assertThat(http.get(STA + "/HistoricalLocations(" + history + ")").status()).isEqualTo(404);
        assertThat(get("/Things(" + thing + ")/HistoricalLocations").path("value")).isEmpty();
        assertThat(get("/FeaturesOfInterest(" + made.path("@iot.id").asLong() + ")").path("name").asString()).isEqualTo("bow river");
        // Deleting the Thing retires its Datastreams and retracts their Observations; Sensor and ObservedProperty stay.
        assertThat(http.delete(STA + "/Things(" + thing + ")", "admin", "demo-admin").status()).isEqualTo(200);
        assertThat(http.get(STA + "/Datastreams(" + datastream + ")").status()).isEqualTo(404);
        assertThat(http.get(STA + "/Observations(" + placed + ")").status()).isEqualTo(404);
        assertThat(http.get(STA + "/Sensors(" + sensor + ")").status()).isEqualTo(200);
        assertThat(http.get(STA + "/ObservedProperties(" + property + ")").status()).isEqualTo(200);
    }

    /**
     * A Thing given inline with Locations and Datastreams (deep insert) creates them all; one part refused removes what
     * the request had created.
     */
    @Test
    void aGenericThingIsCreatedWithItsLocationsAndDatastreamsInline() {
        String thing = "{\"name\": \"Office Building\", \"description\": \"Office Building\", \"properties\": {\"reference\": \"Third Floor\"}, "
                + "\"Locations\": [{\"name\": \"West Roof\", \"description\": \"West Roof\", \"location\": {\"type\": \"Point\", "
                + "\"coordinates\": [-117.05, 51.05]}, \"encodingType\": \"application/vnd.geo+json\"}], \"Datastreams\": [{\"unitOfMeasurement\": "
                + "{\"name\": \"Lumen\", \"symbol\": \"lm\", \"definition\": \"http://www.qudt.org/qudt/owl/1.0.0/unit/Instances.html#Lumen\"}, "
                + "\"name\": \"Light exposure.\", \"description\": \"Light exposure.\", \"observationType\": "
                + "\"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement\", \"ObservedProperty\": {\"name\": \"Luminous Flux\", "
                + "\"definition\": \"http://www.qudt.org/qudt/owl/1.0.0/quantity/Instances.html#LuminousFlux\", \"description\": \"Luminous Flux\"}"
                + "SENSOR, \"Observations\": [{\"phenomenonTime\": \"2015-03-01T00:10:00Z\", \"result\": 10}]}]}";
        int properties = get("/ObservedProperties?$filter=name eq 'Luminous Flux'&$count=true").path("@iot.count").asInt();
        Http.Response refused = http.post(STA + "/Things", thing.replace("SENSOR", ""), "admin", "demo-admin");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Sensor");
        assertThat(get("/Things?$filter=name eq 'Office Building'").path("value")).isEmpty();
        assertThat(get("/Locations?$filter=name eq 'West Roof'").path("value")).isEmpty();
        assertThat(get("/ObservedProperties?$filter=name eq 'Luminous Flux'&$count=true").path("@iot.count").asInt()).isEqualTo(properties);

        long id = created("Things", thing.replace("SENSOR", ", \"Sensor\": {\"name\": \"Acme Fluxomatic 1000\", \"description\": "
                + "\"Acme Fluxomatic 1000\", \"encodingType\": \"application/pdf\", \"metadata\": \"Light flux sensor\"}"));
        JsonNode datastream = get("/Things(" + id + ")/Datastreams").path("value").get(0);
        assertThat(datastream.path("unitOfMeasurement").path("symbol").asString()).isEqualTo("lm");
        assertThat(datastream.path("observationType").asString()).endsWith("OM_Measurement");
        long datastreamId = datastream.path("@iot.id").asLong();
        assertThat(get("/Datastreams(" + datastreamId + ")/Sensor").path("encodingType").asString()).isEqualTo("application/pdf");
        assertThat(get("/Datastreams(" + datastreamId + ")/ObservedProperty").path("definition").asString()).endsWith("#LuminousFlux");
        JsonNode observation = get("/Datastreams(" + datastreamId + ")/Observations").path("value").get(0);
        assertThat(observation.path("phenomenonTime").asString()).isEqualTo("2015-03-01T00:10:00.000Z");
        JsonNode roof = get("/Things(" + id + ")/Locations").path("value").get(0);
        assertThat(roof.path("name").asString()).isEqualTo("West Roof");
        assertThat(get("/Observations(" + observation.path("@iot.id").asLong() + ")/FeatureOfInterest").path("feature").toString())
                .isEqualTo(roof.path("location").toString());
        assertThat(get("/Things(" + id + ")/HistoricalLocations?$expand=Locations").path("value").get(0).path("Locations").get(0)
                .path("@iot.id").asLong()).isEqualTo(roof.path("@iot.id").asLong());
    }

    /**
     * PATCH of an Observation's phenomenonTime and result (§10.3) keeps its @iot.id: a new version of the reading at the new
     * time, the old one kept in its history; what the platform records of it (raw value, version, source) is not changed.
     */
    @Test
    void anObservationPatchedInTimeAndResultKeepsItsId() {
        String thing = "{\"name\": \"Patched roof\", \"description\": \"a Thing whose Observation is moved\", \"Locations\": [{\"name\": "
                + "\"Patched roof\", \"description\": \"roof\", \"location\": {\"type\": \"Point\", \"coordinates\": [-117.06, 51.06]}, "
                + "\"encodingType\": \"application/vnd.geo+json\"}], \"Datastreams\": [{\"unitOfMeasurement\": {\"name\": \"Lumen\", "
                + "\"symbol\": \"lm\", \"definition\": \"http://www.qudt.org/qudt/owl/1.0.0/unit/Instances.html#Lumen\"}, \"name\": \"Patched light\", "
                + "\"description\": \"Patched light\", \"observationType\": \"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement\", "
                + "\"ObservedProperty\": {\"name\": \"Patched flux\", \"definition\": \"urn:test:patched-flux\", \"description\": \"flux\"}, "
                + "\"Sensor\": {\"name\": \"Patched meter\", \"description\": \"meter\", \"encodingType\": \"application/pdf\", \"metadata\": \"m\"}, "
                + "\"Observations\": [{\"phenomenonTime\": \"2015-03-01T00:10:00Z\", \"resultTime\": \"2015-03-01T00:11:00Z\", \"result\": 10}, "
                + "{\"phenomenonTime\": \"2015-03-01T00:30:00Z\", \"result\": 30}]}]}";
        long id = created("Things", thing);
        long ds = get("/Things(" + id + ")/Datastreams").path("value").get(0).path("@iot.id").asLong();
        JsonNode first = get("/Datastreams(" + ds + ")/Observations?$filter=phenomenonTime eq 2015-03-01T00:10:00Z").path("value").get(0);
        long observation = first.path("@iot.id").asLong();
        long feature = get("/Observations(" + observation + ")/FeatureOfInterest").path("@iot.id").asLong();

        // A data correction: refused to an O&M engineer, made by a data reviewer, who may say why (Gw-Reason).
        Http.Response engineer = http.patch(STA + "/Observations(" + observation + ")", "{\"result\": 12}", "om", "demo-om");
        assertThat(engineer.status()).as(engineer.body()).isEqualTo(403);
        Http.Response batch = http.post(STA + "/$batch", "{\"requests\": [{\"id\": \"1\", \"method\": \"patch\", \"url\": \"Observations("
                + observation + ")\", \"body\": {\"result\": 12}}]}", "om", "demo-om");
        assertThat(batch.json().path("responses").get(0).path("status").asInt()).as("inside a $batch: the matrix too").isEqualTo(403);
        // Nor by another spelling of its path: with a trailing slash the matrix's rule is the same; named through its
        // Datastream it is no entity a PATCH may name (400).
        Map<String, Integer> spellings = Map.of("/Observations(" + observation + ")/", 403, "/Datastreams(" + ds + ")/Observations(" + observation + ")", 400);
        spellings.forEach((path, status) -> {
            Http.Response other = http.patch(STA + path, "{\"result\": 12}", "om", "demo-om");
            assertThat(other.status()).as(path + ": " + other.body()).isEqualTo(status);
            Http.Response inBatch = http.post(STA + "/$batch", "{\"requests\": [{\"id\": \"1\", \"method\": \"patch\", \"url\": \""
                    + path.substring(1) + "\", \"body\": {\"result\": 12}}]}", "om", "demo-om");
            assertThat(inBatch.json().path("responses").get(0).path("status").asInt()).as(path + " in a $batch").isEqualTo(status);
        });
        assertThat(get("/Observations(" + observation + ")").path("result").asDouble()).as("nothing corrected").isEqualTo(10.0);
        Http.Response moved = http.patch(STA + "/Observations(" + observation + ")", "{\"phenomenonTime\": \"2015-03-01T00:20:00Z\", \"result\": 12}",
                "reviewer", "demo-reviewer", java.util.Map.of("Gw-Reason", "clock of the logger was 10 min late"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().path("@iot.id").asLong()).isEqualTo(observation);
        JsonNode now = get("/Observations(" + observation + ")");
        assertThat(now.path("phenomenonTime").asString()).isEqualTo("2015-03-01T00:20:00.000Z");
        assertThat(now.path("result").asDouble()).isEqualTo(12.0);
        assertThat(now.path("resultTime").asString()).as("carried over").isEqualTo("2015-03-01T00:11:00.000Z");
        assertThat(now.path("parameters").path("rawValue").asDouble()).as("the raw value is kept").isEqualTo(10.0);
        assertThat(now.path("parameters").path("version").asInt()).isEqualTo(2);
        assertThat(now.path("parameters").path("qualityFlags").asInt() & org.groundwatergateway.core.reading.QualityFlag.CORRECTED.bit()).as("flagged CORRECTED")
                .isNotZero();
        assertThat(get("/Observations(" + observation + ")/FeatureOfInterest").path("@iot.id").asLong()).isEqualTo(feature);
        // The old time holds no current Observation; the id, filtered on, finds the one at the new time.
        assertThat(get("/Datastreams(" + ds + ")/Observations?$filter=phenomenonTime eq 2015-03-01T00:10:00Z").path("value")).isEmpty();
        assertThat(get("/Datastreams(" + ds + ")/Observations?$orderby=phenomenonTime").path("value"))
                .extracting(o -> o.path("@iot.id").asLong() + " " + o.path("phenomenonTime").asString())
                .containsExactly(observation + " 2015-03-01T00:20:00.000Z", get("/Datastreams(" + ds + ")/Observations?$filter=result eq 30")
                        .path("value").get(0).path("@iot.id").asLong() + " 2015-03-01T00:30:00.000Z");
        assertThat(get("/Observations?$filter=id eq " + observation).path("value")).extracting(o -> o.path("phenomenonTime").asString())
                .containsExactly("2015-03-01T00:20:00.000Z");
        assertThat(get("/FeaturesOfInterest(" + feature + ")/Observations?$filter=id eq " + observation).path("value")).hasSize(1);
        // The result alone, then back to its first time: still the same Observation.
        patched("Observations(" + observation + ")", "{\"result\": 13}");
        patched("Observations(" + observation + ")", "{\"phenomenonTime\": \"2015-03-01T00:10:00Z\"}");
        assertThat(get("/Observations(" + observation + ")").path("result").asDouble()).isEqualTo(13.0);
        assertThat(get("/Observations(" + observation + ")").path("phenomenonTime").asString()).isEqualTo("2015-03-01T00:10:00.000Z");

        // Refused: another Observation's time, a property that is the platform's record, a result that is no number.
        Http.Response taken = http.patch(STA + "/Observations(" + observation + ")", "{\"phenomenonTime\": \"2015-03-01T00:30:00Z\"}", "admin", "demo-admin");
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.json().path("message").asString()).contains("已有观测");
        String record = "{\"parameters\": {\"rawValue\": 1}}";
        Http.Response chinese = http.patch(STA + "/Observations(" + observation + ")", record, "admin", "demo-admin", CHINESE);
        assertThat(chinese.status()).isEqualTo(400);
        assertThat(chinese.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(chinese.json().path("message").asString()).isEqualTo("parameters：Observation 的此属性不可修改；可修改的有：[phenomenonTime, result]");
        Http.Response english = http.patch(STA + "/Observations(" + observation + ")", record, "admin", "demo-admin", ENGLISH);
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.json().path("message").asString()).isEqualTo("parameters: a Observation does not change this property; changeable: [phenomenonTime, result]");
        assertThat(http.patch(STA + "/Observations(" + observation + ")", "{\"result\": \"high\"}", "admin", "demo-admin").status()).isEqualTo(400);
        assertThat(get("/Observations(" + observation + ")").path("result").asDouble()).isEqualTo(13.0);
        assertThat(http.patch(STA + "/Observations(" + observation + ")", "{\"result\": 14}", null, null).status()).isEqualTo(401);
        // Retracted, the Observation is gone: no PATCH of it, nor of an id that names none.
        assertThat(http.delete(STA + "/Observations(" + observation + ")", "admin", "demo-admin").status()).isEqualTo(200);
        assertThat(http.patch(STA + "/Observations(" + observation + ")", "{\"result\": 14}", "admin", "demo-admin").status()).isEqualTo(404);
        assertThat(http.patch(STA + "/Observations(999999999)", "{\"result\": 14}", "admin", "demo-admin").status()).isEqualTo(404);
        assertThat(http.get(STA + "/Observations(" + observation + ")").status()).isEqualTo(404);
    }

    private void patched(String entity, String json) {
        Http.Response response = http.patch(STA + "/" + entity, json, "admin", "demo-admin");
        assertThat(response.status()).as(entity + " -> " + response.body()).isEqualTo(200);
    }

    @Test
    void aSensorReportingThroughNoLoggerIsCreatedWithoutAnMn() {
        Http.Response sensor = http.post(STA + "/Sensors", "{\"name\": \"Fuguro Barometer\", \"description\": \"Fuguro Barometer\", "
                + "\"encodingType\": \"application/pdf\", \"metadata\": \"Barometer\"}", "admin", "demo-admin");
        assertThat(sensor.status()).as(sensor.body()).isEqualTo(201);
        assertThat(sensor.json().path("properties").has("mn")).isFalse();
        long ph = get("/ObservedProperties?$filter=properties/code eq 'ph'").path("value").get(0).path("@iot.id").asLong();
        long thing = get("/Things?$filter=name eq 'GW-U10'").path("value").get(0).path("@iot.id").asLong();
        Http.Response datastream = http.post(STA + "/Datastreams", "{\"name\": \"GW-U10/ph/barometer\", \"Thing\": {\"@iot.id\": " + thing
                + "}, \"Sensor\": {\"@iot.id\": " + sensor.json().path("@iot.id").asLong() + "}, \"ObservedProperty\": {\"@iot.id\": " + ph + "}}",
                "admin", "demo-admin");
        assertThat(datastream.status()).as(datastream.body()).isEqualTo(201);
        Http.Response observation = http.post(STA + "/Datastreams(" + datastream.json().path("@iot.id").asLong() + ")/Observations",
                "{\"phenomenonTime\": \"2025-11-07T00:00:00Z\", \"result\": 7.1}", "admin", "demo-admin");
        assertThat(observation.status()).as(observation.body()).isEqualTo(201);
        // The device registry and its listing pass over a sensor that names no logger.
        assertThat(http.getAs("/api/v1/devices", "admin", "demo-admin").status()).isEqualTo(200);
    }

    @Test
    void batchRequestsRunInOrderAndReferToEarlierResults() {
        long ph = get("/ObservedProperties?$filter=properties/code eq 'ph'").path("value").get(0).path("@iot.id").asLong();
        long thing = get("/Things?$filter=name eq 'GW-U10'").path("value").get(0).path("@iot.id").asLong();
        String batch = "{\"requests\": ["
                + "{\"id\": \"s\", \"method\": \"post\", \"url\": \"Sensors\", \"body\": {\"name\": \"STA-BATCH-1\", \"properties\": {\"mn\": \"B1\", \"model\": \"M\"}}},"
                + "{\"id\": \"d\", \"method\": \"post\", \"url\": \"Datastreams\", \"dependsOn\": [\"s\"], \"body\": {\"name\": \"GW-U10/ph/batch\", "
                + "\"Thing\": {\"@iot.id\": " + thing + "}, \"Sensor\": {\"name\": \"STA-BATCH-2\", \"properties\": {\"mn\": \"B2\"}}, "
                + "\"ObservedProperty\": {\"@iot.id\": " + ph + "}}},"
                + "{\"id\": \"o\", \"method\": \"post\", \"url\": \"$d/Observations\", \"body\": {\"phenomenonTime\": \"2025-11-06T00:00:00Z\", \"result\": 7.3}},"
                + "{\"id\": \"g\", \"method\": \"get\", \"url\": \"$d?$expand=Observations,Sensor\"},"
                + "{\"id\": \"bad\", \"method\": \"get\", \"url\": \"Things?$filter=nonsense\"}]}";
        assertThat(http.post(STA + "/$batch", batch, null, null).status()).isEqualTo(401);
        Http.Response response = http.post(STA + "/$batch", batch, "admin", "demo-admin");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode responses = response.json().path("responses");
        List<Integer> statuses = new ArrayList<>();
        responses.forEach(r -> statuses.add(r.path("status").asInt()));
        assertThat(statuses).as(response.body()).containsExactly(201, 201, 201, 200, 400);
        assertThat(responses.get(1).path("headers").path("location").asString()).contains("/Datastreams(");
        JsonNode fetched = responses.get(3).path("body");
        assertThat(fetched.path("Observations").get(0).path("result").asDouble()).isEqualTo(7.3);
        assertThat(fetched.path("Sensor").path("name").asString()).isEqualTo("STA-BATCH-2");

        // Each request inside is checked against the permission matrix as if it came alone: a data reviewer may post a
        // batch (to correct Observations), not retire a well through one.
        String retire = "{\"requests\": [{\"id\": \"r\", \"method\": \"delete\", \"url\": \"Things(" + thing + ")\"},"
                + "{\"id\": \"g\", \"method\": \"get\", \"url\": \"Things(" + thing + ")\"}]}";
        Http.Response asReviewer = http.post(STA + "/$batch", retire, "reviewer", "demo-reviewer");
        assertThat(asReviewer.status()).as(asReviewer.body()).isEqualTo(200);
        JsonNode refusedDelete = asReviewer.json().path("responses").get(0);
        assertThat(refusedDelete.path("status").asInt()).isEqualTo(403);
        assertThat(refusedDelete.path("body").path("detail").asString()).isEqualTo("无权限：DELETE /sta/v1.1/Things(" + thing + ") 需要 OM_ENGINEER");
        assertThat(asReviewer.json().path("responses").get(1).path("status").asInt()).isEqualTo(200);
        assertThat(get("/Things(" + thing + ")").path("name").asString()).as("the well is still in service").isEqualTo("GW-U10");

        // An atomicity group cannot be honoured, so the whole batch is refused before anything is created.
        String atomic = "{\"requests\": [{\"id\": \"a\", \"atomicityGroup\": \"g1\", \"method\": \"post\", \"url\": \"Sensors\", "
                + "\"body\": {\"name\": \"STA-ATOMIC\", \"properties\": {\"mn\": \"A1\"}}}]}";
        Http.Response refused = http.post(STA + "/$batch", atomic, "admin", "demo-admin");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("不支持原子性分组");
        assertThat(get("/Sensors?$filter=name eq 'STA-ATOMIC'").path("value")).isEmpty();
    }
}
