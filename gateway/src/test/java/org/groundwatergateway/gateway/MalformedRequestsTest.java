package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Requests built to be expensive or malformed: each is refused with a 4xx in its door's error format, naming the
 * problem, and quickly, instead of overflowing a stack, multiplying pages or surfacing a server error.
 */
class MalformedRequestsTest extends RunningGateway {

    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    /** The answer, asserted to have come within {@link #PROMPTLY}; the measured time is printed for the record. */
    private static Http.Response timed(String what, Supplier<Http.Response> request) {
        long start = System.nanoTime();
        Http.Response response = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("MalformedRequestsTest: " + what + " answered " + response.status() + " in " + took.toMillis() + " ms");
        assertThat(took).as(what).isLessThan(PROMPTLY);
        return response;
    }

    private static void assertStaError(Http.Response response, String... named) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("code").asInt()).isEqualTo(400);
        assertThat(response.json().path("message").asString()).contains(named);
    }

    @Test
    void sensorThingsRefusesExpandNestedBeyondTheDepthLimit() {
        String expand = "Datastreams($expand=Thing($expand=Datastreams($expand=Observations($top=10000))))";
        Http.Response response = timed("$expand 4 deep", () -> http.anonymous().get("/sta/v1.1/Things?$top=10000&$expand=" + expand));
        assertStaError(response, "gw.sta.max-expand-depth", "3");
    }

    @Test
    void sensorThingsRefusesAnAnswerOfMoreEntitiesThanTheBudget() {
        Http.Response response = timed("10,000 Observations each expanded",
                () -> http.get("/sta/v1.1/Observations?$top=10000&$expand=Datastream($expand=Thing)"));
        assertStaError(response, "gw.sta.max-entities", "10000");
    }

    @Test
    void sensorThingsRefusesAFilterNestedTooDeep() {
        String filter = "(".repeat(1500) + "result%20gt%200" + ")".repeat(1500);
        Http.Response response = timed("$filter 1,500 parentheses deep", () -> http.anonymous().get("/sta/v1.1/Observations?$filter=" + filter));
        assertStaError(response, "$filter", "嵌套超过 64 层");
    }

    /** One GET inside a SensorThings JSON batch, whose URL is not bounded by the HTTP server's request-line limit. */
    private Http.Response batchGet(String what, String url) {
        String batch = "{\"requests\": [{\"id\": \"1\", \"method\": \"get\", \"url\": \"" + url + "\"}]}";
        Http.Response response = timed(what, () -> http.post("/sta/v1.1/$batch", batch, "admin", "demo-admin"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    @Test
    void sensorThingsRefusesExpandNestedThousandsDeepInABatch() {
        String expand = "Datastreams($expand=Thing($expand=".repeat(2500) + "Locations" + "))".repeat(2500);
        var answer = batchGet("$expand 5,000 deep in $batch", "Things?$expand=" + expand).json().path("responses").get(0);
        assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.path("body").path("message").asString()).contains("$expand", "嵌套超过 64 层");
    }

    @Test
    void sensorThingsServesALongChainOfOrs() {
        StringBuilder filter = new StringBuilder("id eq 0");
        for (int i = 1; i < 5000; i++) filter.append(" or id eq ").append(i);
        var answer = batchGet("$filter of 5,000 or terms in $batch", "Things?$top=1&$filter=" + filter).json().path("responses").get(0);
        assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.path("body").path("value").size()).isEqualTo(1);
    }

    @Test
    void sensorThingsRefusesAFilterLongerThanTheLimit() {
        String filter = "name eq '" + "x".repeat(131_072) + "'";
        var answer = batchGet("$filter of 131,082 characters in $batch", "Things?$filter=" + filter).json().path("responses").get(0);
        assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.path("body").path("message").asString()).contains("$filter 长 131082 个字符", "gw.sta.max-filter-length");
    }

    private static final String FES = "http://www.opengis.net/fes/2.0";
    private static final String GML = "http://www.opengis.net/gml/3.2";

    /** A WFS GetFeature of wells with this FES 2.0 filter (its namespaces declared on the root). */
    private Http.Response wfsFilter(String what, String filterBody) {
        String filter = "<fes:Filter xmlns:fes=\"" + FES + "\" xmlns:gml=\"" + GML + "\">" + filterBody + "</fes:Filter>";
        return timed(what, () -> http.get("/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gw:wells&FILTER="
                + URLEncoder.encode(filter, StandardCharsets.UTF_8)));
    }

    private static void assertOwsReport(Http.Response response, String locator, String... named) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        Document report = Xml.parse(response.body());
        Element exception = Xml.all(report, Xml.OWS, "Exception").get(0);
        assertThat(exception.getAttribute("exceptionCode")).isEqualTo("InvalidParameterValue");
        assertThat(exception.getAttribute("locator")).isEqualTo(locator);
        assertThat(Xml.texts(report, Xml.OWS, "ExceptionText").get(0)).contains(named);
    }

    private static String equalTo(String property, String value) {
        return "<fes:PropertyIsEqualTo><fes:ValueReference>" + property + "</fes:ValueReference><fes:Literal>" + value
                + "</fes:Literal></fes:PropertyIsEqualTo>";
    }

    @Test
    void wfsRefusesAFilterNestedTooDeep() {
        String filter = "<fes:Filter xmlns:fes=\"" + FES + "\">" + "<fes:And>".repeat(2000) + equalTo("code", "GW-U01")
                + equalTo("code", "GW-U01") + "</fes:And>".repeat(2000) + "</fes:Filter>";
        // Posted as a form: a URL this long exceeds what the HTTP server reads of a request line.
        Http.Response response = timed("FES And 2,000 deep", () -> http.post("/ows", "application/x-www-form-urlencoded",
                "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gw:wells&FILTER=" + URLEncoder.encode(filter, StandardCharsets.UTF_8),
                "admin", "demo-admin"));
        assertOwsReport(response, "FILTER", "nested more than 64");
    }

    /** A filter of more than 1 MiB ({@code gw.ogc.max-filter-size}), as a form's FILTER and as a POSTed XML GetFeature. */
    @Test
    void wfsRefusesAFilterLargerThanTheLimit() {
        String huge = "<fes:Filter xmlns:fes=\"" + FES + "\">" + equalTo("code", "x".repeat(1 << 20)) + "</fes:Filter>";
        Http.Response form = timed("FES FILTER over 1 MiB", () -> http.post("/ows", "application/x-www-form-urlencoded",
                "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gw:wells&FILTER=" + URLEncoder.encode(huge, StandardCharsets.UTF_8),
                "admin", "demo-admin"));
        assertOwsReport(form, "FILTER", "at most 1048576", "gw.ogc.max-filter-size");
        String getFeature = "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" service=\"WFS\" version=\"2.0.0\">"
                + "<wfs:Query typeNames=\"gw:wells\">" + huge + "</wfs:Query></wfs:GetFeature>";
        Http.Response xml = timed("XML GetFeature over 1 MiB", () -> http.post("/ows", "text/xml", getFeature, "admin", "demo-admin"));
        assertThat(xml.status()).as(xml.body()).isEqualTo(400);
        assertThat(Xml.texts(Xml.parse(xml.body()), Xml.OWS, "ExceptionText").get(0)).contains("1048576 bytes", "gw.ogc.max-filter-size");
    }

    @Test
    void wfsRefusesNotWithoutExactlyOneOperand() {
        assertOwsReport(wfsFilter("FES empty Not", "<fes:Not/>"), "FILTER", "Not");
        assertOwsReport(wfsFilter("FES Not of two", "<fes:Not>" + equalTo("code", "a") + equalTo("code", "b") + "</fes:Not>"),
                "FILTER", "Not takes exactly one operand");
    }

    @Test
    void wfsRefusesAndOrWithoutOperands() {
        assertOwsReport(wfsFilter("FES empty And", "<fes:And/>"), "FILTER", "And has no operands");
        assertOwsReport(wfsFilter("FES empty Or", "<fes:Or/>"), "FILTER", "Or has no operands");
    }

    @Test
    void wfsRefusesBetweenWithoutBounds() {
        assertOwsReport(wfsFilter("FES Between without bounds",
                "<fes:PropertyIsBetween><fes:ValueReference>depth_m</fes:ValueReference></fes:PropertyIsBetween>"),
                "FILTER", "PropertyIsBetween needs LowerBoundary");
    }

    @Test
    void wfsRefusesASpatialOperatorOnAPropertyThatIsNoGeometry() {
        assertOwsReport(wfsFilter("FES Intersects on code", "<fes:Intersects><fes:ValueReference>code</fes:ValueReference>"
                + "<gml:Point srsName=\"urn:ogc:def:crs:EPSG::4490\"><gml:pos>32.5 121</gml:pos></gml:Point></fes:Intersects>"),
                "FILTER", "geometry property", "code");
    }

    @Test
    void wfsRefusesAPolygonWhoseRingIsNotClosed() {
        assertOwsReport(wfsFilter("FES unclosed ring", "<fes:Intersects><fes:ValueReference>geom</fes:ValueReference>"
                + "<gml:Polygon srsName=\"urn:ogc:def:crs:EPSG::4490\"><gml:exterior><gml:LinearRing>"
                + "<gml:posList>32.5 121 32.6 121 32.6 121.1 32.5 121.1</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>"
                + "</fes:Intersects>"), "FILTER", "closed");
    }

    @Test
    void wfsRefusesABboxOfNoOrHugeNumbers() {
        String getFeature = "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gw:wells&BBOX=";
        assertOwsReport(timed("WFS BBOX NaN", () -> http.get(getFeature + "NaN,121,33,122")), "BBOX", "NaN");
        assertOwsReport(timed("WFS BBOX 1e308 in EPSG:3857", () -> http.get(getFeature + "-1e308,-1e308,1e308,1e308,EPSG:3857")),
                "BBOX", "EPSG:3857");
    }

    /** Found by OgcFuzzTest: CSV of two feature types failed while writing the answer (500). */
    @Test
    void wfsRefusesCsvOfSeveralFeatureTypes() {
        assertOwsReport(timed("WFS CSV of two types", () -> http.get("/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"
                + "&TYPENAMES=gw:wells,gw:plumes&OUTPUTFORMAT=text/csv")), "OUTPUTFORMAT", "one feature type per request");
    }

    @Test
    void wmsRefusesAHugeMercatorBbox() {
        Http.Response response = timed("WMS GetMap EPSG:3857 1e308", () -> http.get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap"
                + "&LAYERS=wells&STYLES=&CRS=EPSG:3857&WIDTH=256&HEIGHT=256&FORMAT=image/png&BBOX=-1e308,-1e308,1e308,1e308"));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        Document report = Xml.parse(response.body());
        assertThat(report.getDocumentElement().getLocalName()).isEqualTo("ServiceExceptionReport");
        assertThat(Xml.all(report, Xml.OGC, "ServiceException").get(0).getTextContent()).contains("BBOX");
    }

    @Test
    void ogcApiRefusesADatetimeBeyondWhatTheDatabaseHolds() {
        Http.Response response = timed("OGC API datetime +999999999", () -> http.anonymous().get(
                "/ogcapi/collections/plumes/items?datetime=%2B999999999-12-31T23:59:59Z"));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.raw().headers().firstValue("Content-Type").orElse("")).contains("json");
        assertThat(response.body()).contains("datetime");
    }

    @Test
    void restRefusesANulByteInAQueryParameter() {
        for (String path : new String[] {"/api/v1/wells?x=%00", "/api/v1/wells?aquifer=%00"}) {
            Http.Response response = timed("REST " + path, () -> http.get(path));
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.raw().headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(response.json().path("detail").asString()).contains("NUL");
        }
    }

    @Test
    void owsRefusesAFormPostWithABrokenPercentEscape() {
        Http.Response response = timed("OWS form %zz", () -> http.post("/ows", "application/x-www-form-urlencoded",
                "SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=gw:wells&COUNT=%zz", "admin", "demo-admin"));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        Document report = Xml.parse(response.body());
        assertThat(Xml.texts(report, Xml.OWS, "ExceptionText").get(0)).contains("%");
    }
}
