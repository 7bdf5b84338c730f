package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

/** WFS 2.0 over real HTTP, in the order QGIS and GDAL ask, plus the POST encoding and the error reports. */
class WfsTest extends RunningGateway {

    /** GW-U01 in CGCS2000 (docs/demo-park.md) and, from gdaltransform, in EPSG:4549 (3-degree GK CM 120E). */
    private static final double U01_LON = 121.001065;
    private static final double U01_LAT = 32.543607;

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private Document wfs(String query) {
        Http.Response response = http.get("/ows?SERVICE=WFS&" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return Xml.parse(response.body());
    }

    @Test
    void capabilitiesAdvertiseTypesOperationsWithQuestionMarkUrlsAndFilterCapabilities() {
        Document caps = wfs("REQUEST=GetCapabilities");
        assertThat(caps.getDocumentElement().getAttribute("version")).isEqualTo("2.0.0");
        assertThat(Xml.texts(caps, Xml.WFS, "Name")).contains("gw:wells", "gw:latest_readings", "gw:plumes", "gw:risk_zones",
                "gw:enterprises", "gw:receptors", "gw:potential_sources", "gw:roads", "gw:network_coverage");
        assertThat(Xml.all(caps, Xml.OWS, "Get")).allSatisfy(get ->
                assertThat(get.getAttributeNS("http://www.w3.org/1999/xlink", "href")).endsWith("/ows?"));
        assertThat(Xml.texts(caps, Xml.WFS, "OtherCRS")).contains("urn:ogc:def:crs:EPSG::4326", "urn:ogc:def:crs:EPSG::3857",
                "urn:ogc:def:crs:EPSG::4549");
        assertThat(caps.getElementsByTagNameNS("http://www.opengis.net/fes/2.0", "SpatialOperator").getLength()).isEqualTo(11);
    }

    @Test
    void describeFeatureTypeAcceptsBothTypeNameSpellings() {
        Document schema = wfs("VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=gw:wells&TYPENAME=gw:wells");
        List<String> names = Xml.all(schema, "http://www.w3.org/2001/XMLSchema", "element").stream().map(e -> e.getAttribute("name")).toList();
        assertThat(names).containsSubsequence("wells", "geom", "code", "name_zh", "aquifer");
    }

    @Test
    void theQgisSequenceProbeHitsAndPagesFindsEveryWell() {
        // The probe: one feature, URN CRS, so latitude comes first.
        Document probe = wfs("VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gw:wells&COUNT=1&SRSNAME=urn:ogc:def:crs:EPSG::4490"
                + "&FILTER=" + encode(likeFilter("code", "GW-U01")));
        String[] pos = Xml.texts(probe, Xml.GML, "pos").get(0).split(" ");
        assertThat(Double.parseDouble(pos[0])).isCloseTo(U01_LAT, within(0.001));
        assertThat(Double.parseDouble(pos[1])).isCloseTo(U01_LON, within(0.001));

        Document hits = wfs("VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gw:wells&RESULTTYPE=hits");
        int wells = wellCount();
        assertThat(hits.getDocumentElement().getAttribute("numberMatched")).isEqualTo(Integer.toString(wells));
        assertThat(hits.getDocumentElement().getAttribute("numberReturned")).isEqualTo("0");

        List<String> ids = new ArrayList<>();
        String next = "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gw:wells&STARTINDEX=0&COUNT=15&SORTBY=code";
        int pages = 0;
        while (next != null) {
            Http.Response page = http.get(next);
            Document doc = Xml.parse(page.body());
            Xml.all(doc, Xml.GW, "wells").forEach(w -> ids.add(w.getAttributeNS(Xml.GML, "id")));
            next = doc.getDocumentElement().hasAttribute("next") ? doc.getDocumentElement().getAttribute("next") : null;
            pages++;
        }
        assertThat(pages).isEqualTo((wells + 14) / 15);
        assertThat(ids).hasSize(wells).doesNotHaveDuplicates();
    }

    @Test
    void shortEpsgCodesAreLongitudeFirstAndGaussKrugerIsInMetres() {
        Document lonFirst = wfs("REQUEST=GetFeature&TYPENAMES=gw:wells&SRSNAME=EPSG:4326&FILTER=" + encode(likeFilter("code", "GW-U01")));
        assertThat(Double.parseDouble(Xml.texts(lonFirst, Xml.GML, "pos").get(0).split(" ")[0])).isCloseTo(U01_LON, within(0.001));
        Document gk = wfs("REQUEST=GetFeature&TYPENAMES=gw:wells&SRSNAME=urn:ogc:def:crs:EPSG::4549&FILTER=" + encode(likeFilter("code", "GW-U01")));
        String[] northEast = Xml.texts(gk, Xml.GML, "pos").get(0).split(" ");
        // gdaltransform -s_srs EPSG:4490 -t_srs EPSG:4549 of 121.0 32.54 gives 593937.17 E 3602174.84 N; U01 is within 500 m of it.
        assertThat(Double.parseDouble(northEast[0])).isCloseTo(3602174.8, within(600.0));
        assertThat(Double.parseDouble(northEast[1])).isCloseTo(593937.2, within(600.0));
    }

    @Test
    void postedXmlGetFeatureWithBboxAndSortBy() {
        String request = """
                <wfs:GetFeature service="WFS" version="2.0.0" count="5" xmlns:wfs="http://www.opengis.net/wfs/2.0"
                    xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:gml="http://www.opengis.net/gml/3.2">
                  <wfs:Query typeNames="gw:wells" srsName="urn:ogc:def:crs:EPSG::4490">
                    <fes:Filter><fes:BBOX><fes:ValueReference>geom</fes:ValueReference>
                      <gml:Envelope srsName="urn:ogc:def:crs:EPSG::4490"><gml:lowerCorner>32.53 120.99</gml:lowerCorner>
                        <gml:upperCorner>32.57 121.05</gml:upperCorner></gml:Envelope></fes:BBOX></fes:Filter>
                    <fes:SortBy><fes:SortProperty><fes:ValueReference>code</fes:ValueReference><fes:SortOrder>DESC</fes:SortOrder>
                    </fes:SortProperty></fes:SortBy>
                  </wfs:Query>
                </wfs:GetFeature>""";
        Http.Response response = http.post("/wfs", "application/xml", request, null, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Document doc = Xml.parse(response.body());
        assertThat(Integer.parseInt(doc.getDocumentElement().getAttribute("numberMatched"))).isGreaterThan(5);
        List<String> codes = Xml.texts(doc, Xml.GW, "code");
        assertThat(codes).hasSize(5).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void geoJsonCsvPropertyValuesAndGetFeatureById() {
        JsonNode json = http.get("/ows?SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=gw:enterprises&OUTPUTFORMAT=application/json").json();
        assertThat(json.get("numberMatched").asInt()).isEqualTo(10);
        assertThat(json.get("features").get(0).get("geometry").get("type").asString()).isEqualTo("Polygon");

        Http.Response csv = http.get("/wfs?REQUEST=GetFeature&TYPENAMES=gw:receptors&OUTPUTFORMAT=csv");
        assertThat(csv.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String[] lines = csv.body().replace("\uFEFF", "").split("\r\n");
        assertThat(lines[0]).isEqualTo("fid,code,kind,name_zh,protection_level,WKT");
        assertThat(lines).hasSize(4);

        Document values = wfs("REQUEST=GetPropertyValue&TYPENAMES=gw:wells&VALUEREFERENCE=code&SORTBY=code&COUNT=3");
        assertThat(Xml.texts(values, Xml.GW, "code")).containsExactly("GW-C01", "GW-C02", "GW-C03");

        String id = Xml.all(wfs("REQUEST=GetFeature&TYPENAMES=gw:wells&COUNT=1"), Xml.GW, "wells").get(0).getAttributeNS(Xml.GML, "id");
        Document one = wfs("REQUEST=GetFeature&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=" + id);
        assertThat(one.getDocumentElement().getLocalName()).isEqualTo("wells");
        assertThat(one.getDocumentElement().getAttributeNS(Xml.GML, "id")).isEqualTo(id);
        Http.Response missing = http.get("/ows?SERVICE=WFS&REQUEST=GetFeature&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=wells.999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("exceptionCode=\"NotFound\"");
        assertThat(wfs("REQUEST=ListStoredQueries").getDocumentElement().getLocalName()).isEqualTo("ListStoredQueriesResponse");
    }

    @Test
    void malformedRequestsGetExceptionReportsNeverServerErrors() {
        assertReport(http.get("/ows?SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=gw:nothing"), "InvalidParameterValue", "TYPENAMES");
        assertReport(http.get("/ows?SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=gw:wells&BBOX=1,2,x,4"), "InvalidParameterValue", "BBOX");
        assertReport(http.get("/ows?SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=gw:wells&BBOX=5,5,1,1"), "InvalidParameterValue", "BBOX");
        assertReport(http.get("/ows?SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=gw:wells&FILTER=" + encode("<fes:Filter xmlns:fes=\"x\"><oops")),
                "InvalidParameterValue", "FILTER");
        assertReport(http.get("/ows?SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=gw:wells&FILTER=" + encode(likeFilter("nonexistent", "x"))),
                "InvalidParameterValue", "nonexistent");
        // CVE-2024-36401 style: an XPath expression where a property name belongs is refused, not evaluated.
        assertReport(http.get("/ows?SERVICE=WFS&REQUEST=GetPropertyValue&TYPENAMES=gw:wells&VALUEREFERENCE="
                + encode("exec(java.lang.Runtime.getRuntime(),'touch /tmp/x')")), "InvalidParameterValue", "VALUEREFERENCE");
        assertReport(http.get("/ows?SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=gw:wells&SORTBY=" + encode("code;DROP TABLE wells")),
                "InvalidParameterValue", null);
        assertReport(http.get("/ows?SERVICE=WFS&REQUEST=Explode"), "OperationNotSupported", "REQUEST");
        assertReport(http.get("/ows?REQUEST=GetCapabilities"), "MissingParameterValue", "SERVICE");
        assertReport(http.get("/ows?SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=gw:wells&OUTPUTFORMAT=shape-zip"), "InvalidParameterValue", "OUTPUTFORMAT");

        String externalEntity = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" service=\"WFS\"><wfs:Query typeNames=\"gw:wells\">&x;</wfs:Query></wfs:GetFeature>";
        Http.Response xxe = http.post("/ows", "application/xml", externalEntity, null, null);
        assertReport(xxe, "OperationParsingFailed", null);
        assertThat(xxe.body()).doesNotContain("root:");
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\">&c;</wfs:GetFeature>";
        assertReport(http.post("/ows", "application/xml", laughs, null, null), "OperationParsingFailed", null);
    }

    private static void assertReport(Http.Response response, String code, String locator) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("Exception:").doesNotContain("\tat ");
        Document report = Xml.parse(response.body());
        Element exception = Xml.all(report, Xml.OWS, "Exception").get(0);
        assertThat(exception.getAttribute("exceptionCode")).isEqualTo(code);
        if (locator != null) assertThat(exception.getAttribute("locator")).isEqualTo(locator);
        assertThat(Xml.texts(report, Xml.OWS, "ExceptionText").get(0)).isNotBlank();
    }

    static String likeFilter(String property, String value) {
        return "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsLike wildCard=\"*\" singleChar=\"?\" escapeChar=\"\\\">"
                + "<fes:ValueReference>" + property + "</fes:ValueReference><fes:Literal>" + value + "</fes:Literal></fes:PropertyIsLike></fes:Filter>";
    }
}
