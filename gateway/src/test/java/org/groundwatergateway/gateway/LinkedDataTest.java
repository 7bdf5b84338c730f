package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.groundwatergateway.catalog.CatalogFormat;
import org.groundwatergateway.catalog.DcatApShapes;
import org.groundwatergateway.core.demo.DemoPark;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.io.WKTReader;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The catalog's URIs dereferenced over real HTTP under the shipped default policy: content negotiation (HTML in Chinese
 * or English, Turtle, JSON-LD, RDF/XML, N-Triples), 404 for what the caller may not see as for what does not exist,
 * coarse places for the public, the parameter vocabulary, DQV measurements, and the catalog's pages. Shares
 * {@link CatalogTest}'s context (same properties).
 */
@TestPropertySource(properties = "gw.rate-limits.enabled=false")
class LinkedDataTest extends RunningGateway {

    private static final String SOSA = "http://www.w3.org/ns/sosa/";
    private static final String DQV = "http://www.w3.org/ns/dqv#";
    private static final Resource DATASET = ResourceFactory.createResource("http://www.w3.org/ns/dcat#Dataset");
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");
    private static boolean activated;

    @BeforeEach
    void activateTheShippedDefaultOnce() {
        if (activated) return;
        activateShippedDefaultPolicy();
        activated = true;
    }

    @Test
    void aWellAnswersInEveryFormatByAcceptOrFAndHtmlInTheReadersLanguage() {
        String path = "/catalog/id/wells/GW-U01";
        Model first = null;
        for (CatalogFormat format : CatalogFormat.values()) {
            Http.Response response = http.anonymous().get(path, Map.of("Accept", format.mediaType()));
            assertThat(response.status()).as(format.name()).isEqualTo(200);
            assertThat(response.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith(format.mediaType());
            Model model = parse(response.body(), format);
            assertThat(model.contains(model.getResource(http.base() + path), RDF.type, ResourceFactory.createResource(SOSA + "Platform"))).isTrue();
            if (first == null) first = model;
            else assertThat(model.isIsomorphicWith(first)).as(format.name()).isTrue();
            assertThat(http.anonymous().get(path + "?f=" + format.shortName()).raw().headers().firstValue("Content-Type").orElseThrow())
                    .startsWith(format.mediaType());
        }
        assertThat(http.anonymous().get(path).raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/turtle");
        Http.Response browser = http.anonymous().get(path, Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
        assertThat(browser.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(browser.body()).contains("<html lang=\"zh-CN\">").contains("<th>类型</th>").contains("/catalog/id/parks/" + DemoPark.PARK_CODE);
        Http.Response english = http.anonymous().get(path + "?f=html", Map.of("Accept-Language", "en-GB,en;q=0.9,zh;q=0.5"));
        assertThat(english.body()).contains("<html lang=\"en\">").contains("<th>Type</th>").doesNotContain("<th>类型</th>");
        assertThat(english.raw().headers().firstValue("Vary").orElseThrow()).contains("Accept-Language");
        assertThat(problem(http.anonymous().get(path, Map.of("Accept", "application/pdf")), 406)).contains("text/turtle");
        assertThat(problem(http.anonymous().get(path + "?f=xls"), 400)).contains("xls");
    }

    @Test
    void thePublicSeesEachWellAtItsCoarsePlaceOnlyAndTheRegulatorExactly() throws Exception {
        List<Coordinate> exact = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (JsonNode well : ok(http.signedInAs("regulator", "demo-regulator").get("/api/v1/wells")).get("features")) {
            JsonNode c = well.get("geometry").get("coordinates");
            exact.add(new Coordinate(c.get(0).asDouble(), c.get(1).asDouble()));
            codes.add(well.get("properties").get("code").asString());
        }
        for (int i = 0; i < codes.size(); i += 7) {
            Coordinate expected = exact.get(i);
            Model regulator = rdf(http.signedInAs("regulator", "demo-regulator"), "/catalog/id/wells/" + codes.get(i));
            assertThat(places(regulator)).singleElement().satisfies(p -> assertThat(p.distance(expected)).isLessThan(1e-9));
            Model anonymous = rdf(http.anonymous(), "/catalog/id/wells/" + codes.get(i));
            for (Coordinate place : places(anonymous)) assertThat(exact).noneMatch(w -> w.distance(place) < 1e-5);
            String serialized = http.anonymous().get("/catalog/id/wells/" + codes.get(i) + "?f=nt").body();
            assertThat(serialized).doesNotContain(ExactPlaces.digits(exact.get(i).x)).doesNotContain(ExactPlaces.digits(exact.get(i).y));
        }
        // The park lists its wells by name, placing none.
        Model park = rdf(http.anonymous(), "/catalog/id/parks/" + DemoPark.PARK_CODE);
        String turtle = http.anonymous().get("/catalog/id/parks/" + DemoPark.PARK_CODE + "?f=nt").body();
        assertThat(park.listObjectsOfProperty(DCTerms.hasPart).toList()).hasSizeGreaterThanOrEqualTo(40);
        for (Coordinate well : exact) assertThat(turtle).doesNotContain(ExactPlaces.digits(well.x)).doesNotContain(ExactPlaces.digits(well.y));
    }

    @Test
    void whatTheCallerMayNotSeeIsNotFoundLikeWhatDoesNotExist() {
        // The shipped default withholds the coverage map from the public, and names no sensor to it.
        Http.Response withheld = http.anonymous().get("/catalog/datasets/network_coverage", Map.of("Accept-Language", "en"));
        Http.Response missing = http.anonymous().get("/catalog/datasets/no_such_dataset", Map.of("Accept-Language", "en"));
        assertThat(withheld.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(withheld.json().get("title").asString()).isEqualTo(missing.json().get("title").asString());
        assertThat(withheld.json().get("detail").asString().replace("network_coverage", "X"))
                .isEqualTo(missing.json().get("detail").asString().replace("no_such_dataset", "X"));
        assertThat(http.signedInAs("regulator", "demo-regulator").get("/catalog/datasets/network_coverage").status()).isEqualTo(200);
        assertThat(http.anonymous().get("/catalog/id/wells/NO-SUCH-WELL").status()).isEqualTo(404);
        assertThat(http.anonymous().get("/catalog/id/nothings/1").status()).isEqualTo(404);
        assertThat(http.anonymous().get("/catalog/id/wells/GW-U01?f=nt").body()).doesNotContain("#sensor-");
        assertThat(http.signedInAs("regulator", "demo-regulator").get("/catalog/id/wells/GW-U01?f=nt").body()).contains("#sensor-");

        // An enterprise's own rows are more than these pages can apply: enterprises are not found for it, as for no one else.
        String enterprise = firstObject(rdf(http.anonymous(), "/catalog/id/parks/" + DemoPark.PARK_CODE), DCTerms.hasPart, "/catalog/id/enterprises/");
        assertThat(http.anonymous().get(enterprise).status()).isEqualTo(200);
        assertThat(http.signedInAs("enterprise", "demo-enterprise").get(enterprise).status()).isEqualTo(404);
        // The public sees an enterprise without what the shipped default withholds from it.
        String page = http.anonymous().get(enterprise + "?f=nt").body();
        assertThat(page).doesNotContain("#process>").doesNotContain("#characteristicPollutant>");
        assertThat(http.signedInAs("regulator", "demo-regulator").get(enterprise + "?f=nt").body()).contains("#characteristicPollutant>");
    }

    @Test
    void datastreamsParametersAndTheCatalogsOwnUrisDereference() {
        Model well = rdf(http.anonymous(), "/catalog/id/wells/GW-U01");
        String datastream = firstObject(well, ResourceFactory.createProperty(SOSA, "isFeatureOfInterestOf"), "/catalog/id/datastreams/");
        Model stream = rdf(http.anonymous(), datastream);
        Resource observed = stream.getResource(http.base() + datastream).getPropertyResourceValue(ResourceFactory.createProperty(SOSA, "observedProperty"));
        assertThat(observed.getURI()).startsWith(http.base() + "/catalog/id/parameters/");
        assertThat(stream.getResource(http.base() + datastream).getPropertyResourceValue(ResourceFactory.createProperty(SOSA, "hasFeatureOfInterest")).getURI())
                .isEqualTo(http.base() + "/catalog/id/wells/GW-U01");

        Model benzene = rdf(http.anonymous(), "/catalog/id/parameters/benzene");
        String turtle = http.anonymous().get("/catalog/id/parameters/benzene").body();
        assertThat(turtle).contains("71-43-2").contains("qudt.org/vocab/unit/").contains("skos:Concept");
        assertThat(benzene.listStatements(null, ResourceFactory.createProperty("http://www.w3.org/2004/02/skos/core#notation"), "benzene").toList()).hasSize(1);
        Model scheme = rdf(http.anonymous(), "/catalog/id/parameters");
        assertThat(scheme.listObjectsOfProperty(ResourceFactory.createProperty("http://www.w3.org/2004/02/skos/core#hasTopConcept")).toList()).hasSizeGreaterThan(20);

        Model dataset = rdf(http.anonymous(), "/catalog/datasets/wells");
        assertThat(dataset.contains(dataset.getResource(http.base() + "/catalog/datasets/wells"), RDF.type, DATASET)).isTrue();
        assertThat(rdf(http.anonymous(), "/catalog/datasets/wells/distributions/wfs").size()).isPositive();
        assertThat(rdf(http.anonymous(), "/catalog/services/wfs").size()).isPositive();
        assertThat(http.anonymous().get("/catalog/datasets/datastreams_by_well/GW-U01", Map.of("Accept", "text/html")).body())
                .contains("/catalog/id/wells/GW-U01");
        assertThat(http.anonymous().get("/catalog/id/metrics/completeness").status()).isEqualTo(200);
    }

    /**
     * A well's datastreams measured over the stated period, checked against counts made here through other doors: the
     * datastreams' intervals (expected) and their readings in the period (received). The demo's readings are of its own
     * year, so the last seven days hold none: completeness 0, and no flag rate (a share of no readings).
     */
    @Test
    void theRegulatorsDatasetsCarryQualityMeasurementsCountedOverTheStatedPeriodAndThePublicsNone() {
        Model regulator = catalog(http.signedInAs("regulator", "demo-regulator"), "/catalog?f=nt");
        ValidationReport report = DcatApShapes.validate(regulator.getGraph());
        assertThat(DcatApShapes.violations(report)).as(DcatApShapes.describe(report)).isZero();
        Resource completeness = regulator.getResource(http.base() + "/catalog/datasets/datastreams_by_well/GW-U01/quality/completeness");
        Resource period = completeness.getPropertyResourceValue(DCTerms.temporal);
        java.time.Instant from = java.time.Instant.parse(period.getProperty(ResourceFactory.createProperty("http://www.w3.org/ns/dcat#startDate")).getString());
        java.time.Instant to = java.time.Instant.parse(period.getProperty(ResourceFactory.createProperty("http://www.w3.org/ns/dcat#endDate")).getString());
        assertThat(java.time.Duration.between(from, to)).isEqualTo(java.time.Duration.ofDays(7));
        long expected = 0;
        long received = 0;
        for (JsonNode stream : http.getAs("/api/v1/datastreams", "admin", "demo-admin").json()) {
            if (!"GW-U01".equals(stream.path("well").asString(null))) continue;
            int interval = stream.path("intervalMinutes").asInt();
            if (interval == 0) continue;
            long asked = java.time.Duration.between(from, to).toSeconds() / (60L * interval);
            long stored = 0;
            for (JsonNode r : http.getAs("/api/v1/datastreams/" + stream.path("id").asLong() + "/readings?limit=10000&from=" + from + "&to=" + to,
                    "admin", "demo-admin").json().path("items")) {
                if (!r.path("time").asString().equals(to.toString())) stored++;
            }
            expected += asked;
            received += Math.min(stored, asked);
        }
        assertThat(expected).isPositive();
        Property value = ResourceFactory.createProperty(DQV, "value");
        assertThat(completeness.getProperty(value).getDouble()).isCloseTo((double) received / expected, org.assertj.core.data.Offset.offset(1e-12));
        Resource flagRate = regulator.getResource(http.base() + "/catalog/datasets/datastreams_by_well/GW-U01/quality/flag-rate");
        assertThat(regulator.containsResource(flagRate)).isEqualTo(received > 0);
        assertThat(completeness.getPropertyResourceValue(ResourceFactory.createProperty(DQV, "isMeasurementOf")).getURI())
                .isEqualTo(http.base() + "/catalog/id/metrics/completeness");
        assertThat(http.anonymous().get("/catalog?f=nt").body()).doesNotContain(DQV);
    }

    @Test
    void thePagesWalkTheWholeCatalogWithoutDuplicates() {
        Http.Response whole = http.anonymous().get("/catalog?f=nt");
        assertThat(whole.raw().headers().allValues("Link")).noneMatch(link -> link.contains("rel=\"next\""));
        Set<String> all = datasets(parse(whole.body(), CatalogFormat.N_TRIPLES));
        assertThat(all).hasSizeGreaterThan(40);
        List<String> walked = new ArrayList<>();
        String next = "/catalog?page=1&pageSize=10";
        int pages = 0;
        while (next != null) {
            Http.Response page = http.anonymous().get(next, Map.of("Accept", "text/turtle"));
            assertThat(page.status()).isEqualTo(200);
            Model model = parse(page.body(), CatalogFormat.TURTLE);
            if (pages++ == 0) {
                ValidationReport report = DcatApShapes.validate(model.getGraph());
                assertThat(DcatApShapes.violations(report)).as(DcatApShapes.describe(report)).isZero();
            }
            walked.addAll(datasets(model));
            next = null;
            for (String link : page.raw().headers().allValues("Link")) {
                Matcher m = NEXT.matcher(link);
                if (m.find()) next = m.group(1).substring(http.base().length());
            }
        }
        assertThat(pages).isEqualTo((all.size() + 9) / 10);
        assertThat(walked).doesNotHaveDuplicates();
        assertThat(new HashSet<>(walked)).isEqualTo(all);
        assertThat(problem(http.anonymous().get("/catalog?page=" + (pages + 1) + "&pageSize=10"), 400)).contains(String.valueOf(pages));
        assertThat(problem(http.anonymous().get("/catalog?pageSize=0"), 400)).contains("1000");
    }

    @Test
    void theRecordsAreTheCallersDatasetsInGeoJsonPagedByLimitAndOffset() {
        Set<String> publicIds = new HashSet<>();
        datasets(catalog(http.anonymous(), "/catalog?f=nt")).forEach(id -> publicIds.add(id.replace('/', '.')));
        List<String> walked = new ArrayList<>();
        String next = "/catalog/records/items?limit=10&offset=0";
        while (next != null) {
            JsonNode page = ok(http.anonymous().get(next));
            assertThat(page.get("numberMatched").asInt()).isEqualTo(publicIds.size());
            for (JsonNode record : page.get("features")) {
                walked.add(record.get("id").asString());
                assertThat(record.get("type").asString()).isEqualTo("Feature");
                assertThat(record.get("geometry").get("type").asString()).isEqualTo("Polygon");
                assertThat(record.get("conformsTo").get(0).asString()).isEqualTo("http://www.opengis.net/spec/ogcapi-records-1/1.0/req/record-core");
            }
            next = null;
            for (JsonNode link : page.get("links")) if (link.get("rel").asString().equals("next")) next = link.get("href").asString().substring(http.base().length());
        }
        assertThat(walked).doesNotHaveDuplicates();
        assertThat(new HashSet<>(walked)).isEqualTo(publicIds);
        assertThat(publicIds).doesNotContain("network_coverage").contains("datastreams_by_parameter.benzene");
        // Past the end, however far: an empty page, not an overflow.
        JsonNode beyond = ok(http.anonymous().get("/catalog/records/items?limit=1000&offset=2147483000"));
        assertThat(beyond.get("numberReturned").asInt()).isZero();
        assertThat(beyond.get("links").findValuesAsString("rel")).doesNotContain("next");

        JsonNode wells = ok(http.anonymous().get("/catalog/records/items/wells"));
        assertThat(wells.get("properties").get("title").asString()).isEqualTo("监测井");
        assertThat(ok(http.anonymous().get("/catalog/records/items/wells", Map.of("Accept-Language", "en"))).get("properties").get("title").asString())
                .isEqualTo("Monitoring wells");
        List<String> rels = new ArrayList<>();
        wells.get("links").forEach(l -> rels.add(l.get("rel").asString() + " " + l.get("href").asString().replace(http.base(), "")));
        assertThat(rels).contains("describedby /catalog/datasets/wells", "item /ogcapi/collections/wells");
        assertThat(http.anonymous().get("/catalog/records/items/network_coverage").status()).isEqualTo(404);
        assertThat(http.signedInAs("regulator", "demo-regulator").get("/catalog/records/items/network_coverage").status()).isEqualTo(200);
        assertThat(ok(http.anonymous().get("/catalog/records")).get("itemType").asString()).isEqualTo("record");
        assertThat(problem(http.anonymous().get("/catalog/records/items?limit=0"), 400)).contains("1000");
    }

    private Model rdf(Http caller, String path) {
        Http.Response response = caller.get(path.startsWith("http") ? path.substring(http.base().length()) : path, Map.of("Accept", "text/turtle"));
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return parse(response.body(), CatalogFormat.TURTLE);
    }

    private Model catalog(Http caller, String path) {
        return parse(caller.get(path).body(), CatalogFormat.N_TRIPLES);
    }

    /** The path of the first object of the property under the path prefix. */
    private String firstObject(Model model, Property property, String prefix) {
        return model.listObjectsOfProperty(property).filterKeep(RDFNode::isURIResource).mapWith(n -> n.asResource().getURI())
                .filterKeep(uri -> uri.startsWith(http.base() + prefix)).toList().stream().sorted().findFirst()
                .map(uri -> uri.substring(http.base().length())).orElseThrow();
    }

    private static List<Coordinate> places(Model model) throws Exception {
        List<Coordinate> places = new ArrayList<>();
        WKTReader reader = new WKTReader();
        for (Literal literal : model.listObjects().filterKeep(RDFNode::isLiteral).mapWith(RDFNode::asLiteral).toList()) {
            if (literal.getDatatypeURI().endsWith("#wktLiteral")) places.addAll(List.of(reader.read(literal.getLexicalForm()).getCoordinates()));
        }
        return places;
    }

    private static Set<String> datasets(Model model) {
        Set<String> ids = new HashSet<>();
        model.listSubjectsWithProperty(RDF.type, DATASET).forEach(d -> ids.add(d.getProperty(DCTerms.identifier).getString()));
        return ids;
    }

    private static Model parse(String body, CatalogFormat format) {
        Model model = ModelFactory.createDefaultModel();
        RDFParser.fromString(body, RDFLanguages.contentTypeToLang(format.mediaType())).parse(model.getGraph());
        return model;
    }
}
