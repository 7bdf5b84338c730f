package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.vocabulary.RDF;
import org.groundwatergateway.catalog.CatalogFormat;
import org.groundwatergateway.catalog.DcatApShapes;
import org.groundwatergateway.gateway.security.AuditTrail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The DCAT-AP catalog at {@code /catalog} over real HTTP, under the shipped default policy: every serialization parses
 * with Jena, says the same and conforms to the pinned DCAT-AP 3.0.0 shapes; the public's catalog names nothing the
 * policy withholds from it and places no well. Shares the leak matrix's context (same properties), which runs under
 * the shipped default as well.
 */
@TestPropertySource(properties = "gw.rate-limits.enabled=false")
class CatalogTest extends RunningGateway {

    private static final String DCAT = "http://www.w3.org/ns/dcat#";
    private static final Resource DATASET = ResourceFactory.createResource(DCAT + "Dataset");
    private static boolean activated;

    @BeforeEach
    void activateTheShippedDefaultOnce() {
        if (activated) return;
        activateShippedDefaultPolicy();
        activated = true;
    }

    @Test
    void everySerializationParsesSaysTheSameAndConformsToDcatAp3() {
        for (Http caller : List.of(http.anonymous(), http.signedInAs("regulator", "demo-regulator"))) {
            Model first = null;
            for (CatalogFormat format : CatalogFormat.values()) {
                Http.Response response = caller.get("/catalog", Map.of("Accept", format.mediaType()));
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith(format.mediaType());
                Model model = parse(response.body(), format);
                ValidationReport report = DcatApShapes.validate(model.getGraph());
                assertThat(DcatApShapes.violations(report)).as(format + ":\n" + DcatApShapes.describe(report)).isZero();
                if (first == null) first = model;
                else assertThat(model.isIsomorphicWith(first)).as(format + " says what " + CatalogFormat.TURTLE + " says").isTrue();
            }
        }
    }

    @Test
    void turtleUnlessAskedOtherwiseAnd406Or400ForWhatCannotBeAnswered() {
        Http.Response bare = http.anonymous().get("/catalog");
        assertThat(bare.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/turtle");
        assertThat(bare.raw().headers().firstValue("Vary").orElseThrow()).contains("Accept");
        assertThat(bare.raw().headers().firstValue(AuditTrail.HEADER)).as("the catalog's answer is a recorded disclosure").isPresent();
        Http.Response browser = http.anonymous().get("/catalog", Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
        assertThat(browser.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/turtle");
        Http.Response preferred = http.anonymous().get("/catalog", Map.of("Accept", "text/turtle;q=0.5, application/ld+json"));
        assertThat(preferred.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/ld+json");
        assertThat(http.anonymous().get("/catalog?f=nt").raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/n-triples");
        assertThat(problem(http.anonymous().get("/catalog", Map.of("Accept", "application/pdf")), 406)).contains("text/turtle");
        assertThat(problem(http.anonymous().get("/catalog?f=xls"), 400)).contains("xls");
    }

    @Test
    void thePublicCatalogLacksWhatThePolicyWithholdsAndPlacesNoWell() throws ParseException {
        Model regulator = catalog(http.signedInAs("regulator", "demo-regulator"));
        Model anonymous = catalog(http.anonymous());
        assertThat(datasets(regulator)).contains("network_coverage", "operations_reports", "risk_reports");
        // The shipped default withholds the coverage map (its circles would place the wells) and the reports from the public.
        assertThat(datasets(anonymous)).doesNotContain("network_coverage", "operations_reports", "risk_reports")
                .contains("wells", "latest_readings", "plumes", "risk_zones");
        assertThat(anonymous.listObjects().filterKeep(RDFNode::isLiteral).mapWith(n -> n.asLiteral().getLexicalForm()).toList())
                .noneMatch(text -> text.contains("network_coverage") || text.contains("监测网覆盖"));

        List<Coordinate> wells = new ArrayList<>();
        for (JsonNode well : ok(http.signedInAs("regulator", "demo-regulator").get("/api/v1/wells")).get("features")) {
            JsonNode c = well.get("geometry").get("coordinates");
            wells.add(new Coordinate(c.get(0).asDouble(), c.get(1).asDouble()));
        }
        assertThat(wells).hasSizeGreaterThanOrEqualTo(40);
        String serialized = http.anonymous().get("/catalog?f=nt").body();
        WKTReader wkt = new WKTReader();
        for (Literal literal : anonymous.listObjects().filterKeep(RDFNode::isLiteral).mapWith(RDFNode::asLiteral).toList()) {
            if (!literal.getDatatypeURI().endsWith("#wktLiteral")) continue;
            for (Coordinate vertex : wkt.read(literal.getLexicalForm()).getCoordinates()) {
                assertThat(wells).as("a place in the public catalog is a well's").noneMatch(w -> w.distance(vertex) < 1e-5);
            }
        }
        for (Coordinate well : wells) {
            assertThat(serialized).doesNotContain(ExactPlaces.digits(well.x)).doesNotContain(ExactPlaces.digits(well.y));
        }
    }

    /**
     * The catalog lists a feature dataset for the public exactly where OGC API – Features serves it: the catalog restates
     * the doors' rules (it cannot reach ogc), and this holds the two together.
     */
    @Test
    void theCatalogsFeatureDatasetsAreTheCollectionsTheSameAudienceGets() {
        Set<String> collections = new HashSet<>();
        http.anonymous().get("/ogcapi/collections").json().get("collections").forEach(c -> collections.add(c.get("id").asString()));
        Model anonymous = catalog(http.anonymous());
        Set<String> withOgcApi = new HashSet<>();
        for (String id : datasets(anonymous)) {
            Resource distribution = anonymous.getResource(http.base() + "/catalog/datasets/" + id + "/distributions/ogc_api");
            if (anonymous.containsResource(distribution)) withOgcApi.add(id);
        }
        assertThat(withOgcApi).isEqualTo(collections);
    }

    @Test
    void theDatastreamsOfEachWellAndParameterAreDatasetsWhoseSensorThingsLinkAnswers() {
        Model anonymous = catalog(http.anonymous());
        List<String> byWell = datasets(anonymous).stream().filter(id -> id.startsWith("datastreams_by_well/")).toList();
        assertThat(byWell).hasSizeGreaterThanOrEqualTo(40);
        assertThat(datasets(anonymous)).contains("datastreams_by_parameter/benzene");
        Resource distribution = anonymous.getResource(http.base() + "/catalog/datasets/" + byWell.get(0) + "/distributions/sensorthings");
        String access = distribution.getPropertyResourceValue(anonymous.createProperty(DCAT, "accessURL")).getURI();
        JsonNode datastreams = ok(http.anonymous().get(access));
        assertThat(datastreams.get("value").size()).isPositive();
    }

    @Test
    void sparqlAnswersOverTheCallersOwnCatalogInEveryResultFormat() {
        String select = "PREFIX dct: <http://purl.org/dc/terms/> SELECT ?id WHERE { ?d dct:identifier ?id } ORDER BY ?id";
        String encoded = java.net.URLEncoder.encode(select, java.nio.charset.StandardCharsets.UTF_8);
        List<String> publicIds = new ArrayList<>();
        Http.Response json = http.anonymous().get("/catalog/sparql?query=" + encoded);
        assertThat(json.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/sparql-results+json");
        assertThat(json.raw().headers().firstValue(AuditTrail.HEADER)).isPresent();
        json.json().get("results").get("bindings").forEach(b -> publicIds.add(b.get("id").get("value").asString()));
        assertThat(publicIds).contains("wells", "datastreams_by_parameter/benzene").doesNotContain("network_coverage", "risk_reports");
        assertThat(http.signedInAs("regulator", "demo-regulator").get("/catalog/sparql?query=" + encoded).body()).contains("network_coverage");

        Map<String, String> types = Map.of("xml", "application/sparql-results+xml", "csv", "text/csv", "tsv", "text/tab-separated-values");
        types.forEach((format, type) -> {
            Http.Response byParameter = http.anonymous().get("/catalog/sparql?format=" + format + "&query=" + encoded);
            assertThat(byParameter.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith(type);
            assertThat(byParameter.body()).contains("latest_readings");
            Http.Response byAccept = http.anonymous().get("/catalog/sparql?query=" + encoded, Map.of("Accept", type));
            assertThat(byAccept.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith(type);
        });
        Http.Response posted = http.post("/catalog/sparql", "application/sparql-query", select, null, null);
        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.body()).contains("\"wells\"");
        Http.Response form = http.post("/catalog/sparql", "application/x-www-form-urlencoded", "query=" + encoded + "&format=csv", null, null);
        assertThat(form.body()).startsWith("id\r\n").contains("wells");
        Http.Response construct = http.anonymous().get("/catalog/sparql?query="
                + java.net.URLEncoder.encode("CONSTRUCT WHERE { ?s <http://purl.org/dc/terms/identifier> ?o }", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(construct.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/turtle");
        assertThat(parse(construct.body(), CatalogFormat.TURTLE).size()).isEqualTo(publicIds.size());
    }

    @Test
    void sparqlRefusesMalformedQueriesUpdatesAndServiceWithProblems() {
        Http.Response malformed = http.anonymous().get("/catalog/sparql?query=" + java.net.URLEncoder.encode("SELECT ?s\nWHERE { ?s ?p }",
                java.nio.charset.StandardCharsets.UTF_8), Map.of("Accept-Language", "en"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(malformed.json().get("line").asInt()).isEqualTo(2);
        assertThat(malformed.json().get("column").asInt()).isPositive();
        assertThat(malformed.json().get("detail").asString()).startsWith("query: not SPARQL 1.1 at line 2, column");
        assertThat(problem(http.post("/catalog/sparql", "application/sparql-query", "DROP ALL", null, null), 400)).contains("SPARQL");
        assertThat(problem(http.anonymous().get("/catalog/sparql?query=" + java.net.URLEncoder.encode(
                "SELECT * WHERE { SERVICE <http://dbpedia.org/sparql> { ?s ?p ?o } }", java.nio.charset.StandardCharsets.UTF_8)), 400)).contains("SERVICE");
        assertThat(problem(http.anonymous().get("/catalog/sparql"), 400)).contains("SPARQL");
        assertThat(problem(http.anonymous().get("/catalog/sparql?query=ASK%7B%7D", Map.of("Accept", "image/png")), 406)).contains("sparql-results+json");
    }

    /**
     * Done-means bad input, in both languages the gateway speaks: a malformed query is 400 with the parser's own message
     * and its place, an update is refused, and a query that runs too long is stopped at the timeout (3 s) and told so, all
     * as problem+json in Chinese or English by Accept-Language.
     */
    @Test
    void badQueriesAreRefusedAndALongOneStoppedWithProblemsInChineseAndEnglish() {
        String malformed = "SELECT ?s\nWHERE { ?s ?p }";
        String update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }";
        String endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }";
        Map<String, List<String>> expected = Map.of(
                "en", List.of("not SPARQL 1.1 at line 2, column ", "SPARQL updates are refused", "the query was stopped after 3 s"),
                "zh-CN", List.of("第 2 行第 ", "不接受 SPARQL 更新", "查询运行 3 秒后已停止"));
        expected.forEach((language, texts) -> {
            Http.Response syntax = sparql(malformed, language);
            assertThat(syntax.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            String detail = problem(syntax, 400);
            assertThat(detail).as(language).contains(texts.get(0)).contains("Encountered");
            assertThat(syntax.json().get("line").asInt()).isEqualTo(2);
            assertThat(detail).as("the parser's column is the problem's").contains(String.valueOf(syntax.json().get("column").asInt()));

            Http.Response refused = sparql(update, language);
            assertThat(refused.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(problem(refused, 400)).as(language).contains(texts.get(1));

            long start = System.nanoTime();
            Http.Response stopped = sparql(endless, language);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(stopped.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(problem(stopped, 400)).as(language).contains(texts.get(2));
            assertThat(took).as("it ran until the timeout and no longer").isBetween(Duration.ofMillis(2_900), Duration.ofSeconds(15));
        });
    }

    /** Done-means: the result limit (gw.catalog.sparql-max-results, 10 000) holds over HTTP, whatever LIMIT the query asks. */
    @Test
    void aResultIsCutAtTheLimitWhateverTheQueryAsks() {
        String pairs = "SELECT ?s ?t WHERE { ?s ?p ?o . ?t ?q ?r }";
        for (String limit : List.of("", " LIMIT 50000", " LIMIT 7")) {
            Http.Response csv = http.anonymous().get("/catalog/sparql?format=csv&query="
                    + java.net.URLEncoder.encode(pairs + limit, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(csv.status()).as(csv.body()).isEqualTo(200);
            assertThat(csv.body().lines().count() - 1).as("rows of" + (limit.isEmpty() ? " no LIMIT" : limit)).isEqualTo(limit.equals(" LIMIT 7") ? 7 : 10_000);
        }
    }

    @Test
    void sparqlRefusesWhatCouldLeaveTheCatalogLoadClassesOrExhaustTheGatewayWith400() {
        // SERVICE inside an aggregate passed the syntax check and failed in the engine: 500 before.
        assertThat(problem(sparql("SELECT (COUNT(EXISTS { SERVICE <http://x/> { } }) AS ?c) { }"), 400)).contains("SERVICE");
        assertThat(problem(sparql("SELECT (<java:org.example.Evil>(1) AS ?x) { }"), 400)).contains("java:");
        assertThat(problem(sparql("SELECT (" + "CONCAT(".repeat(9) + "\"a\"" + ")".repeat(9) + " AS ?x) { }"), 400)).contains("at most 8");
        // A relative IRI names a place in the catalog, not the gateway's working directory.
        Http.Response relative = sparql("SELECT (<x> AS ?u) { }");
        assertThat(relative.status()).isEqualTo(200);
        assertThat(relative.body()).doesNotContain("file:").contains("/catalog/x");
        // A form's query is held to the body's 64 KB as well.
        String padding = "#" + "x".repeat(64 * 1024) + "\nASK { }";
        Http.Response longForm = http.post("/catalog/sparql", "application/x-www-form-urlencoded",
                "query=" + java.net.URLEncoder.encode(padding, java.nio.charset.StandardCharsets.UTF_8), null, null);
        assertThat(problem(longForm, 400)).contains("65536");
        Http.Response longBody = http.post("/catalog/sparql", "application/sparql-query", padding, null, null);
        assertThat(problem(longBody, 400)).contains("65536");
    }

    @Test
    void thePublicsSparqlResultsAreExactlyTheResultsFormatWithTheDisclosureInTheHeaderOnly() {
        Http.Response json = sparql("PREFIX dct: <http://purl.org/dc/terms/> SELECT ?id WHERE { ?d dct:identifier ?id }");
        assertThat(json.status()).isEqualTo(200);
        // The public's disclosure masks (so a plain JSON body would carry the statement as a member), yet this one does not.
        assertThat(json.raw().headers().firstValue("GW-Disclosure")).isPresent();
        List<String> members = new ArrayList<>();
        json.json().propertyNames().forEach(members::add);
        assertThat(members).containsExactlyInAnyOrder("head", "results");
        org.apache.jena.query.ResultSet rows = org.apache.jena.query.ResultSetFactory.fromJSON(
                new java.io.ByteArrayInputStream(json.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(rows.getResultVars()).containsExactly("id");
        assertThat(rows.hasNext()).isTrue();
    }

    /** Two queries run at once (gw.catalog.sparql-concurrency); one more is told to come back, not queued. */
    @Test
    void aQueryBeyondTheConcurrentOnesIsAnswered503WithRetryAfter() throws Exception {
        String slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }";
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Http.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) answers.add(callers.submit(() -> sparql(slow)));
            List<Http.Response> busy = new ArrayList<>();
            for (var answer : answers) {
                Http.Response response = answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
                if (response.status() == 503) busy.add(response);
                else assertThat(response.status()).as(response.body()).isEqualTo(400);
            }
            assertThat(busy).hasSizeBetween(1, 2);
            assertThat(busy.get(0).raw().headers().firstValue("Retry-After")).contains("3");
            assertThat(busy.get(0).raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(busy.get(0).json().get("detail").asString()).contains("retry in 3 s");
        } finally {
            callers.shutdownNow();
        }
    }

    private Http.Response sparql(String query) {
        return sparql(query, "en");
    }

    private Http.Response sparql(String query, String language) {
        return http.anonymous().get("/catalog/sparql?query=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8),
                Map.of("Accept-Language", language));
    }

    private Model catalog(Http caller) {
        Http.Response response = caller.get("/catalog?f=nt");
        assertThat(response.status()).isEqualTo(200);
        return parse(response.body(), CatalogFormat.N_TRIPLES);
    }

    /** The datasets' identifiers ({@code wells}, {@code datastreams_by_well/GW-U01}). */
    private static List<String> datasets(Model model) {
        return model.listSubjectsWithProperty(RDF.type, DATASET)
                .mapWith(d -> d.getProperty(org.apache.jena.vocabulary.DCTerms.identifier).getString()).toList();
    }

    private static Model parse(String body, CatalogFormat format) {
        Lang lang = RDFLanguages.contentTypeToLang(format.mediaType());
        Model model = ModelFactory.createDefaultModel();
        RDFParser.fromString(body, lang).parse(model.getGraph());
        return model;
    }
}
