package org.groundwatergateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.published.PublishedDatasets;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class CatalogSparqlTest {

    private static final String ROOT = "https://gw.example.cn";
    private static final String PREFIXES = "PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX dct: <http://purl.org/dc/terms/> ";

    private final CatalogFacts facts = new CatalogFacts() {
        @Override
        public List<ParkArea> parks() {
            return List.of(new ParkArea("HBDP", "示范化工园区", "Demo chemical park", new GeometryFactory().createPolygon(new Coordinate[] {
                    new Coordinate(116.0, 38.0), new Coordinate(116.1, 38.0), new Coordinate(116.1, 38.1), new Coordinate(116.0, 38.0)})));
        }

        @Override
        public List<Member> wellsWithDatastreams() {
            return List.of(new Member(1, "MW-01", "一号监测井", "MW-01"));
        }

        @Override
        public List<Member> parametersWithDatastreams() {
            return List.of(new Member(7, "benzene", "苯", "Benzene"));
        }

        @Override
        public Optional<Period> period(String datasetId) {
            return Optional.empty();
        }
    };

    private CatalogSparql sparql(Duration timeout, int maxResults) {
        DcatCatalog catalog = new DcatCatalog(PublishedDatasets.shipped(),
                (viewer, dataset) -> dataset.equals("network_coverage") ? Disclosure.none() : Disclosure.full(), facts,
                new CatalogSettings("园区管委会", "Park administration", "gis@example.org", "http://creativecommons.org/licenses/by/4.0/"),
                Clock.fixed(Instant.parse("2026-12-04T08:00:00Z"), ZoneOffset.UTC));
        return new CatalogSparql(catalog, timeout, maxResults);
    }

    @Test
    void selectsTheCallersDatasetsInEveryResultFormat() {
        CatalogSparql sparql = sparql(Duration.ofSeconds(10), 1000);
        SparqlResult result = sparql.run(sparql.parse(PREFIXES + "SELECT ?id WHERE { ?d a dcat:Dataset ; dct:identifier ?id } ORDER BY ?id"),
                Viewer.anonymous(), ROOT);
        String csv = write(result, SparqlResultFormat.CSV);
        assertThat(csv).startsWith("id\r\n").contains("wells").contains("datastreams_by_well/MW-01").doesNotContain("network_coverage");
        for (SparqlResultFormat format : SparqlResultFormat.values()) {
            SparqlResult again = sparql.run(sparql.parse(PREFIXES + "SELECT ?id WHERE { ?d dct:identifier ?id }"), Viewer.anonymous(), ROOT);
            assertThat(write(again, format)).as(format.name()).contains("risk_zones");
        }
        assertThat(write(sparql.run(sparql.parse(PREFIXES + "ASK { ?d dct:identifier \"network_coverage\" }"), Viewer.anonymous(), ROOT),
                SparqlResultFormat.JSON)).contains("false");
    }

    @Test
    void aMissingOrLargerLimitIsLoweredToTheMaximum() {
        CatalogSparql sparql = sparql(Duration.ofSeconds(10), 3);
        assertThat(sparql.parse("SELECT * WHERE { ?s ?p ?o }").getLimit()).isEqualTo(3);
        assertThat(sparql.parse("SELECT * WHERE { ?s ?p ?o } LIMIT 100").getLimit()).isEqualTo(3);
        assertThat(sparql.parse("SELECT * WHERE { ?s ?p ?o } LIMIT 2").getLimit()).isEqualTo(2);
        SparqlResult.Rows rows = (SparqlResult.Rows) sparql.run(sparql.parse("SELECT * WHERE { ?s ?p ?o }"), Viewer.anonymous(), ROOT);
        assertThat(rows.rows().size()).isEqualTo(3);
    }

    @Test
    void aMalformedQueryIsRefusedWithTheParsersLineAndColumn() {
        CatalogSparql sparql = sparql(Duration.ofSeconds(10), 10);
        assertThatThrownBy(() -> sparql.parse("SELECT ?s\nWHERE { ?s ?p }")).isInstanceOfSatisfying(SparqlSyntaxError.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isPositive();
            assertThat(e.problem().message(Locale.ENGLISH)).startsWith("query: not SPARQL 1.1 at line 2, column ");
        });
    }

    @Test
    void updatesServiceAndOtherGraphsAreRefused() {
        CatalogSparql sparql = sparql(Duration.ofSeconds(10), 10);
        assertThatThrownBy(() -> sparql.parse("INSERT DATA { <urn:a> <urn:b> <urn:c> }")).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.getMessage()).contains("updates are refused"));
        assertThatThrownBy(() -> sparql.parse("DROP ALL")).hasMessageContaining("updates are refused");
        assertThatThrownBy(() -> sparql.parse("SELECT * WHERE { SERVICE <http://dbpedia.org/sparql> { ?s ?p ?o } }")).hasMessageContaining("SERVICE");
        assertThatThrownBy(() -> sparql.parse("SELECT * WHERE { { SELECT ?s WHERE { FILTER EXISTS { SERVICE <http://x.example/q> { ?s ?p ?o } } } } }"))
                .hasMessageContaining("SERVICE");
        assertThatThrownBy(() -> sparql.parse("SELECT (EXISTS { SERVICE <http://x.example/q> { ?s ?p ?o } } AS ?x) WHERE { }"))
                .hasMessageContaining("SERVICE");
        assertThatThrownBy(() -> sparql.parse("SELECT * WHERE { BIND(NOT EXISTS { SERVICE <http://x.example/q> { } } AS ?x) }"))
                .hasMessageContaining("SERVICE");
        assertThatThrownBy(() -> sparql.parse("SELECT * FROM <http://x.example/g> WHERE { ?s ?p ?o }")).hasMessageContaining("FROM");
        assertThatThrownBy(() -> sparql.parse(" ")).hasMessageContaining("give a SPARQL query");
    }

    @Test
    void aQueryThatRunsTooLongIsStopped() {
        CatalogSparql sparql = sparql(Duration.ofMillis(300), 10);
        Query everything = sparql.parse("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }");
        long start = System.nanoTime();
        assertThatThrownBy(() -> sparql.run(everything, Viewer.anonymous(), ROOT)).isInstanceOf(InvalidInput.class).hasMessageContaining("stopped");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void serviceInsideAnAggregateIsRefusedAndTheEngineCallsOutForNoQuery() {
        CatalogSparql sparql = sparql(Duration.ofSeconds(10), 10);
        // Jena's syntax walker does not enter an aggregator's argument; the algebra check does.
        assertThatThrownBy(() -> sparql.parse("SELECT (COUNT(EXISTS { SERVICE <http://x/> { } }) AS ?c) { }")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("SERVICE");
        assertThatThrownBy(() -> sparql.parse("SELECT ?s (SAMPLE(NOT EXISTS { SERVICE <http://x/> { } }) AS ?c) { ?s ?p ?o } GROUP BY ?s"))
                .hasMessageContaining("SERVICE");
        assertThatThrownBy(() -> sparql.parse("SELECT ?s { ?s ?p ?o } GROUP BY ?s HAVING (MAX(EXISTS { SERVICE <http://x/> { } }))"))
                .hasMessageContaining("SERVICE");
        assertThatThrownBy(() -> sparql.parse("SELECT ?s { ?s ?p ?o } ORDER BY (EXISTS { { SELECT * { SERVICE <http://x/> { } } } })"))
                .hasMessageContaining("SERVICE");
        // A SERVICE that reached the engine anyway is refused by it, and that refusal is the query's fault: 400, not 500.
        assertThatThrownBy(() -> sparql.run(QueryFactory.create("SELECT (COUNT(EXISTS { SERVICE <http://x/> { } }) AS ?c) { }"),
                Viewer.anonymous(), ROOT)).isInstanceOf(InvalidInput.class).hasMessageContaining("cannot be run here");
        assertThat(ARQ.getContext().isFalse(ARQ.httpServiceAllowed)).isTrue();
    }

    @Test
    void relativeIrisResolveAgainstTheCatalogNotTheWorkingDirectory() {
        CatalogSparql sparql = sparql(Duration.ofSeconds(10), 10);
        String csv = write(sparql.run(sparql.parse("SELECT (<x> AS ?u) { }", ROOT), Viewer.anonymous(), ROOT), SparqlResultFormat.CSV);
        assertThat(csv).doesNotContain("file:").contains(ROOT + "/catalog/x");
        String json = write(sparql.run(sparql.parse("BASE <> SELECT (<../y> AS ?u) { }"), Viewer.anonymous(), ROOT), SparqlResultFormat.JSON);
        assertThat(json).doesNotContain("file:");
    }

    @Test
    void javaFunctionsAndPropertyFunctionsAreRefused() {
        CatalogSparql sparql = sparql(Duration.ofSeconds(10), 10);
        assertThatThrownBy(() -> sparql.parse("SELECT (<java:org.example.Evil>(1) AS ?x) { }")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("java:");
        assertThatThrownBy(() -> sparql.parse("PREFIX j: <java:org.example.> SELECT * { FILTER EXISTS { ?s j:Pf ?o } }"))
                .hasMessageContaining("java:");
        assertThatThrownBy(() -> sparql.parse("SELECT (COUNT(<JAVA:org.example.Evil>(?s)) AS ?n) { ?s ?p ?o }")).hasMessageContaining("java:");
        assertThatThrownBy(() -> sparql.parse("SELECT * { ?s <java:org.example.Pf>/<urn:p> ?o }")).hasMessageContaining("java:");
    }

    @Test
    void aQueryThatBuildsStringsMoreThanEightTimesIsRefused() {
        CatalogSparql sparql = sparql(Duration.ofSeconds(10), 10);
        String eight = "SELECT (CONCAT(UCASE(LCASE(?t)), STRBEFORE(?t, \"a\"), STRAFTER(?t, \"a\"), SUBSTR(?t, 1), ENCODE_FOR_URI(?t)) AS ?x) "
                + "{ ?s ?p ?t FILTER(REPLACE(?t, \"a\", \"b\") != \"\") }";
        assertThat(sparql.parse(eight)).isNotNull();
        assertThatThrownBy(() -> sparql.parse(eight.replace("SUBSTR(?t, 1)", "SUBSTR(CONCAT(?t, ?t), 1)"))).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("builds strings 9 times");
        // Aggregates and EXISTS patterns count too.
        assertThatThrownBy(() -> sparql.parse("SELECT (GROUP_CONCAT(" + "CONCAT(".repeat(8) + "?t" + ")".repeat(8) + ") AS ?x) { ?s ?p ?t }"))
                .hasMessageContaining("builds strings 9 times");
        assertThatThrownBy(() -> sparql.parse("SELECT * { FILTER EXISTS { BIND(" + "CONCAT(".repeat(9) + "\"a\"" + ")".repeat(9) + " AS ?x) } }"))
                .hasMessageContaining("builds strings 9 times");
    }

    @Test
    void aQueryBeyondTheConcurrentOnesIsRefusedAsBusyAndItsSlotFreedAfter() throws Exception {
        CountDownLatch describing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CatalogFacts slow = new CatalogFacts() {
            @Override
            public List<ParkArea> parks() {
                describing.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return facts.parks();
            }

            @Override
            public List<Member> wellsWithDatastreams() {
                return facts.wellsWithDatastreams();
            }

            @Override
            public List<Member> parametersWithDatastreams() {
                return facts.parametersWithDatastreams();
            }

            @Override
            public Optional<Period> period(String datasetId) {
                return Optional.empty();
            }
        };
        DcatCatalog catalog = new DcatCatalog(PublishedDatasets.shipped(), (viewer, dataset) -> Disclosure.full(), slow,
                new CatalogSettings("园区管委会", "Park administration", "gis@example.org", "http://creativecommons.org/licenses/by/4.0/"),
                Clock.fixed(Instant.parse("2026-12-04T08:00:00Z"), ZoneOffset.UTC));
        CatalogSparql sparql = new CatalogSparql(catalog, Duration.ofSeconds(3), 10, 1);
        Query ask = sparql.parse("ASK { ?s ?p ?o }");
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<SparqlResult> first = executor.submit(() -> sparql.run(ask, Viewer.anonymous(), ROOT));
            assertThat(describing.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> sparql.run(ask, Viewer.anonymous(), ROOT)).isInstanceOfSatisfying(CatalogSparql.Busy.class, e -> {
                assertThat(e.retryAfterSeconds()).isEqualTo(3);
                assertThat(e.problem().message(Locale.ENGLISH)).contains("retry in 3 s");
            });
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(new SparqlResult.Answer(true));
            assertThat(sparql.run(ask, Viewer.anonymous(), ROOT)).isEqualTo(new SparqlResult.Answer(true));
        } finally {
            release.countDown();
            executor.shutdownNow();
        }
    }

    private static String write(SparqlResult result, SparqlResultFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(result, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
